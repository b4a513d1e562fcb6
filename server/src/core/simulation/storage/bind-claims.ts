/**
 * Volume binding in two passes, as a cluster does it:
 *
 * - before scheduling, the PV controller (syncUnboundClaim,
 *   pkg/controller/volume/persistentvolume/pv_controller.go) binds every
 *   claim it can: a claim naming a volume (`volumeName`) gets it, another gets
 *   its pre-bound volume or the best match (findMatchingVolume), else a volume
 *   provisioned through its class; a WaitForFirstConsumer claim only takes a
 *   volume pre-bound to it and otherwise waits;
 * - after scheduling, the scheduler's volume binder
 *   (pkg/scheduler/framework/plugins/volumebinding/binder.go) binds each
 *   waiting claim of a scheduled pod on the pod's node: smallest claims first,
 *   a matching volume whose nodeAffinity admits the node, else provisioning.
 *
 * Claims naming a volume go first, then the others by namespace and name, so
 * the outcome never depends on the order of the input.
 */
import { runSteps } from '../../steps/run-steps';
import { appendTo } from '../model/append-to';
import type { Cluster } from '../report';
import { keyOf, type SimObject } from '../model/sim-object';
import type { SimPod } from '../model/sim-pod';
import {
  bindVolume,
  claimKey,
  contextFromState,
  isDelayBinding,
  WAITING_FOR_CONSUMER,
  type BindingContext,
} from './binding-context';
import { bindRequestedClaim } from './bind-requested-claim';
import type { BindingStage, ClaimState, ClaimStatus, SimClaim } from './claim-state';
import { collectClaims } from './collect-claims';
import { collectVolumes } from './collect-volumes';
import { compareText } from './document-order';
import { findMissingClaims } from './find-missing-claims';
import { findMatchingVolume } from './match-volume';
import { podClaimRefs } from './pod-claim-refs';
import { classlessStatus, provisionClaim } from './provision-claim';
import { resolveStorageClasses } from './storage-classes';

/** The PV controller's pass over one claim without volumeName. */
function bindUnboundClaim(context: BindingContext, claim: SimClaim): ClaimStatus {
  const delayBinding = isDelayBinding(context, claim);
  const match = findMatchingVolume(claim, context.volumes, {
    boundTo: context.boundTo,
    delayBinding,
  });
  if (match.volume) return bindVolume(context, claim, match.volume);
  if (delayBinding) {
    return { phase: 'Pending', reason: WAITING_FOR_CONSUMER, delayed: true, unbindable: false };
  }
  if (claim.className !== '') return provisionClaim(context, claim, () => match.rejections);
  return classlessStatus(claim, match.rejections);
}

/**
 * Claims matched between two yields: a claim is matched against every volume,
 * so with hundreds of each a pass is tens of milliseconds, which an edit would
 * otherwise wait behind.
 */
const CLAIMS_PER_STEP = 16;

/** Runs the PV controller over claims: those naming a volume first, then the others. */
function* runController(
  context: BindingContext,
  claims: readonly SimClaim[],
): Generator<void, void, void> {
  const ordered = [
    ...claims.filter((claim) => claim.volumeName !== undefined),
    ...claims.filter((claim) => claim.volumeName === undefined),
  ];
  for (let index = 0; index < ordered.length; index++) {
    const claim = ordered[index] as SimClaim;
    const status =
      claim.volumeName !== undefined
        ? bindRequestedClaim(context, claim, claim.volumeName)
        : bindUnboundClaim(context, claim);
    context.status.set(claimKey(claim), status);
    if ((index + 1) % CLAIMS_PER_STEP === 0) yield;
  }
}

function* bindBeforeScheduling(
  objects: readonly SimObject[],
  pods: readonly SimPod[],
  cluster: Cluster,
): Generator<void, ClaimState, void> {
  const { classes, defaultClass } = resolveStorageClasses(objects, cluster);
  const claims = collectClaims(objects, pods, defaultClass);
  const context: BindingContext = {
    classes,
    volumes: collectVolumes(objects),
    boundTo: new Map(),
    status: new Map(),
  };
  yield* runController(context, claims);
  const state: ClaimState = {
    stage: 'before-scheduling',
    classes,
    claims,
    volumes: sortVolumes(context),
    status: context.status,
    missing: findMissingClaims(objects, claims),
  };
  if (defaultClass !== undefined) state.defaultClass = defaultClass;
  return state;
}

/**
 * Adds the claims of pods the first pass did not see (DaemonSet pods made by
 * the scheduler, say: their generic ephemeral claims), bound by the PV
 * controller like the others.
 */
function* addLateClaims(
  base: ClaimState,
  objects: readonly SimObject[],
  pods: readonly SimPod[],
): Generator<void, ClaimState, void> {
  const known = new Set(base.claims.map(claimKey));
  const late = collectClaims(objects, pods, base.defaultClass, known);
  if (late.length === 0) return base;
  const context = contextFromState(base);
  yield* runController(context, late);
  const claims = [...base.claims, ...late].sort(
    (a, b) => compareText(a.namespace, b.namespace) || compareText(a.name, b.name),
  );
  return {
    ...base,
    claims,
    volumes: sortVolumes(context),
    status: context.status,
    missing: findMissingClaims(objects, claims),
  };
}

