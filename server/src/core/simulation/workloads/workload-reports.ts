import { appendTo } from '../model/append-to';
import type { SimPod } from '../model/sim-pod';
import type { WorkloadReport } from '../report';
import type { WorkloadPlan } from './workload-plan';

/** True when the pod is bound to a node that runs it (not left Pending by the scheduler or rejected by the kubelet). */
export function isScheduled(pod: SimPod): boolean {
  return pod.node !== null && pod.blocked?.step !== 'scheduler' && pod.blocked?.admission !== true;
}

/**
 * The report's workloads: `desired` as the controller counts it (a DaemonSet's
 * `desiredNumberScheduled`: one per eligible node, i.e. the pods it made) and
 * `scheduled`, the pods bound to a node. Sorted by namespace, name, kind.
 */
export function buildWorkloadReports(
  plans: readonly WorkloadPlan[],
  pods: readonly SimPod[],
): WorkloadReport[] {
  const owned = new Map<string, SimPod[]>();
  for (const pod of pods) {
    appendTo(owned, `${pod.owner.kind}/${pod.namespace}/${pod.owner.name}`, pod);
  }
  return plans
    .map((plan): WorkloadReport => {
      const mine = owned.get(`${plan.kind}/${plan.namespace}/${plan.name}`) ?? [];
      return {
        kind: plan.kind,
        namespace: plan.namespace,
        name: plan.name,
        desired: plan.kind === 'DaemonSet' ? mine.length : plan.desired,
        scheduled: mine.filter(isScheduled).length,
        source: plan.source,
      };
    })
    .sort(
      (a, b) =>
        (a.namespace < b.namespace ? -1 : a.namespace > b.namespace ? 1 : 0) ||
        (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) ||
        (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0),
    );
}
