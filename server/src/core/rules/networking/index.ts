import type { Rule } from '../rule';

/** The networking rules, one file each. */
export const NETWORKING_RULES: readonly Rule[] = [];
