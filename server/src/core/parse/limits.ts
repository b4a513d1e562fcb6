/** Safety limits applied before and during parsing. */
export const PARSE_LIMITS = {
  /** Files larger than this are skipped with a diagnostic. */
  maxFileBytes: 8 * 1024 * 1024,
  /** Flow/block nesting deeper than this is refused (a guard for the recursive parser). */
  maxNestingDepth: 200,
} as const;
