/**
 * npm run gen:schema [-- --check] [--spec PATH]
 * Regenerates server/src/core/schema/generated/k8s-schema.json from the
 * Kubernetes OpenAPI spec in ../shared/k8s-openapi. With --check it writes
 * nothing and exits 1 when the committed bundle differs.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildSchemaBundle } from './schema/build-schema-bundle';

/** The spec's commit and release line, from ../shared/k8s-openapi/README.md. */
export const SPEC_META = {
  kubernetesVersion: '1.36',
  commit: 'de5742ae83c8d77268a7caf5f3b1f418c4a13a84',
};
export const DEFAULT_SPEC = resolve(__dirname, '../../shared/k8s-openapi/swagger.json');
export const BUNDLE_PATH = resolve(
  __dirname,
  '../server/src/core/schema/generated/k8s-schema.json',
);

export function generateBundleText(specPath: string): { text: string; warnings: string[] } {
  const spec = JSON.parse(readFileSync(specPath, 'utf8')) as Parameters<
    typeof buildSchemaBundle
  >[0];
  const { bundle, warnings } = buildSchemaBundle(spec, SPEC_META);
  return { text: JSON.stringify(bundle) + '\n', warnings };
}

function main(): void {
  const { values } = parseArgs({
    options: { check: { type: 'boolean', default: false }, spec: { type: 'string' } },
  });
  const specPath = values.spec ?? DEFAULT_SPEC;
  const { text, warnings } = generateBundleText(specPath);
  for (const warning of warnings) console.warn(`warning: ${warning}`);
  if (values.check) {
    const current = readFileSync(BUNDLE_PATH, 'utf8');
    if (current !== text) {
      console.error(`${BUNDLE_PATH} is out of date: run npm run gen:schema`);
      process.exit(1);
    }
    console.log('schema bundle is up to date');
    return;
  }
  mkdirSync(dirname(BUNDLE_PATH), { recursive: true });
  writeFileSync(BUNDLE_PATH, text);
  console.log(`wrote ${BUNDLE_PATH} (${(text.length / 1024).toFixed(0)} KiB)`);
}

if (require.main === module) main();
