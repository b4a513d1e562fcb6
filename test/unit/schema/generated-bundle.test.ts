import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { BUNDLE_PATH, DEFAULT_SPEC, generateBundleText } from '../../../scripts/gen-schema';

describe('generated schema bundle', () => {
  it('is exactly what npm run gen:schema makes from the shared OpenAPI spec', (t) => {
    if (!existsSync(DEFAULT_SPEC)) {
      t.skip(`${DEFAULT_SPEC} is absent: cannot regenerate the bundle here`);
      return;
    }
    const { text, warnings } = generateBundleText(DEFAULT_SPEC);
    assert.deepEqual(warnings, [], 'every enum and unique-list table entry matches the spec');
    assert.ok(
      readFileSync(BUNDLE_PATH, 'utf8') === text,
      'the committed bundle is stale: run npm run gen:schema',
    );
  });

  it('records the Kubernetes version and keeps descriptions for hover', () => {
    const bundle = JSON.parse(readFileSync(BUNDLE_PATH, 'utf8')) as {
      kubernetesVersion: string;
      kinds: Record<string, string>;
      definitions: Record<string, { properties?: Record<string, { description?: string }> }>;
    };
    assert.equal(bundle.kubernetesVersion, '1.36');
    assert.equal(
      bundle.kinds['autoscaling/v2/HorizontalPodAutoscaler'],
      'io.k8s.api.autoscaling.v2.HorizontalPodAutoscaler',
    );
    assert.match(
      bundle.definitions['io.k8s.api.core.v1.ServicePort']?.properties?.nodePort?.description ?? '',
      /The port on each node on which this service is exposed/,
    );
  });
});
