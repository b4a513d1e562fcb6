import type { Rule } from '../rule';

/** The metadata rules, one file each. */
export const METADATA_RULES: readonly Rule[] = [];
