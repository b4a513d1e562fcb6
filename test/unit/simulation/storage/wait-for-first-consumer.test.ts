/**
 * volumeBindingMode: WaitForFirstConsumer and the scheduler's side of volume
 * binding. Sources: pkg/controller/volume/persistentvolume/pv_controller.go
 * (syncUnboundClaim, emitEventForUnboundDelayBindingClaim: "waiting for first
 * consumer to be created before binding", "waiting for pod … to be
 * scheduled"), pkg/scheduler/framework/plugins/volumebinding/binder.go
 * (GetPodVolumes, FindPodVolumes, ErrReasonBindConflict / ErrReasonNodeConflict)
 * and https://kubernetes.io/docs/concepts/storage/storage-classes/#volume-binding-mode.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { defaultCluster } from '../../../../server/src/core/simulation/cluster/default-cluster';
import type { ClusterNode } from '../../../../server/src/core/simulation/report';
import {
  claimBlocker,
  claimNodeConflicts,
  UNBOUND_IMMEDIATE_CLAIMS,
  VOLUME_BIND_CONFLICT,
  VOLUME_NODE_CONFLICT,
} from '../../../../server/src/core/simulation/storage/claim-blocker';
import { makePod, objectNamed } from './fixtures';
import { simulateStorage } from './simulate-storage';
import { docs, podUsing, pv, pvc, storageClass } from './storage-yaml';

function node(name: string): ClusterNode {
  const found = defaultCluster().nodes.find((candidate) => candidate.name === name);
  assert.ok(found);
  return found;
}

const LOCAL_PATH = storageClass('local-path', { mode: 'WaitForFirstConsumer' });
const LOCAL_DISKS = storageClass('local-disks', {
  provisioner: 'kubernetes.io/no-provisioner',
  mode: 'WaitForFirstConsumer',
});

describe('WaitForFirstConsumer', () => {
  it('without a pod the claim waits: waiting for first consumer to be created before binding', () => {
    const run = simulateStorage(
      docs(LOCAL_PATH, pvc('data', { size: '1Gi', className: 'local-path' })),
    );
    assert.equal(run.claim('data').phase, 'Pending');
    assert.equal(
      run.claim('data').reason,
      'waiting for first consumer to be created before binding',
    );
    assert.deepEqual(run.diagnostics, [], 'waiting for a consumer is not a finding');
  });

  it('before scheduling the claim waits and does not block the pod; once it is scheduled it is provisioned', () => {
    const run = simulateStorage(
      docs(
        LOCAL_PATH,
        pvc('data', { size: '1Gi', className: 'local-path' }),
        podUsing('app', ['data']),
      ),
      (objects) => [makePod(objectNamed(objects, 'Pod', 'app'), { node: 'worker-2' })],
    );
    const [pod] = run.pods;
    assert.ok(pod);
    assert.equal(run.before.status.get('default/data')?.phase, 'Pending');
    assert.equal(claimBlocker(run.before, pod), undefined);
    assert.equal(run.claim('data').phase, 'Bound');
    assert.equal(run.claim('data').dynamic, true);
  });

  it('a consumer that is not scheduled: waiting for pod app to be scheduled', () => {
    const run = simulateStorage(
      docs(
        LOCAL_PATH,
        pvc('data', { size: '1Gi', className: 'local-path' }),
        podUsing('app', ['data']),
      ),
      (objects) => [makePod(objectNamed(objects, 'Pod', 'app'), { node: null })],
    );
    assert.equal(run.claim('data').reason, 'waiting for pod app to be scheduled');
  });

  it('a volume pre-bound by claimRef is bound at once even in delayed mode', () => {
    const run = simulateStorage(
      docs(
        LOCAL_DISKS,
        pv('disk-1', {
          size: '10Gi',
          className: 'local-disks',
          claimRef: { name: 'data' },
          node: 'worker-1',
        }),
        pvc('data', { size: '1Gi', className: 'local-disks' }),
      ),
    );
    assert.equal(run.before.status.get('default/data')?.volume, 'disk-1');
  });

  it('local volumes: only the node the volume lives on can take the pod, and the claim binds there', () => {
    const text = docs(
      LOCAL_DISKS,
      pv('disk-w1', { size: '10Gi', className: 'local-disks', node: 'worker-1' }),
      pvc('data', { size: '5Gi', className: 'local-disks' }),
      podUsing('app', ['data']),
    );
    const planned = simulateStorage(text, (objects) => [
      makePod(objectNamed(objects, 'Pod', 'app'), { node: null }),
    ]);
    const [unscheduled] = planned.pods;
    assert.ok(unscheduled);
    assert.deepEqual(claimNodeConflicts(planned.before, unscheduled, node('worker-2')), [
      VOLUME_BIND_CONFLICT,
    ]);
    assert.deepEqual(claimNodeConflicts(planned.before, unscheduled, node('worker-1')), []);
    const run = simulateStorage(text, (objects) => [
      makePod(objectNamed(objects, 'Pod', 'app'), { node: 'worker-1' }),
    ]);
    assert.equal(run.claim('data').volume, 'disk-w1');
    assert.equal(run.claim('data').dynamic, undefined);
  });

  it('a class without provisioner and no fitting volume: no node fits', () => {
    const run = simulateStorage(
      docs(
        LOCAL_DISKS,
        pvc('data', { size: '5Gi', className: 'local-disks' }),
        podUsing('app', ['data']),
      ),
      (objects) => [makePod(objectNamed(objects, 'Pod', 'app'), { node: null })],
    );
    const [pod] = run.pods;
    assert.ok(pod);
    for (const name of ['worker-1', 'worker-2']) {
      assert.deepEqual(claimNodeConflicts(run.before, pod, node(name)), [VOLUME_BIND_CONFLICT]);
    }
  });

  it('a pod placed where its waiting claim cannot bind: the claim stays Pending and the pod is told why', () => {
    const run = simulateStorage(
      docs(
        LOCAL_DISKS,
        pv('disk-w1', { size: '10Gi', className: 'local-disks', node: 'worker-1' }),
        pvc('data', { size: '5Gi', className: 'local-disks' }),
        podUsing('app', ['data']),
      ),
      (objects) => [makePod(objectNamed(objects, 'Pod', 'app'), { node: 'worker-2' })],
    );
    const [pod] = run.pods;
    assert.ok(pod);
    assert.equal(
      run.claim('data').reason,
      'no PersistentVolume matches: disk-w1 cannot be used on node worker-2 (its nodeAffinity); no volume plugin matched name: kubernetes.io/no-provisioner',
    );
    assert.equal(claimBlocker(run.after, pod), VOLUME_BIND_CONFLICT);
  });

  it('an Immediate claim bound to a local volume pins its pods to that node', () => {
    const run = simulateStorage(
      docs(
        pv('disk-w1', { size: '10Gi', className: 'manual', node: 'worker-1' }),
        pvc('data', { size: '5Gi', className: 'manual' }),
        podUsing('app', ['data']),
      ),
      (objects) => [makePod(objectNamed(objects, 'Pod', 'app'), { node: null })],
    );
    const [pod] = run.pods;
    assert.ok(pod);
    assert.equal(run.claim('data').volume, 'disk-w1');
    assert.deepEqual(claimNodeConflicts(run.before, pod, node('worker-2')), [VOLUME_NODE_CONFLICT]);
    assert.deepEqual(claimNodeConflicts(run.before, pod, node('worker-1')), []);
  });
});

describe('claimBlocker: the scheduler PreFilter on claims', () => {
  it('a claim that does not exist: persistentvolumeclaim "missing" not found', () => {
    const run = simulateStorage(docs(podUsing('app', ['missing'])), (objects) => [
      makePod(objectNamed(objects, 'Pod', 'app'), { node: null }),
    ]);
    const [pod] = run.pods;
    assert.ok(pod);
    assert.equal(claimBlocker(run.before, pod), 'persistentvolumeclaim "missing" not found');
  });

  it('an Immediate claim that cannot bind: pod has unbound immediate PersistentVolumeClaims', () => {
    const run = simulateStorage(
      docs(pvc('data', { size: '1Gi', className: 'fast' }), podUsing('app', ['data'])),
      (objects) => [makePod(objectNamed(objects, 'Pod', 'app'), { node: null })],
    );
    const [pod] = run.pods;
    assert.ok(pod);
    assert.equal(claimBlocker(run.before, pod), UNBOUND_IMMEDIATE_CLAIMS);
    assert.equal(UNBOUND_IMMEDIATE_CLAIMS, 'pod has unbound immediate PersistentVolumeClaims');
  });

  it('a missing claim is told before an unbound one, as GetPodVolumes fails first', () => {
    const run = simulateStorage(
      docs(pvc('data', { size: '1Gi', className: 'fast' }), podUsing('app', ['data', 'missing'])),
      (objects) => [makePod(objectNamed(objects, 'Pod', 'app'), { node: null })],
    );
    const [pod] = run.pods;
    assert.ok(pod);
    assert.equal(claimBlocker(run.before, pod), 'persistentvolumeclaim "missing" not found');
  });

  it('bound claims do not block', () => {
    const run = simulateStorage(
      docs(pvc('data', { size: '1Gi' }), podUsing('app', ['data'])),
      (objects) => [makePod(objectNamed(objects, 'Pod', 'app'), { node: null })],
    );
    const [pod] = run.pods;
    assert.ok(pod);
    assert.equal(claimBlocker(run.before, pod), undefined);
  });
});
