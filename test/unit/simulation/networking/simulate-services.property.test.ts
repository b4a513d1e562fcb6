/**
 * Properties of the Service simulation for any small set of Services and pods
 * (no clusterIP or nodePort written):
 * - no two Services share a ClusterIP; every one lies in the service CIDR and
 *   is never .1 (default/kubernetes) or .10 (kube-system/kube-dns)
 *   (pkg/registry/core/service/ipallocator);
 * - no two ports share a nodePort, and every one lies in the node port range
 *   (pkg/registry/core/service/portallocator);
 * - every endpoint is a Running pod of the Service's namespace whose labels
 *   carry every selector pair (EndpointSlice controller).
 * Both the default ranges and tiny ones (which force wrap-around and the
 * lower band) are tried.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseIpv4, parseIpv4Cidr } from '../../../../server/src/core/simulation/networking/ipv4';
import { simulateServices } from '../../../../server/src/core/simulation/networking/simulate-services';
import type { SimPod } from '../../../../server/src/core/simulation/model/sim-pod';
import { cluster, objectsFrom, simPod } from './sim-support';

const SEED = 20260614;
console.log(`simulate-services property seed: ${SEED}`);

interface GenService {
  namespace: string;
  name: string;
  type: 'ClusterIP' | 'NodePort' | 'LoadBalancer';
  ports: number[];
  selector: Record<string, string>;
}

interface GenPod {
  namespace: string;
  labels: Record<string, string>;
  running: boolean;
}

const namespaceArb = fc.constantFrom('default', 'shop', 'ops');
const labelsArb = fc.record(
  { app: fc.constantFrom('web', 'api'), tier: fc.constantFrom('front', 'back') },
  { requiredKeys: [] },
);

const serviceArb: fc.Arbitrary<GenService> = fc.record({
  namespace: namespaceArb,
  name: fc.constantFrom('web', 'api', 'db', 'cache', 'auth', 'queue', 'search', 'mail'),
  type: fc.constantFrom('ClusterIP', 'NodePort', 'LoadBalancer'),
  ports: fc.uniqueArray(fc.constantFrom(80, 443, 8080, 9090), { minLength: 1, maxLength: 3 }),
  selector: labelsArb,
});

const podArb: fc.Arbitrary<GenPod> = fc.record({
  namespace: namespaceArb,
  labels: labelsArb,
  running: fc.boolean(),
});

const rangesArb = fc.constantFrom(
  { serviceCIDR: '10.96.0.0/12', nodePortRange: '30000-32767' },
  { serviceCIDR: '10.100.0.0/27', nodePortRange: '30000-30040' },
);

function serviceYaml(service: GenService): string {
  const selector = Object.entries(service.selector);
  return [
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    `  name: ${service.name}`,
    `  namespace: ${service.namespace}`,
    'spec:',
    `  type: ${service.type}`,
    ...(selector.length > 0 ? ['  selector:', ...selector.map(([k, v]) => `    ${k}: ${v}`)] : []),
    '  ports:',
    ...service.ports.map((port) => `  - port: ${port}`),
    '',
  ].join('\n');
}

const POD_TEMPLATE = objectsFrom(
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: template\nspec:\n  containers:\n  - name: app\n    image: app\n',
)[0];

describe('Service simulation properties', () => {
  it('allocates unique, in-range ClusterIPs and nodePorts, and lists only matching Running pods', () => {
    assert.ok(POD_TEMPLATE);
    fc.assert(
      fc.property(
        fc.uniqueArray(serviceArb, { maxLength: 10, selector: (s) => `${s.namespace}/${s.name}` }),
        fc.array(podArb, { maxLength: 12 }),
        rangesArb,
        (services, genPods, ranges) => {
          const objects = objectsFrom(services.map(serviceYaml).join('---\n'));
          const pods: SimPod[] = genPods.map((pod, i) =>
            simPod(POD_TEMPLATE, `pod-${i}`, {
              namespace: pod.namespace,
              labels: pod.labels,
              phase: pod.running ? 'Running' : 'Pending',
              ip: pod.running ? `10.244.1.${i + 2}` : null,
              node: pod.running ? 'worker-1' : null,
            }),
          );
          const result = simulateServices(objects, pods, cluster(ranges));
          assert.equal(result.services.length, services.length);

          const cidr = parseIpv4Cidr(ranges.serviceCIDR);
          assert.ok(cidr);
          const ips = result.services.map((s) => s.clusterIP);
          assert.equal(new Set(ips).size, ips.length, `unique ClusterIPs: ${ips.join(' ')}`);
          for (const ip of ips) {
            const address = parseIpv4(ip ?? '');
            assert.ok(address !== undefined, `a ClusterIP for every Service: ${String(ip)}`);
            assert.ok(address > cidr.network && address < cidr.network + cidr.size - 1);
            assert.notEqual(address, cidr.network + 1);
            assert.notEqual(address, cidr.network + 10);
          }

          const [base, max] = ranges.nodePortRange.split('-').map(Number) as [number, number];
          const nodePorts = result.services.flatMap((s) =>
            s.ports.flatMap((p) => (p.nodePort === undefined ? [] : [p.nodePort])),
          );
          assert.equal(
            new Set(nodePorts).size,
            nodePorts.length,
            `unique nodePorts: ${nodePorts.join(' ')}`,
          );
          for (const nodePort of nodePorts) assert.ok(nodePort >= base && nodePort <= max);
          for (const s of result.services) {
            if (s.type === 'ClusterIP') assert.ok(s.ports.every((p) => p.nodePort === undefined));
            else assert.ok(s.ports.every((p) => p.nodePortAssigned === true));
          }

          for (const s of result.services) {
            const gen = services.find((g) => g.namespace === s.namespace && g.name === s.name);
            assert.ok(gen);
            for (const endpoint of s.ports.flatMap((p) => p.endpoints)) {
              const pod = pods.find((p) => p.name === endpoint.pod);
              assert.ok(pod);
              assert.equal(pod.phase, 'Running');
              assert.equal(pod.ip, endpoint.ip);
              assert.equal(pod.namespace, s.namespace);
              for (const [key, value] of Object.entries(gen.selector))
                assert.equal(pod.labels[key], value);
            }
          }
        },
      ),
      { seed: SEED, numRuns: 100 },
    );
  });
});
