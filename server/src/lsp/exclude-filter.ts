import { fileURLToPath } from 'node:url';
import picomatch from 'picomatch';

/** Builds a test for `slipway.exclude`: true when a document's URI matches one of the globs. */
export function createExcludeFilter(globs: readonly string[]): (uri: string) => boolean {
  if (globs.length === 0) return () => false;
  const matches = picomatch([...globs], { dot: true });
  return (uri) => {
    if (!uri.startsWith('file:')) return false;
    try {
      return matches(fileURLToPath(uri).replace(/\\/g, '/'));
    } catch {
      return false;
    }
  };
}
