/**
 * The scheduling findings: workloads whose pods fit no node
 * (`pod-unschedulable`), DaemonSets that run nowhere
 * (`daemonset-no-eligible-node`) and DaemonSets that tolerate only the retired
 * master taint (`daemonset-master-toleration`).
 */
import { isJsonObject, type JsonPath } from '../../model/json';
import { rangeOf, type SimObject } from '../model/sim-object';
import type { SimPod } from '../model/sim-pod';
import type { Cluster, ReportDiagnostic } from '../report';
import type { DaemonNodeSkip } from '../workloads/daemon-set-pods';
import type { WorkloadPlan } from '../workloads/workload-plan';
import { formatCpu, formatMemory } from './describe-resources';
import { FILTER_REASONS } from './filter-node';
import { podRequests, readAllocatable } from './pod-requests';
import {
  DAEMONSET_MASTER_TOLERATION,
  DAEMONSET_NO_ELIGIBLE_NODE,
  POD_UNSCHEDULABLE,
} from './scheduling-codes';
import { readTolerations, tolerationsTolerate } from './tolerations';
import { listNames } from '../model/list-names';

const MASTER_TAINT = 'node-role.kubernetes.io/master';
const CONTROL_PLANE_TAINT = 'node-role.kubernetes.io/control-plane';

/** The pod template's key (`spec.template`), or `spec` for a bare Pod. */
function templatePath(specPath: JsonPath): JsonPath {
  return specPath.length > 1 ? specPath.slice(0, -1) : specPath;
}

function diagnostic(
  info: { code: string; severity: ReportDiagnostic['severity'] },
  object: SimObject,
  path: JsonPath,
  message: string,
  target: 'key' | 'value' = 'key',
): ReportDiagnostic {
  return {
    severity: info.severity,
    code: info.code,
    message,
    uri: object.uri,
    range: rangeOf(object, path, target),
  };
}

/** A StatefulSet that stopped creating pods: the pod it waits for and those it did not create. */
export interface HaltedStatefulSet {
  waitingFor: string;
  notCreated: string[];
}

function ownerText(pod: SimPod): string {
  return pod.owner.kind === 'Pod'
    ? `Pod ${pod.namespace}/${pod.name}`
    : `${pod.owner.kind} ${pod.namespace}/${pod.owner.name}`;
}

function resourceNote(pod: SimPod, reason: string, cluster: Cluster): string {
  const cpu = reason.includes(FILTER_REASONS.cpu) || reason.includes('OutOfcpu');
  const memory = reason.includes(FILTER_REASONS.memory) || reason.includes('OutOfmemory');
  if (!cpu && !memory) return '';
  const request = podRequests(pod.spec);
  const nodes = cluster.nodes.map((node) => readAllocatable(node.allocatable));
  const asks: string[] = [];
  const has: string[] = [];
  if (cpu) {
    asks.push(`cpu ${formatCpu(request.milliCpu)}`);
    has.push(`cpu ${formatCpu(Math.max(0, ...nodes.map((node) => node.milliCpu)))}`);
  }
  if (memory) {
    asks.push(`memory ${formatMemory(request.memory)}`);
    has.push(`memory ${formatMemory(Math.max(0, ...nodes.map((node) => node.memory)))}`);
  }
  return (
    ` Each pod requests ${asks.join(' and ')}; the largest node allocates ${has.join(' and ')}` +
    ' in all, shared with the pods placed before it.'
  );
}

/**
 * One `pod-unschedulable` warning per workload and reason, on the workload's
 * pod template, with the scheduler's (or kubelet's) message.
 */
export function unschedulableDiagnostics(
  pods: readonly SimPod[],
  halted: ReadonlyMap<string, HaltedStatefulSet>,
  cluster: Cluster,
): ReportDiagnostic[] {
  const groups = new Map<string, SimPod[]>();
  for (const pod of pods) {
    if (pod.blocked?.step !== 'scheduler' && pod.blocked?.admission !== true) continue;
    const key = `${pod.namespace}/${pod.owner.kind}/${pod.owner.name}\n${pod.blocked.reason}`;
    const group = groups.get(key);
    if (group) group.push(pod);
    else groups.set(key, [pod]);
  }
  const out: ReportDiagnostic[] = [];
  for (const group of groups.values()) {
    const first = group[0];
    if (!first?.blocked) continue;
    const reason = first.blocked.reason;
    const names = group.map((pod) => pod.name);
    const subject =
      first.owner.kind === 'Pod'
        ? `Pod ${first.namespace}/${first.name}`
        : group.length === 1
          ? `Pod ${first.name} of ${ownerText(first)}`
          : `${group.length} pods of ${ownerText(first)} (${listNames(names)})`;
    const many = group.length > 1;
    const verb =
      first.blocked.admission === true
        ? `${many ? 'are' : 'is'} bound to node ${typeof first.spec.nodeName === 'string' ? first.spec.nodeName : ''} by spec.nodeName, bypassing the scheduler, and cannot start there`
        : 'cannot be scheduled';
    let message = `${subject} ${verb}: ${reason}${resourceNote(first, reason, cluster)}`;
    const stop = halted.get(`${first.namespace}/${first.owner.name}`);
    if (first.owner.kind === 'StatefulSet' && stop && names.includes(stop.waitingFor)) {
      message +=
        ` With podManagementPolicy OrderedReady the StatefulSet creates the next pod only once ` +
        `${stop.waitingFor} is Running, so ${listNames(stop.notCreated)} ${stop.notCreated.length === 1 ? 'is' : 'are'} not created.`;
    }
    out.push(diagnostic(POD_UNSCHEDULABLE, first.from, templatePath(first.specPath), message));
  }
  return out;
}

