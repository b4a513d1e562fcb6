import type { JsonPath } from '../../model/json';
import type { Manifest } from '../../model/manifest';

/**
 * Where to report a missing field: the path itself when it is written, else
 * its deepest written ancestor (the parent that lacks the field), and the
 * `kind` key when not even the top-level field exists.
 */
export function nearestPath(manifest: Manifest, path: JsonPath): JsonPath {
  for (let length = path.length; length > 0; length--) {
    const prefix = path.slice(0, length);
    if (manifest.hasSource(prefix)) return prefix;
  }
  return ['kind'];
}
