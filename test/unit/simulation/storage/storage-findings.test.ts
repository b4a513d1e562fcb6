/**
 * The storage findings and the guarantees of the report: pvc-unbound on the
 * field at fault, pod-claim-not-found on the claimName, no findings for the
 * self-contained examples, and the same report whatever the input order.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { STORAGE_CODES } from '../../../../server/src/core/simulation/storage/storage-codes';
import { exampleObjects, makePod, objectNamed, simObjects } from './fixtures';
import { rangeOfText, simulateObjects, simulateStorage } from './simulate-storage';
import { docs, podUsing, pv, pvc } from './storage-yaml';

describe('pvc-unbound', () => {
  it('points at resources.requests.storage when every volume of the class is too small', () => {
    const text = docs(
      pv('pv-a', { size: '5Gi', className: 'manual' }),
      pvc('reports', { size: '8Gi', className: 'manual' }),
    );
    const run = simulateStorage(text);
    assert.equal(run.diagnostics.length, 1);
    const [finding] = run.diagnostics;
    assert.equal(finding?.code, 'pvc-unbound');
    assert.deepEqual(finding?.range, rangeOfText(text, '8Gi'));
    assert.equal(
      finding?.message,
      'PersistentVolumeClaim default/reports stays Pending: no PersistentVolume fits (pv-a is too small (5Gi < 8Gi)), and no StorageClass "manual" exists to provision one (StorageClasses: standard).',
    );
  });

  it('points at the storageClassName value when the class exists nowhere', () => {
    const text = docs(pvc('data', { size: '1Gi', className: 'fast' }));
    const [finding] = simulateStorage(text).diagnostics;
    assert.deepEqual(finding?.range, rangeOfText(text, '"fast"'));
  });

  it('points at accessModes when the volumes lack the mode asked for', () => {
    const text = docs(
      pv('pv-a', { size: '5Gi', className: '' }),
      pvc('shared', { size: '1Gi', className: '', modes: ['ReadWriteMany'] }),
    );
    const [finding] = simulateStorage(text).diagnostics;
    assert.deepEqual(finding?.range, rangeOfText(text, 'accessModes', 1));
    assert.match(
      finding?.message ?? '',
      /pv-a does not offer ReadWriteMany \(it has ReadWriteOnce\)/,
    );
  });

  it('points at volumeName when the named volume does not exist', () => {
    const text = docs(pvc('data', { size: '1Gi', className: 'manual', volumeName: 'pv-gone' }));
    const [finding] = simulateStorage(text).diagnostics;
    assert.deepEqual(finding?.range, rangeOfText(text, 'pv-gone'));
  });
});

describe('pod-claim-not-found', () => {
  it('is an error on the claimName value of the pod template', () => {
    const text = docs(pvc('data', { size: '1Gi' }), podUsing('app', ['data', 'cache']));
    const run = simulateStorage(text, (objects) => [makePod(objectNamed(objects, 'Pod', 'app'))]);
    assert.deepEqual(run.diagnostics, [
      {
        severity: 'error',
        code: 'pod-claim-not-found',
        message:
          'Pod default/app mounts PersistentVolumeClaim "cache" (volume "vol1"), which does not exist in namespace default (claims in default: data); its pods stay Pending: persistentvolumeclaim "cache" not found.',
        uri: 'file:///test/x.yaml',
        range: rangeOfText(text, 'cache'),
      },
    ]);
  });

  it("looks in the pod's own namespace", () => {
    const text = docs(pvc('data', { size: '1Gi', namespace: 'other' }), podUsing('app', ['data']));
    const run = simulateStorage(text);
    assert.equal(run.diagnostics[0]?.code, 'pod-claim-not-found');
  });
});

describe('the storage report', () => {
  it('is the same whatever the order of the objects and files', () => {
    const text = docs(
      pv('pv-a', { size: '10Gi', className: 'manual' }),
      pvc('b', { size: '1Gi', className: 'manual' }),
      pvc('a', { size: '1Gi', className: 'manual' }),
      pvc('c', { size: '2Gi' }),
    );
    const objects = simObjects(text);
    const forward = simulateObjects(objects, []);
    const backward = simulateObjects([...objects].reverse(), []);
    assert.equal(JSON.stringify(backward.reports), JSON.stringify(forward.reports));
    assert.equal(JSON.stringify(backward.diagnostics), JSON.stringify(forward.diagnostics));
    assert.equal(forward.claim('a').volume, 'pv-a');
  });

  it('codes are cross-resource CodeInfo entries', () => {
    assert.deepEqual(
      STORAGE_CODES.map(({ code, category, severity }) => ({ code, category, severity })),
      [
        { code: 'pvc-unbound', category: 'cross-resource', severity: 'warning' },
        { code: 'pod-claim-not-found', category: 'cross-resource', severity: 'error' },
      ],
    );
  });
});

describe('self-contained examples give no storage findings', () => {
  it('examples/storage: the 8Gi claim binds pv-large (pv-small is too small)', () => {
    const objects = exampleObjects('storage');
    const run = simulateObjects(objects, [makePod(objectNamed(objects, 'Pod', 'reports-server'))]);
    assert.deepEqual(run.diagnostics, []);
    assert.equal(run.claim('reports').volume, 'pv-large');
  });

  it('examples/database: data-postgres-0..2 are provisioned through "standard"', () => {
    const objects = exampleObjects('database');
    const postgres = objectNamed(objects, 'StatefulSet', 'postgres');
    const run = simulateObjects(
      objects,
      [0, 1, 2].map((ordinal) => makePod(postgres, { ordinal })),
    );
    assert.deepEqual(run.diagnostics, []);
    assert.deepEqual(
      run.reports.map((report) => `${report.name}:${report.phase}:${report.storageClass ?? ''}`),
      [
        'data-postgres-0:Bound:standard',
        'data-postgres-1:Bound:standard',
        'data-postgres-2:Bound:standard',
      ],
    );
  });

  it('examples/web-shop: no claims at all', () => {
    const objects = exampleObjects('web-shop');
    const pods = ['shop-api', 'shop-frontend'].map((name) =>
      makePod(objectNamed(objects, 'Deployment', name)),
    );
    const run = simulateObjects(objects, pods);
    assert.deepEqual(run.reports, []);
    assert.deepEqual(run.diagnostics, []);
  });
});
