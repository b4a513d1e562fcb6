import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { getAt } from '../../../../server/src/core/model/json';
import { expandWorkloads } from '../../../../server/src/core/simulation/workloads/expand-workloads';
import { loadExample, loadObjects } from './sim-objects';

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
`;
const service = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: {app: web}
  ports: [{port: 80}]
`;

describe('expandWorkloads: Deployments (pkg/controller/deployment/sync.go getNewReplicaSet)', () => {
  it('names the ReplicaSet <deployment>-<pod-template-hash> and its pods <replicaset>-<5 safe chars>', () => {
    const { workloads, pods } = expandWorkloads(loadObjects(deployment));
    const [plan] = workloads;
    assert.equal(plan?.kind, 'Deployment');
    assert.equal(plan?.desired, 3);
    const hash = plan?.replicaSet?.slice('web-'.length) ?? '';
    // rand.SafeEncodeString alphabet: no vowels, no 0/1/3.
    assert.match(hash, /^[bcdfghjklmnpqrstvwxz2456789]+$/);
    assert.equal(pods.length, 3);
    for (const pod of pods) {
      assert.match(pod.name, new RegExp(`^web-${hash}-[bcdfghjklmnpqrstvwxz2456789]{5}$`));
      // The controller adds pod-template-hash to the template's labels.
      assert.deepEqual(pod.labels, { app: 'web', 'pod-template-hash': hash });
      assert.deepEqual(pod.owner, { kind: 'Deployment', name: 'web' });
      assert.deepEqual(pod.specPath, ['spec', 'template', 'spec']);
    }
    assert.equal(new Set(pods.map((pod) => pod.name)).size, 3, 'names are distinct');
  });

  it('gives the same names and labels on every run and whatever the input order', () => {
    const first = expandWorkloads(loadObjects(`${deployment}---\n${service}`));
    const again = expandWorkloads(loadObjects(`${deployment}---\n${service}`));
    const swapped = expandWorkloads(loadObjects(`${service}---\n${deployment}`));
    const names = (result: typeof first): string[] => result.pods.map((pod) => pod.name);
    assert.deepEqual(names(again), names(first));
    assert.deepEqual(names(swapped), names(first));
    assert.deepEqual(
      swapped.pods.map((pod) => pod.labels),
      first.pods.map((pod) => pod.labels),
    );
  });

  it('changes the hash when the pod template changes, as a rollout makes a new ReplicaSet', () => {
    const a = expandWorkloads(loadObjects(deployment)).workloads[0]?.replicaSet;
    const b = expandWorkloads(loadObjects(deployment.replace('nginx:1.27', 'nginx:1.28')))
      .workloads[0]?.replicaSet;
    assert.notEqual(a, b);
  });

  it('defaults replicas to 1 (SetDefaults_Deployment)', () => {
    const { pods } = expandWorkloads(loadObjects(deployment.replace('  replicas: 3\n', '')));
    assert.equal(pods.length, 1);
  });

  it('points the pods at the template of the seed np-pods Deployment', () => {
    const { pods } = expandWorkloads(loadExample('seed/np-pods-deployment.yaml'));
    assert.equal(pods.length, 2);
    assert.equal(pods[0]?.from.uri, 'file:///examples/seed/np-pods-deployment.yaml');
    assert.equal(pods[0]?.spec, getAt(pods[0]?.from.manifest.body, ['spec', 'template', 'spec']));
  });
});

