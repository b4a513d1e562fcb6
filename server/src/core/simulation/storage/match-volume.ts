/**
 * FindMatchingVolume (k8s.io/component-helpers/storage/volume/pv_helpers.go)
 * with the reasons each volume was passed over, so a Pending claim can say why.
 *
 * PV controller path (no node): volumes are searched by access-mode set, the
 * sets with the fewest modes first (persistentVolumeOrderedIndex.findByClaim,
 * pkg/controller/volume/persistentvolume/index.go), so a volume offering at
 * least the claim's modes is needed; in each set a volume pre-bound to the
 * claim by its claimRef wins, else the smallest volume that fits. With
 * delayed binding (WaitForFirstConsumer) only pre-bound volumes are taken.
 *
 * Scheduler path (a node): only volumes of the claim's class are listed
 * (volumeBinder.findMatchingVolumes), their nodeAffinity must admit the node,
 * and access modes are checked directly.
 */
import type { ClusterNode } from '../report';
import { keyOf } from '../model/sim-object';
import {
  describeRequirement,
  requirementMatches,
  selectorRequirements,
} from '../../rules/workloads/support/label-selector';
import type { SimClaim, SimVolume } from './claim-state';
import { compareText } from './document-order';
import { volumeNodeAffinityMatches } from './node-affinity';

/** Why one volume cannot serve the claim. */
export interface VolumeRejection {
  volume: string;
  kind: 'bound' | 'class' | 'access' | 'mode' | 'selector' | 'size' | 'node';
  text: string;
}

/** How to search. */
export interface MatchOptions {
  /** Volumes already bound in the simulation: volume name → `namespace/claim`. */
  boundTo: ReadonlyMap<string, string>;
  /** WaitForFirstConsumer in the PV controller: only pre-bound volumes are taken. */
  delayBinding: boolean;
  /** The scheduler path: the node the pod goes to. */
  node?: ClusterNode;
  /** Volumes chosen for the pod's other claims in the same scheduling pass. */
  excluded?: ReadonlySet<string>;
}

/** The chosen volume, and why the others were not. */
export interface VolumeMatch {
  volume?: SimVolume;
  rejections: VolumeRejection[];
}

// The order reasons are told in: the one a reader acts on first.
const REASON_ORDER: VolumeRejection['kind'][] = [
  'bound',
  'class',
  'access',
  'mode',
  'selector',
  'size',
  'node',
];

/** IsVolumeBoundToClaim: the volume's claimRef names this claim. */
export function isVolumeBoundToClaim(volume: SimVolume, claim: SimClaim): boolean {
  return (
    volume.claimRef !== undefined &&
    volume.claimRef.name === claim.name &&
    volume.claimRef.namespace === claim.namespace
  );
}

/** True when the volume offers every mode the claim asks for (CheckAccessModes). */
export function offersAccessModes(volume: SimVolume, claim: SimClaim): boolean {
  return claim.accessModes.every((mode) => volume.accessModes.includes(mode));
}

function describeClass(name: string): string {
  return name === '' ? 'no class' : `class "${name}"`;
}

/** Evaluates one volume: the rejections that apply (none means it fits). */
function evaluate(
  volume: SimVolume,
  claim: SimClaim,
  options: MatchOptions,
  prebound: boolean,
): VolumeRejection[] {
  const found: VolumeRejection[] = [];
  const reject = (kind: VolumeRejection['kind'], text: string): void => {
    found.push({ volume: volume.name, kind, text: `${volume.name} ${text}` });
  };
  const claimKey = keyOf(claim.namespace, claim.name);
  const boundTo = options.boundTo.get(volume.name);
  if (boundTo !== undefined && boundTo !== claimKey) {
    reject('bound', `is already bound to claim ${boundTo}`);
  } else if (volume.claimRef && !prebound) {
    reject(
      'bound',
      `is reserved for claim ${volume.claimRef.namespace}/${volume.claimRef.name} by its claimRef`,
    );
  } else if (options.excluded?.has(volume.name)) {
    reject('bound', 'is already chosen for another claim of the pod');
  }
  // The PV controller only looks at volumes whose mode set holds the claim's
  // modes; the scheduler checks modes for volumes that are not pre-bound.
  if ((!options.node || !prebound) && !offersAccessModes(volume, claim)) {
    const missing = claim.accessModes.filter((mode) => !volume.accessModes.includes(mode));
    reject(
      'access',
      `does not offer ${missing.join(', ')} (it has ${volume.accessModes.join(', ') || 'no access modes'})`,
    );
  }
  if (volume.capacity.bytes < claim.request.bytes) {
    reject('size', `is too small (${volume.capacity.text || '0'} < ${claim.request.text})`);
  }
  if (volume.volumeMode !== claim.volumeMode) {
    reject('mode', `is a ${volume.volumeMode} volume (the claim wants ${claim.volumeMode})`);
  }
  if (options.node && !volumeNodeAffinityMatches(volume.nodeAffinity, options.node)) {
    reject('node', `cannot be used on node ${options.node.name} (its nodeAffinity)`);
  }
  if (prebound) return found;
  if (claim.selector !== undefined) {
    const requirements = selectorRequirements(claim.selector);
    if (!requirements) {
      reject('selector', 'cannot be matched: the claim selector is invalid');
    } else if (
      !requirements.every((requirement) => requirementMatches(requirement, volume.labels))
    ) {
      reject(
        'selector',
        `does not match the claim selector (${requirements.map(describeRequirement).join(',')})`,
      );
    }
  }
  if (volume.className !== claim.className)
    reject('class', `has ${describeClass(volume.className)}`);
  return found;
}

