/**
 * The self-contained examples read only ConfigMaps and Secrets they define,
 * so they give no missing-reference findings and every pod can start.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { resolveConfigUse } from '../../../../server/src/core/simulation/config-maps/resolve-config-use';
import { podSpecPath } from '../../../../server/src/core/model/pod-template';
import type { SimObject } from '../../../../server/src/core/simulation/model/sim-object';
import { exampleObjects, makePod } from '../storage/fixtures';

function podsOf(objects: SimObject[]) {
  return objects
    .filter((object) => podSpecPath(object.manifest) !== undefined)
    .map((object) => makePod(object));
}

describe('examples', () => {
  for (const folder of ['web-shop', 'database', 'storage', 'seed', 'logging']) {
    it(`examples/${folder}: no missing ConfigMap or Secret, every pod starts`, () => {
      const objects = exampleObjects(folder);
      const pods = podsOf(objects);
      const result = resolveConfigUse(objects, pods);
      assert.deepEqual(result.diagnostics, []);
      assert.deepEqual(
        pods.filter((pod) => pod.blocked).map((pod) => pod.reason),
        [],
      );
      for (const entry of [...result.configMaps, ...result.secrets]) {
        assert.ok(
          entry.usedBy.every((use) => use.found),
          `${entry.name}: every use is found`,
        );
      }
    });
  }

  it('examples/web-shop: shop-config is read by both Deployments, key by key and through envFrom', () => {
    const objects = exampleObjects('web-shop');
    const result = resolveConfigUse(objects, podsOf(objects));
    const [shopConfig] = result.configMaps;
    assert.equal(shopConfig?.name, 'shop-config');
    assert.equal(shopConfig?.defined, true);
    assert.deepEqual(shopConfig?.keys, [
      'API_BASE_URL',
      'CURRENCY',
      'DATABASE_HOST',
      'DATABASE_NAME',
      'DATABASE_PORT',
      'LOG_LEVEL',
      'SHOP_NAME',
    ]);
    assert.deepEqual(
      shopConfig?.usedBy.map((use) => `${use.pod}/${use.container}/${use.via}/${use.key ?? ''}`),
      [
        'shop-api-abcde/api/env/DATABASE_HOST',
        'shop-api-abcde/api/env/DATABASE_NAME',
        'shop-api-abcde/api/env/DATABASE_PORT',
        'shop-api-abcde/api/envFrom/',
        'shop-frontend-abcde/frontend/env/API_BASE_URL',
        'shop-frontend-abcde/frontend/env/LOG_LEVEL',
        'shop-frontend-abcde/frontend/env/SHOP_NAME',
      ],
    );
  });

  it('examples/database: the postgres Secret defined with stringData serves its three keys', () => {
    const objects = exampleObjects('database');
    const result = resolveConfigUse(objects, podsOf(objects));
    assert.deepEqual(result.secrets[0]?.keys, [
      'POSTGRES_DB',
      'POSTGRES_PASSWORD',
      'POSTGRES_USER',
    ]);
    assert.equal(result.secrets[0]?.usedBy.length, 3);
  });

  it('the result does not depend on the order of the objects', () => {
    const objects = [...exampleObjects('web-shop'), ...exampleObjects('database')];
    const forward = resolveConfigUse(objects, podsOf(objects));
    const backward = resolveConfigUse([...objects].reverse(), podsOf(objects).reverse());
    assert.equal(JSON.stringify(backward), JSON.stringify(forward));
  });
});
