import { keyOf } from '../model/sim-object';
import type { ClaimFocus, ClaimState, ClaimStatus, SimClaim, SimVolume } from './claim-state';
import type { StorageClassInfo } from './storage-classes';

/** The PV controller's event while a delayed claim has no consumer (emitEventForUnboundDelayBindingClaim). */
export const WAITING_FOR_CONSUMER = 'waiting for first consumer to be created before binding';

/** The PV controller's event for a claim without class that no volume matches (syncUnboundClaim). */
export const NO_CLASS_MESSAGE =
  'no persistent volumes available for this claim and no storage class is set';

/** The working state of one binding pass. */
export interface BindingContext {
  classes: StorageClassInfo[];
  volumes: SimVolume[];
  /** Volume name → `namespace/claim` bound to it. */
  boundTo: Map<string, string>;
  status: Map<string, ClaimStatus>;
}

/** The claim's key in `status`. */
export function claimKey(claim: SimClaim): string {
  return keyOf(claim.namespace, claim.name);
}

/** The StorageClass of that name in effect, if any. */
export function findClass(
  context: Pick<BindingContext, 'classes'>,
  name: string,
): StorageClassInfo | undefined {
  return context.classes.find((storageClass) => storageClass.name === name);
}

/**
 * IsDelayBindingMode (k8s.io/component-helpers/storage/volume/pv_helpers.go):
 * the claim's class exists and binds WaitForFirstConsumer. A claim without
 * class, or with a class that does not exist, binds immediately.
 */
export function isDelayBinding(context: Pick<BindingContext, 'classes'>, claim: SimClaim): boolean {
  if (claim.className === '') return false;
  return findClass(context, claim.className)?.volumeBindingMode === 'WaitForFirstConsumer';
}

/** Records a binding and returns the claim's Bound status. */
export function bindVolume(
  context: BindingContext,
  claim: SimClaim,
  volume: SimVolume,
): ClaimStatus {
  context.boundTo.set(volume.name, claimKey(claim));
  const status: ClaimStatus = {
    phase: 'Bound',
    volume: volume.name,
    delayed: false,
    unbindable: false,
  };
  if (volume.dynamic) status.dynamic = true;
  return status;
}

/** A Pending status that nothing in the scope resolves: a pvc-unbound finding. */
export function unbindableStatus(
  reason: string,
  focus: ClaimFocus,
  detail: string,
  delayed = false,
): ClaimStatus {
  return { phase: 'Pending', reason, delayed, unbindable: true, focus, detail };
}

/** A fresh working state from a finished pass (the pass itself is left as it is). */
export function contextFromState(state: ClaimState): BindingContext {
  const boundTo = new Map<string, string>();
  for (const claim of state.claims) {
    const volume = state.status.get(claimKey(claim))?.volume;
    if (volume !== undefined) boundTo.set(volume, claimKey(claim));
  }
  return {
    classes: state.classes,
    volumes: [...state.volumes],
    boundTo,
    status: new Map(state.status),
  };
}
