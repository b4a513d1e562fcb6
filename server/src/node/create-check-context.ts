import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { CheckContext } from '../core/check/check-context';
import { ALL_RULES } from '../core/rules/all-rules';
import type { SchemaBundle } from '../core/schema/schema-bundle';
import { SchemaRegistry } from '../core/schema/schema-registry';
import type {
  PrecompiledValidators,
  SchemaValidateFunction,
} from '../core/schema/schema-validator';

const BUNDLE_FILE = 'k8s-schema.json';
/** The validators precompiled by the build (scripts/gen-validators.ts), beside the bundled code. */
const VALIDATORS_FILE = 'validators.js';

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

/**
 * The build's precompiled validators, loaded on the first validation (not at
 * start-up); none when running from the source tree, where every validator
 * is compiled on first use.
 */
function findPrecompiled(): PrecompiledValidators | undefined {
  const file = join(__dirname, VALIDATORS_FILE);
  if (!existsSync(file)) return undefined;
  let loaded: Record<string, SchemaValidateFunction | undefined> | undefined;
  return (definition) => {
    if (!loaded) {
      try {
        loaded = createRequire(__filename)(file) as Record<string, SchemaValidateFunction>;
      } catch {
        // A broken build output must not stop checking: compile instead.
        loaded = {};
      }
    }
    return Object.hasOwn(loaded, definition) ? loaded[definition] : undefined;
  };
}

/** Reads the shipped schema bundle and builds the context every check uses. */
export function createCheckContext(): CheckContext {
  const bundle = JSON.parse(readFileSync(findBundle(), 'utf8')) as SchemaBundle;
  return { registry: new SchemaRegistry(bundle, findPrecompiled()), rules: ALL_RULES };
}
