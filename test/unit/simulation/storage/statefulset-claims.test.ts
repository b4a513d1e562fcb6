/**
 * Claims a StatefulSet makes from its volumeClaimTemplates: one per pod,
 * named <template>-<statefulset>-<ordinal>, with the template's spec; a claim
 * of that name that already exists is used as it is
 * (pkg/controller/statefulset/stateful_set_utils.go getPersistentVolumeClaimName,
 * stateful_pod_control.go createPersistentVolumeClaims;
 * https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#stable-storage).
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { makePod, objectNamed, simObjects } from './fixtures';
import { rangeOfText, simulateObjects } from './simulate-storage';
import { docs, pvc } from './storage-yaml';

function statefulSet(className: string | undefined): string {
  return [
    'apiVersion: apps/v1',
    'kind: StatefulSet',
    'metadata:',
    '  name: web',
    'spec:',
    '  serviceName: nginx',
    '  replicas: 2',
    '  selector:',
    '    matchLabels: {app: nginx}',
    '  template:',
    '    metadata:',
    '      labels: {app: nginx}',
    '    spec:',
    '      containers:',
    '      - name: nginx',
    '        image: nginx:1.27',
    '        volumeMounts:',
    '        - name: www',
    '          mountPath: /usr/share/nginx/html',
    '  volumeClaimTemplates:',
    '  - metadata:',
    '      name: www',
    '    spec:',
    '      accessModes: ["ReadWriteOnce"]',
    ...(className === undefined ? [] : [`      storageClassName: ${className}`]),
    '      resources:',
    '        requests:',
    '          storage: 1Gi',
  ].join('\n');
}

function run(text: string) {
  const objects = simObjects(text);
  const web = objectNamed(objects, 'StatefulSet', 'web');
  return simulateObjects(
    objects,
    [0, 1].map((ordinal) => makePod(web, { ordinal })),
  );
}

describe('StatefulSet volumeClaimTemplates', () => {
  it('each pod gets its own claim www-web-<ordinal>, provisioned through the default class', () => {
    const result = run(docs(statefulSet(undefined)));
    assert.deepEqual(
      result.reports.map(({ name, phase, storageClass, request, dynamic }) => ({
        name,
        phase,
        storageClass,
        request,
        dynamic,
      })),
      [
        {
          name: 'www-web-0',
          phase: 'Bound',
          storageClass: 'standard',
          request: '1Gi',
          dynamic: true,
        },
        {
          name: 'www-web-1',
          phase: 'Bound',
          storageClass: 'standard',
          request: '1Gi',
          dynamic: true,
        },
      ],
    );
    assert.notEqual(result.claim('www-web-0').volume, result.claim('www-web-1').volume);
  });

  it('the claims point back at their template in the StatefulSet', () => {
    const text = docs(statefulSet(undefined));
    const source = run(text).claim('www-web-1').source;
    assert.equal(source?.uri, 'file:///test/x.yaml');
    assert.equal(source?.range.start.line, rangeOfText(text, 'metadata:', 2).start.line);
  });

  it('an existing claim of the same name is used instead of the template', () => {
    const result = run(
      docs(statefulSet(undefined), pvc('www-web-0', { size: '5Gi', className: 'fast' })),
    );
    assert.equal(result.claim('www-web-0').request, '5Gi');
    assert.equal(result.claim('www-web-0').reason, 'storageclass.storage.k8s.io "fast" not found');
    assert.equal(result.claim('www-web-1').phase, 'Bound');
  });

  it('a template asking for a missing class: one finding on its storageClassName for all its claims', () => {
    const text = docs(statefulSet('fast'));
    const result = run(text);
    assert.equal(result.claim('www-web-0').phase, 'Pending');
    assert.equal(result.diagnostics.length, 1);
    const [finding] = result.diagnostics;
    assert.equal(finding?.code, 'pvc-unbound');
    assert.equal(finding?.severity, 'warning');
    assert.deepEqual(finding?.range, rangeOfText(text, 'fast'));
    assert.equal(
      finding?.message,
      'The claim template of StatefulSet default/web makes claims that stay Pending (www-web-0, www-web-1): it asks for StorageClass "fast", which does not exist (StorageClasses: standard): storageclass.storage.k8s.io "fast" not found.',
    );
  });
});
