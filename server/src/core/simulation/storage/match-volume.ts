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
 *
 * The PV controller's search for a claim without selector goes through the
 * class's VolumeQueue (volume-queue.ts) rather than a pass over every volume;
 * the pass remains for the scheduler, selectors and the reasons.
 */
import type { ClusterNode } from '../report';
import { appendTo } from '../model/append-to';
import { keyOf } from '../model/sim-object';
import {
  describeRequirement,
  requirementMatches,
  selectorRequirements,
  type SelectorRequirement,
} from '../../rules/workloads/support/label-selector';
import type { SimClaim, SimVolume } from './claim-state';
import { compareText } from './document-order';
import { volumeNodeAffinityMatches } from './node-affinity';
import { VolumeQueue, type QueuedVolume } from './volume-queue';

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
  readonly rejections: VolumeRejection[];
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

/**
 * The volume is taken (bound to another claim, reserved by its claimRef, or
 * chosen for another claim of the pod): the rejection told for it, since
 * `bound` comes first in REASON_ORDER, whatever else is wrong with it.
 */
function boundRejection(
  volume: SimVolume,
  claimKey: string,
  options: MatchOptions,
  prebound: boolean,
): VolumeRejection | undefined {
  const boundTo = options.boundTo.get(volume.name);
  let text: string | undefined;
  if (boundTo !== undefined && boundTo !== claimKey) {
    text = `is already bound to claim ${boundTo}`;
  } else if (volume.claimRef && !prebound) {
    text = `is reserved for claim ${volume.claimRef.namespace}/${volume.claimRef.name} by its claimRef`;
  } else if (options.excluded?.has(volume.name)) {
    text = 'is already chosen for another claim of the pod';
  }
  return text === undefined
    ? undefined
    : { volume: volume.name, kind: 'bound', text: `${volume.name} ${text}` };
}

function classRejection(volume: SimVolume): VolumeRejection {
  return {
    volume: volume.name,
    kind: 'class',
    text: `${volume.name} has ${describeClass(volume.className)}`,
  };
}

// The kinds of `VolumeRejection` as bits, for searches that only need to know
// which checks fail (most searches: nobody reads the reasons).
const ACCESS = 1;
const SIZE = 2;
const MODE = 4;
const NODE = 8;
const SELECTOR = 16;
const CLASS = 32;

/** A claim's selector, read once per search (lazily: most claims have none). */
interface SelectorCache {
  read: boolean;
  requirements: SelectorRequirement[] | undefined;
}

function claimRequirements(
  claim: SimClaim,
  cache: SelectorCache,
): SelectorRequirement[] | undefined {
  if (!cache.read) {
    cache.read = true;
    cache.requirements = selectorRequirements(claim.selector);
  }
  return cache.requirements;
}

/**
 * Which checks a volume that is not taken fails, as bits (0: it fits), without
 * making their reasons (`evaluate` does, for the searches that report them).
 */
function failedChecks(
  volume: SimVolume,
  claim: SimClaim,
  options: MatchOptions,
  prebound: boolean,
  selector: SelectorCache,
): number {
  let failed = 0;
  // The PV controller only looks at volumes whose mode set holds the claim's
  // modes; the scheduler checks modes for volumes that are not pre-bound.
  if ((!options.node || !prebound) && !offersAccessModes(volume, claim)) failed |= ACCESS;
  if (volume.capacity.bytes < claim.request.bytes) failed |= SIZE;
  if (volume.volumeMode !== claim.volumeMode) failed |= MODE;
  if (options.node && !volumeNodeAffinityMatches(volume.nodeAffinity, options.node)) failed |= NODE;
  if (prebound) return failed;
  if (claim.selector !== undefined) {
    const requirements = claimRequirements(claim, selector);
    if (
      !requirements ||
      !requirements.every((requirement) => requirementMatches(requirement, volume.labels))
    ) {
      failed |= SELECTOR;
    }
  }
  if (volume.className !== claim.className) failed |= CLASS;
  return failed;
}

/**
 * Evaluates one volume that is not taken: the rejections that apply (none
 * means it fits): the checks of `failedChecks`, each with its reason.
 */
