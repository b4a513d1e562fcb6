import { compareText } from '../model/compare-text';
/**
 * What each workload controller creates from the manifests: the pods of
 * Deployments (through their ReplicaSet), ReplicaSets, StatefulSets, Jobs and
 * bare Pods, with the names, labels and claims the controllers give them.
 * DaemonSet pods depend on the nodes and are created by `createDaemonSetPods`
 * during scheduling; a CronJob has no pod until its schedule fires.
 */
import { getAt, type JsonObject, type JsonPath } from '../../model/json';
import { podSpecPath } from '../../model/pod-template';
import { podSpecHolders } from '../model/object-kinds';
import { namespaceOf, sourceOf, type SimObject } from '../model/sim-object';
import type { SimPod } from '../model/sim-pod';
import { podTemplateHash, stableSuffix } from '../model/stable-hash';
import type { WorkloadKind } from '../report';
import { podClaims, readCount, readPodSpec, readTemplateLabels } from './pod-template-data';
import type { PodManagementPolicy, WorkloadPlan } from './workload-plan';
import { ITEMS_PER_STEP, runSteps } from '../../steps/run-steps';

/** `group/Kind` of the workloads the simulation expands. */
const WORKLOAD_KINDS: Record<string, WorkloadKind> = {
  'apps/Deployment': 'Deployment',
  'apps/ReplicaSet': 'ReplicaSet',
  'apps/StatefulSet': 'StatefulSet',
  'apps/DaemonSet': 'DaemonSet',
  'batch/Job': 'Job',
  'batch/CronJob': 'CronJob',
  '/Pod': 'Pod',
};

/** The workload objects, sorted and deduplicated (a later document of the same kind/namespace/name wins, as `kubectl apply` would). */
function workloadObjects(
  objects: readonly SimObject[],
): { object: SimObject; kind: WorkloadKind }[] {
  const byKey = new Map<string, { object: SimObject; kind: WorkloadKind }>();
  // Every workload kind has a pod spec: only those objects are looked at.
  const ordered = podSpecHolders(objects)
    .map(({ object }) => object)
    .sort((a, b) => compareText(a.uri, b.uri) || a.lineOffset - b.lineOffset);
  for (const object of ordered) {
    const kind = WORKLOAD_KINDS[object.manifest.groupKind];
    const name = object.manifest.name;
    if (!kind || name === undefined || name === '') continue;
    byKey.set(`${kind}/${namespaceOf(object)}/${name}`, { object, kind });
  }
  return [...byKey.values()].sort(
    (a, b) =>
      compareText(namespaceOf(a.object), namespaceOf(b.object)) ||
      compareText(a.object.manifest.name ?? '', b.object.manifest.name ?? '') ||
      compareText(a.kind, b.kind),
  );
}

interface PodDraft {
  name: string;
  labels: Record<string, string>;
  ordinal?: number;
  hostname?: string;
  subdomain?: string;
  claims?: { volume: string; claim: string }[];
}

function makePod(
  object: SimObject,
  kind: WorkloadKind,
  specPath: JsonPath,
  spec: JsonObject,
  draft: PodDraft,
): SimPod {
  const pod: SimPod = {
    name: draft.name,
    namespace: namespaceOf(object),
    owner: { kind, name: object.manifest.name ?? '' },
    labels: draft.labels,
    spec,
    from: object,
    specPath,
    claims: draft.claims ?? podClaims(spec, draft.name),
    node: null,
    ip: null,
    phase: 'Pending',
  };
  if (draft.ordinal !== undefined) pod.ordinal = draft.ordinal;
  if (draft.hostname !== undefined) pod.hostname = draft.hostname;
  if (draft.subdomain !== undefined) pod.subdomain = draft.subdomain;
  return pod;
}

/**
 * `count` names `<prefix>-<5 safe characters>`, as `generateName` makes them
 * (apiserver's `names.SimpleNameGenerator`), derived from the owner so they are
 * stable across runs; a repeat within the owner is re-drawn.
 */
