import { compareText } from '../model/compare-text';
import type { SimObject } from '../model/sim-object';

/**
 * Orders objects as `kubectl apply -f` would send them: by file, then by
 * position in the file. Sorting by this first makes results independent of
 * the order the caller lists the objects in.
 */
export function compareDocumentOrder(a: SimObject, b: SimObject): number {
  if (a.uri !== b.uri) return a.uri < b.uri ? -1 : 1;
  if (a.lineOffset !== b.lineOffset) return a.lineOffset - b.lineOffset;
  const aPath = a.manifest.basePath.join('.');
  const bPath = b.manifest.basePath.join('.');
  return aPath < bPath ? -1 : aPath > bPath ? 1 : 0;
}

export { compareText };