describe('expandWorkloads: ReplicaSets, Jobs, CronJobs and bare Pods', () => {
  it('names ReplicaSet pods <replicaset>-<suffix> with the template labels', () => {
    const { pods } = expandWorkloads(
      loadObjects(`apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: frontend}
spec:
  replicas: 2
  selector: {matchLabels: {tier: frontend}}
  template:
    metadata: {labels: {tier: frontend}}
    spec: {containers: [{name: php, image: php:8}]}
`),
    );
    assert.equal(pods.length, 2);
    for (const pod of pods) {
      assert.match(pod.name, /^frontend-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      assert.deepEqual(pod.labels, { tier: 'frontend' });
    }
  });

  it('runs min(parallelism, completions) Job pods at once, labelled with the job name (pkg/controller/job)', () => {
    const job = (spec: string): string => `apiVersion: batch/v1
kind: Job
metadata: {name: pi}
spec:
${spec}
  template:
    spec:
      restartPolicy: Never
      containers: [{name: pi, image: perl:5.34}]
`;
    const count = (spec: string): number => expandWorkloads(loadObjects(job(spec))).pods.length;
    assert.equal(count('  completions: 5'), 1, 'parallelism defaults to 1');
    assert.equal(count('  parallelism: 3\n  completions: 2'), 2);
    assert.equal(count('  parallelism: 3'), 3, 'no completions: a work queue of parallelism pods');
    assert.equal(count('  parallelism: 3\n  suspend: true'), 0, 'a suspended Job has no pods');
    const [pod] = expandWorkloads(loadObjects(job('  completions: 1'))).pods;
    assert.match(pod?.name ?? '', /^pi-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    assert.equal(pod?.labels['batch.kubernetes.io/job-name'], 'pi');
    assert.equal(pod?.labels['job-name'], 'pi');
    const indexed = expandWorkloads(
      loadObjects(job('  completions: 3\n  parallelism: 2\n  completionMode: Indexed')),
    ).pods;
    assert.deepEqual(
      indexed.map((p) => p.labels['batch.kubernetes.io/job-completion-index']),
      ['0', '1'],
    );
    assert.match(indexed[1]?.name ?? '', /^pi-1-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  it('gives a CronJob no pods until its schedule fires: desired 0', () => {
    const { workloads, pods } = expandWorkloads(
      loadObjects(`apiVersion: batch/v1
kind: CronJob
metadata: {name: hello}
spec:
  schedule: "*/5 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers: [{name: hello, image: busybox:1.36}]
`),
    );
    assert.equal(pods.length, 0);
    assert.equal(workloads[0]?.kind, 'CronJob');
    assert.equal(workloads[0]?.desired, 0);
    assert.equal(workloads[0]?.schedule, '*/5 * * * *');
  });

  it('keeps a bare Pod as written, with its claims', () => {
    const { workloads, pods } = expandWorkloads(loadExample('storage/reports-pod.yaml'));
    assert.equal(workloads[0]?.kind, 'Pod');
    assert.equal(pods[0]?.name, 'reports-server');
    assert.deepEqual(pods[0]?.owner, { kind: 'Pod', name: 'reports-server' });
    assert.deepEqual(pods[0]?.labels, { app: 'reports-server' });
    assert.deepEqual(pods[0]?.claims, [{ volume: 'reports', claim: 'reports' }]);
    assert.deepEqual(pods[0]?.specPath, ['spec']);
  });

  it('names a generic ephemeral volume claim <pod>-<volume> (pkg/controller/volume/ephemeral)', () => {
    const { pods } = expandWorkloads(
      loadObjects(`apiVersion: v1
kind: Pod
metadata: {name: scratch}
spec:
  containers: [{name: app, image: busybox:1.36}]
  volumes:
  - name: cache
    ephemeral:
      volumeClaimTemplate:
        spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
`),
    );
    assert.deepEqual(pods[0]?.claims, [{ volume: 'cache', claim: 'scratch-cache' }]);
  });
});

describe('expandWorkloads: StatefulSets (pkg/controller/statefulset/stateful_set_utils.go)', () => {
  it('names pods <sts>-<ordinal> with hostname, subdomain, pod-name/pod-index labels and one claim per template', () => {
    const { workloads, pods } = expandWorkloads(loadExample('database/postgres-statefulset.yaml'));
    const plan = workloads.find((w) => w.kind === 'StatefulSet');
    assert.equal(plan?.podManagementPolicy, 'OrderedReady', 'the default policy');
    assert.deepEqual(plan?.orderedPods, ['postgres-0', 'postgres-1', 'postgres-2']);
    assert.deepEqual(
      pods.map((pod) => [pod.name, pod.ordinal, pod.hostname, pod.subdomain]),
      [
        ['postgres-0', 0, 'postgres-0', 'postgres'],
        ['postgres-1', 1, 'postgres-1', 'postgres'],
        ['postgres-2', 2, 'postgres-2', 'postgres'],
      ],
    );
    assert.deepEqual(pods[1]?.claims, [{ volume: 'data', claim: 'data-postgres-1' }]);
    assert.equal(pods[1]?.labels['statefulset.kubernetes.io/pod-name'], 'postgres-1');
    assert.equal(pods[1]?.labels['apps.kubernetes.io/pod-index'], '1');
    assert.equal(pods[1]?.labels.app, 'postgres');
    assert.match(
      pods[1]?.labels['controller-revision-hash'] ?? '',
      /^postgres-[bcdfghjklmnpqrstvwxz2456789]+$/,
    );
  });

  it('starts ordinals at spec.ordinals.start and reads Parallel', () => {
    const { workloads, pods } = expandWorkloads(
      loadObjects(`apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web}
spec:
  serviceName: nginx
  replicas: 2
  podManagementPolicy: Parallel
  ordinals: {start: 5}
  selector: {matchLabels: {app: nginx}}
  template:
    metadata: {labels: {app: nginx}}
    spec: {containers: [{name: nginx, image: nginx:1.27}]}
`),
    );
    assert.equal(workloads[0]?.podManagementPolicy, 'Parallel');
    assert.deepEqual(
      pods.map((pod) => pod.name),
      ['web-5', 'web-6'],
    );
  });
});
