/**
 * What the scheduler knows of a node while pods are placed one by one (its
 * `NodeInfo`): allocatable, the running sums of requests (as written, and with
 * the scoring defaults for missing requests), the pod count and the host ports
 * in use.
 */
import type { ClusterNode } from '../report';
import type { HostPortUse } from './host-ports';
import { podHostPorts } from './host-ports';
import { podRequests, readAllocatable, type Resources } from './pod-requests';

export interface NodeState {
  node: ClusterNode;
  allocatable: Resources & { pods: number };
  /** `NodeInfo.Requested`: the sum of the placed pods' requests. */
  requested: Resources;
  /** `NodeInfo.NonZeroRequested`: the same with 100m / 200Mi for missing requests. */
  nonZeroRequested: Resources;
  pods: number;
  ports: HostPortUse[];
}

/** Empty node states, in node-name order (the order ties are broken in). */
export function createNodeStates(nodes: readonly ClusterNode[]): NodeState[] {
  return [...nodes]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((node) => ({
      node,
      allocatable: readAllocatable(node.allocatable),
      requested: { milliCpu: 0, memory: 0 },
      nonZeroRequested: { milliCpu: 0, memory: 0 },
      pods: 0,
      ports: [],
    }));
}

/** Adds a pod to a node (`NodeInfo.AddPod`). */
export function addPodToNode(state: NodeState, spec: unknown): void {
  const requests = podRequests(spec);
  const nonZero = podRequests(spec, true);
  state.requested.milliCpu += requests.milliCpu;
  state.requested.memory += requests.memory;
  state.nonZeroRequested.milliCpu += nonZero.milliCpu;
  state.nonZeroRequested.memory += nonZero.memory;
  state.pods += 1;
  state.ports.push(...podHostPorts(spec));
}
