/**
 * The metadata and networking rules never throw: every field of a few valid
 * manifests is replaced in turn by values of the wrong shape, and every rule
 * runs on the result (check-document would swallow a throw and hide findings).
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { JsonObject, JsonPath, JsonValue } from '../../../../server/src/core/model/json';
import { parseApiVersion, type Manifest } from '../../../../server/src/core/model/manifest';
import { METADATA_RULES } from '../../../../server/src/core/rules/metadata';
import { NETWORKING_RULES } from '../../../../server/src/core/rules/networking';
import type { RuleReport } from '../../../../server/src/core/rules/rule';

const ZERO = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };

function manifestOf(body: JsonObject): Manifest {
  const apiVersion = typeof body.apiVersion === 'string' ? body.apiVersion : '';
  const kind = typeof body.kind === 'string' ? body.kind : '';
  return {
    apiVersion,
    kind,
    gvk: { ...parseApiVersion(apiVersion), kind },
    groupKind: `${parseApiVersion(apiVersion).group}/${kind}`,
    name: undefined,
    namespace: undefined,
    body,
    basePath: [],
    locate: () => ZERO,
    hasSource: () => true,
    scalarSource: () => undefined,
    documentRange: ZERO,
  };
}

const SAMPLES: JsonObject[] = [
  {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web', labels: { app: 'web' }, annotations: { a: 'b' } },
    spec: {
      type: 'LoadBalancer',
      clusterIP: '10.0.0.1',
      clusterIPs: ['10.0.0.1'],
      selector: { app: 'web' },
      sessionAffinity: 'ClientIP',
      sessionAffinityConfig: { clientIP: { timeoutSeconds: 10 } },
      externalTrafficPolicy: 'Local',
      healthCheckNodePort: 30001,
      loadBalancerClass: 'example.com/lb',
      loadBalancerSourceRanges: ['10.0.0.0/8'],
      externalName: 'db.example.com',
      ports: [
        { name: 'http', port: 80, targetPort: 'http', nodePort: 30080, appProtocol: 'http' },
        { name: 'https', port: 443, targetPort: 8443, nodePort: 30443, protocol: 'TCP' },
      ],
    },
  },
  {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: 'web', annotations: { 'kubernetes.io/ingress.class': 'nginx' } },
    spec: {
      ingressClassName: 'nginx',
      defaultBackend: { resource: { apiGroup: 'example.com', kind: 'Bucket', name: 'b' } },
      tls: [{ hosts: ['a.example.com'], secretName: 'tls' }],
      rules: [
        {
          host: '*.example.com',
          http: {
            paths: [
              {
                path: '/',
                pathType: 'Prefix',
                backend: { service: { name: 'web', port: { number: 80, name: 'http' } } },
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
    metadata: { name: 'nginx' },
    spec: {
      controller: 'k8s.io/ingress-nginx',
      parameters: {
        apiGroup: 'example.com',
        kind: 'P',
        name: 'p',
        scope: 'Namespace',
        namespace: 'x',
      },
    },
  },
  {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'np', namespace: 'default' },
    spec: {
      podSelector: {
        matchLabels: { app: 'a' },
        matchExpressions: [{ key: 'k', operator: 'In', values: ['v'] }],
      },
      ingress: [
        {
          from: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] }, podSelector: {} }],
          ports: [{ port: 80, endPort: 90 }],
        },
      ],
      egress: [{ to: [{ namespaceSelector: {} }], ports: [{ port: 'dns' }] }],
    },
  },
  {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', generateName: 'web-', namespace: 'ns', labels: { a: 'b' } },
    spec: {
      selector: {
        matchLabels: { app: 'web' },
        matchExpressions: [{ key: 'k', operator: 'Exists' }],
      },
      template: {
        metadata: { labels: { app: 'web' }, annotations: { x: 'y' } },
        spec: { containers: [] },
      },
    },
  },
];

const ODD: JsonValue[] = [
  null,
  'x',
  '',
  42,
  -1,
  1.5,
  0,
  true,
  [],
  {},
  [null],
  [{}],
  ['x'],
  { a: null },
];

function allPaths(value: JsonValue, prefix: JsonPath = []): JsonPath[] {
  const out: JsonPath[] = [prefix];
  if (Array.isArray(value)) value.forEach((item, i) => out.push(...allPaths(item, [...prefix, i])));
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) out.push(...allPaths(item, [...prefix, key]));
  }
  return out;
}

function replaced(body: JsonObject, path: JsonPath, next: JsonValue): JsonObject {
  const copy = structuredClone(body);
  let current: JsonValue = copy;
  for (let i = 0; i < path.length - 1; i++) {
    current = (current as Record<string | number, JsonValue>)[
      path[i] as string | number
    ] as JsonValue;
  }
  (current as Record<string | number, JsonValue>)[path[path.length - 1] as string | number] = next;
  return copy;
}

describe('metadata and networking rules on odd shapes', () => {
  const rules = [...METADATA_RULES, ...NETWORKING_RULES];
  it('never throw and always report one of their own codes', () => {
    let runs = 0;
    for (const sample of SAMPLES) {
      for (const path of allPaths(sample)) {
        if (path.length === 0 || path[0] === 'apiVersion' || path[0] === 'kind') continue;
        for (const odd of ODD) {
          const manifest = manifestOf(replaced(sample, path, odd));
          for (const rule of rules) {
            const reports: RuleReport[] = [];
            assert.doesNotThrow(
              () => rule.check({ manifest, report: (r) => reports.push(r) }),
              `${rule.codes[0]?.code ?? '?'} at ${path.join('.')} = ${JSON.stringify(odd)}`,
            );
            for (const r of reports) assert.ok(rule.codes.includes(r.code));
            runs++;
          }
        }
      }
    }
    assert.ok(runs > 1000);
  });
});
