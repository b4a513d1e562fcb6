import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { defaultCluster } from '../../../../server/src/core/simulation/cluster/default-cluster';
import { ipInCidr } from '../../../../server/src/core/simulation/scheduling/assign-pod-ips';
import {
  clusterOf,
  loadExample,
  loadObjects,
  placement,
  simulatePods,
} from '../workloads/sim-objects';

const deployment = (name: string, replicas: number, podSpec: string): string => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
${podSpec}
`;

const container = (resources: string, extra = ''): string => `      containers:
      - name: app
        image: nginx:1.27
        resources: ${resources}
${extra}`;

const statefulSet = (policy: string, cpu: string): string => `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web}
spec:
  serviceName: nginx
  replicas: 3
  podManagementPolicy: ${policy}
  selector: {matchLabels: {app: nginx}}
  template:
    metadata: {labels: {app: nginx}}
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        resources: {requests: {cpu: ${cpu}}}
`;

describe('schedulePods: scoring (NodeResourcesFit LeastAllocated, TaintToleration, NodeAffinity)', () => {
  it('spreads the seed np-pods replicas over worker-1 and worker-2, the control plane being tainted', () => {
    // Pod 1: both workers empty, a tie → worker-1 (by name). Pod 2: worker-1 now scores
    // cpu (4000-100)*100/4000=97, memory 98 → 97; worker-2 scores 98 → worker-2.
    const { pods } = simulatePods(loadExample('seed/np-pods-deployment.yaml'));
    assert.deepEqual(
      pods.map((pod) => pod.node),
      ['worker-1', 'worker-2'],
    );
    assert.deepEqual(
      pods.map((pod) => pod.ip),
      ['10.244.1.2', '10.244.2.2'],
    );
    assert.ok(pods.every((pod) => pod.phase === 'Running' && pod.reason === undefined));
  });

  it('counts 100m / 200Mi for pods without requests, so they spread too', () => {
    const { pods } = simulatePods(loadObjects(deployment('plain', 4, container('{}'))));
    assert.deepEqual(pods.map((pod) => pod.node).sort(), [
      'worker-1',
      'worker-1',
      'worker-2',
      'worker-2',
    ]);
  });

  it('prefers a node without an untolerated PreferNoSchedule taint', () => {
    const cluster = clusterOf([
      { name: 'a', taints: [{ key: 'spot', effect: 'PreferNoSchedule' }] },
      { name: 'b' },
    ]);
    const { pods } = simulatePods(loadObjects(deployment('one', 1, container('{}'))), cluster);
    assert.equal(pods[0]?.node, 'b');
  });

  it('follows preferred node affinity', () => {
    const { pods } = simulatePods(
      loadObjects(
        deployment(
          'pref',
          1,
          `      affinity:
        nodeAffinity:
          preferredDuringSchedulingIgnoredDuringExecution:
          - weight: 50
            preference: {matchExpressions: [{key: kubernetes.io/hostname, operator: In, values: [worker-2]}]}
