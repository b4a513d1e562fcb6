import type { Rule } from '../rule';

/** The storage rules, one file each. */
export const STORAGE_RULES: readonly Rule[] = [];
