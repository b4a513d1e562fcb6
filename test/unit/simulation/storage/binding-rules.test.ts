/**
 * How the PV controller binds claims, rule by rule. Sources:
 * - k8s.io/component-helpers/storage/volume/pv_helpers.go FindMatchingVolume
 *   (class, selector, capacity, volumeMode, claimRef pre-binding, smallest fit);
 * - pkg/controller/volume/persistentvolume/index.go findByClaim (access-mode
 *   sets, fewest modes first);
 * - pkg/controller/volume/persistentvolume/pv_controller.go syncUnboundClaim
 *   (volumeName, provisioning, "no persistent volumes available …");
 * - https://kubernetes.io/docs/concepts/storage/persistent-volumes/#class-1
 *   (storageClassName unset vs "" vs a name, the default StorageClass).
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { defaultCluster } from '../../../../server/src/core/simulation/cluster/default-cluster';
import type { Cluster } from '../../../../server/src/core/simulation/report';
import { simulateStorage } from './simulate-storage';
import { docs, pv, pvc, storageClass } from './storage-yaml';

const DYNAMIC_NAME = /^pvc-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function clusterWithoutDefault(): Cluster {
  const cluster = defaultCluster();
  cluster.storageClasses = cluster.storageClasses.map((known) => ({ ...known, default: false }));
  return cluster;
}

describe('storage class: a name, "" or unset (docs: persistent-volumes #class)', () => {
  it('a named class binds a PV of that class, the smallest that fits (examples/storage)', () => {
    const run = simulateStorage(
      docs(
        pv('pv-small', { size: '5Gi', className: 'manual' }),
        pv('pv-huge', { size: '20Gi', className: 'manual' }),
        pv('pv-large', { size: '10Gi', className: 'manual' }),
        pvc('reports', { size: '8Gi', className: 'manual' }),
      ),
    );
    assert.deepEqual(
      { ...run.claim('reports'), source: undefined },
      {
        name: 'reports',
        namespace: 'default',
        phase: 'Bound',
        volume: 'pv-large',
        storageClass: 'manual',
        request: '8Gi',
        source: undefined,
      },
    );
  });

  it('equal sizes go to the first volume by name', () => {
    const run = simulateStorage(
      docs(
        pv('pv-b', { size: '10Gi', className: 'manual' }),
        pv('pv-a', { size: '10Gi', className: 'manual' }),
        pvc('data', { size: '1Gi', className: 'manual' }),
      ),
    );
    assert.equal(run.claim('data').volume, 'pv-a');
  });

  it('storageClassName "" binds only a PV without class, never a classed one', () => {
    const run = simulateStorage(
      docs(
        pv('pv-manual', { size: '1Gi', className: 'manual' }),
        pv('pv-none', { size: '5Gi' }),
        pvc('data', { size: '1Gi', className: '' }),
      ),
    );
    assert.equal(run.claim('data').volume, 'pv-none');
    assert.equal(run.claim('data').storageClass, undefined);
  });

  it('storageClassName "" is never provisioned: Pending with the rejected volumes', () => {
    const run = simulateStorage(
      docs(
        pv('pv-manual', { size: '5Gi', className: 'manual' }),
        pvc('data', { size: '1Gi', className: '' }),
      ),
    );
    assert.equal(run.claim('data').phase, 'Pending');
    assert.equal(
      run.claim('data').reason,
      'no PersistentVolume matches: pv-manual has class "manual"',
    );
  });

  it('an unset class gets the default class "standard" and is provisioned, ignoring a classless PV', () => {
    const run = simulateStorage(docs(pv('pv-none', { size: '5Gi' }), pvc('data', { size: '1Gi' })));
    const claim = run.claim('data');
    assert.equal(claim.phase, 'Bound');
    assert.equal(claim.storageClass, 'standard');
    assert.equal(claim.dynamic, true);
    assert.match(claim.volume ?? '', DYNAMIC_NAME);
  });

  it('an unset class without a default class binds a classless PV', () => {
    const run = simulateStorage(
      docs(pv('pv-none', { size: '5Gi' }), pvc('data', { size: '1Gi' })),
      () => [],
      clusterWithoutDefault(),
    );
    assert.equal(run.claim('data').volume, 'pv-none');
  });

  it("an unset class without a default class and no volume: the PV controller's FailedBinding message", () => {
    const run = simulateStorage(
      docs(pvc('data', { size: '1Gi' })),
      () => [],
      clusterWithoutDefault(),
    );
    assert.equal(run.claim('data').phase, 'Pending');
    assert.equal(
      run.claim('data').reason,
      'no persistent volumes available for this claim and no storage class is set',
    );
  });

  it("a default StorageClass in the scope wins over the cluster's (newest default: pkg/volume/util GetDefaultClass)", () => {
    const run = simulateStorage(
      docs(
        storageClass('fast', { provisioner: 'ebs.csi.aws.com', isDefault: true }),
        pvc('data', { size: '1Gi' }),
      ),
    );
    assert.equal(run.claim('data').storageClass, 'fast');
    assert.equal(run.claim('data').dynamic, true);
  });

  it('a StorageClass of the scope replaces the cluster class of the same name, as kubectl apply would', () => {
    const run = simulateStorage(
      docs(
        storageClass('standard', { provisioner: 'kubernetes.io/no-provisioner' }),
        pvc('named', { size: '1Gi', className: 'standard' }),
        pvc('unset', { size: '1Gi' }),
      ),
      () => [],
    );
    assert.equal(run.claim('named').phase, 'Pending');
    assert.equal(
      run.claim('named').reason,
      'no volume plugin matched name: kubernetes.io/no-provisioner',
    );
    // The replacement is not annotated as default, so no class is the default any more.
    assert.equal(run.claim('unset').storageClass, undefined);
    assert.equal(
      run.claim('unset').reason,
      'no persistent volumes available for this claim and no storage class is set',
    );
  });

  it('a named class that exists nowhere stays Pending: storageclass.storage.k8s.io "fast" not found', () => {
    const run = simulateStorage(docs(pvc('data', { size: '1Gi', className: 'fast' })));
    assert.equal(run.claim('data').phase, 'Pending');
    assert.equal(run.claim('data').reason, 'storageclass.storage.k8s.io "fast" not found');
  });
});

describe('what a volume must offer (FindMatchingVolume)', () => {
  it('access modes: the volume offers at least the modes the claim asks for', () => {
    const run = simulateStorage(
      docs(
        pv('pv-rwo', { size: '5Gi', className: 'nfs' }),
        pv('pv-rwx', { size: '10Gi', className: 'nfs', modes: ['ReadWriteOnce', 'ReadWriteMany'] }),
        pvc('shared', { size: '1Gi', className: 'nfs', modes: ['ReadWriteMany'] }),
      ),
    );
    assert.equal(run.claim('shared').volume, 'pv-rwx');
  });

  it('access modes: the set with the fewest modes is searched first (index.go allPossibleMatchingAccessModes)', () => {
    const run = simulateStorage(
      docs(
        pv('pv-many', {
          size: '1Gi',
          className: 'nfs',
          modes: ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany'],
        }),
        pv('pv-one', { size: '5Gi', className: 'nfs', modes: ['ReadWriteOnce'] }),
        pvc('data', { size: '1Gi', className: 'nfs' }),
      ),
    );
    assert.equal(run.claim('data').volume, 'pv-one');
  });

  it('capacity: a volume smaller than the request is passed over, with sizes in the reason', () => {
    const run = simulateStorage(
      docs(
        pv('pv-a', { size: '5Gi', className: 'manual' }),
        pvc('data', { size: '8Gi', className: 'manual' }),
      ),
    );
    assert.equal(run.claim('data').phase, 'Pending');
    assert.equal(
      run.claim('data').reason,
      'no PersistentVolume matches: pv-a is too small (5Gi < 8Gi); storageclass.storage.k8s.io "manual" not found',
    );
  });

  it('the reason lists why each volume was passed over', () => {
    const run = simulateStorage(
      docs(
        pv('pv-a', { size: '5Gi', className: 'manual' }),
        pv('pv-b', { size: '20Gi', className: 'slow' }),
        pvc('data', { size: '8Gi', className: 'manual' }),
      ),
    );
    assert.equal(
      run.claim('data').reason,
      'no PersistentVolume matches: pv-a is too small (5Gi < 8Gi), pv-b has class "slow"; storageclass.storage.k8s.io "manual" not found',
    );
  });

  it('volumeMode: Filesystem by default; a Block volume only serves a Block claim', () => {
    const run = simulateStorage(
      docs(
        pv('pv-block', { size: '10Gi', className: 'raw', volumeMode: 'Block' }),
        pvc('fs', { size: '1Gi', className: 'raw' }),
        pvc('raw', { size: '1Gi', className: 'raw', volumeMode: 'Block' }),
      ),
    );
    assert.equal(run.claim('raw').volume, 'pv-block');
    assert.equal(run.claim('fs').phase, 'Pending');
    assert.match(
      run.claim('fs').reason ?? '',
      /pv-block is a Block volume \(the claim wants Filesystem\)/,
    );
  });

  it('label selector: matchLabels and matchExpressions on the volume labels', () => {
    const volumes = [
      pv('pv-fast', { size: '10Gi', className: 'manual', labels: { tier: 'fast' } }),
      pv('pv-slow', { size: '5Gi', className: 'manual', labels: { tier: 'slow' } }),
    ];
    const run = simulateStorage(
      docs(
        ...volumes,
        pvc('by-label', {
          size: '1Gi',
          className: 'manual',
          selector: ['matchLabels:', '  tier: fast'],
        }),
        pvc('by-expression', {
          size: '1Gi',
          className: 'manual',
          selector: ['matchExpressions:', '- key: tier', '  operator: In', '  values: [slow]'],
        }),
      ),
    );
    assert.equal(run.claim('by-label').volume, 'pv-fast');
    assert.equal(run.claim('by-expression').volume, 'pv-slow');
  });

  it('a claim with a selector is never provisioned dynamically', () => {
    const run = simulateStorage(
      docs(
        pvc('data', {
          size: '1Gi',
          className: 'standard',
          selector: ['matchLabels:', '  tier: fast'],
        }),
      ),
    );
    assert.equal(run.claim('data').phase, 'Pending');
    assert.equal(
      run.claim('data').reason,
      'failed to provision volume with StorageClass "standard": claim Selector is not supported',
    );
  });
});

describe('pre-binding and one volume per claim', () => {
  it('a volume with a claimRef binds only that claim, whatever its class', () => {
    const run = simulateStorage(
      docs(
        pv('pv-reserved', { size: '5Gi', className: 'manual', claimRef: { name: 'owner' } }),
        pv('pv-free', { size: '10Gi', className: 'manual' }),
        pvc('other', { size: '1Gi', className: 'manual' }),
        pvc('owner', { size: '1Gi', className: '' }),
      ),
    );
    assert.equal(run.claim('owner').volume, 'pv-reserved');
    assert.equal(run.claim('other').volume, 'pv-free');
  });

  it('spec.volumeName binds that volume even when a smaller one fits', () => {
    const run = simulateStorage(
      docs(
        pv('pv-a', { size: '5Gi', className: 'manual' }),
        pv('pv-b', { size: '10Gi', className: 'manual' }),
        pvc('data', { size: '1Gi', className: 'manual', volumeName: 'pv-b' }),
      ),
    );
    assert.equal(run.claim('data').volume, 'pv-b');
  });

  it('spec.volumeName on a claim without class gets the default class and so misses a classless volume', () => {
    const run = simulateStorage(
      docs(pv('pv-a', { size: '5Gi' }), pvc('data', { size: '1Gi', volumeName: 'pv-a' })),
    );
    assert.equal(run.claim('data').phase, 'Pending');
    assert.equal(
      run.claim('data').reason,
      'Cannot bind to requested volume "pv-a": storageClassName does not match',
    );
  });

  it('spec.volumeName naming a volume reserved for another claim: already bound to a different claim', () => {
    const run = simulateStorage(
      docs(
        pv('pv-a', { size: '5Gi', className: 'manual', claimRef: { name: 'owner' } }),
        pvc('data', { size: '1Gi', className: 'manual', volumeName: 'pv-a' }),
      ),
    );
    assert.equal(run.claim('data').reason, 'volume "pv-a" already bound to a different claim.');
  });

  it('a volume binds one claim: the second claim is told who has it', () => {
    const run = simulateStorage(
      docs(
        pv('pv-only', { size: '10Gi', className: 'manual' }),
        pvc('b', { size: '1Gi', className: 'manual' }),
        pvc('a', { size: '1Gi', className: 'manual' }),
      ),
    );
    assert.equal(run.claim('a').volume, 'pv-only');
    assert.equal(run.claim('b').phase, 'Pending');
    assert.match(run.claim('b').reason ?? '', /pv-only is already bound to claim default\/a/);
  });

  it('a provisioned volume is named pvc-<uuid>, the same on every run', () => {
    const text = docs(pvc('data', { size: '1Gi' }));
    const first = simulateStorage(text).claim('data').volume;
    const second = simulateStorage(text).claim('data').volume;
    assert.match(first ?? '', DYNAMIC_NAME);
    assert.equal(first, second);
    assert.notEqual(
      simulateStorage(docs(pvc('other', { size: '1Gi' }))).claim('other').volume,
      first,
    );
  });
});
