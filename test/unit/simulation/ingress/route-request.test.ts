/**
 * routeRequest: the `slipway route --json` answer. Ingress traffic arrives at
 * the ingress-nginx controller on every node IP, ports 80/443; a nodePort on
 * any node IP goes straight to its Service (kube-proxy); a ClusterIP or a
 * Service DNS name goes to the Service port.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { routeRequest } from '../../../../server/src/core/simulation/ingress/route-request';
import { exampleObjects, objectNamed, objectsFrom, simPod } from '../networking/sim-support';
import { simulate, webShop } from './ingress-fixtures';

function backend(name: string, port = 80): string {
  return `backend:\n          service:\n            name: ${name}\n            port:\n              number: ${port}`;
}

function svc(name: string): string {
  return `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  ports:\n  - port: 80\n`;
}

describe('routeRequest through a nodePort', () => {
  const objects = exampleObjects('seed/np-svc.yaml', 'seed/np-pods-deployment.yaml');
  const deployment = objectNamed(objects, 'Deployment', 'np-pods');
  const pods = [
    simPod(deployment, 'np-pods-5d8c7b-x2x9q', { node: 'worker-1', ip: '10.244.1.3' }),
    simPod(deployment, 'np-pods-5d8c7b-z7k4m', { node: 'worker-2', ip: '10.244.2.3' }),
  ];
  const { report } = simulate(objects, pods);

  it('seed: http://172.18.0.3:30000/ goes to np-svc port 80 and both np-pods', () => {
    assert.deepEqual(routeRequest('http://172.18.0.3:30000/', report, objects), {
      url: 'http://172.18.0.3:30000/',
      via: 'nodePort',
      ingress: null,
      rule: null,
      service: 'default/np-svc',
      port: 80,
      pods: [
        { name: 'np-pods-5d8c7b-x2x9q', ip: '10.244.1.3', port: 80 },
        { name: 'np-pods-5d8c7b-z7k4m', ip: '10.244.2.3', port: 80 },
      ],
      reason:
        '172.18.0.3 is node worker-1 and 30000 is the nodePort of Service default/np-svc (port 80), which kube-proxy opens on every node and forwards to 2 endpoints on port 80.',
    });
  });

  it('works on every node, the control plane and node names included', () => {
    assert.equal(routeRequest('http://172.18.0.2:30000/', report).service, 'default/np-svc');
    assert.equal(routeRequest('http://worker-2:30000/x', report).via, 'nodePort');
  });

  it('a nodePort two Services ask for: the route says it holds only if its Service is created first', () => {
    const rival = objectsFrom(
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: rival\nspec:\n  type: NodePort\n  ports:\n  - port: 53\n    protocol: UDP\n    nodePort: 30000\n',
    );
    const contested = simulate([...objects, ...rival], pods).report;
    const result = routeRequest('http://172.18.0.3:30000/', contested);
    assert.equal(result.service, 'default/np-svc');
    assert.match(
      result.reason,
      / Service default\/rival also asks for nodePort 30000 \(service-node-port-conflict\): the API server gives it to the Service created first and rejects the others, so this route holds only if default\/np-svc is created first\.$/,
    );
  });

  it('says nothing listens on a node port that is no nodePort', () => {
    const result = routeRequest('http://172.18.0.3:30001/', report);
    assert.equal(result.via, null);
    assert.match(
      result.reason,
      /^Nothing listens on 172\.18\.0\.3:30001 \(node worker-1\): it is not the nodePort of any Service/,
    );
  });
});

describe('routeRequest through the Ingress rules', () => {
  const shop = webShop();

  it('http://shop.example.com/cart goes to shop-frontend by the / Prefix rule', () => {
    const result = routeRequest('http://shop.example.com/cart', shop.report, shop.objects);
    assert.equal(result.via, 'ingress');
    assert.equal(result.ingress, 'default/shop');
    assert.deepEqual(result.rule, { host: 'shop.example.com', path: '/', pathType: 'Prefix' });
    assert.equal(result.service, 'default/shop-frontend');
    assert.equal(result.port, 80);
    assert.deepEqual(
      result.pods.map((p) => `${p.name} ${p.ip}:${p.port}`),
      [
        'shop-frontend-7c9d-aaaaa 10.244.1.2:8080',
        'shop-frontend-7c9d-bbbbb 10.244.2.2:8080',
        'shop-frontend-7c9d-ccccc 10.244.1.3:8080',
      ],
    );
    assert.equal(result.rewrittenPath, undefined);
    assert.equal(
      result.reason,
      'The request reaches the ingress controller and Ingress default/shop takes it: host shop.example.com, path / (Prefix) is the matching path, to Service default/shop-frontend port 80 and its 3 endpoints.',
    );
  });

  it('the longest matching path wins: /api/orders goes to shop-api, /apiary to the frontend (element-wise)', () => {
    assert.equal(
      routeRequest('http://shop.example.com/api/orders', shop.report, shop.objects).service,
      'default/shop-api',
    );
    assert.equal(
      routeRequest('https://shop.example.com/apiary', shop.report, shop.objects).service,
      'default/shop-frontend',
    );
  });

  it('a host no rule names reaches nothing when no rule lacks a host: 404', () => {
    const result = routeRequest('http://other.example.com/', shop.report, shop.objects);
    assert.equal(result.via, null);
    assert.match(
      result.reason,
      /No Ingress rule matches host other\.example\.com and path \/, .* 404 Not Found\.$/,
    );
  });

  it('a hostname on a port other than 80/443 does not reach the controller', () => {
    const result = routeRequest('http://shop.example.com:8080/', shop.report, shop.objects);
    assert.equal(result.via, null);
    assert.match(result.reason, /listens on ports 80 and 443 only, not 8080/);
  });
});

describe('host precedence, wildcards and defaultBackend', () => {
  const ingress = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: hosts
spec:
  defaultBackend:
    service:
      name: fallback
      port:
        number: 80
  rules:
  - host: app.foo.com
    http:
      paths:
      - path: /
        pathType: Prefix
        ${backend('exact')}
  - host: "*.foo.com"
    http:
      paths:
      - path: /
        pathType: Prefix
        ${backend('wildcard')}
  - http:
      paths:
      - path: /
        pathType: Prefix
        ${backend('catchall')}
  - host: api.bar.com
    http:
      paths:
      - path: /v1
        pathType: Exact
        ${backend('exact')}
`;
  const objects = objectsFrom(
    [svc('exact'), svc('wildcard'), svc('catchall'), svc('fallback'), ingress].join('---\n'),
  );
  const { report } = simulate(objects);
  const route = (url: string) => routeRequest(url, report, objects);

  it('a precise host beats a wildcard, which beats a rule without host', () => {
    assert.equal(route('http://app.foo.com/').service, 'default/exact');
    assert.equal(route('http://web.foo.com/').service, 'default/wildcard');
    assert.equal(route('http://a.b.foo.com/').service, 'default/catchall');
    assert.equal(route('http://foo.com/').service, 'default/catchall');
  });

  it('a matching host without a matching path goes to the defaultBackend, not to the host-less rules', () => {
    const result = route('http://api.bar.com/v2');
    assert.equal(result.service, 'default/fallback');
    assert.equal(result.rule, null);
    assert.equal(result.ingress, 'default/hosts');
    assert.match(result.reason, /the defaultBackend of Ingress default\/hosts takes it/);
  });

  it('a request on a node IP carries no rule host, so only rules without host apply', () => {
    assert.equal(route('http://172.18.0.4/').service, 'default/catchall');
  });
});

describe('rewrite-target (ingress-nginx docs: examples/rewrite)', () => {
  it('seed: rewrite-target / sends /testpath/x to the backend as /, to Service test (not defined: 503)', () => {
    const objects = exampleObjects('seed/minimal-ingress.yaml');
    const { report } = simulate(objects);
    const result = routeRequest('http://172.18.0.2/testpath/x', report, objects);
    assert.equal(result.via, 'ingress');
    assert.deepEqual(result.rule, { host: '*', path: '/testpath', pathType: 'Prefix' });
    assert.equal(result.service, 'default/test');
    assert.equal(result.rewrittenPath, '/');
    assert.deepEqual(result.pods, []);
    assert.match(
      result.reason,
      /Service default\/test, which is not defined in these manifests, so the controller answers 503\.$/,
    );
    // The / location's target equals its path: nothing is rewritten (needsRewrite).
    assert.equal(routeRequest('http://172.18.0.2/other', report, objects).rewrittenPath, '/other');
  });

  it('capture groups: path /something(/|$)(.*) with rewrite-target /$2', () => {
    const ingress = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: rewrite
  annotations:
    nginx.ingress.kubernetes.io/use-regex: "true"
    nginx.ingress.kubernetes.io/rewrite-target: /$2
spec:
  ingressClassName: nginx
  rules:
  - host: rewrite.bar.com
    http:
      paths:
      - path: /something(/|$)(.*)
        pathType: ImplementationSpecific
        ${backend('http-svc')}
`;
    const objects = objectsFrom([svc('http-svc'), ingress].join('---\n'));
    const { report } = simulate(objects);
    const rewritten = (path: string) =>
      routeRequest(`http://rewrite.bar.com${path}`, report, objects).rewrittenPath;
    assert.equal(rewritten('/something'), '/');
    assert.equal(rewritten('/something/'), '/');
    assert.equal(rewritten('/something/new'), '/new');
  });

  it('without the manifests, paths match as the Ingress API defines them and nothing is rewritten', () => {
    const objects = exampleObjects('seed/minimal-ingress.yaml');
    const { report } = simulate(objects);
    assert.equal(routeRequest('http://172.18.0.2/testpath/x', report).rewrittenPath, undefined);
  });
});

describe('routeRequest to a ClusterIP or Service DNS name', () => {
  const shop = webShop([
    ...exampleObjects('database/postgres-service.yaml', 'database/postgres-statefulset.yaml'),
  ]);

  it('the ClusterIP and the DNS name of shop-api reach its port 8080 endpoints', () => {
    const api = shop.report.services.find((s) => s.name === 'shop-api');
    assert.ok(api?.clusterIP);
    const byIp = routeRequest(`http://${api.clusterIP}:8080/api/ready`, shop.report);
    assert.equal(byIp.via, 'clusterIP');
    assert.equal(byIp.service, 'default/shop-api');
    assert.equal(byIp.pods.length, 2);
    const byDns = routeRequest('http://shop-api.default.svc.cluster.local:8080/', shop.report);
    assert.equal(byDns.via, 'clusterIP');
    assert.match(
      byDns.reason,
      /^shop-api\.default\.svc\.cluster\.local is the DNS name of Service default\/shop-api, and kube-proxy forwards its port 8080 to 2 endpoints on port 8080\.$/,
    );
  });

  it('a Service port the Service does not have is refused', () => {
    const result = routeRequest('http://shop-api.default.svc:9999/', shop.report);
    assert.equal(result.via, null);
    assert.equal(result.service, 'default/shop-api');
    assert.match(result.reason, /has no TCP port 9999 \(ports: 8080\/TCP\)/);
  });

  it('a headless Service name resolves to its pods (none here: its StatefulSet pods are not simulated)', () => {
    const result = routeRequest('http://postgres.default.svc.cluster.local:5432/', shop.report);
    assert.equal(result.service, 'default/postgres');
    assert.match(result.reason, /headless Service/);
  });
});

describe('odd requests', () => {
  const shop = webShop();
  it('explains an Ingress whose class no controller serves', () => {
    const other = objectsFrom(
      `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: lab\nspec:\n  ingressClassName: traefik\n  rules:\n  - host: lab.example.com\n    http:\n      paths:\n      - path: /\n        pathType: Prefix\n        ${backend('shop-frontend')}\n`,
    );
    const { report } = simulate([...shop.objects, ...other], shop.pods);
    const result = routeRequest('http://lab.example.com/', report, [...shop.objects, ...other]);
    assert.equal(result.via, null);
    assert.match(
      result.reason,
      /^Ingress default\/lab has a matching rule .* its class "traefik" is served by no controller/,
    );
  });

  it('refuses what is not a URL, and an IP nothing owns', () => {
    assert.equal(routeRequest('http://', shop.report).via, null);
    assert.match(
      routeRequest('http://192.168.9.9/', shop.report).reason,
      /not a node IP, a ClusterIP or a pod IP/,
    );
  });
});
