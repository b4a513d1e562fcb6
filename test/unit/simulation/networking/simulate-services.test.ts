/**
 * Services on the default cluster: ClusterIPs (pkg/registry/core/service/ipallocator),
 * nodePorts (pkg/registry/core/service/portallocator, storage/alloc.go initNodePorts),
 * endpoints (pkg/controller/endpointslice with pkg/api/v1/pod FindPort), DNS
 * names and external access, and the cross-resource findings.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { fnv1a32 } from '../../../../server/src/core/simulation/model/stable-hash';
import { formatIpv4, parseIpv4 } from '../../../../server/src/core/simulation/networking/ipv4';
import { simulateServices } from '../../../../server/src/core/simulation/networking/simulate-services';
import type { ServiceReport } from '../../../../server/src/core/simulation/report';
import { cluster, exampleObjects, objectNamed, objectsFrom, simPod } from './sim-support';

function service(services: readonly ServiceReport[], name: string): ServiceReport {
  const found = services.find((s) => s.name === name);
  assert.ok(found, `Service ${name} is in the report`);
  return found;
}

function clusterIpService(name: string, extra = ''): string {
  return `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  selector:
    app: ${name}
  ports:
  - port: 80${extra}
`;
}

describe('ClusterIPs (ipallocator, made reproducible)', () => {
  it('hands out the address the documented rule picks: FNV-1a of namespace/name in the upper band of 10.96.0.0/12', () => {
    const { services } = simulateServices(objectsFrom(clusterIpService('web')), [], cluster());
    // ipallocator.go: first = 10.96.0.1, 2^20 - 2 addresses; calculateRangeOffset(/12) = min(max(16, 2^20/16), 256) = 256.
    const first = parseIpv4('10.96.0.1') ?? 0;
    const expected = formatIpv4(first + 256 + (fnv1a32('default/web') % (2 ** 20 - 2 - 256)));
    assert.equal(service(services, 'web').clusterIP, expected);
  });

  it('gives the same addresses whatever order the manifests come in', () => {
    const texts = ['a', 'b', 'c', 'd', 'e'].map((name) => clusterIpService(name));
    const forward = simulateServices(objectsFrom(texts.join('---\n')), [], cluster());
    const backward = simulateServices(
      objectsFrom([...texts].reverse().join('---\n')),
      [],
      cluster(),
    );
    assert.deepEqual(
      forward.services.map((s) => [s.name, s.clusterIP]),
      backward.services.map((s) => [s.name, s.clusterIP]),
    );
    assert.equal(new Set(forward.services.map((s) => s.clusterIP)).size, 5);
  });

  it('never hands out .1 (default/kubernetes) or .10 (kube-system/kube-dns), and says when the CIDR is full', () => {
    // A /28 holds .1-.14; calculateRangeOffset is 0 for 16 addresses or fewer, so all of them are dynamic.
    const names = Array.from({ length: 13 }, (_, i) => `svc-${String(i).padStart(2, '0')}`);
    const { services, diagnostics } = simulateServices(
      objectsFrom(names.map((name) => clusterIpService(name)).join('---\n')),
      [],
      cluster({ serviceCIDR: '10.96.0.0/28' }),
    );
    const ips = services.map((s) => s.clusterIP).filter((ip): ip is string => ip !== null);
    assert.equal(ips.length, 12);
    assert.equal(new Set(ips).size, 12);
    assert.ok(!ips.includes('10.96.0.1') && !ips.includes('10.96.0.10'));
    const failed = diagnostics.filter((d) => d.code === 'service-allocation-failed');
    assert.equal(failed.length, 1);
    assert.match(
      failed[0]?.message ?? '',
      /^Service default\/svc-\d\d gets no ClusterIP: every address of the service CIDR 10\.96\.0\.0\/28 \(10\.96\.0\.1-10\.96\.0\.14\) is taken/,
    );
  });

  it('keeps a written clusterIP, and "None" makes a headless Service; ExternalName has none', () => {
    const text = [
      clusterIpService('fixed', '').replace('spec:\n', 'spec:\n  clusterIP: 10.96.100.100\n'),
      clusterIpService('db').replace('spec:\n', 'spec:\n  clusterIP: None\n'),
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: ext\nspec:\n  type: ExternalName\n  externalName: db.example.com\n',
    ].join('---\n');
    const { services, diagnostics } = simulateServices(objectsFrom(text), [], cluster());
    assert.equal(service(services, 'fixed').clusterIP, '10.96.100.100');
    assert.equal(service(services, 'db').clusterIP, 'None');
    assert.equal(service(services, 'ext').clusterIP, null);
    assert.equal(service(services, 'ext').dns, 'ext.default.svc.cluster.local');
    // ExternalName and selector-less Services get no endpoint warnings.
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['service-selector-matches-nothing', 'service-selector-matches-nothing'],
    );
  });

  it('reports a written clusterIP outside the service CIDR as an error on its value', () => {
    const text = clusterIpService('web').replace('spec:\n', 'spec:\n  clusterIP: 10.0.0.5\n');
    const { services, diagnostics } = simulateServices(objectsFrom(text), [], cluster());
    assert.equal(service(services, 'web').clusterIP, '10.0.0.5');
    const finding = diagnostics.find((d) => d.code === 'service-cluster-ip-out-of-range');
    assert.ok(finding);
    assert.equal(finding.severity, 'error');
    assert.deepEqual(finding.range, {
      start: { line: 5, character: 13 },
      end: { line: 5, character: 21 },
    });
    assert.match(
      finding.message,
      /outside the service CIDR 10\.96\.0\.0\/12 \(10\.96\.0\.1-10\.111\.255\.254\)/,
    );
  });

  it('reports two Services asking for one clusterIP on both, each naming the other', () => {
    const text = ['one', 'two']
      .map((name) => clusterIpService(name).replace('spec:\n', 'spec:\n  clusterIP: 10.96.0.50\n'))
      .join('---\n');
    const { diagnostics } = simulateServices(objectsFrom(text), [], cluster());
    const conflicts = diagnostics.filter((d) => d.code === 'service-cluster-ip-conflict');
    assert.equal(conflicts.length, 2);
    assert.match(
      conflicts[0]?.message ?? '',
      /Service default\/one .* Service default\/two also asks for/,
    );
    assert.match(
      conflicts[1]?.message ?? '',
      /Service default\/two .* Service default\/one also asks for/,
    );
    assert.ok(conflicts.every((d) => d.severity === 'error'));
  });

  it('reports a written .10 as taken by kube-system/kube-dns', () => {
    const text = clusterIpService('dns').replace('spec:\n', 'spec:\n  clusterIP: 10.96.0.10\n');
    const { diagnostics } = simulateServices(objectsFrom(text), [], cluster());
    const finding = diagnostics.find((d) => d.code === 'service-cluster-ip-conflict');
    assert.match(finding?.message ?? '', /Service kube-system\/kube-dns/);
  });
});

function nodePortService(name: string, nodePort?: number, protocol = 'TCP'): string {
  return `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  type: NodePort
  selector:
    app: ${name}
  ports:
  - port: 80
    protocol: ${protocol}${nodePort === undefined ? '' : `\n    nodePort: ${nodePort}`}
`;
}

describe('nodePorts (portallocator, made reproducible)', () => {
  it('assigns a nodePort from the dynamic band of 30000-32767 and says it picked it', () => {
    const { services } = simulateServices(objectsFrom(nodePortService('web')), [], cluster());
    const port = service(services, 'web').ports[0];
    // portallocator calculateRangeOffset(2768 ports) = min(max(16, 2768/32), 128) = 86: dynamic band 30086-32767.
    assert.equal(port?.nodePort, 30086 + (fnv1a32('default/web:80') % (2768 - 86)));
    assert.equal(port?.nodePortAssigned, true);
  });

  it('keeps a written nodePort and never hands it to another Service', () => {
    // The rule's first pick for default/b is made the written port of default/a.
    const firstPick = 30086 + (fnv1a32('default/b:80') % (2768 - 86));
    const text = [nodePortService('a', firstPick), nodePortService('b')].join('---\n');
    const { services } = simulateServices(objectsFrom(text), [], cluster());
    assert.equal(service(services, 'a').ports[0]?.nodePort, firstPick);
    assert.equal(service(services, 'a').ports[0]?.nodePortAssigned, undefined);
    assert.equal(service(services, 'b').ports[0]?.nodePort, firstPick + 1);
  });

  it('reports two Services on one nodePort on both, even TCP against UDP (one bitmap per range)', () => {
    const text = [nodePortService('a', 30080), nodePortService('b', 30080, 'UDP')].join('---\n');
    const { diagnostics } = simulateServices(objectsFrom(text), [], cluster());
    const conflicts = diagnostics.filter((d) => d.code === 'service-node-port-conflict');
    assert.equal(conflicts.length, 2);
    assert.match(
      conflicts[0]?.message ?? '',
      /Service default\/a asks for nodePort 30080 \(TCP\), which Service default\/b also asks for \(UDP\)/,
    );
    assert.match(
      conflicts[1]?.message ?? '',
      /Service default\/b .* Service default\/a also asks for/,
    );
    assert.deepEqual(conflicts[0]?.range, {
      start: { line: 11, character: 14 },
      end: { line: 11, character: 19 },
    });
  });

  it("checks written nodePorts against a cluster file's own range", () => {
    const { diagnostics } = simulateServices(
      objectsFrom(nodePortService('a', 30000)),
      [],
      cluster({ nodePortRange: '31000-31999' }),
    );
    assert.ok(diagnostics.some((d) => d.code === 'service-node-port-out-of-range'));
  });

  it('gives a LoadBalancer with allocateLoadBalancerNodePorts: false no nodePort', () => {
    const text = nodePortService('lb').replace(
      'type: NodePort',
      'type: LoadBalancer\n  allocateLoadBalancerNodePorts: false',
    );
    const { services } = simulateServices(objectsFrom(text), [], cluster());
    assert.equal(service(services, 'lb').ports[0]?.nodePort, undefined);
    assert.equal(service(services, 'lb').externalAccess, undefined);
  });

  it('opens the nodePort on every node, the tainted control plane included (kube-proxy runs everywhere)', () => {
    const { services } = simulateServices(
      objectsFrom(nodePortService('web', 30123)),
      [],
      cluster(),
    );
    assert.deepEqual(service(services, 'web').externalAccess, [
      '172.18.0.2:30123',
      '172.18.0.3:30123',
      '172.18.0.4:30123',
    ]);
  });
});

const WEB = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
        tier: front
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        ports:
        - name: http
          containerPort: 8080
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web-legacy
  namespace: shop
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.25
        ports:
        - name: http
          containerPort: 9090
      - name: sidecar
        image: envoy
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: metrics
  namespace: shop
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: exporter
        image: exporter
        ports:
        - name: metrics
          containerPort: 9100
`;

const WEB_SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
spec:
  selector:
    app: web
  ports:
  - name: http
    port: 80
    targetPort: http
  - name: admin
    port: 81
    targetPort: admin
`;

describe('endpoints (EndpointSlice controller, FindPort)', () => {
  const objects = objectsFrom(`${WEB}---\n${WEB_SERVICE}`);
  const web = objectNamed(objects, 'Deployment', 'web');
  const legacy = objectNamed(objects, 'Deployment', 'web-legacy');
  const metrics = objectNamed(objects, 'Deployment', 'metrics');
  const pods = [
    simPod(web, 'web-1', { ip: '10.244.1.5' }),
    simPod(web, 'web-2', {
      ip: null,
      node: null,
      phase: 'Pending',
      reason: '0/3 nodes are available',
    }),
    simPod(legacy, 'web-legacy-1', { ip: '10.244.2.7', node: 'worker-2' }),
    simPod(metrics, 'metrics-1', { ip: '10.244.2.9', node: 'worker-2' }),
    // Same labels, other namespace: never an endpoint.
    simPod(web, 'web-elsewhere', { namespace: 'default', ip: '10.244.1.9' }),
  ];
  const { services, diagnostics } = simulateServices(objects, pods, cluster());
  const ports = service(services, 'web').ports;

  it('lists only Running pods of the namespace whose labels match, at the port the name resolves to per pod', () => {
    assert.deepEqual(ports[0]?.endpoints, [
      { pod: 'web-1', ip: '10.244.1.5', port: 8080 },
      { pod: 'web-legacy-1', ip: '10.244.2.7', port: 9090 },
    ]);
  });

  it('leaves out a pod whose containers do not declare the targetPort name (metrics-1 has no "http")', () => {
    assert.ok(!ports[0]?.endpoints.some((e) => e.pod === 'metrics-1'));
  });

  it('warns on a targetPort name no selected pod declares, on the targetPort value', () => {
    const finding = diagnostics.find((d) => d.code === 'service-target-port-unresolved');
    assert.ok(finding);
    assert.deepEqual(ports[1]?.endpoints, []);
    const lines = `${WEB}---\n${WEB_SERVICE}`.split('\n');
    const line = lines.indexOf('    targetPort: admin');
    assert.deepEqual(finding.range, {
      start: { line, character: 16 },
      end: { line, character: 21 },
    });
    assert.equal(
      finding.message,
      'Service shop/web port admin (81) sends to targetPort "admin", but no container of the selected pods (metrics-1, web-1, web-2 and 1 more) declares a TCP port named "admin"; they declare http/8080, http/9090, metrics/9100, so this port has no endpoints.',
    );
  });

  it('names the Service by namespace/name and its DNS name under the cluster domain', () => {
    assert.equal(service(services, 'web').dns, 'web.shop.svc.cluster.local');
  });
});

describe('selector findings', () => {
  it('seed: np-svc on its own file selects nothing, with the contract message on `app: np-pods`', () => {
    const { services, diagnostics } = simulateServices(
      exampleObjects('seed/np-svc.yaml'),
      [],
      cluster(),
    );
    assert.deepEqual(service(services, 'np-svc').ports[0]?.endpoints, []);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]?.code, 'service-selector-matches-nothing');
    assert.equal(diagnostics[0]?.severity, 'warning');
    assert.equal(
      diagnostics[0]?.message,
      'Service default/np-svc selects app=np-pods, but no pod has that label.',
    );
    assert.deepEqual(diagnostics[0]?.range, {
      start: { line: 7, character: 4 },
      end: { line: 7, character: 16 },
    });
  });

  it('says when the labelled pods live in another namespace', () => {
    const objects = objectsFrom(
      `${WEB}---\n${WEB_SERVICE.replace('namespace: shop', 'namespace: default')}`,
    );
    const pod = simPod(objectNamed(objects, 'Deployment', 'web'), 'web-1');
    const { diagnostics } = simulateServices(objects, [pod], cluster());
    assert.match(
      diagnostics[0]?.message ?? '',
      /no pod has that label\. Pods in namespace shop have it/,
    );
  });

  it('warns service-no-endpoints when the selected pods exist but none runs, with the first reason', () => {
    const objects = objectsFrom(`${WEB}---\n${WEB_SERVICE}`);
    const pod = simPod(objectNamed(objects, 'Deployment', 'web'), 'web-1', {
      phase: 'Pending',
      ip: null,
      node: null,
      reason: '0/3 nodes are available: 3 Insufficient cpu.',
    });
    const { diagnostics } = simulateServices(objects, [pod], cluster());
    const finding = diagnostics.find((d) => d.code === 'service-no-endpoints');
    assert.equal(
      finding?.message,
      'Service shop/web selects app=web: 1 pod matches (web-1), but none is Running (web-1: 0/3 nodes are available: 3 Insufficient cpu.), so the Service has no endpoints.',
    );
  });

  it('says nothing about a Service without a selector (its endpoints are managed by hand)', () => {
    const text =
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: manual\nspec:\n  ports:\n  - port: 5432\n';
    const { diagnostics } = simulateServices(objectsFrom(text), [], cluster());
    assert.deepEqual(diagnostics, []);
  });
});

describe('the seed notes', () => {
  it('np-svc exposes nodePort 30000 on every node with the np-pods endpoints', () => {
    const objects = exampleObjects('seed/np-svc.yaml', 'seed/np-pods-deployment.yaml');
    const deployment = objectNamed(objects, 'Deployment', 'np-pods');
    const pods = [
      simPod(deployment, 'np-pods-5d8c7b-x2x9q', { node: 'worker-1', ip: '10.244.1.3' }),
      simPod(deployment, 'np-pods-5d8c7b-z7k4m', { node: 'worker-2', ip: '10.244.2.3' }),
    ];
    const { services, diagnostics } = simulateServices(objects, pods, cluster());
    const npSvc = service(services, 'np-svc');
    assert.equal(npSvc.type, 'NodePort');
    assert.deepEqual(npSvc.ports, [
      {
        name: 'http',
        protocol: 'TCP',
        port: 80,
        targetPort: 80,
        nodePort: 30000,
        endpoints: [
          { pod: 'np-pods-5d8c7b-x2x9q', ip: '10.244.1.3', port: 80 },
          { pod: 'np-pods-5d8c7b-z7k4m', ip: '10.244.2.3', port: 80 },
        ],
      },
    ]);
    assert.deepEqual(npSvc.externalAccess, [
      '172.18.0.2:30000',
      '172.18.0.3:30000',
      '172.18.0.4:30000',
    ]);
    assert.deepEqual(diagnostics, []);
  });
});