${container('{}')}`,
        ),
      ),
    );
    assert.equal(pods[0]?.node, 'worker-2');
  });
});

describe('schedulePods: filters and kube-scheduler messages (framework/types.go FitError.Error)', () => {
  it('a limits-only container requests its limits: the third 3-CPU pod fits nowhere', () => {
    const { pods, diagnostics } = simulatePods(
      loadObjects(deployment('big', 3, container('{limits: {cpu: "3", memory: 1Gi}}'))),
    );
    assert.deepEqual(
      pods.map((pod) => pod.node),
      ['worker-1', 'worker-2', null],
    );
    const pending = pods[2];
    assert.equal(pending?.phase, 'Pending');
    assert.equal(pending?.ip, null);
    assert.equal(
      pending?.reason,
      '0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient cpu.',
    );
    const warning = diagnostics.find((d) => d.code === 'pod-unschedulable');
    assert.ok(warning);
    assert.equal(warning.severity, 'warning');
    assert.match(
      warning.message,
      /^Pod big-\w+-\w{5} of Deployment default\/big cannot be scheduled: 0\/3 nodes are available: 1 node\(s\) had untolerated taint\(s\), 2 Insufficient cpu\. Each pod requests cpu 3; the largest node allocates cpu 4 in all/,
    );
    // On the `template:` key (line 6 of the document).
    assert.deepEqual(warning.range.start, { line: 6, character: 2 });
  });

  it('lists every insufficient resource of a node and sorts the histogram as Go sort.Strings does', () => {
    const nodes = [
      ...Array.from({ length: 10 }, (_, i) => ({
        name: `tainted-${i}`,
        taints: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' as const }],
      })),
      { name: 'small-a', cpu: '1', memory: '1Gi' },
      { name: 'small-b', cpu: '1', memory: '1Gi' },
    ];
    const { pods } = simulatePods(
      loadObjects(deployment('huge', 1, container('{requests: {cpu: "2", memory: 2Gi}}'))),
      clusterOf(nodes),
    );
    // "10 …" sorts before "2 …" byte-wise.
    assert.equal(
      pods[0]?.reason,
      '0/12 nodes are available: 10 node(s) had untolerated taint(s), 2 Insufficient cpu, 2 Insufficient memory.',
    );
  });

  it('says "Too many pods" when a node has no pod slot left', () => {
    const { pods } = simulatePods(
      loadObjects(deployment('many', 2, container('{}'))),
      clusterOf([{ name: 'solo', pods: '1' }]),
    );
    assert.deepEqual(placement(pods), {
      [pods[0]?.name ?? '']: 'solo',
      [pods[1]?.name ?? '']: null,
    });
    assert.equal(pods[1]?.reason, '0/1 nodes are available: 1 Too many pods.');
  });

  it('clashes on the same hostPort and protocol, and 0.0.0.0 clashes with any address', () => {
    const port = (spec: string): string => container('{}', `        ports: [${spec}]\n`);
    const { pods } = simulatePods(
      loadObjects(deployment('hp', 3, port('{containerPort: 80, hostPort: 8080}'))),
    );
    assert.deepEqual(
      pods.map((pod) => pod.node),
      ['worker-1', 'worker-2', null],
    );
    assert.equal(
      pods[2]?.reason,
      "0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 node(s) didn't have free ports for the requested pod ports.",
    );
    const mixed = simulatePods(
      loadObjects(
        [
          deployment('tcp', 1, port('{containerPort: 53, hostPort: 5353}')),
          deployment('udp', 1, port('{containerPort: 53, hostPort: 5353, protocol: UDP}')),
          deployment('ip1', 1, port('{containerPort: 80, hostPort: 9000, hostIP: 10.0.0.1}')),
          deployment('ip2', 1, port('{containerPort: 80, hostPort: 9000, hostIP: 10.0.0.2}')),
          deployment('wild', 1, port('{containerPort: 80, hostPort: 9000}')),
        ].join('---\n'),
      ),
      clusterOf([{ name: 'solo' }]),
    );
    const byOwner = Object.fromEntries(mixed.pods.map((pod) => [pod.owner.name, pod.node]));
    assert.deepEqual(byOwner, { ip1: 'solo', ip2: 'solo', tcp: 'solo', udp: 'solo', wild: null });
  });

  it('gives hostNetwork pods the node IP and clashes on their container ports (SetDefaults_PodSpec)', () => {
    const { pods } = simulatePods(
      loadObjects(
        deployment(
          'hn',
          3,
          `      hostNetwork: true\n${container('{}', '        ports: [{containerPort: 9100}]\n')}`,
        ),
      ),
    );
    assert.deepEqual(
      pods.map((pod) => pod.ip),
      ['172.18.0.3', '172.18.0.4', null],
    );
    assert.match(
      pods[2]?.reason ?? '',
      /2 node\(s\) didn't have free ports for the requested pod ports\.$/,
    );
  });

  it('counts nodes a DaemonSet pod is not pinned to as "didn\'t satisfy plugin(s) [NodeAffinity]"', () => {
    const { pods } = simulatePods(
      loadObjects(`apiVersion: apps/v1
kind: DaemonSet
metadata: {name: hungry}
spec:
  selector: {matchLabels: {app: hungry}}
  template:
    metadata: {labels: {app: hungry}}
    spec:
      containers: [{name: a, image: busybox:1.36, resources: {requests: {cpu: "5"}}}]
