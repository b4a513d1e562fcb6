/**
 * node esbuild.mjs runs this (bundled) before bundling the server:
 *   gen-validators OUT_FILE [--all]
 * Writes the standalone ajv code of the validators of PRECOMPILED_KINDS (with
 * --all: every kind of the bundle) as one CommonJS module whose exports are
 * named by definition. The code `require`s `slipway-validator-runtime`
 * (server/src/core/schema/validator-runtime.ts), which the bundler resolves.
 * The first open of a manifest then pays no ajv compile for these kinds.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { _ } from 'ajv/dist/compile/codegen';
import standaloneCode from 'ajv/dist/standalone';
import type { SchemaBundle } from '../server/src/core/schema/schema-bundle';
import { PRECOMPILED_KINDS } from '../server/src/core/schema/precompiled-kinds';
import { createSchemaAjv, definitionId } from '../server/src/core/schema/schema-validator';
import { VALIDATOR_RUNTIME_MODULE } from '../server/src/core/schema/validator-runtime';

/** The schema bundle, from the repository root (where the build runs). */
export const BUNDLE_PATH = 'server/src/core/schema/generated/k8s-schema.json';

/** The definitions to precompile: those of the kinds listed (all kinds with `all`). */
export function precompiledDefinitions(bundle: SchemaBundle, all = false): string[] {
  const keys = all ? Object.keys(bundle.kinds) : PRECOMPILED_KINDS;
  const definitions = new Set<string>();
  for (const key of keys) {
    const definition = bundle.kinds[key];
    if (!definition) throw new Error(`gen-validators: ${key} is not a kind of the schema bundle`);
    definitions.add(definition);
  }
  return [...definitions].sort();
}

/** The standalone module source: `exports[definition] = validate…` for each definition. */
export function generateValidatorsCode(
  bundle: SchemaBundle,
  definitions: readonly string[],
): string {
  const ajv = createSchemaAjv(bundle, {
    source: true,
    formats: _`require(${VALIDATOR_RUNTIME_MODULE}).SCHEMA_FORMATS`,
  });
  const exports: Record<string, string> = {};
  for (const definition of definitions) exports[definition] = definitionId(definition);
  return standaloneCode(ajv, exports);
}

if (require.main === module) {
  const out = process.argv[2];
  if (!out) throw new Error('usage: gen-validators OUT_FILE [--all]');
  const bundle = JSON.parse(readFileSync(resolve(BUNDLE_PATH), 'utf8')) as SchemaBundle;
  const definitions = precompiledDefinitions(bundle, process.argv.includes('--all'));
  const code = generateValidatorsCode(bundle, definitions);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, code);
}
