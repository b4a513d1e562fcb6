/**
 * A pod that names its node in `spec.nodeName` never goes through the
 * scheduler: the kubelet of that node admits or rejects it
 * (pkg/kubelet/lifecycle/predicate.go `predicateAdmitHandler.Admit`, whose
 * `generalFilter` runs the scheduler's resource, node affinity, node name and
 * host port checks, then NoExecute taints). A rejected pod is Failed with the
 * first reason, its message prefixed "Pod was rejected: ".
 */
import { portsClash, podHostPorts } from './host-ports';
import { matchesRequiredNodeAffinity } from './node-affinity';
import type { NodeState } from './node-state';
import { podRequests } from './pod-requests';
import { findUntoleratedTaint, readTolerations } from './tolerations';

/** The kubelet's rejection (`reason: message`), or undefined when it admits the pod. */
export function kubeletRejection(spec: unknown, state: NodeState): string | undefined {
  const reject = (reason: string, message: string): string =>
    `${reason}: Pod was rejected: ${message}`;
  const request = podRequests(spec);
  // noderesources.Fits, in fitsRequest's order: pods, cpu, memory.
  if (state.pods + 1 > state.allocatable.pods) {
    return reject(
      'OutOfpods',
      `Node didn't have enough resource: pods, requested: 1, used: ${state.pods}, capacity: ${state.allocatable.pods}`,
    );
  }
  if (
    request.milliCpu > 0 &&
    request.milliCpu > state.allocatable.milliCpu - state.requested.milliCpu
  ) {
    return reject(
      'OutOfcpu',
      `Node didn't have enough resource: cpu, requested: ${request.milliCpu}, used: ${state.requested.milliCpu}, capacity: ${state.allocatable.milliCpu}`,
    );
  }
  if (request.memory > 0 && request.memory > state.allocatable.memory - state.requested.memory) {
    return reject(
      'OutOfmemory',
      `Node didn't have enough resource: memory, requested: ${request.memory}, used: ${state.requested.memory}, capacity: ${state.allocatable.memory}`,
    );
  }
  if (!matchesRequiredNodeAffinity(spec, state.node)) {
    return reject(
      'NodeAffinity',
      "Predicate NodeAffinity failed: node(s) didn't match Pod's node affinity/selector",
    );
  }
  const wanted = podHostPorts(spec);
  if (wanted.some((port) => state.ports.some((used) => portsClash(port, used)))) {
    return reject(
      'NodePorts',
      "Predicate NodePorts failed: node(s) didn't have free ports for the requested pod ports",
    );
  }
  if (
    findUntoleratedTaint(
      state.node.taints,
      readTolerations(spec),
      (taint) => taint.effect === 'NoExecute',
    )
  ) {
    return reject(
      'TaintToleration',
      "Predicate TaintToleration failed: node(s) had taints that the pod didn't tolerate",
    );
  }
  return undefined;
}