`),
    );
    assert.equal(pods.length, 2, 'one per worker; the control plane is tainted');
    assert.equal(
      pods[0]?.reason,
      "0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't satisfy plugin(s) [NodeAffinity].",
    );
  });

  it('reports a nodeSelector no node matches as "didn\'t match Pod\'s node affinity/selector"', () => {
    const { pods } = simulatePods(
      loadObjects(deployment('ssd', 1, `      nodeSelector: {disktype: ssd}\n${container('{}')}`)),
    );
    assert.equal(
      pods[0]?.reason,
      "0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 node(s) didn't match Pod's node affinity/selector.",
    );
  });

  it('says "no nodes available to schedule pods" on a cluster without nodes', () => {
    const { pods } = simulatePods(loadObjects(deployment('x', 1, container('{}'))), clusterOf([]));
    assert.equal(pods[0]?.reason, 'no nodes available to schedule pods');
  });
});

describe('schedulePods: StatefulSet pod management (pkg/controller/statefulset/stateful_set_control.go)', () => {
  const small = clusterOf([{ name: 'only', cpu: '1' }]);

  it('OrderedReady creates web-1 only after web-0 runs, and no web-2 while web-1 is Pending', () => {
    const { pods, diagnostics, workloads } = simulatePods(
      loadObjects(statefulSet('OrderedReady', '600m')),
      small,
    );
    assert.deepEqual(
      pods.map((pod) => [pod.name, pod.phase, pod.node]),
      [
        ['web-0', 'Running', 'only'],
        ['web-1', 'Pending', null],
      ],
    );
    assert.equal(pods[1]?.reason, '0/1 nodes are available: 1 Insufficient cpu.');
    const warning = diagnostics.find((d) => d.code === 'pod-unschedulable');
    assert.match(warning?.message ?? '', /so web-2 is not created\.$/);
    assert.deepEqual([workloads[0]?.desired, workloads[0]?.scheduled], [3, 1]);
  });

  it('Parallel creates all three: web-0 Running, web-1 and web-2 Pending', () => {
    const { pods, diagnostics } = simulatePods(loadObjects(statefulSet('Parallel', '600m')), small);
    assert.deepEqual(
      pods.map((pod) => [pod.name, pod.phase]),
      [
        ['web-0', 'Running'],
        ['web-1', 'Pending'],
        ['web-2', 'Pending'],
      ],
    );
    const warnings = diagnostics.filter((d) => d.code === 'pod-unschedulable');
    assert.equal(warnings.length, 1, 'one warning for the two pods with the same reason');
    assert.match(
      warnings[0]?.message ?? '',
      /^2 pods of StatefulSet default\/web \(web-1, web-2\) cannot be scheduled/,
    );
  });

  it('keeps a pod whose claim is missing Pending with the VolumeBinding PreFilter message', () => {
    const { pods } = simulatePods(
      loadObjects(statefulSet('OrderedReady', '100m')),
      defaultCluster(),
      {
        claimBlocker: () => undefined,
      },
    );
    assert.equal(pods.length, 3, 'no claims: nothing blocks');
    const postgres = simulatePods(
      loadExample('database/postgres-statefulset.yaml'),
      defaultCluster(),
      {
        claimBlocker: (pod) =>
          pod.claims[0]?.claim === 'data-postgres-0'
            ? 'persistentvolumeclaim "data-postgres-0" not found'
            : undefined,
      },
    );
    assert.deepEqual(
      postgres.pods.map((pod) => [pod.name, pod.reason]),
      [
        [
          'postgres-0',
          '0/3 nodes are available: persistentvolumeclaim "data-postgres-0" not found.',
        ],
      ],
    );
  });

  it('waits for a pod that is scheduled but cannot start (startBlocker: CreateContainerConfigError)', () => {
    const { pods } = simulatePods(
      loadObjects(statefulSet('OrderedReady', '100m')),
      defaultCluster(),
      {
        claimBlocker: () => undefined,
        startBlocker: (pod) =>
          pod.name === 'web-0'
            ? {
                step: 'cri-runtime',
                container: 'nginx',
                reason: 'CreateContainerConfigError: configmap "app" not found',
              }
            : undefined,
      },
    );
    assert.deepEqual(
      pods.map((pod) => [pod.name, pod.phase, pod.node, pod.ip]),
      [['web-0', 'Pending', 'worker-1', '10.244.1.2']],
    );
  });
});

describe('schedulePods: spec.nodeName goes to the kubelet (pkg/kubelet/lifecycle/predicate.go)', () => {
  const pod = (nodeName: string, cpu: string): string => `apiVersion: v1
