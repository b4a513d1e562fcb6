import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckContext } from '../core/check/check-context';
import { ALL_RULES } from '../core/rules/all-rules';
import type { SchemaBundle } from '../core/schema/schema-bundle';
import { SchemaRegistry } from '../core/schema/schema-registry';

const BUNDLE_FILE = 'k8s-schema.json';

/**
 * Where the schema bundle is: beside the bundled code in dist/, or in the
 * source tree when running from TypeScript (tests, tsx).
 */
function findBundle(): string {
  const candidates = [
    join(__dirname, BUNDLE_FILE),
    join(__dirname, '..', 'core', 'schema', 'generated', BUNDLE_FILE),
  ];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found)
    throw new Error(`Slipway's schema bundle is missing (looked in ${candidates.join(', ')})`);
  return found;
}

/** Reads the shipped schema bundle and builds the context every check uses. */
export function createCheckContext(): CheckContext {
  const bundle = JSON.parse(readFileSync(findBundle(), 'utf8')) as SchemaBundle;
  return { registry: new SchemaRegistry(bundle), rules: ALL_RULES };
}
