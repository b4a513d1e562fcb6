import { compareText } from '../model/compare-text';
/**
 * Places the pods on the cluster's nodes as kube-scheduler would, one at a
 * time in a deterministic order (namespace, owner, ordinal, name): PreFilter
 * (NodeAffinity's node pinning, VolumeBinding's claims), the Filter plugins,
 * then the Score plugins; pods naming `spec.nodeName` go to that node's kubelet
 * instead. DaemonSet pods are created here, one per eligible node; an
 * OrderedReady StatefulSet creates pod N+1 only once pod N is Running. Every
 * placed pod then gets its IP.
 */
import type { SimPod } from '../model/sim-pod';
import type { Cluster, ReportDiagnostic, WorkloadReport } from '../report';
import { createDaemonSetPods } from '../workloads/daemon-set-pods';
import type { WorkloadPlan } from '../workloads/workload-plan';
import { buildWorkloadReports } from '../workloads/workload-reports';
import { createPodIpAllocator } from './assign-pod-ips';
import { filterNode } from './filter-node';
import { formatFitError } from './fit-error';
import { kubeletRejection } from './kubelet-admission';
import { preFilterNodeNames } from './node-affinity';
import { addPodToNode, createNodeStates, type NodeState } from './node-state';
import { pickNode } from './score-nodes';
import {
  masterTolerationHint,
  noEligibleNodeDiagnostic,
  unschedulableDiagnostics,
  type HaltedStatefulSet,
} from './scheduling-diagnostics';
import { ITEMS_PER_STEP, runSteps } from '../../steps/run-steps';

/** What other stages know about a pod before it can run. */
export interface SchedulingBlockers {
  /**
   * Why a claim of the pod keeps it from being scheduled, in the scheduler's
   * words (`persistentvolumeclaim "data-web-0" not found`,
   * `pod has unbound immediate PersistentVolumeClaims`), or undefined.
   */
  claimBlocker(pod: SimPod): string | undefined;
  /**
   * Optional: why a pod bound to a node cannot start its containers (a missing
   * ConfigMap: CreateContainerConfigError). Such a pod stays Pending, and an
   * OrderedReady StatefulSet waits for it before creating the next pod.
   */
  startBlocker?(pod: SimPod): SimPod['blocked'] | undefined;
}

/** The scheduled pods, the findings, and the workloads with their desired and scheduled counts. */
export interface ScheduleResult {
  /** Every pod that exists, in scheduling order (StatefulSet pods not created yet are left out). */
  pods: SimPod[];
  diagnostics: ReportDiagnostic[];
  workloads: WorkloadReport[];
}

/** The scheduling order: namespace, owner, ordinal, name. */
function podOrder(a: SimPod, b: SimPod): number {
  return (
    compareText(a.namespace, b.namespace) ||
    compareText(a.owner.name, b.owner.name) ||
    compareText(a.owner.kind, b.owner.kind) ||
    (a.ordinal ?? -1) - (b.ordinal ?? -1) ||
    compareText(a.name, b.name)
  );
}

const NO_NODES = 'no nodes available to schedule pods';

function unschedulable(pod: SimPod, reason: string): SimPod {
  return {
    ...pod,
    node: null,
    ip: null,
    phase: 'Pending',
    reason,
    blocked: { step: 'scheduler', reason },
  };
}

/** A pod with `spec.nodeName`: the kubelet of that node admits it or not. */
function admitOnNode(
  pod: SimPod,
  nodeName: string,
  states: ReadonlyMap<string, NodeState>,
  claim: string | undefined,
): SimPod {
  const state = states.get(nodeName);
  const rejected = (node: string | null, reason: string): SimPod => ({
    ...pod,
    node,
    ip: null,
    phase: 'Pending',
    reason,
    blocked: { step: 'kubelet', reason, admission: true },
  });
  if (!state) {
    return rejected(
      null,
      `node "${nodeName}" not found: spec.nodeName names a node the cluster does not have, so no kubelet runs the pod`,
    );
  }
  const rejection = kubeletRejection(pod.spec, state);
  if (rejection) return rejected(nodeName, rejection);
  addPodToNode(state, pod.spec);
  if (claim !== undefined) {
    const volumes = pod.claims.map((entry) => entry.volume).join(' ');
    return rejected(
      nodeName,
      `Unable to attach or mount volumes: unmounted volumes=[${volumes}]: ${claim}`,
    );
  }
  return { ...pod, node: nodeName };
}

