/**
 * Property: for any small cluster and any DaemonSet over a fixed vocabulary of
 * labels, taints and tolerations, the DaemonSet has exactly one pod on each
 * node that passes its nodeSelector and taints (the controller's own
 * tolerations included: pkg/controller/daemon/util AddOrUpdateDaemonPodTolerations),
 * none elsewhere, and every pod IP lies in its node's pod CIDR.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { ipInCidr } from '../../../../server/src/core/simulation/scheduling/assign-pod-ips';
import type { ClusterTaint } from '../../../../server/src/core/simulation/report';
import { clusterOf, loadObjects, simulatePods } from './sim-objects';

const SEED = 20260527;
console.log(`daemon-set property seed: ${SEED}`);

interface GenToleration {
  key: string;
  operator: 'Equal' | 'Exists';
  value: string;
  effect: '' | 'NoSchedule' | 'NoExecute' | 'PreferNoSchedule';
}

const taintArb: fc.Arbitrary<ClusterTaint> = fc.oneof(
  fc.record({
    key: fc.constant('dedicated'),
    value: fc.constantFrom('gpu', 'db'),
    effect: fc.constantFrom<ClusterTaint['effect'][]>(
      'NoSchedule',
      'NoExecute',
      'PreferNoSchedule',
    ),
  }),
  fc.constant<ClusterTaint>({ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }),
  fc.constant<ClusterTaint>({ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }),
  fc.constant<ClusterTaint>({
    key: 'node.kubernetes.io/network-unavailable',
    effect: 'NoSchedule',
  }),
);

const nodeArb = fc.record({
  labels: fc.record(
    { zone: fc.constantFrom('a', 'b'), disk: fc.constantFrom('ssd', 'hdd') },
    { requiredKeys: [] },
  ),
  taints: fc.uniqueArray(taintArb, {
    maxLength: 2,
    selector: (taint) => `${taint.key}:${taint.effect}`,
  }),
});

const tolerationArb: fc.Arbitrary<GenToleration> = fc
  .record({
    key: fc.constantFrom(
      '',
      'dedicated',
      'node-role.kubernetes.io/control-plane',
      'node-role.kubernetes.io/master',
    ),
    operator: fc.constantFrom<('Equal' | 'Exists')[]>('Equal', 'Exists'),
    value: fc.constantFrom('', 'gpu', 'db'),
    effect: fc.constantFrom<GenToleration['effect'][]>(
      '',
      'NoSchedule',
      'NoExecute',
      'PreferNoSchedule',
    ),
  })
  .map((toleration) =>
    // Validation: an empty key needs Exists, and Exists takes no value.
    toleration.key === '' || toleration.operator === 'Exists'
      ? { ...toleration, operator: 'Exists' as const, value: '' }
      : toleration,
  );

const daemonArb: fc.Arbitrary<GenDaemon> = fc.record({
  nodeSelector: fc.record(
    { zone: fc.constantFrom('a', 'b'), disk: fc.constantFrom('ssd', 'hdd') },
    { requiredKeys: [] },
  ),
  tolerations: fc.array(tolerationArb, { maxLength: 3 }),
  hostNetwork: fc.boolean(),
});

/** The oracle: the documented taint/toleration rules, written out independently. */
function tolerated(taint: ClusterTaint, tolerations: readonly GenToleration[]): boolean {
  return tolerations.some(
    (t) =>
      (t.effect === '' || t.effect === taint.effect) &&
      (t.key === '' || t.key === taint.key) &&
      (t.operator === 'Exists' || t.value === (taint.value ?? '')),
  );
}

interface GenDaemon {
  nodeSelector: Partial<Record<'zone' | 'disk', string>>;
  tolerations: GenToleration[];
  hostNetwork: boolean;
}

function daemonYaml(daemon: GenDaemon): string {
  const tolerations = daemon.tolerations
    .map((t) => {
      const fields = [`key: "${t.key}"`, `operator: ${t.operator}`];
      if (t.value !== '') fields.push(`value: "${t.value}"`);
      if (t.effect !== '') fields.push(`effect: ${t.effect}`);
      return `      - {${fields.join(', ')}}`;
    })
    .join('\n');
  const selector = Object.entries(daemon.nodeSelector)
    .map(([key, value]) => `${key}: ${value}`)
    .join(', ');
  return `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: prop}
spec:
  selector: {matchLabels: {app: prop}}
  template:
    metadata: {labels: {app: prop}}
    spec:
      hostNetwork: ${daemon.hostNetwork}
      nodeSelector: {${selector}}
${tolerations ? `      tolerations:\n${tolerations}\n` : ''}      containers:
      - name: prop
        image: busybox:1.36
        resources: {requests: {cpu: 10m, memory: 8Mi}}
`;
}

const DAEMON_TOLERATIONS: GenToleration[] = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', value: '', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', value: '', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', value: '', effect: 'NoSchedule' },
  {
    key: 'node.kubernetes.io/memory-pressure',
    operator: 'Exists',
    value: '',
    effect: 'NoSchedule',
  },
  { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', value: '', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', value: '', effect: 'NoSchedule' },
];

describe('DaemonSet property (fast-check)', () => {
  it('makes exactly one pod per eligible node, and every pod IP lies in its node pod CIDR', () => {
    fc.assert(
      fc.property(fc.array(nodeArb, { minLength: 1, maxLength: 5 }), daemonArb, (nodes, daemon) => {
        const cluster = clusterOf(
          nodes.map((node, index) => ({
            name: `node-${index}`,
            labels: node.labels,
            taints: node.taints,
          })),
        );
        const result = simulatePods(loadObjects(daemonYaml(daemon)), cluster);
        const tolerations = [
          ...daemon.tolerations,
          ...DAEMON_TOLERATIONS,
          ...(daemon.hostNetwork
            ? [
                {
                  key: 'node.kubernetes.io/network-unavailable',
                  operator: 'Exists' as const,
                  value: '',
                  effect: 'NoSchedule' as const,
                },
              ]
            : []),
        ];
        const eligible = cluster.nodes
          .filter((node) =>
            Object.entries(daemon.nodeSelector).every(([key, value]) => node.labels[key] === value),
          )
          .filter((node) =>
            node.taints.every(
              (taint) => taint.effect === 'PreferNoSchedule' || tolerated(taint, tolerations),
            ),
          )
          .map((node) => node.name)
          .sort();
        assert.deepEqual(result.pods.map((pod) => pod.node).sort(), eligible);
        for (const pod of result.pods) {
          assert.equal(pod.phase, 'Running');
          const node = cluster.nodes.find((n) => n.name === pod.node);
          assert.ok(node && pod.ip);
          if (daemon.hostNetwork) assert.equal(pod.ip, node.ip);
          else assert.ok(ipInCidr(pod.ip, node.podCIDR), `${pod.ip} in ${node.podCIDR}`);
        }
      }),
      { seed: SEED, numRuns: 100 },
    );
  });
});