function evaluate(
  volume: SimVolume,
  claim: SimClaim,
  options: MatchOptions,
  prebound: boolean,
  selector: SelectorCache,
): VolumeRejection[] {
  const failed = failedChecks(volume, claim, options, prebound, selector);
  const found: VolumeRejection[] = [];
  const reject = (kind: VolumeRejection['kind'], text: string): void => {
    found.push({ volume: volume.name, kind, text: `${volume.name} ${text}` });
  };
  if (failed & ACCESS) {
    const missing = claim.accessModes.filter((mode) => !volume.accessModes.includes(mode));
    reject(
      'access',
      `does not offer ${missing.join(', ')} (it has ${volume.accessModes.join(', ') || 'no access modes'})`,
    );
  }
  if (failed & SIZE) {
    reject('size', `is too small (${volume.capacity.text || '0'} < ${claim.request.text})`);
  }
  if (failed & MODE) {
    reject('mode', `is a ${volume.volumeMode} volume (the claim wants ${claim.volumeMode})`);
  }
  if (failed & NODE && options.node !== undefined) {
    reject('node', `cannot be used on node ${options.node.name} (its nodeAffinity)`);
  }
  if (failed & SELECTOR) {
    const requirements = claimRequirements(claim, selector);
    reject(
      'selector',
      requirements
        ? `does not match the claim selector (${requirements.map(describeRequirement).join(',')})`
        : 'cannot be matched: the claim selector is invalid',
    );
  }
  if (failed & CLASS) found.push(classRejection(volume));
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

interface IndexedVolume {
  volume: SimVolume;
  /** Its position in the list: the tie-break of equal names, as a stable sort keeps them. */
  index: number;
}

/**
 * A volume list read for searches: its static volumes by name, its
 * provisioned volumes by the claim they belong to. Lists only grow (a
 * provisioned volume is appended), so the index catches up from `length`.
 */
interface VolumeIndex {
  length: number;
  sorted: IndexedVolume[];
  sortedVolumes: SimVolume[];
  dynamicByClaim: Map<string, IndexedVolume[]>;
  /** The static volumes of each class, by name. */
  byClass: Map<string, { indexed: IndexedVolume[]; volumes: SimVolume[] }>;
  /** The static volumes whose claimRef names a claim (`namespace/name`), by name. */
  reservedFor: Map<string, IndexedVolume[]>;
  /** The PV controller's queue of each class, made on its first search (null: not usable). */
  queues: Map<string, VolumeQueue | null>;
}

const volumeIndexes = new WeakMap<readonly SimVolume[], VolumeIndex>();

function compareIndexed(a: IndexedVolume, b: IndexedVolume): number {
  return compareText(a.volume.name, b.volume.name) || a.index - b.index;
}

function indexVolumes(volumes: readonly SimVolume[]): VolumeIndex {
  let index = volumeIndexes.get(volumes);
  if (!index || index.length > volumes.length) {
    index = {
      length: 0,
      sorted: [],
      sortedVolumes: [],
      dynamicByClaim: new Map(),
      byClass: new Map(),
      reservedFor: new Map(),
      queues: new Map(),
    };
    volumeIndexes.set(volumes, index);
  }
  let staticAdded = false;
  for (let at = index.length; at < volumes.length; at++) {
    const volume = volumes[at];
    if (volume === undefined) continue;
    if (!volume.dynamic) {
      index.sorted.push({ volume, index: at });
      staticAdded = true;
    } else if (volume.claimRef) {
      const key = keyOf(volume.claimRef.namespace, volume.claimRef.name);
      appendTo(index.dynamicByClaim, key, { volume, index: at });
    }
  }
  if (staticAdded) {
    index.sorted.sort(compareIndexed);
    index.sortedVolumes = index.sorted.map(({ volume }) => volume);
    const byClass = new Map<string, IndexedVolume[]>();
    index.reservedFor = new Map();
    for (const entry of index.sorted) {
      appendTo(byClass, entry.volume.className, entry);
      const ref = entry.volume.claimRef;
      if (ref) appendTo(index.reservedFor, keyOf(ref.namespace, ref.name), entry);
    }
    index.byClass = new Map(
      [...byClass].map(([className, indexed]) => [
        className,
        { indexed, volumes: indexed.map(({ volume }) => volume) },
      ]),
    );
    index.queues = new Map();
  }
  index.length = volumes.length;
  return index;
}

/** The provisioned volumes of the list that belong to the claim. */
function ownVolumes(index: VolumeIndex, claim: SimClaim): IndexedVolume[] {
  return (index.dynamicByClaim.get(keyOf(claim.namespace, claim.name)) ?? []).filter(({ volume }) =>
    isVolumeBoundToClaim(volume, claim),
  );
}

/**
 * The volumes a claim's search lists, by name (ties: list order): every
 * static volume, and the provisioned volumes bound to the claim. A
 * provisioned volume belongs to its claim; listing it for others is noise
 * (and leaving them out keeps the search linear in the static volumes).
 */
function volumesInNameOrder(volumes: readonly SimVolume[], claim: SimClaim): SimVolume[] {
  const index = indexVolumes(volumes);
  const own = ownVolumes(index, claim);
  if (own.length === 0) return index.sortedVolumes;
  return [...index.sorted, ...own].sort(compareIndexed).map(({ volume }) => volume);
}

/**
 * The volumes of `volumesInNameOrder` that can fit the claim, in the same
 * order: those of its class and those pre-bound to it. A search without
 * reasons passes over every other volume (another class, not pre-bound).
 */
function candidatesInNameOrder(volumes: readonly SimVolume[], claim: SimClaim): SimVolume[] {
  const index = indexVolumes(volumes);
  const sameClass = index.byClass.get(claim.className);
  const extra = [
    ...(index.reservedFor.get(keyOf(claim.namespace, claim.name)) ?? []).filter(
      ({ volume }) => volume.className !== claim.className && isVolumeBoundToClaim(volume, claim),
    ),
    ...ownVolumes(index, claim),
  ];
  if (extra.length === 0) return sameClass?.volumes ?? [];
  return [...(sameClass?.indexed ?? []), ...extra].sort(compareIndexed).map(({ volume }) => volume);
}

/**
 * The search: the volumes that fit, or the volume that ends it (a pre-bound
 * volume on the wrong node). With `rejections`, why each other volume does
 * not fit is recorded there.
 */
function search(
  claim: SimClaim,
  listed: readonly SimVolume[],
  options: MatchOptions,
  rejections?: VolumeRejection[],
): { fitting: Candidate[]; ended: boolean } {
  const fitting: Candidate[] = [];
  const claimKey = keyOf(claim.namespace, claim.name);
  const selector: SelectorCache = { read: false, requirements: undefined };
  for (const volume of listed) {
    const prebound = isVolumeBoundToClaim(volume, claim);
    const otherClass = !prebound && volume.className !== claim.className;
    if (options.node && otherClass) {
      rejections?.push(classRejection(volume));
      continue;
    }
    if (!rejections) {
      // The reasons are only made when asked for: most searches find a volume,
      // or provision one, and nobody reads them.
      if (isTaken(volume, claimKey, options, prebound) || otherClass) continue;
      const failed = failedChecks(volume, claim, options, prebound, selector);
      // A pre-bound volume that fits but not on this node ends the search: the
      // claim can only have that volume.
      if (prebound && failed === NODE) return { fitting: [], ended: true };
      if (failed !== 0) continue;
    } else {
      const bound = boundRejection(volume, claimKey, options, prebound);
      if (bound) {
        rejections.push(bound);
        continue;
      }
      // `class` is told before every reason but `bound`: the other checks would not show.
      if (otherClass) {
        rejections.push(classRejection(volume));
        continue;
      }
      const found = evaluate(volume, claim, options, prebound, selector);
      if (prebound && found.length > 0 && found.every((rejection) => rejection.kind === 'node')) {
        rejections.push(...found);
        return { fitting: [], ended: true };
      }
      const main = mainRejection(found);
      if (main) {
        rejections.push(main);
        continue;
      }
    }
    // The PV controller leaves unbound volumes of a delayed claim to the scheduler.
    if (!options.node && options.delayBinding && !prebound) continue;
    fitting.push({ volume, prebound });
  }
  return { fitting, ended: false };
}

/** The same test as `boundRejection`, without making its message. */
function isTaken(
  volume: SimVolume,
  claimKey: string,
  options: MatchOptions,
  prebound: boolean,
): boolean {
  const boundTo = options.boundTo.get(volume.name);
  return (
    (boundTo !== undefined && boundTo !== claimKey) ||
    (Boolean(volume.claimRef) && !prebound) ||
    options.excluded?.has(volume.name) === true
  );
}

/**
 * Finds the volume the claim binds to, as the PV controller or the scheduler
 * would. The reasons the other volumes were passed over are worked out when
 * `rejections` is first read: read it before the binding state (`boundTo`,
 * `excluded`, the volume list) changes.
 */
export function findMatchingVolume(
  claim: SimClaim,
  volumes: readonly SimVolume[],
  options: MatchOptions,
): VolumeMatch {
  const listed = volumesInNameOrder(volumes, claim);
  let rejections: VolumeRejection[] | undefined;
  const match: VolumeMatch = {
    get rejections(): VolumeRejection[] {
      if (!rejections) {
        rejections = [];
        search(claim, listed, options, rejections);
      }
      return rejections;
    },
  };
  const queued = controllerMatch(claim, volumes, options);
  const volume = queued !== null ? queued : findMatchingVolumeByScan(claim, volumes, options);
  if (volume) match.volume = volume;
  return match;
}

/** findMatchingVolume by a pass over every candidate volume: what controllerMatch must agree with. */
export function findMatchingVolumeByScan(
  claim: SimClaim,
  volumes: readonly SimVolume[],
  options: MatchOptions,
): SimVolume | undefined {
  const { fitting, ended } = search(claim, candidatesInNameOrder(volumes, claim), options);
  return ended ? undefined : chooseVolume(fitting, options);
}

/** The class's queue for the PV controller's search; null when a capacity does not order. */
function queueOf(index: VolumeIndex, className: string): VolumeQueue | null {
  let queue = index.queues.get(className);
  if (queue === undefined) {
    const free = (index.byClass.get(className)?.volumes ?? []).filter((volume) => !volume.claimRef);
    queue = VolumeQueue.usable(free) ? new VolumeQueue(free, accessModeSet, compareModeKeys) : null;
    index.queues.set(className, queue);
  }
  return queue;
}

/**
 * The PV controller's search (no node, no reasons) through the class's
 * VolumeQueue, plus the volumes pre-bound to the claim; what `search` and
 * `chooseVolume` give, without a pass over every volume. null when it does
 * not apply: the scheduler's search, a claim selector, or the queue gives up.
 */
export function controllerMatch(
  claim: SimClaim,
  volumes: readonly SimVolume[],
  options: MatchOptions,
): SimVolume | undefined | null {
  if (options.node || options.excluded || claim.selector !== undefined) return null;
  const index = indexVolumes(volumes);
  const claimKey = keyOf(claim.namespace, claim.name);
  const selector: SelectorCache = { read: false, requirements: undefined };
  const prebound = [
    ...(index.reservedFor.get(claimKey) ?? []).filter(({ volume }) =>
      isVolumeBoundToClaim(volume, claim),
    ),
    ...ownVolumes(index, claim),
  ]
    .sort(compareIndexed)
    .map(({ volume }) => volume)
    .filter(
      (volume) =>
        !isTaken(volume, claimKey, options, true) &&
        failedChecks(volume, claim, options, true, selector) === 0,
    );
  let queued: QueuedVolume | undefined;
  // With delayed binding the PV controller takes only pre-bound volumes.
  if (!options.delayBinding) {
    const queue = queueOf(index, claim.className);
    const found = queue ? queue.first(claim, claimKey, options.boundTo) : null;
    if (found === null) return null;
    queued = found;
  }
  // chooseVolume: the first mode set with a fitting volume; in it, a pre-bound volume wins.
  let best = queued?.modeKey;
  for (const volume of prebound) {
    const key = accessModeSet(volume);
    if (best === undefined || compareModeKeys(key, best) < 0) best = key;
  }
  if (best === undefined) return undefined;
  return prebound.find((volume) => accessModeSet(volume) === best) ?? queued?.volume;
}

const modeSets = new WeakMap<SimVolume, { modes: readonly string[]; key: string }>();

/** The volume's access modes as a set key (`ReadOnlyMany,ReadWriteOnce`), made once per list of modes. */
function accessModeSet(volume: SimVolume): string {
  const known = modeSets.get(volume);
  if (known && known.modes === volume.accessModes) return known.key;
  const key = [...volume.accessModes].sort().join(',');
  modeSets.set(volume, { modes: volume.accessModes, key });
  return key;
}

/** The order the PV controller tries access-mode sets in: fewest modes first, then by name. */
function compareModeKeys(a: string, b: string): number {
  return a.split(',').length - b.split(',').length || compareText(a, b);
}

/** The volume a search picks among those that fit. */
function chooseVolume(fitting: Candidate[], options: MatchOptions): SimVolume | undefined {
  if (options.node) return pick(fitting);
  // persistentVolumeOrderedIndex: one access-mode set at a time, fewest modes first.
  const sets = new Map<string, Candidate[]>();
  for (const candidate of fitting) {
    const key = accessModeSet(candidate.volume);
    const set = sets.get(key);
    if (set) set.push(candidate);
    else sets.set(key, [candidate]);
  }
  const ordered = [...sets.entries()].sort(([a], [b]) => compareModeKeys(a, b));
  for (const [, candidates] of ordered) {
    const volume = pick(candidates);
    if (volume) return volume;
  }
  return undefined;
}

/** Joins rejections for a message: at most `limit`, then how many more. */
export function describeRejections(rejections: readonly VolumeRejection[], limit = 5): string {
  const shown = rejections.slice(0, limit).map((rejection) => rejection.text);
  if (rejections.length > limit) shown.push(`and ${rejections.length - limit} more`);
  return shown.join(', ');
}
