/**
 * kube-scheduler's unschedulable message, `FitError.Error()`
 * (pkg/scheduler/framework/types.go): "0/N nodes are available:", then the
 * PreFilter message, or else the sorted histogram of the nodes' filter
 * reasons ("1 node(s) had untolerated taint(s), 2 Insufficient cpu"), each
 * part ending with a period. Nodes a PreFilter plugin ruled out count as
 * "node(s) didn't satisfy plugin(s) [NodeAffinity]" (schedule_one.go
 * `findNodesThatFitPod`). The PostFilter (preemption) part a live cluster adds
 * is left out, as the report contract shows the message.
 */

/** The message for a pod that fits no node. */
export function formatFitError(
  nodeCount: number,
  failure: { preFilter: string } | { reasons: readonly (readonly string[])[] },
): string {
  let message = `0/${nodeCount} nodes are available:`;
  if ('preFilter' in failure) return `${message} ${failure.preFilter}.`;
  const histogram = new Map<string, number>();
  for (const nodeReasons of failure.reasons) {
    for (const reason of nodeReasons) histogram.set(reason, (histogram.get(reason) ?? 0) + 1);
  }
  // Go's sort.Strings: byte order of "<count> <reason>".
  const parts = [...histogram]
    .map(([reason, count]) => `${count} ${reason}`)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (parts.length > 0) message += ` ${parts.join(', ')}.`;
  return message;
}