kind: Pod
metadata: {name: pinned-${nodeName}}
spec:
  nodeName: ${nodeName}
  containers: [{name: a, image: busybox:1.36, resources: {requests: {cpu: "${cpu}"}}}]
`;

  it('runs on the named node, even the tainted control plane (the scheduler never sees it)', () => {
    const { pods } = simulatePods(loadObjects(pod('control-plane', '100m')));
    assert.deepEqual(
      [pods[0]?.node, pods[0]?.phase, pods[0]?.ip],
      ['control-plane', 'Running', '10.244.0.2'],
    );
  });

  it('is rejected by the kubelet when the node lacks the resources', () => {
    const { pods, diagnostics } = simulatePods(loadObjects(pod('worker-1', '5')));
    assert.equal(pods[0]?.phase, 'Pending');
    assert.equal(
      pods[0]?.reason,
      "OutOfcpu: Pod was rejected: Node didn't have enough resource: cpu, requested: 5000, used: 0, capacity: 4000",
    );
    assert.equal(pods[0]?.blocked?.step, 'kubelet');
    assert.ok(diagnostics.some((d) => d.code === 'pod-unschedulable'));
  });
});

describe('schedulePods: a nodeName the cluster lacks', () => {
  it('leaves the pod Pending: no kubelet will ever run it', () => {
    const { pods } = simulatePods(
      loadObjects(`apiVersion: v1
kind: Pod
metadata: {name: lost}
spec:
  nodeName: worker-9
  containers: [{name: a, image: busybox:1.36}]
`),
    );
    assert.deepEqual([pods[0]?.node, pods[0]?.ip, pods[0]?.phase], [null, null, 'Pending']);
    assert.match(pods[0]?.reason ?? '', /^node "worker-9" not found/);
  });
});

describe('schedulePods: pod IPs (kindnet ptp + host-local IPAM)', () => {
  it('hands out .2, .3, … of each node pod CIDR in scheduling order, every IP inside it', () => {
    const objects = [
      ...loadExample('web-shop/shop-api.yaml'),
      ...loadExample('web-shop/shop-frontend.yaml'),
      ...loadExample('database/postgres-statefulset.yaml'),
      ...loadExample('logging/node-logger.yaml'),
      ...loadExample('seed/fluentd-daemonset.yaml'),
    ];
    const cluster = defaultCluster();
    const { pods } = simulatePods(objects, cluster);
    assert.ok(pods.length >= 12);
    const seen = new Set<string>();
    for (const pod of pods) {
      const node = cluster.nodes.find((n) => n.name === pod.node);
      assert.ok(node && pod.ip, `${pod.name} is placed`);
      assert.ok(ipInCidr(pod.ip, node.podCIDR), `${pod.ip} lies in ${node.podCIDR}`);
      assert.ok(
        !pod.ip.endsWith('.0') && !pod.ip.endsWith('.1'),
        'network and gateway are skipped',
      );
      assert.ok(!seen.has(pod.ip), `${pod.ip} is unique`);
      seen.add(pod.ip);
    }
    for (const node of cluster.nodes) {
      const octets = pods
        .filter((pod) => pod.node === node.name)
        .map((pod) => Number(pod.ip?.split('.')[3]));
      assert.deepEqual(
        octets,
        octets.map((_, i) => i + 2),
        `${node.name} hands out .2 upwards in order`,
      );
    }
    const onControlPlane = pods.filter((pod) => pod.node === 'control-plane').map((pod) => pod.ip);
    assert.deepEqual(
      onControlPlane,
      ['10.244.0.2'],
      'only node-logger tolerates the control plane',
    );
  });

  it('gives the same result whatever the order of the input objects', () => {
    const a = [
      ...loadExample('web-shop/shop-api.yaml'),
      ...loadExample('database/postgres-statefulset.yaml'),
    ];
    const first = simulatePods(a);
    const second = simulatePods([...a].reverse());
    const view = (r: typeof first): string[] =>
      r.pods.map((pod) => `${pod.name} ${pod.node} ${pod.ip}`);
    assert.deepEqual(view(second), view(first));
  });
});
