import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CLUSTER_SCHEMA_PATH, clusterSchemaText } from '../../../scripts/gen-cluster-schema';
import { REPO_ROOT } from '../../support/core-context';

describe('cluster file schema', () => {
  it('schemas/cluster.schema.json is generated from the core definition (npm run gen:cluster-schema)', () => {
    assert.ok(
      readFileSync(CLUSTER_SCHEMA_PATH, 'utf8') === clusterSchemaText(),
      'stale: run npm run gen:cluster-schema',
    );
  });

  it('is registered by the extension for .slipway/cluster.yaml and .json', () => {
    const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
      contributes: {
        yamlValidation?: { fileMatch: string[]; url: string }[];
        jsonValidation?: { fileMatch: string[]; url: string }[];
      };
    };
    assert.deepEqual(
      manifest.contributes.yamlValidation?.[0]?.url,
      './schemas/cluster.schema.json',
    );
    assert.ok(
      manifest.contributes.yamlValidation?.[0]?.fileMatch.includes('.slipway/cluster.yaml'),
    );
    assert.ok(
      manifest.contributes.jsonValidation?.[0]?.fileMatch.includes('.slipway/cluster.json'),
    );
  });
});