function generatedNames(seed: string, prefix: string, count: number): string[] {
  const names: string[] = [];
  const used = new Set<string>();
  for (let i = 0; i < count; i++) {
    let attempt = 0;
    let name = `${prefix}-${stableSuffix(`${seed}/${i}`)}`;
    while (used.has(name)) name = `${prefix}-${stableSuffix(`${seed}/${i}/${++attempt}`)}`;
    used.add(name);
    names.push(name);
  }
  return names;
}

/** Expands one workload into its plan and the pods that do not depend on the nodes. */
function expandOne(object: SimObject, kind: WorkloadKind): { plan: WorkloadPlan; pods: SimPod[] } {
  const body = object.manifest.body;
  const namespace = namespaceOf(object);
  const name = object.manifest.name ?? '';
  const specPath = podSpecPath(object.manifest) ?? ['spec'];
  const spec = readPodSpec(body, specPath);
  const labels = readTemplateLabels(body, specPath);
  const plan: WorkloadPlan = {
    kind,
    namespace,
    name,
    desired: 0,
    source: sourceOf(object),
    object,
    specPath,
  };
  const pods: SimPod[] = [];
  const make = (draft: PodDraft): void => {
    pods.push(makePod(object, kind, specPath, spec, draft));
  };

  switch (kind) {
    case 'Deployment': {
      // The deployment controller names its ReplicaSet `<deployment>-<pod-template-hash>`
      // and adds the hash label to the template (pkg/controller/deployment/sync.go getNewReplicaSet).
      const hash = podTemplateHash(getAt(body, ['spec', 'template']) ?? null);
      const replicaSet = `${name}-${hash}`;
      plan.replicaSet = replicaSet;
      plan.desired = readCount(getAt(body, ['spec', 'replicas']), 1);
      for (const podName of generatedNames(
        `${namespace}/ReplicaSet/${replicaSet}`,
        replicaSet,
        plan.desired,
      )) {
        make({ name: podName, labels: { ...labels, 'pod-template-hash': hash } });
      }
      break;
    }
    case 'ReplicaSet': {
      plan.desired = readCount(getAt(body, ['spec', 'replicas']), 1);
      for (const podName of generatedNames(`${namespace}/ReplicaSet/${name}`, name, plan.desired)) {
        make({ name: podName, labels: { ...labels } });
      }
      break;
    }
    case 'StatefulSet': {
      expandStatefulSet(object, plan, labels, make);
      break;
    }
    case 'DaemonSet': {
      plan.daemonTemplate = { labels, spec };
      break;
    }
    case 'Job': {
      expandJob(object, plan, labels, make);
      break;
    }
    case 'CronJob': {
      const schedule = getAt(body, ['spec', 'schedule']);
      if (typeof schedule === 'string') plan.schedule = schedule;
      break;
    }
    case 'Pod': {
      plan.desired = 1;
      make({ name, labels });
      break;
    }
  }
  return { plan, pods };
}

/**
 * StatefulSet pods (pkg/controller/statefulset/stateful_set_utils.go): names
 * `<sts>-<ordinal>` from `spec.ordinals.start`, hostname the pod name,
 * subdomain `spec.serviceName`, the pod-name and pod-index labels, and a claim
 * `<template>-<sts>-<ordinal>` per volumeClaimTemplate, which replaces a pod
 * volume of the same name (`updateStorage`).
 */
