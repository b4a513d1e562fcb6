import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { getAt } from '../../../../server/src/core/model/json';
import { clusterOf, loadExample, loadObjects, simulatePods } from './sim-objects';

const daemonSet = (podSpec: string): string => `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent, namespace: kube-system}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec:
${podSpec}
      containers:
      - name: agent
        image: busybox:1.36
        resources: {requests: {cpu: 10m, memory: 16Mi}}
`;

describe('DaemonSet pods (pkg/controller/daemon: NodeShouldRunDaemonPod, AddOrUpdateDaemonPodTolerations)', () => {
  it('runs the seed fluentd DaemonSet on worker-1 and worker-2 only: it tolerates master, not control-plane', () => {
    const result = simulatePods(loadExample('seed/fluentd-daemonset.yaml'));
    assert.deepEqual(result.pods.map((pod) => pod.node).sort(), ['worker-1', 'worker-2']);
    for (const pod of result.pods) {
      assert.match(pod.name, /^fluentd-elasticsearch-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      assert.equal(pod.phase, 'Running');
      assert.equal(pod.labels.name, 'fluentd-elasticsearch');
      assert.equal(pod.labels['pod-template-generation'], '1');
    }
    const report = result.workloads.find((w) => w.name === 'fluentd-elasticsearch');
    assert.deepEqual([report?.desired, report?.scheduled], [2, 2], 'desiredNumberScheduled is 2');
    const hint = result.diagnostics.find((d) => d.code === 'daemonset-master-toleration');
    assert.ok(hint, 'the master-toleration hint is raised');
    assert.equal(hint.severity, 'hint');
    assert.match(hint.message, /node-role\.kubernetes\.io\/control-plane/);
    assert.match(hint.message, /runs no pod on control-plane/);
    // On the toleration's key value: line 20 of the file is `      - key: node-role.kubernetes.io/master`.
    assert.deepEqual(hint.range, {
      start: { line: 20, character: 13 },
      end: { line: 20, character: 43 },
    });
  });

  it('runs on all three nodes with a control-plane toleration (examples/logging/node-logger.yaml)', () => {
    const result = simulatePods(loadExample('logging/node-logger.yaml'));
    assert.deepEqual(result.pods.map((pod) => pod.node).sort(), [
      'control-plane',
      'worker-1',
      'worker-2',
    ]);
    assert.equal(result.diagnostics.length, 0);
  });

  it('pins each pod to its node with matchFields metadata.name, replacing the template affinity', () => {
    const result = simulatePods(
      loadObjects(
        daemonSet(`      affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms:
            - matchExpressions: [{key: kubernetes.io/os, operator: In, values: [linux]}]`),
      ),
    );
    const pod = result.pods.find((p) => p.node === 'worker-2');
    assert.deepEqual(
      getAt(pod?.spec, [
        'affinity',
        'nodeAffinity',
        'requiredDuringSchedulingIgnoredDuringExecution',
      ]),
      {
        nodeSelectorTerms: [
          { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['worker-2'] }] },
        ],
      },
    );
    // The manifest itself is untouched.
    assert.equal(
      getAt(pod?.from.manifest.body, [
        'spec',
        'template',
        'spec',
        'affinity',
        'nodeAffinity',
        'requiredDuringSchedulingIgnoredDuringExecution',
        'nodeSelectorTerms',
        0,
        'matchFields',
      ]),
      undefined,
    );
  });

  it('tolerates by itself the not-ready, unreachable, pressure and unschedulable taints', () => {
    const cluster = clusterOf([
      { name: 'a', taints: [{ key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' }] },
      { name: 'b', taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }] },
      { name: 'c', taints: [{ key: 'node.kubernetes.io/disk-pressure', effect: 'NoSchedule' }] },
      {
        name: 'd',
        taints: [{ key: 'node.kubernetes.io/network-unavailable', effect: 'NoSchedule' }],
      },
      { name: 'e', taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }] },
    ]);
    const plain = simulatePods(loadObjects(daemonSet('')), cluster);
    assert.deepEqual(plain.pods.map((pod) => pod.node).sort(), ['a', 'b', 'c']);
    // network-unavailable is tolerated only for hostNetwork pods.
    const hostNetwork = simulatePods(loadObjects(daemonSet('      hostNetwork: true')), cluster);
    assert.deepEqual(hostNetwork.pods.map((pod) => pod.node).sort(), ['a', 'b', 'c', 'd']);
    assert.equal(
      hostNetwork.pods.find((pod) => pod.node === 'd')?.ip,
      '172.18.0.5',
      'hostNetwork: the node IP',
    );
  });

  it('skips nodes its nodeSelector does not match, and warns when no node is left', () => {
    const cluster = clusterOf([{ name: 'ssd-1', labels: { disktype: 'ssd' } }, { name: 'hdd-1' }]);
    const some = simulatePods(
      loadObjects(daemonSet('      nodeSelector: {disktype: ssd}')),
      cluster,
    );
    assert.deepEqual(
      some.pods.map((pod) => pod.node),
      ['ssd-1'],
    );
    const none = simulatePods(loadObjects(daemonSet('      nodeSelector: {disktype: nvme}')));
    assert.equal(none.pods.length, 0);
    const warning = none.diagnostics.find((d) => d.code === 'daemonset-no-eligible-node');
    assert.ok(warning);
    assert.match(warning.message, /runs no pod/);
    assert.match(warning.message, /worker-1: nodeSelector does not match its labels/);
    assert.equal(none.workloads[0]?.desired, 0);
  });
});
