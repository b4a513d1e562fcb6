/**
 * Generic ephemeral volumes: the ephemeral volume controller makes one claim
 * per pod, named <pod>-<volume>, from `ephemeral.volumeClaimTemplate`
 * (k8s.io/component-helpers/storage/ephemeral VolumeClaimName;
 * https://kubernetes.io/docs/concepts/storage/ephemeral-volumes/#generic-ephemeral-volumes).
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { defaultCluster } from '../../../../server/src/core/simulation/cluster/default-cluster';
import { bindClaims } from '../../../../server/src/core/simulation/storage/bind-claims';
import { claimBlocker } from '../../../../server/src/core/simulation/storage/claim-blocker';
import { claimReports } from '../../../../server/src/core/simulation/storage/claim-reports';
import { makePod, objectNamed, simObjects } from './fixtures';
import { simulateStorage } from './simulate-storage';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: scratch
spec:
  replicas: 2
  selector:
    matchLabels: {app: scratch}
  template:
    metadata:
      labels: {app: scratch}
    spec:
      containers:
      - name: app
        image: busybox:1.36
        volumeMounts:
        - name: cache
          mountPath: /cache
      volumes:
      - name: cache
        ephemeral:
          volumeClaimTemplate:
            spec:
              accessModes: ["ReadWriteOnce"]
              storageClassName: CLASS
              resources:
                requests:
                  storage: 2Gi
`;

describe('generic ephemeral volumes', () => {
  it('each pod gets its own claim <pod>-<volume>, provisioned through the class', () => {
    const run = simulateStorage(DEPLOYMENT.replace('CLASS', 'standard'), (objects) => {
      const deployment = objectNamed(objects, 'Deployment', 'scratch');
      return ['scratch-7d4f9-aaaaa', 'scratch-7d4f9-bbbbb'].map((name) =>
        makePod(deployment, { name }),
      );
    });
    assert.deepEqual(
      run.reports.map(({ name, phase, request, dynamic }) => ({ name, phase, request, dynamic })),
      [
        { name: 'scratch-7d4f9-aaaaa-cache', phase: 'Bound', request: '2Gi', dynamic: true },
        { name: 'scratch-7d4f9-bbbbb-cache', phase: 'Bound', request: '2Gi', dynamic: true },
      ],
    );
    assert.deepEqual(run.diagnostics, []);
  });

  it('a missing class blocks the pods and gives one finding on the template', () => {
    const run = simulateStorage(DEPLOYMENT.replace('CLASS', 'fast'), (objects) => {
      const deployment = objectNamed(objects, 'Deployment', 'scratch');
      return ['a', 'b'].map((name) => makePod(deployment, { name, node: null }));
    });
    const [pod] = run.pods;
    assert.ok(pod);
    assert.equal(claimBlocker(run.before, pod), 'pod has unbound immediate PersistentVolumeClaims');
    assert.equal(run.diagnostics.length, 1);
    assert.match(
      run.diagnostics[0]?.message ?? '',
      /^The ephemeral volume template of Deployment default\/scratch makes claims that stay Pending \(a-cache, b-cache\)/,
    );
  });

  it('pods made during scheduling (DaemonSet pods) get their claims in the second pass', () => {
    const objects = simObjects(DEPLOYMENT.replace('CLASS', 'standard'));
    const late = makePod(objectNamed(objects, 'Deployment', 'scratch'), { name: 'late' });
    const cluster = defaultCluster();
    const before = bindClaims(objects, [], cluster, 'before-scheduling');
    assert.equal(claimBlocker(before, late), undefined);
    const after = bindClaims(objects, [late], cluster, 'after-scheduling', before);
    assert.deepEqual(
      claimReports(after).map(({ name, phase }) => `${name}:${phase}`),
      ['late-cache:Bound'],
    );
  });
});