/** The rejection a reader is told about: the first in REASON_ORDER. */
function mainRejection(rejections: VolumeRejection[]): VolumeRejection | undefined {
  for (const kind of REASON_ORDER) {
    const found = rejections.find((rejection) => rejection.kind === kind);
    if (found) return found;
  }
  return undefined;
}

interface Candidate {
  volume: SimVolume;
  prebound: boolean;
}

/** A pre-bound volume that fits, else the smallest that fits (ties: by name). */
function pick(candidates: Candidate[]): SimVolume | undefined {
  const prebound = candidates.find((candidate) => candidate.prebound);
  if (prebound) return prebound.volume;
  let best: SimVolume | undefined;
  for (const { volume } of candidates) {
    if (!best || volume.capacity.bytes < best.capacity.bytes) best = volume;
  }
  return best;
}

/** Finds the volume the claim binds to, as the PV controller or the scheduler would. */
export function findMatchingVolume(
  claim: SimClaim,
  volumes: readonly SimVolume[],
  options: MatchOptions,
): VolumeMatch {
  const rejections: VolumeRejection[] = [];
  const fitting: Candidate[] = [];
  // A provisioned volume belongs to its claim; listing it for others is noise
  // (and filtering first keeps this linear in the static volumes, not all of them).
  const sorted = volumes
    .filter((volume) => !volume.dynamic || isVolumeBoundToClaim(volume, claim))
    .sort((a, b) => compareText(a.name, b.name));
  for (const volume of sorted) {
    const prebound = isVolumeBoundToClaim(volume, claim);
    if (options.node && !prebound && volume.className !== claim.className) {
      rejections.push({
        volume: volume.name,
        kind: 'class',
        text: `${volume.name} has ${describeClass(volume.className)}`,
      });
      continue;
    }
    const found = evaluate(volume, claim, options, prebound);
    // A pre-bound volume that fits but not on this node ends the search: the
    // claim can only have that volume.
    if (prebound && found.length > 0 && found.every((rejection) => rejection.kind === 'node')) {
      return { rejections: [...rejections, ...found] };
    }
    const main = mainRejection(found);
    if (main) {
      rejections.push(main);
      continue;
    }
    // The PV controller leaves unbound volumes of a delayed claim to the scheduler.
    if (!options.node && options.delayBinding && !prebound) continue;
    fitting.push({ volume, prebound });
  }
  if (options.node) return { volume: pick(fitting), rejections };
  // persistentVolumeOrderedIndex: one access-mode set at a time, fewest modes first.
  const sets = new Map<string, Candidate[]>();
  for (const candidate of fitting) {
    const key = [...candidate.volume.accessModes].sort().join(',');
    sets.set(key, [...(sets.get(key) ?? []), candidate]);
  }
  const ordered = [...sets.entries()].sort(
    ([a], [b]) => a.split(',').length - b.split(',').length || compareText(a, b),
  );
  for (const [, candidates] of ordered) {
    const volume = pick(candidates);
    if (volume) return { volume, rejections };
  }
  return { rejections };
}

/** Joins rejections for a message: at most `limit`, then how many more. */
export function describeRejections(rejections: readonly VolumeRejection[], limit = 5): string {
  const shown = rejections.slice(0, limit).map((rejection) => rejection.text);
  if (rejections.length > limit) shown.push(`and ${rejections.length - limit} more`);
  return shown.join(', ');
}
