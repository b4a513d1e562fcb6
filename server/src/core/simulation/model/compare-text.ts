/**
 * Compares two strings by UTF-16 code unit, as Go's `<` on strings does: the
 * same order in every locale, so sorted reports are reproducible.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
