/**
 * The allocation strategy shared by ClusterIPs and nodePorts, made
 * reproducible. Both real allocators (pkg/registry/core/service/ipallocator
 * and .../portallocator, KEP-3070 and KEP-3668) split their range in two: a
 * lower "static" band of `rangeOffset` values that users are encouraged to
 * pick by hand, and the upper band that dynamic allocation prefers. They
 * start at a random offset of the upper band and scan upwards, wrapping
 * around, for a free value; only when the upper band is full do they do the
 * same in the lower band.
 *
 * The simulator replaces the random start by a hash: the FNV-1a hash of a
 * seed (the Service's `namespace/name`, plus the port for nodePorts) taken
 * modulo the band's size. Values are handed out to the Services in sorted
 * (namespace, name) order, so the same manifests always get the same values,
 * whatever order their files come in.
 */
import { fnv1a32 } from '../model/stable-hash';

/** A contiguous range of integers split into a static (lower) and a dynamic (upper) band. */
export interface AllocationRange {
  /** The first value of the range. */
  first: number;
  /** How many values the range holds. */
  size: number;
  /** How many values at the bottom form the static band. */
  rangeOffset: number;
}

function scanBand(
  start: number,
  size: number,
  seed: string,
  isFree: (value: number) => boolean,
): number | undefined {
  if (size <= 0) return undefined;
  const offset = fnv1a32(seed) % size;
  for (let step = 0; step < size; step++) {
    const value = start + ((offset + step) % size);
    if (isFree(value)) return value;
  }
  return undefined;
}

/**
 * Picks a free value for `seed`: a hash-chosen start in the upper band, then
 * a linear scan upwards with wrap-around; the lower band when the upper one
 * is full. Undefined when the whole range is taken.
 */
export function allocateFromRange(
  range: AllocationRange,
  seed: string,
  isFree: (value: number) => boolean,
): number | undefined {
  const offset = Math.min(Math.max(range.rangeOffset, 0), range.size);
  return (
    scanBand(range.first + offset, range.size - offset, seed, isFree) ??
    scanBand(range.first, offset, seed, isFree)
  );
}

/**
 * KEP-3070/KEP-3668 `calculateRangeOffset`: min(max(min, size/step), max),
 * or 0 when the range holds `min` values or fewer.
 */
export function calculateRangeOffset(
  size: number,
  limits: { min: number; max: number; step: number },
): number {
  if (size <= limits.min) return 0;
  const offset = Math.floor(size / limits.step);
  return Math.min(Math.max(offset, limits.min), limits.max);
}
