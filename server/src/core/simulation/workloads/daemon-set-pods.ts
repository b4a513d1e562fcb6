/**
 * DaemonSet pods: the controller makes one pod per node that passes its
 * checks (pkg/controller/daemon/daemon_controller.go `NodeShouldRunDaemonPod`
 * and `predicates`): the template's `nodeName`, `nodeSelector` and required
 * node affinity match the node, and every NoSchedule/NoExecute taint is
 * tolerated, counting the tolerations the controller adds itself. The pod is
 * pinned to its node by node affinity (`util.ReplaceDaemonSetPodNodeNameNodeAffinity`).
 */
import { getAt, isJsonObject, type JsonObject, type JsonValue } from '../../model/json';
import type { SimPod } from '../model/sim-pod';
import { podTemplateHash, stableSuffix } from '../model/stable-hash';
import type { Cluster, ClusterNode, ClusterTaint } from '../report';
import { usesHostNetwork } from '../scheduling/host-ports';
import { matchesNodeSelector, matchesRequiredNodeAffinity } from '../scheduling/node-affinity';
import {
  daemonSetTolerations,
  findUntoleratedTaint,
  readTolerations,
  type Toleration,
} from '../scheduling/tolerations';
import { cloneJson, podClaims } from './pod-template-data';
import type { WorkloadPlan } from './workload-plan';

/** Why a DaemonSet runs no pod on a node. */
export interface DaemonNodeSkip {
  node: string;
  /** What keeps it off: `nodeName`, `nodeSelector`, `affinity` or an untolerated taint. */
  cause: 'nodeName' | 'nodeSelector' | 'affinity' | 'taint';
  taint?: ClusterTaint;
}

/** The DaemonSet controller's checks of one node; undefined when the pod should run there. */
export function daemonNodeSkip(spec: JsonObject, node: ClusterNode): DaemonNodeSkip | undefined {
  const nodeName = spec.nodeName;
  if (typeof nodeName === 'string' && nodeName !== '' && nodeName !== node.name) {
    return { node: node.name, cause: 'nodeName' };
  }
  if (!matchesNodeSelector(spec, node)) return { node: node.name, cause: 'nodeSelector' };
  if (!matchesRequiredNodeAffinity(spec, node)) return { node: node.name, cause: 'affinity' };
  const tolerations = [...readTolerations(spec), ...daemonSetTolerations(usesHostNetwork(spec))];
  const taint = findUntoleratedTaint(node.taints, tolerations);
  if (taint) return { node: node.name, cause: 'taint', taint };
  return undefined;
}

function tolerationJson(toleration: Toleration): JsonObject {
  return { key: toleration.key, operator: toleration.operator, effect: toleration.effect };
}

/** `AddOrUpdateTolerationInPodSpec`: replace a toleration equal in key, operator, value and effect, else append. */
function addTolerations(spec: JsonObject): void {
  const current: JsonValue[] = Array.isArray(spec.tolerations) ? [...spec.tolerations] : [];
  for (const added of daemonSetTolerations(usesHostNetwork(spec))) {
    const index = current.findIndex(
      (entry) =>
        isJsonObject(entry) &&
        (entry.key ?? '') === added.key &&
        (entry.operator ?? '') === added.operator &&
        (entry.value ?? '') === added.value &&
        (entry.effect ?? '') === added.effect,
    );
    if (index === -1) current.push(tolerationJson(added));
    else current[index] = tolerationJson(added);
  }
  spec.tolerations = current;
}

/** `ReplaceDaemonSetPodNodeNameNodeAffinity`: the required terms become `metadata.name In [node]`. */
function pinToNode(spec: JsonObject, node: string): void {
  const affinity = isJsonObject(spec.affinity) ? spec.affinity : {};
  const nodeAffinity = isJsonObject(affinity.nodeAffinity) ? affinity.nodeAffinity : {};
  nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution = {
    nodeSelectorTerms: [
      { matchFields: [{ key: 'metadata.name', operator: 'In', values: [node] }] },
    ],
  };
  affinity.nodeAffinity = nodeAffinity;
  spec.affinity = affinity;
}

// The pod specs made from each template, by node: the same for every
// simulation of the template (and shared, so what is worked out from a pod
// spec is remembered for these too).
const podSpecs = new WeakMap<JsonObject, Map<string, JsonObject>>();

/** The template's pod spec as the controller sends it for a node: its tolerations added, pinned to the node. */
function daemonPodSpec(template: JsonObject, node: string): JsonObject {
  let byNode = podSpecs.get(template);
  if (!byNode) {
    byNode = new Map();
    podSpecs.set(template, byNode);
  }
  let spec = byNode.get(node);
  if (!spec) {
    spec = cloneJson(template);
    addTolerations(spec);
    pinToNode(spec, node);
    byNode.set(node, spec);
  }
  return spec;
}

/**
 * The pods a DaemonSet makes on the cluster, one per eligible node in node-name
 * order, named `<ds>-<suffix>` and labelled as the controller labels them
 * (`controller-revision-hash`, `pod-template-generation`); and why each other
 * node gets none.
 */
export function createDaemonSetPods(
  plan: WorkloadPlan,
  cluster: Cluster,
): { pods: SimPod[]; skipped: DaemonNodeSkip[] } {
  const template = plan.daemonTemplate;
  if (!template) return { pods: [], skipped: [] };
  const revisionHash = podTemplateHash(
    getAt(plan.object.manifest.body, ['spec', 'template']) ?? null,
  );
  const pods: SimPod[] = [];
  const skipped: DaemonNodeSkip[] = [];
  const used = new Set<string>();
  const nodes = [...cluster.nodes].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const node of nodes) {
    const skip = daemonNodeSkip(template.spec, node);
    if (skip) {
      skipped.push(skip);
      continue;
    }
    let attempt = 0;
    const seed = `${plan.namespace}/DaemonSet/${plan.name}/${node.name}`;
    let name = `${plan.name}-${stableSuffix(seed)}`;
    while (used.has(name)) name = `${plan.name}-${stableSuffix(`${seed}/${++attempt}`)}`;
    used.add(name);
    const spec = daemonPodSpec(template.spec, node.name);
    pods.push({
      name,
      namespace: plan.namespace,
      owner: { kind: 'DaemonSet', name: plan.name },
      labels: {
        ...template.labels,
        'controller-revision-hash': revisionHash,
        'pod-template-generation': '1',
      },
      spec,
      from: plan.object,
      specPath: plan.specPath,
      claims: podClaims(spec, name),
      node: null,
      ip: null,
      phase: 'Pending',
    });
  }
  return { pods, skipped };
}
