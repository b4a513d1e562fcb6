import { distance } from 'fastest-levenshtein';

/**
 * `a, b, c and 2 more`: a short list of names for a message (a message that
 * lists every pod of a 500-replica workload helps nobody, and is sent again
 * with every publish).
 */
export function listNames(names: readonly string[], limit = 3): string {
  const shown = names.slice(0, limit).join(', ');
  return names.length > limit ? `${shown} and ${names.length - limit} more` : shown;
}

/** `listNames` with the names closest to `wanted` first (a likely typo's fix leads). */
export function listNearest(wanted: string, names: readonly string[], limit = 5): string {
  const ranked = names
    .map((name, index) => ({ name, index, distance: distance(wanted, name) }))
    .sort((a, b) => a.distance - b.distance || a.index - b.index)
    .map((entry) => entry.name);
  return listNames(ranked, limit);
}