function describeSkip(skip: DaemonNodeSkip): string {
  switch (skip.cause) {
    case 'nodeName':
      return `${skip.node}: spec.nodeName names another node`;
    case 'nodeSelector':
      return `${skip.node}: nodeSelector does not match its labels`;
    case 'affinity':
      return `${skip.node}: required node affinity does not match`;
    case 'taint': {
      const taint = skip.taint;
      const text = taint
        ? `${taint.key}${taint.value ? `=${taint.value}` : ''}:${taint.effect}`
        : 'a taint';
      return `${skip.node}: untolerated taint ${text}`;
    }
  }
}

/** `daemonset-no-eligible-node` when a DaemonSet makes no pod on any node of a non-empty cluster. */
export function noEligibleNodeDiagnostic(
  plan: WorkloadPlan,
  skipped: readonly DaemonNodeSkip[],
  cluster: Cluster,
): ReportDiagnostic | undefined {
  if (cluster.nodes.length === 0 || skipped.length < cluster.nodes.length) return undefined;
  const causes = new Set(skipped.map((skip) => skip.cause));
  let path = templatePath(plan.specPath);
  if (causes.size === 1 && causes.has('nodeSelector')) path = [...plan.specPath, 'nodeSelector'];
  if (causes.size === 1 && causes.has('affinity')) path = [...plan.specPath, 'affinity'];
  const message =
    `DaemonSet ${plan.namespace}/${plan.name} runs no pod: none of the ${cluster.nodes.length} nodes passes its ` +
    `nodeSelector, node affinity and tolerations (${skipped.map(describeSkip).join('; ')}).`;
  return diagnostic(DAEMONSET_NO_ELIGIBLE_NODE, plan.object, path, message);
}

/**
 * `daemonset-master-toleration`: the template tolerates `node-role.kubernetes.io/master`
 * but nothing tolerates `node-role.kubernetes.io/control-plane:NoSchedule`, the
 * taint kubeadm sets instead since 1.25 (KEP-2067), so the DaemonSet skips
 * control-plane nodes.
 */
export function masterTolerationHint(
  plan: WorkloadPlan,
  skipped: readonly DaemonNodeSkip[],
): ReportDiagnostic | undefined {
  const spec = plan.daemonTemplate?.spec;
  if (!spec) return undefined;
  const raw = Array.isArray(spec.tolerations) ? spec.tolerations : [];
  const index = raw.findIndex((entry) => isJsonObject(entry) && entry.key === MASTER_TAINT);
  if (index === -1) return undefined;
  const tolerations = readTolerations(spec);
  if (tolerationsTolerate(tolerations, { key: CONTROL_PLANE_TAINT, effect: 'NoSchedule' }))
    return undefined;
  const missed = skipped
    .filter((skip) => skip.cause === 'taint' && skip.taint?.key === CONTROL_PLANE_TAINT)
    .map((skip) => skip.node);
  const where =
    missed.length > 0
      ? `so it runs no pod on ${missed.join(', ')}`
      : 'so it would not run on control-plane nodes that carry it';
  const message =
    `DaemonSet ${plan.namespace}/${plan.name} tolerates ${MASTER_TAINT}, a taint kubeadm no longer sets: ` +
    `since Kubernetes 1.25 control-plane nodes carry ${CONTROL_PLANE_TAINT}:NoSchedule instead, ${where}. ` +
    `Add a toleration with key ${CONTROL_PLANE_TAINT} (operator Exists, effect NoSchedule) to run it there.`;
  return diagnostic(
    DAEMONSET_MASTER_TOLERATION,
    plan.object,
    [...plan.specPath, 'tolerations', index, 'key'],
    message,
    'value',
  );
}
