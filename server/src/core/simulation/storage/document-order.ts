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

/** Compares two strings by code unit, as Go's `<` on strings does. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
