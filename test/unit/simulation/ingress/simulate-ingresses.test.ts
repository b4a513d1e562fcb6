/**
 * Ingresses: rules to Service ports to endpoints, the class that serves them
 * (spec.ingressClassName, the kubernetes.io/ingress.class annotation, the
 * default class of plugin/pkg/admission/network/defaultingressclass), and the
 * cross-resource findings.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { exampleObjects, objectsFrom } from '../networking/sim-support';
import { simulate, webShop } from './ingress-fixtures';

function ingress(extra: string, annotations = ''): string {
  return `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: edge${annotations}
spec:${extra}
  rules:
  - host: shop.example.com
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: shop-frontend
            port:
              number: 80
`;
}

describe('simulateIngresses', () => {
  it('seed: minimal-ingress gets the default class nginx and warns on the missing Service test; rootSvc, a name no Service can have, is left to the API-server rule (one root cause, one diagnostic)', () => {
    const { report, diagnostics } = simulate(exampleObjects('seed/minimal-ingress.yaml'));
    const [minimal] = report.ingresses;
    assert.equal(minimal?.className, 'nginx');
    assert.deepEqual(
      minimal?.rules.map((r) => [
        r.host,
        r.path,
        r.pathType,
        r.service,
        r.port,
        r.endpoints.length,
      ]),
      [
        ['*', '/', 'Prefix', 'rootSvc', 80, 0],
        ['*', '/testpath', 'Prefix', 'test', 80, 0],
      ],
    );
    assert.deepEqual(
      diagnostics.map((d) => [
        d.code,
        d.severity,
        d.range.start.line,
        d.range.start.character,
        d.range.end.character,
      ]),
      [['ingress-backend-service-not-found', 'warning', 22, 22, 26]],
    );
    assert.equal(
      diagnostics[0]?.message,
      'Ingress default/minimal-ingress sends path /testpath (Prefix) to Service test, but no Service default/test is defined in these manifests; the controller answers 503 Service Unavailable for it.',
    );
  });

  it('web-shop: every rule reaches its Service port and endpoints', () => {
    const { report, diagnostics } = webShop();
    const shop = report.ingresses.find((i) => i.name === 'shop');
    assert.deepEqual(
      shop?.rules.map((r) => [
        r.host,
        r.path,
        r.service,
        r.port,
        r.endpoints.map((e) => `${e.pod}:${e.port}`),
      ]),
      [
        [
          'shop.example.com',
          '/',
          'shop-frontend',
          80,
          [
            'shop-frontend-7c9d-aaaaa:8080',
            'shop-frontend-7c9d-bbbbb:8080',
            'shop-frontend-7c9d-ccccc:8080',
          ],
        ],
        [
          'shop.example.com',
          '/api',
          'shop-api',
          8080,
          ['shop-api-5f6b-ddddd:8080', 'shop-api-5f6b-eeeee:8080'],
        ],
      ],
    );
    assert.deepEqual(diagnostics, []);
  });

  it('warns ingress-class-not-found for a class the cluster has no controller for, and routes nothing', () => {
    const { report, diagnostics } = webShop(objectsFrom(ingress('\n  ingressClassName: traefik')));
    const edge = report.ingresses.find((i) => i.name === 'edge');
    assert.equal(edge?.className, 'traefik');
    assert.deepEqual(edge?.rules[0]?.endpoints, []);
    const finding = diagnostics.find((d) => d.code === 'ingress-class-not-found');
    assert.equal(
      finding?.message,
      'Ingress default/edge asks for IngressClass "traefik", but the cluster has no class of that name (classes: nginx); no controller picks it up, so it routes nothing.',
    );
    assert.deepEqual(finding?.range, {
      start: { line: 5, character: 20 },
      end: { line: 5, character: 27 },
    });
  });

  it('reads the deprecated kubernetes.io/ingress.class annotation', () => {
    const { report, diagnostics } = webShop(
      objectsFrom(ingress('', '\n  annotations:\n    kubernetes.io/ingress.class: nginx')),
    );
    assert.equal(report.ingresses.find((i) => i.name === 'edge')?.className, 'nginx');
    assert.ok(!diagnostics.some((d) => d.code === 'ingress-class-not-found'));
  });

  it('lets an IngressClass of the manifests replace the cluster one, as kubectl apply would', () => {
    const otherController =
      'apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata:\n  name: nginx\nspec:\n  controller: example.com/other\n';
    const { diagnostics } = webShop(objectsFrom(otherController));
    assert.match(
      diagnostics.find((d) => d.code === 'ingress-class-not-found')?.message ?? '',
      /asks for IngressClass "nginx", whose controller "example.com\/other" does not run in the cluster/,
    );
    const internal =
      'apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata:\n  name: internal\n  annotations:\n    ingressclass.kubernetes.io/is-default-class: "true"\nspec:\n  controller: k8s.io/ingress-nginx\n';
    const { report } = webShop(objectsFrom(`${internal}---\n${ingress('')}`));
    // Two default classes: the newest (the manifests') wins.
    assert.equal(report.ingresses.find((i) => i.name === 'edge')?.className, 'internal');
  });

  it('warns ingress-backend-port-not-found on the port number', () => {
    const { diagnostics } = webShop(
      objectsFrom(ingress('\n  ingressClassName: nginx').replace('number: 80', 'number: 8080')),
    );
    const finding = diagnostics.find((d) => d.code === 'ingress-backend-port-not-found');
    assert.equal(
      finding?.message,
      'Ingress default/edge sends shop.example.com/ (Prefix) to port 8080 of Service default/shop-frontend, which has no such port (ports: http/80).',
    );
  });

  it('warns ingress-path-conflict on both Ingresses that claim one host, path and pathType', () => {
    const { diagnostics } = webShop(objectsFrom(ingress('\n  ingressClassName: nginx')));
    const conflicts = diagnostics.filter((d) => d.code === 'ingress-path-conflict');
    assert.equal(conflicts.length, 2);
    assert.match(
      conflicts.map((d) => d.message).join('\n'),
      /Ingress default\/edge routes shop\.example\.com\/ \(Prefix\), which Ingress default\/shop also routes/,
    );
  });
});

describe('determinism', () => {
  it('gives byte-identical Services, Ingresses and diagnostics whatever order the objects come in', () => {
    const shop = webShop(exampleObjects('seed/np-svc.yaml', 'seed/minimal-ingress.yaml'));
    const reversed = simulate([...shop.objects].reverse(), [...shop.pods].reverse());
    assert.equal(JSON.stringify(reversed.report), JSON.stringify(shop.report));
    assert.equal(JSON.stringify(reversed.diagnostics), JSON.stringify(shop.diagnostics));
  });
});
