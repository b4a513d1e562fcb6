/**
 * The PV controller's search over the volumes of one class, without a pass over
 * all of them for every claim. The volumes are the static ones of the class
 * that no claimRef reserves (a reserved volume is taken by, or pre-bound to, its
 * claim and is looked at apart), grouped by access-mode set and volume mode;
 * the groups come in the order findMatchingVolume tries mode sets (fewest modes
 * first), and each group holds its volumes by capacity, then in name order. So
 * the volume findMatchingVolume would pick among them is, in the first group
 * whose modes and volume mode suit the claim and that has one, the first volume
 * at least as large as the request that no other claim is bound to. A binding
 * pass never undoes a binding, so a volume found bound to another claim is
 * skipped for good in that pass (per `boundTo` map); a search by the claim it
 * is bound to then gives up (`null`) and the caller scans as before. With
 * thousands of volumes and claims of one class, this keeps binding near
 * linear instead of quadratic.
 */
import { lowerBound } from '../../model/lower-bound';
import type { SimClaim, SimVolume } from './claim-state';

interface Group {
  /** The access-mode set key shared by the group's volumes. */
  modeKey: string;
  volumeMode: string;
  /** One of its volumes, for the access-mode test (they all have the same modes). */
  sample: SimVolume;
  /** By capacity, then name order. */
  volumes: SimVolume[];
  capacities: Float64Array;
}

/** One binding pass's view: skip pointers past volumes bound to other claims, and those claims. */
interface Pass {
  /** Per group: `next[i] === i` while volume i may be free, else a later index to look at. */
  next: Int32Array[];
  /** The claims that volumes were skipped for: their own searches cannot use the skips. */
  skippedFor: Set<string>;
}

/** What a search found: the volume and its access-mode set key. */
export interface QueuedVolume {
  volume: SimVolume;
  modeKey: string;
}

/** The first index at or after `at` not skipped, compressing the path walked. */
function firstLive(next: Int32Array, at: number): number {
  let live = at;
  while (next[live] !== live) live = next[live] as number;
  while (at !== live) {
    const up = next[at] as number;
    next[at] = live;
    at = up;
  }
  return live;
}

export class VolumeQueue {
  private readonly groups: Group[];
  private readonly passes = new WeakMap<ReadonlyMap<string, string>, Pass>();

  /**
   * `volumes`: the class's unreserved static volumes in name order; `modeKey`
   * gives a volume's access-mode set key, `compareModeKeys` the order in which
   * mode sets are tried.
   */
  constructor(
    volumes: readonly SimVolume[],
    modeKey: (volume: SimVolume) => string,
    compareModeKeys: (a: string, b: string) => number,
  ) {
    const byGroup = new Map<string, Group>();
    for (const volume of volumes) {
      const key = modeKey(volume);
      const id = `${key}\n${volume.volumeMode}`;
      let group = byGroup.get(id);
      if (!group) {
        group = {
          modeKey: key,
          volumeMode: volume.volumeMode,
          sample: volume,
          volumes: [],
          capacities: new Float64Array(0),
        };
        byGroup.set(id, group);
      }
      group.volumes.push(volume);
    }
    this.groups = [...byGroup.values()].sort((a, b) => compareModeKeys(a.modeKey, b.modeKey));
    for (const group of this.groups) {
      // A stable sort keeps name order among equal capacities.
      group.volumes.sort((a, b) => a.capacity.bytes - b.capacity.bytes);
      group.capacities = Float64Array.from(group.volumes, (volume) => volume.capacity.bytes);
    }
  }

  /** True when every capacity orders (no NaN): otherwise the queue does not answer. */
  static usable(volumes: readonly SimVolume[]): boolean {
    return volumes.every((volume) => Number.isFinite(volume.capacity.bytes));
  }

  /**
   * The volume of the queue findMatchingVolume would pick for the claim (key
   * `claimKey`) with these bindings; undefined when none fits; null when this
   * pass skipped a volume bound to the claim itself (then scan).
   */
  first(
    claim: SimClaim,
    claimKey: string,
    boundTo: ReadonlyMap<string, string>,
  ): QueuedVolume | undefined | null {
    if (!Number.isFinite(claim.request.bytes)) return null;
    const pass = this.passFor(boundTo);
    if (pass.skippedFor.has(claimKey)) return null;
    for (let g = 0; g < this.groups.length; g++) {
      const group = this.groups[g] as Group;
      if (group.volumeMode !== claim.volumeMode) continue;
      if (!claim.accessModes.every((mode) => group.sample.accessModes.includes(mode))) continue;
      const next = pass.next[g] as Int32Array;
      const count = group.volumes.length;
      for (
        let at = firstLive(next, lowerBound(group.capacities, claim.request.bytes));
        at < count;
        at = firstLive(next, at + 1)
      ) {
        const volume = group.volumes[at] as SimVolume;
        const bound = boundTo.get(volume.name);
        if (bound === undefined || bound === claimKey) return { volume, modeKey: group.modeKey };
        next[at] = at + 1;
        pass.skippedFor.add(bound);
      }
    }
    return undefined;
  }

  private passFor(boundTo: ReadonlyMap<string, string>): Pass {
    let pass = this.passes.get(boundTo);
    if (!pass) {
      pass = {
        // One slot past the end of each group, always live: the walk stops there.
        next: this.groups.map(({ volumes }) =>
          Int32Array.from({ length: volumes.length + 1 }, (_, i) => i),
        ),
        skippedFor: new Set(),
      };
      this.passes.set(boundTo, pass);
    }
    return pass;
  }
}
