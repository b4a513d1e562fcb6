import type { Rule } from '../rule';

/** The workloads rules, one file each. */
export const WORKLOADS_RULES: readonly Rule[] = [];
