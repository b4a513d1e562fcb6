import type { JsonPath } from '../../server/src/core/model/json';

/**
 * Every path of a value, plus paths that do not exist below each of them
 * (a missing key, an index past the end, a negative and a fractional index):
 * what a source map is asked for.
 */
export function pathsOf(value: unknown, base: JsonPath = [], out: JsonPath[] = []): JsonPath[] {
  out.push(base, [...base, 'absent'], [...base, 7], [...base, -1], [...base, 0.5]);
  if (Array.isArray(value)) value.forEach((item, i) => pathsOf(item, [...base, i], out));
  else if (typeof value === 'object' && value !== null)
    for (const [key, child] of Object.entries(value)) pathsOf(child, [...base, key], out);
  return out;
}
