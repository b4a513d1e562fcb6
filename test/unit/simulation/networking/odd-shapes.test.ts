/**
 * The Service, Ingress, route and expose simulation never throws: every field
 * of a few valid manifests is replaced in turn by values of the wrong shape
 * (the schema checks report those; the simulator skips them).
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { JsonObject, JsonPath, JsonValue } from '../../../../server/src/core/model/json';
import { parseApiVersion, type Manifest } from '../../../../server/src/core/model/manifest';
import { routeRequest } from '../../../../server/src/core/simulation/ingress/route-request';
import { simulateIngresses } from '../../../../server/src/core/simulation/ingress/simulate-ingresses';
import type { SimObject } from '../../../../server/src/core/simulation/model/sim-object';
import { exposeService } from '../../../../server/src/core/simulation/networking/expose-service';
import { simulateServices } from '../../../../server/src/core/simulation/networking/simulate-services';
import { cluster, simPod } from './sim-support';

const ZERO = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };

function objectOf(body: JsonObject): SimObject {
  const apiVersion = typeof body.apiVersion === 'string' ? body.apiVersion : '';
  const kind = typeof body.kind === 'string' ? body.kind : '';
  const metadata =
    typeof body.metadata === 'object' && body.metadata !== null && !Array.isArray(body.metadata)
      ? body.metadata
      : {};
  const manifest: Manifest = {
    apiVersion,
    kind,
    gvk: { ...parseApiVersion(apiVersion), kind },
    groupKind: `${parseApiVersion(apiVersion).group}/${kind}`,
    name: typeof metadata.name === 'string' ? metadata.name : undefined,
    namespace: typeof metadata.namespace === 'string' ? metadata.namespace : undefined,
    body,
    basePath: [],
    locate: () => ZERO,
    hasSource: () => true,
    scalarSource: () => undefined,
    documentRange: ZERO,
  };
  return { manifest, uri: 'file:///odd.yaml', lineOffset: 0 };
}

const SAMPLES: JsonObject[] = [
  {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web', namespace: 'default' },
    spec: {
      type: 'LoadBalancer',
      clusterIP: '10.96.5.5',
      clusterIPs: ['10.96.5.5'],
      selector: { app: 'web' },
      healthCheckNodePort: 30001,
      allocateLoadBalancerNodePorts: true,
      ports: [
        { name: 'http', port: 80, targetPort: 'http', nodePort: 30080, protocol: 'TCP' },
        { name: 'https', port: 443, targetPort: 8443 },
      ],
    },
  },
  {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: {
      name: 'web',
      annotations: {
        'kubernetes.io/ingress.class': 'nginx',
        'nginx.ingress.kubernetes.io/rewrite-target': '/$1',
        'nginx.ingress.kubernetes.io/use-regex': 'true',
      },
    },
    spec: {
      ingressClassName: 'nginx',
      defaultBackend: { service: { name: 'web', port: { name: 'http' } } },
      rules: [
        {
          host: '*.example.com',
          http: {
            paths: [
              {
                path: '/(.*)',
                pathType: 'ImplementationSpecific',
                backend: { service: { name: 'web', port: { number: 80 } } },
              },
            ],
          },
        },
      ],
    },
  },
  {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'IngressClass',
    metadata: {
      name: 'nginx',
      annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' },
    },
    spec: { controller: 'k8s.io/ingress-nginx' },
  },
  {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', labels: { app: 'web' } },
    spec: {
      selector: { matchLabels: { app: 'web' }, matchExpressions: [] },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: {
          containers: [
            {
              name: 'web',
              image: 'nginx',
              ports: [{ name: 'http', containerPort: 80, protocol: 'TCP' }],
            },
          ],
          initContainers: [
            {
              name: 'side',
              image: 'envoy',
              restartPolicy: 'Always',
              ports: [{ containerPort: 9901 }],
            },
          ],
        },
      },
    },
  },
];

const ODD: JsonValue[] = [null, 42, -1, 1.5, '', 'x', true, [], [1, 'a'], {}, { a: 1 }];

function paths(value: JsonValue, at: JsonPath = []): JsonPath[] {
  const out: JsonPath[] = at.length > 0 ? [at] : [];
  if (Array.isArray(value)) value.forEach((child, i) => out.push(...paths(child, [...at, i])));
  else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) out.push(...paths(child, [...at, key]));
  }
  return out;
}

function replaced(body: JsonObject, path: JsonPath, value: JsonValue): JsonObject {
  const copy = JSON.parse(JSON.stringify(body)) as JsonObject;
  let node: JsonValue = copy;
  for (const segment of path.slice(0, -1))
    node = (node as Record<string | number, JsonValue>)[segment] as JsonValue;
  (node as Record<string | number, JsonValue>)[path[path.length - 1] as string | number] = value;
  return copy;
}

describe('odd shapes', () => {
  it('simulateServices, simulateIngresses, routeRequest and exposeService never throw', () => {
    let runs = 0;
    for (const [index, sample] of SAMPLES.entries()) {
      for (const path of paths(sample)) {
        for (const value of ODD) {
          const bodies = SAMPLES.map((other, i) =>
            i === index ? replaced(sample, path, value) : other,
          );
          const objects = bodies.map(objectOf);
          const deployment = objects[3];
          assert.ok(deployment);
          const pods = [simPod(deployment, 'web-1')];
          const c = cluster();
          const { services } = simulateServices(objects, pods, c);
          const { ingresses } = simulateIngresses(objects, services, c);
          const report = { cluster: c, services, ingresses, pods: [] };
          routeRequest('http://a.example.com/x', report, objects);
          routeRequest('http://172.18.0.3:30080/', report, objects);
          exposeService(objects, { kind: 'deployment', name: 'web' });
          runs++;
        }
      }
    }
    assert.ok(runs > 500);
  });
});