function expandStatefulSet(
  object: SimObject,
  plan: WorkloadPlan,
  labels: Record<string, string>,
  make: (draft: PodDraft) => void,
): void {
  const body = object.manifest.body;
  const name = plan.name;
  const spec = readPodSpec(body, plan.specPath);
  plan.desired = readCount(getAt(body, ['spec', 'replicas']), 1);
  const policy: PodManagementPolicy =
    getAt(body, ['spec', 'podManagementPolicy']) === 'Parallel' ? 'Parallel' : 'OrderedReady';
  plan.podManagementPolicy = policy;
  const start = readCount(getAt(body, ['spec', 'ordinals', 'start']), 0);
  const serviceName = getAt(body, ['spec', 'serviceName']);
  const revision = `${name}-${podTemplateHash(getAt(body, ['spec', 'template']) ?? null)}`;
  const templates = getAt(body, ['spec', 'volumeClaimTemplates']);
  const templateNames = Array.isArray(templates)
    ? templates
        .map((template) => getAt(template, ['metadata', 'name']))
        .filter(
          (templateName): templateName is string =>
            typeof templateName === 'string' && templateName !== '',
        )
    : [];
  plan.orderedPods = [];
  for (let i = 0; i < plan.desired; i++) {
    const ordinal = start + i;
    const podName = `${name}-${ordinal}`;
    plan.orderedPods.push(podName);
    const claims = podClaims(spec, podName).filter(
      (claim) => !templateNames.includes(claim.volume),
    );
    for (const template of templateNames) {
      claims.push({ volume: template, claim: `${template}-${name}-${ordinal}` });
    }
    const draft: PodDraft = {
      name: podName,
      ordinal,
      hostname: podName,
      claims,
      labels: {
        ...labels,
        'controller-revision-hash': revision,
        'statefulset.kubernetes.io/pod-name': podName,
        'apps.kubernetes.io/pod-index': String(ordinal),
      },
    };
    if (typeof serviceName === 'string' && serviceName !== '') draft.subdomain = serviceName;
    make(draft);
  }
}

/**
 * Job pods (pkg/controller/job): `parallelism` (default 1) pods at once, at
 * most `completions` when set, none while `suspend` is true; named
 * `<job>-<suffix>`, or `<job>-<index>-<suffix>` in Indexed completion mode,
 * labelled with the job name (and completion index).
 */
function expandJob(
  object: SimObject,
  plan: WorkloadPlan,
  labels: Record<string, string>,
  make: (draft: PodDraft) => void,
): void {
  const body = object.manifest.body;
  const name = plan.name;
  const parallelism = readCount(getAt(body, ['spec', 'parallelism']), 1);
  const rawCompletions = getAt(body, ['spec', 'completions']);
  const completions =
    typeof rawCompletions === 'number' && Number.isInteger(rawCompletions) && rawCompletions >= 0
      ? rawCompletions
      : undefined;
  const suspended = getAt(body, ['spec', 'suspend']) === true;
  plan.desired = suspended
    ? 0
    : completions === undefined
      ? parallelism
      : Math.min(parallelism, completions);
  const jobLabels = { ...labels, 'batch.kubernetes.io/job-name': name, 'job-name': name };
  if (getAt(body, ['spec', 'completionMode']) === 'Indexed') {
    for (let index = 0; index < plan.desired; index++) {
      const [podName = `${name}-${index}`] = generatedNames(
        `${plan.namespace}/Job/${name}/${index}`,
        `${name}-${index}`,
        1,
      );
      make({
        name: podName,
        labels: {
          ...jobLabels,
          'batch.kubernetes.io/job-completion-index': String(index),
        },
      });
    }
    return;
  }
  for (const podName of generatedNames(`${plan.namespace}/Job/${name}`, name, plan.desired)) {
    make({ name: podName, labels: jobLabels });
  }
}

/**
 * Expands the workloads of a scope: one plan per Deployment, ReplicaSet,
 * StatefulSet, DaemonSet, Job, CronJob and bare Pod, and the pods their
 * controllers create (all StatefulSet ordinals; scheduling drops those an
 * OrderedReady StatefulSet would not create yet). The result does not depend
 * on the order of `objects`.
 */
export function expandWorkloads(objects: SimObject[]): {
  workloads: WorkloadPlan[];
  pods: SimPod[];
} {
  return runSteps(expandWorkloadsSteps(objects));
}

/** `expandWorkloads` a slice of workloads at a time (see `simulateSteps`). */
export function* expandWorkloadsSteps(
  objects: SimObject[],
): Generator<void, { workloads: WorkloadPlan[]; pods: SimPod[] }, void> {
  const workloads: WorkloadPlan[] = [];
  const pods: SimPod[] = [];
  for (const { object, kind } of workloadObjects(objects)) {
    const expanded = expandOne(object, kind);
    workloads.push(expanded.plan);
    for (const pod of expanded.pods) pods.push(pod);
    if (workloads.length % ITEMS_PER_STEP === 0) yield;
  }
  return { workloads, pods };
}
