/**
 * The default profile's Filter plugins, in their order
 * (pkg/scheduler/apis/config/v1/default_plugins.go): TaintToleration,
 * NodeAffinity, NodePorts, NodeResourcesFit. A node fails at the first plugin
 * that rejects it (`RunFilterPlugins`), with that plugin's reason strings.
 */
import { portsClash, podHostPorts } from './host-ports';
import { matchesRequiredNodeAffinity } from './node-affinity';
import type { NodeState } from './node-state';
import { podRequests } from './pod-requests';
import { findUntoleratedTaint, readTolerations } from './tolerations';

/** The reason strings of the plugins (their `ErrReason…` constants and `fitsRequest`). */
export const FILTER_REASONS = {
  /** pkg/scheduler/framework/plugins/tainttoleration: Filter. */
  taint: 'node(s) had untolerated taint(s)',
  /** pkg/scheduler/framework/plugins/nodeaffinity: ErrReasonPod. */
  affinity: "node(s) didn't match Pod's node affinity/selector",
  /** pkg/scheduler/framework/plugins/nodeports: ErrReason. */
  ports: "node(s) didn't have free ports for the requested pod ports",
  /** pkg/scheduler/framework/plugins/noderesources/fit.go: fitsRequest. */
  pods: 'Too many pods',
  cpu: 'Insufficient cpu',
  memory: 'Insufficient memory',
} as const;

/** Why the node cannot take the pod (empty when it can). */
export function filterNode(spec: unknown, state: NodeState): string[] {
  if (findUntoleratedTaint(state.node.taints, readTolerations(spec))) return [FILTER_REASONS.taint];
  if (!matchesRequiredNodeAffinity(spec, state.node)) return [FILTER_REASONS.affinity];
  const wanted = podHostPorts(spec);
  if (wanted.some((port) => state.ports.some((used) => portsClash(port, used)))) {
    return [FILTER_REASONS.ports];
  }
  // NodeResourcesFit keeps every insufficient resource as a reason.
  const reasons: string[] = [];
  if (state.pods + 1 > state.allocatable.pods) reasons.push(FILTER_REASONS.pods);
  const request = podRequests(spec);
  if (
    request.milliCpu > 0 &&
    request.milliCpu > state.allocatable.milliCpu - state.requested.milliCpu
  ) {
    reasons.push(FILTER_REASONS.cpu);
  }
  if (request.memory > 0 && request.memory > state.allocatable.memory - state.requested.memory) {
    reasons.push(FILTER_REASONS.memory);
  }
  return reasons;
}
