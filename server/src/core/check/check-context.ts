import type { Rule } from '../rules/rule';
import type { SchemaRegistry } from '../schema/schema-registry';

/** What every check needs: the schema and the rules. Created once, shared. */
export interface CheckContext {
  registry: SchemaRegistry;
  rules: readonly Rule[];
}
