/**
 * The default profile's Score plugins that tell nodes apart in the simulated
 * cluster, with their weights (pkg/scheduler/apis/config/v1/default_plugins.go):
 * TaintToleration ×3, NodeAffinity ×2, NodeResourcesFit (LeastAllocated) ×1 and
 * NodeResourcesBalancedAllocation ×1. PodTopologySpread, InterPodAffinity and
 * ImageLocality are not simulated. The highest total wins; a tie goes to the
 * first node by name (kube-scheduler picks one of the tied nodes at random).
 */
import type { NodeState } from './node-state';
import { preferredAffinityScore } from './node-affinity';
import { podRequests, type Resources } from './pod-requests';
import { readTolerations, tolerationsTolerate } from './tolerations';

const MAX_NODE_SCORE = 100;

/** pkg/scheduler/framework/plugins/helper `DefaultNormalizeScore`. */
function normalize(scores: number[], reverse: boolean): number[] {
  const max = Math.max(0, ...scores);
  if (max === 0) return scores.map(() => (reverse ? MAX_NODE_SCORE : 0));
  return scores.map((score) => {
    const scaled = Math.trunc((MAX_NODE_SCORE * score) / max);
    return reverse ? MAX_NODE_SCORE - scaled : scaled;
  });
}

/** TaintToleration Score: PreferNoSchedule taints the pod's (empty-effect or PreferNoSchedule) tolerations miss. */
function intolerablePreferNoSchedule(spec: unknown, state: NodeState): number {
  const tolerations = readTolerations(spec).filter(
    (toleration) => toleration.effect === '' || toleration.effect === 'PreferNoSchedule',
  );
  return state.node.taints.filter(
    (taint) => taint.effect === 'PreferNoSchedule' && !tolerationsTolerate(tolerations, taint),
  ).length;
}

/** NodeResourcesFit LeastAllocated (least_allocated.go): mean over cpu and memory of (free × 100 / allocatable), counting non-zero requests. */
function leastAllocated(pod: Resources, state: NodeState): number {
  const resources: [number, number][] = [
    [state.nonZeroRequested.milliCpu + pod.milliCpu, state.allocatable.milliCpu],
    [state.nonZeroRequested.memory + pod.memory, state.allocatable.memory],
  ];
  let total = 0;
  let weights = 0;
  for (const [requested, capacity] of resources) {
    if (capacity === 0) continue;
    total +=
      requested > capacity ? 0 : Math.trunc(((capacity - requested) * MAX_NODE_SCORE) / capacity);
    weights += 1;
  }
  return weights === 0 ? 0 : Math.trunc(total / weights);
}

/** NodeResourcesBalancedAllocation (balanced_allocation.go): (1 − std of the requested fractions) × 100, on requests as written. */
function balancedAllocation(pod: Resources, state: NodeState): number {
  const fractions: number[] = [];
  const resources: [number, number][] = [
    [state.requested.milliCpu + pod.milliCpu, state.allocatable.milliCpu],
    [state.requested.memory + pod.memory, state.allocatable.memory],
  ];
  for (const [requested, capacity] of resources) {
    if (capacity === 0) continue;
    fractions.push(Math.min(1, requested / capacity));
  }
  const std =
    fractions.length === 2 && fractions[0] !== undefined && fractions[1] !== undefined
      ? Math.abs((fractions[0] - fractions[1]) / 2)
      : 0;
  return Math.trunc((1 - std) * MAX_NODE_SCORE);
}

/** The feasible node the scheduler binds the pod to. */
export function pickNode(spec: unknown, feasible: readonly NodeState[]): NodeState | undefined {
  if (feasible.length <= 1) return feasible[0];
  const nonZero = podRequests(spec, true);
  const requests = podRequests(spec);
  // A best-effort pod skips BalancedAllocation (PreScore returns Skip, kubernetes#129138).
  const bestEffort = requests.milliCpu === 0 && requests.memory === 0;
  const taint = normalize(
    feasible.map((state) => intolerablePreferNoSchedule(spec, state)),
    true,
  );
  const affinity = normalize(
    feasible.map((state) => preferredAffinityScore(spec, state.node)),
    false,
  );
  let best: NodeState | undefined;
  let bestScore = -Infinity;
  feasible.forEach((state, index) => {
    const score =
      3 * (taint[index] ?? 0) +
      2 * (affinity[index] ?? 0) +
      leastAllocated(nonZero, state) +
      (bestEffort ? 0 : balancedAllocation(requests, state));
    // Strictly greater: on a tie the earlier node (by name) stays.
    if (score > bestScore) {
      best = state;
      bestScore = score;
    }
  });
  return best;
}
