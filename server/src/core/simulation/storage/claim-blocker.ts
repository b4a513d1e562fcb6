/**
 * What the scheduler's VolumeBinding plugin
 * (pkg/scheduler/framework/plugins/volumebinding) says about a pod's claims:
 * PreFilter fails for a claim that does not exist and for an unbound claim
 * that is not waiting for its first consumer; Filter, node by node, rejects a
 * node where a bound volume's nodeAffinity does not reach, or where a waiting
 * claim finds no volume and cannot be provisioned.
 */
import type { ClusterNode } from '../report';
import { keyOf } from '../model/sim-object';
import type { SimPod } from '../model/sim-pod';
import { contextFromState } from './binding-context';
import { delayedClaimsOf } from './bind-claims';
import type { ClaimState } from './claim-state';
import { findMatchingVolume } from './match-volume';
import { volumeNodeAffinityMatches } from './node-affinity';
import { podClaimRefs } from './pod-claim-refs';
import { provisionClaim } from './provision-claim';

/** ErrReasonNodeConflict (volumebinding/binder.go). */
export const VOLUME_NODE_CONFLICT = 'node(s) had volume node affinity conflict';
/** ErrReasonBindConflict (volumebinding/binder.go). */
export const VOLUME_BIND_CONFLICT = "node(s) didn't find available persistent volumes to bind";
/** The PreFilter message for unbound Immediate claims. */
export const UNBOUND_IMMEDIATE_CLAIMS = 'pod has unbound immediate PersistentVolumeClaims';

/**
 * Why the pod cannot be scheduled at all because of its claims (the
 * scheduler's PreFilter), or undefined: `persistentvolumeclaim "x" not found`
 * for a missing claim, `pod has unbound immediate PersistentVolumeClaims` for
 * a claim that should be bound by now. A claim waiting for its first consumer
 * does not block: the scheduler binds it once it picks a node. Meant for the
 * before-scheduling state; on the after-scheduling state it also reports a
 * waiting claim that could not be bound on the pod's node
 * (`node(s) didn't find available persistent volumes to bind`), which a
 * scheduler that asks claimNodeConflicts never runs into.
 */
export function claimBlocker(state: ClaimState, pod: SimPod): string | undefined {
  const refs = podClaimRefs(pod);
  for (const ref of refs) {
    // A generic ephemeral volume's claim is made with its pod.
    if (ref.origin === 'ephemeral') continue;
    if (!state.status.has(keyOf(pod.namespace, ref.claim))) {
      return `persistentvolumeclaim "${ref.claim}" not found`;
    }
  }
  const statuses = refs.map((ref) => state.status.get(keyOf(pod.namespace, ref.claim)));
  if (statuses.some((status) => status?.phase === 'Pending' && !status.delayed)) {
    return UNBOUND_IMMEDIATE_CLAIMS;
  }
  if (statuses.some((status) => status?.phase === 'Pending' && status.unbindable)) {
    return VOLUME_BIND_CONFLICT;
  }
  return undefined;
}

/**
 * The VolumeBinding Filter for one node (FindPodVolumes): the reasons the
 * node cannot take the pod because of its volumes, in the scheduler's words;
 * empty when it can. For the scheduler to call on each node that passed the
 * other filters.
 */
export function claimNodeConflicts(state: ClaimState, pod: SimPod, node: ClusterNode): string[] {
  const reasons: string[] = [];
  for (const ref of podClaimRefs(pod)) {
    const volumeName = state.status.get(keyOf(pod.namespace, ref.claim))?.volume;
    const volume = state.volumes.find((candidate) => candidate.name === volumeName);
    if (volume && !volumeNodeAffinityMatches(volume.nodeAffinity, node)) {
      reasons.push(VOLUME_NODE_CONFLICT);
      break;
    }
  }
  const scratch = contextFromState(state);
  const chosen = new Set<string>();
  for (const claim of delayedClaimsOf(state, pod)) {
    const match = findMatchingVolume(claim, scratch.volumes, {
      boundTo: scratch.boundTo,
      delayBinding: true,
      node,
      excluded: chosen,
    });
    if (match.volume) {
      chosen.add(match.volume.name);
      continue;
    }
    if (provisionClaim(scratch, claim, () => match.rejections, node).phase !== 'Bound') {
      reasons.push(VOLUME_BIND_CONFLICT);
      break;
    }
  }
  return reasons;
}
