import type { Rule } from '../rule';

/** The config rules, one file each. */
export const CONFIG_RULES: readonly Rule[] = [];