/** kube-scheduler's cycle for one pod. */
function scheduleOne(pod: SimPod, states: readonly NodeState[], claim: string | undefined): SimPod {
  if (states.length === 0) return unschedulable(pod, NO_NODES);
  const pinned = preFilterNodeNames(pod.spec);
  if (pinned && pinned.size === 0) {
    return unschedulable(
      pod,
      formatFitError(states.length, { preFilter: 'pod affinity terms conflict' }),
    );
  }
  if (claim !== undefined)
    return unschedulable(pod, formatFitError(states.length, { preFilter: claim }));
  const candidates = pinned ? states.filter((state) => pinned.has(state.node.name)) : [...states];
  const reasons: string[][] = [];
  const feasible: NodeState[] = [];
  for (const state of candidates) {
    const nodeReasons = filterNode(pod.spec, state);
    if (nodeReasons.length === 0) feasible.push(state);
    else reasons.push(nodeReasons);
  }
  const chosen = pickNode(pod.spec, feasible);
  if (!chosen) {
    for (let i = candidates.length; i < states.length; i++) {
      reasons.push(["node(s) didn't satisfy plugin(s) [NodeAffinity]"]);
    }
    return unschedulable(pod, formatFitError(states.length, { reasons }));
  }
  addPodToNode(chosen, pod.spec);
  return { ...pod, node: chosen.node.name };
}

/**
 * Schedules the pods of `expandWorkloads` (plus the DaemonSet pods it creates
 * from `plans`) on `cluster`, and assigns their IPs. Pending pods carry the
 * scheduler's message in `reason` and `blocked`; `pod-unschedulable`,
 * `daemonset-no-eligible-node` and `daemonset-master-toleration` findings come
 * with them. The input pods are not modified.
 */
export function schedulePods(
  plans: WorkloadPlan[],
  pods: SimPod[],
  cluster: Cluster,
  blockers: SchedulingBlockers,
): ScheduleResult {
  return runSteps(schedulePodsSteps(plans, pods, cluster, blockers));
}

/** `schedulePods` a slice of pods at a time (see `simulateSteps`). */
export function* schedulePodsSteps(
  plans: WorkloadPlan[],
  pods: SimPod[],
  cluster: Cluster,
  blockers: SchedulingBlockers,
): Generator<void, ScheduleResult, void> {
  const diagnostics: ReportDiagnostic[] = [];
  const queue: SimPod[] = [...pods];
  const policies = new Map<string, string>();
  for (const plan of plans) {
    if (plan.kind === 'StatefulSet') {
      policies.set(`${plan.namespace}/${plan.name}`, plan.podManagementPolicy ?? 'OrderedReady');
    }
    if (plan.kind !== 'DaemonSet') continue;
    const { pods: daemonPods, skipped } = createDaemonSetPods(plan, cluster);
    queue.push(...daemonPods);
    const none = noEligibleNodeDiagnostic(plan, skipped, cluster);
    if (none) diagnostics.push(none);
    const hint = masterTolerationHint(plan, skipped);
    if (hint) diagnostics.push(hint);
  }
  queue.sort(podOrder);
  yield;

  const states = createNodeStates(cluster.nodes);
  const byName = new Map(states.map((state) => [state.node.name, state]));
  const allocateIp = createPodIpAllocator(cluster);
  const halted = new Map<string, HaltedStatefulSet>();
  const placed: SimPod[] = [];
  for (const pod of queue) {
    const statefulSet =
      pod.owner.kind === 'StatefulSet' ? `${pod.namespace}/${pod.owner.name}` : undefined;
    const stop = statefulSet === undefined ? undefined : halted.get(statefulSet);
    if (stop) {
      stop.notCreated.push(pod.name);
      continue;
    }
    const claim = pod.claims.length > 0 ? blockers.claimBlocker(pod) : undefined;
    const nodeName =
      typeof pod.spec.nodeName === 'string' && pod.spec.nodeName !== ''
        ? pod.spec.nodeName
        : undefined;
    let result =
      nodeName === undefined
        ? scheduleOne(pod, states, claim)
        : admitOnNode(pod, nodeName, byName, claim);
    result = allocateIp(result);
    if (result.node !== null && !result.blocked && blockers.startBlocker) {
      const blocked = blockers.startBlocker(result);
      if (blocked) result = { ...result, phase: 'Pending', reason: blocked.reason, blocked };
    }
    if (result.node !== null && !result.blocked) result = { ...result, phase: 'Running' };
    delete result.reason;
    if (result.blocked) result.reason = result.blocked.reason;
    placed.push(result);
    if (placed.length % ITEMS_PER_STEP === 0) yield;
    if (
      statefulSet !== undefined &&
      policies.get(statefulSet) === 'OrderedReady' &&
      result.phase !== 'Running'
    ) {
      halted.set(statefulSet, { waitingFor: result.name, notCreated: [] });
    }
  }
  for (const [key, stop] of halted) if (stop.notCreated.length === 0) halted.delete(key);
  // Each of the two passes over every pod that follow is a step of its own.
  yield;
  diagnostics.push(...unschedulableDiagnostics(placed, halted, cluster));
  yield;
  return { pods: placed, diagnostics, workloads: buildWorkloadReports(plans, placed) };
}
