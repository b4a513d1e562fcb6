/**
 * npm run gen:cluster-schema [-- --check]
 * Writes schemas/cluster.schema.json from the one definition of the cluster
 * file format (server/src/core/cluster/cluster-schema.ts). The extension
 * registers it for `.slipway/cluster.yaml` / `.json` (jsonValidation, and
 * yamlValidation for Red Hat's YAML extension), so the file gets completion,
 * hover and validation as it is typed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLUSTER_FILE_SCHEMA } from '../server/src/core/cluster/cluster-schema';

export const CLUSTER_SCHEMA_PATH = join(__dirname, '..', 'schemas', 'cluster.schema.json');

export function clusterSchemaText(): string {
  return `${JSON.stringify({ $schema: 'http://json-schema.org/draft-07/schema#', ...CLUSTER_FILE_SCHEMA }, null, 2)}\n`;
}

if (require.main === module) {
  const text = clusterSchemaText();
  if (process.argv.includes('--check')) {
    if (readFileSync(CLUSTER_SCHEMA_PATH, 'utf8') !== text) {
      console.error('schemas/cluster.schema.json is stale: run npm run gen:cluster-schema');
      process.exit(1);
    }
  } else {
    writeFileSync(CLUSTER_SCHEMA_PATH, text);
    console.log(`wrote ${CLUSTER_SCHEMA_PATH}`);
  }
}
