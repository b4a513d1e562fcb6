import { CONFIG_RULES } from './config';
import { METADATA_RULES } from './metadata';
import { NETWORKING_RULES } from './networking';
import type { Rule } from './rule';
import { STORAGE_RULES } from './storage';
import { WORKLOADS_RULES } from './workloads';

/** Every API-server rule, in the order they run. */
export const ALL_RULES: readonly Rule[] = [
  ...METADATA_RULES,
  ...NETWORKING_RULES,
  ...WORKLOADS_RULES,
  ...STORAGE_RULES,
  ...CONFIG_RULES,
];