function sortVolumes(context: BindingContext): ClaimState['volumes'] {
  return [...context.volumes].sort((a, b) => compareText(a.name, b.name));
}

const claimIndexes = new WeakMap<readonly SimClaim[], Map<string, SimClaim>>();

/** The first claim of each key in a claim list (as `find` would return it), made once per list. */
function claimsByKey(claims: readonly SimClaim[]): Map<string, SimClaim> {
  let index = claimIndexes.get(claims);
  if (!index) {
    index = new Map();
    for (const claim of claims) {
      const key = claimKey(claim);
      if (!index.has(key)) index.set(key, claim);
    }
    claimIndexes.set(claims, index);
  }
  return index;
}

/** The claims of a pod that wait for it to be scheduled, smallest request first (byPVCSize). */
export function delayedClaimsOf(state: ClaimState, pod: SimPod): SimClaim[] {
  const claims: SimClaim[] = [];
  const byKey = claimsByKey(state.claims);
  for (const ref of podClaimRefs(pod)) {
    const key = keyOf(pod.namespace, ref.claim);
    const status = state.status.get(key);
    if (status?.phase !== 'Pending' || !status.delayed) continue;
    const claim = byKey.get(key);
    if (claim) claims.push(claim);
  }
  return claims.sort((a, b) => a.request.bytes - b.request.bytes);
}

/** The unscheduled pods of each claim (`namespace/claim` → pod names), in pod order. */
function unscheduledPodsByClaim(pods: readonly SimPod[]): Map<string, string[]> {
  const byClaim = new Map<string, string[]>();
  for (const pod of pods) {
    if (pod.node !== null) continue;
    for (const ref of podClaimRefs(pod)) {
      appendTo(byClaim, keyOf(pod.namespace, ref.claim), pod.name);
    }
  }
  return byClaim;
}

function* bindAfterScheduling(
  base: ClaimState,
  pods: readonly SimPod[],
  cluster: Cluster,
): Generator<void, ClaimState, void> {
  const context = contextFromState(base);
  const state: ClaimState = { ...base, stage: 'after-scheduling', status: context.status };
  let matched = 0;
  for (const pod of pods) {
    if (pod.node === null) continue;
    const node = cluster.nodes.find((candidate) => candidate.name === pod.node);
    if (!node) continue;
    const chosen = new Set<string>();
    for (const claim of delayedClaimsOf(state, pod)) {
      const match = findMatchingVolume(claim, context.volumes, {
        boundTo: context.boundTo,
        delayBinding: true,
        node,
        excluded: chosen,
      });
      const status = match.volume
        ? bindVolume(context, claim, match.volume)
        : provisionClaim(context, claim, () => match.rejections, node);
      if (status.volume !== undefined) chosen.add(status.volume);
      context.status.set(claimKey(claim), status);
      if (++matched % CLAIMS_PER_STEP === 0) yield;
    }
  }
  // emitEventForUnboundDelayBindingClaim: a claim still waiting names the
  // unscheduled pods that use it, if any.
  let unscheduled: Map<string, string[]> | undefined;
  for (const claim of state.claims) {
    const key = claimKey(claim);
    const status = context.status.get(key);
    if (status?.phase !== 'Pending' || !status.delayed || status.unbindable) continue;
    unscheduled ??= unscheduledPodsByClaim(pods);
    const waiting = [...(unscheduled.get(key) ?? [])].sort(compareText);
    const reason =
      waiting.length === 0
        ? WAITING_FOR_CONSUMER
        : waiting.length === 1
          ? `waiting for pod ${waiting[0] ?? ''} to be scheduled`
          : `waiting for pods ${waiting.join(',')} to be scheduled`;
    context.status.set(key, { ...status, reason });
  }
  state.volumes = sortVolumes(context);
  return state;
}

/**
 * Binds the scope's claims. Call it with `before-scheduling` before the
 * scheduler runs (claimBlocker then tells which pods must wait), and with
 * `after-scheduling` once pods have nodes (every pod, DaemonSet pods made by
 * the scheduler included), passing the first result as `previous` (it is
 * recomputed when absent). Pure: the inputs are not changed.
 */
export function bindClaims(
  objects: readonly SimObject[],
  pods: readonly SimPod[],
  cluster: Cluster,
  stage: BindingStage,
  previous?: ClaimState,
): ClaimState {
  return runSteps(bindClaimsSteps(objects, pods, cluster, stage, previous));
}

/** `bindClaims` a few claims at a time (see `simulateSteps`). */
export function* bindClaimsSteps(
  objects: readonly SimObject[],
  pods: readonly SimPod[],
  cluster: Cluster,
  stage: BindingStage,
  previous?: ClaimState,
): Generator<void, ClaimState, void> {
  const base = previous ?? (yield* bindBeforeScheduling(objects, pods, cluster));
  if (stage === 'before-scheduling') return base;
  const withLate = yield* addLateClaims(base, objects, pods);
  return yield* bindAfterScheduling(withLate, pods, cluster);
}
