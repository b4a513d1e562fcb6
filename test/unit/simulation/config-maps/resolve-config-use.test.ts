/**
 * ConfigMap and Secret use, as the kubelet resolves it. Sources:
 * - pkg/kubelet/kubelet_pods.go makeEnvironmentVariables: envFrom then env;
 *   configMapKeyRef reads `Data` only; `couldn't find key K in ConfigMap ns/x`;
 *   optional references skip a missing object or key;
 * - pkg/kubelet/configmap, pkg/kubelet/secret (watch-based managers):
 *   `configmap "x" not found`, `secret "x" not found`;
 * - pkg/volume/configmap, pkg/volume/secret, pkg/volume/projected MakePayload /
 *   collectData: `configmap references non-existent config key: K`,
 *   `references non-existent secret key: K`; the FailedMount event
 *   `MountVolume.SetUp failed for volume "v" : …`;
 * - https://kubernetes.io/docs/concepts/configuration/configmap/ and
 *   /secret/ (optional references, stringData merged into data).
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { resolveConfigUse } from '../../../../server/src/core/simulation/config-maps/resolve-config-use';
import { podConfigMaps } from '../../../../server/src/core/simulation/config-maps/pod-config-maps';
import { CONFIG_CODES } from '../../../../server/src/core/simulation/config-maps/config-codes';
import { configStartBlocker } from '../../../../server/src/core/simulation/config-maps/config-start-blocker';
import type { SimPod } from '../../../../server/src/core/simulation/model/sim-pod';
import { makePod, objectNamed, simObjects } from '../storage/fixtures';
import { rangeOfText } from '../storage/simulate-storage';
import { configMap, docs, pod, secret } from './config-yaml';

function run(text: string, node: string | null = 'worker-1') {
  const objects = simObjects(text);
  const pods: SimPod[] = objects
    .filter((object) => object.manifest.kind === 'Pod')
    .map((object) => makePod(object, { node }));
  const result = resolveConfigUse(objects, pods);
  const podNamed = (name: string): SimPod => {
    const found = pods.find((candidate) => candidate.name === name);
    assert.ok(found);
    return found;
  };
  return { objects, pods, result, podNamed };
}

const APP_CONFIG = configMap('app-config', { DB_PORT: '5432', DB_USER: 'shop' });

describe('env: configMapKeyRef / secretKeyRef', () => {
  const container = (key: string, optional = false) => [
    'containers:',
    '- name: api',
    '  image: shop/api:1',
    '  env:',
    '  - name: VALUE',
    '    valueFrom:',
    '      configMapKeyRef:',
    '        name: app-config',
    `        key: ${key}`,
    ...(optional ? ['        optional: true'] : []),
  ];

  it('a key that exists: found, and the pod runs', () => {
    const { result, podNamed } = run(docs(APP_CONFIG, pod('web', container('DB_PORT'))));
    assert.deepEqual(result.configMaps[0]?.usedBy, [
      { pod: 'web', container: 'api', via: 'env', key: 'DB_PORT', found: true, optional: false },
    ]);
    assert.equal(podNamed('web').phase, 'Running');
    assert.deepEqual(result.diagnostics, []);
  });

  it('a missing key: CreateContainerConfigError with the kubelet message, and a finding on the key', () => {
    const text = docs(APP_CONFIG, pod('web', container('DB_HOST')));
    const { result, podNamed } = run(text);
    const web = podNamed('web');
    assert.equal(web.phase, 'Pending');
    assert.equal(
      web.reason,
      "CreateContainerConfigError: couldn't find key DB_HOST in ConfigMap default/app-config",
    );
    assert.deepEqual(web.blocked, {
      step: 'cri-runtime',
      reason:
        "CreateContainerConfigError: couldn't find key DB_HOST in ConfigMap default/app-config",
      container: 'api',
    });
    assert.deepEqual(result.diagnostics, [
      {
        severity: 'error',
        code: 'configmap-key-not-found',
        message:
          'ConfigMap default/app-config has no key "DB_HOST"; it has: DB_PORT, DB_USER; the kubelet cannot create container "api": CreateContainerConfigError: couldn\'t find key DB_HOST in ConfigMap default/app-config.',
        uri: 'file:///test/x.yaml',
        range: rangeOfText(text, 'DB_HOST'),
      },
    ]);
  });

  it('a missing ConfigMap: configmap "app-config" not found, finding on the name', () => {
    const text = docs(configMap('other', { A: '1' }), pod('web', container('DB_PORT')));
    const { result, podNamed } = run(text);
    assert.equal(
      podNamed('web').reason,
      'CreateContainerConfigError: configmap "app-config" not found',
    );
    assert.equal(result.diagnostics.length, 1);
    assert.equal(result.diagnostics[0]?.code, 'configmap-not-found');
    assert.deepEqual(result.diagnostics[0]?.range, rangeOfText(text, 'app-config'));
    assert.match(
      result.diagnostics[0]?.message ?? '',
      /^ConfigMap "app-config" does not exist in namespace default \(ConfigMaps there: other\)/,
    );
    assert.deepEqual(
      result.configMaps.map((entry) => [entry.name, entry.defined]),
      [
        ['app-config', false],
        ['other', true],
      ],
    );
  });

  it('a missing ConfigMap among many: the nearest names first, five of them, then how many more', () => {
    const others = [
      'web-config-21',
      'cache',
      'app-confg',
      'jobs',
      'metrics',
      'app-config-old',
      'cfg-x',
      'cfg-y',
    ];
    const text = docs(
      ...others.map((name) => configMap(name, { A: '1' })),
      pod('web', container('DB_PORT')),
    );
    const message = run(text).result.diagnostics[0]?.message ?? '';
    assert.match(
      message,
      /\(ConfigMaps there: app-confg, app-config-old, web-config-21, [\w-]+, [\w-]+ and 3 more\)/,
    );
  });

  it('optional: true: a missing key is skipped, no finding, the pod runs', () => {
    const { result, podNamed } = run(docs(APP_CONFIG, pod('web', container('DB_HOST', true))));
    assert.equal(podNamed('web').phase, 'Running');
    assert.deepEqual(result.diagnostics, []);
    assert.deepEqual(result.configMaps[0]?.usedBy[0], {
      pod: 'web',
      container: 'api',
      via: 'env',
      key: 'DB_HOST',
      found: false,
      optional: true,
    });
  });

  it('configMapKeyRef reads data only: a binaryData key is not found', () => {
    const text = docs(configMap('app-config', { A: '1' }, ['blob']), pod('web', container('blob')));
    const { result, podNamed } = run(text);
    assert.equal(
      podNamed('web').reason,
      "CreateContainerConfigError: couldn't find key blob in ConfigMap default/app-config",
    );
    assert.match(result.diagnostics[0]?.message ?? '', /has "blob" only in binaryData/);
    assert.deepEqual(result.configMaps[0]?.keys, ['A', 'blob']);
  });

  it('secretKeyRef: stringData keys count, with the Secret wording', () => {
    const spec = (key: string) => [
      'containers:',
      '- name: db',
      '  image: postgres:16',
      '  env:',
      '  - name: PASSWORD',
      '    valueFrom:',
      '      secretKeyRef:',
      '        name: creds',
      `        key: ${key}`,
    ];
    const ok = run(
      docs(
        secret('creds', { data: ['user'], stringData: ['password'] }),
        pod('a', spec('password')),
      ),
    );
    assert.equal(ok.podNamed('a').phase, 'Running');
    assert.deepEqual(ok.result.secrets[0]?.keys, ['password', 'user']);
    const missing = run(docs(secret('creds', { data: ['user'] }), pod('a', spec('password'))));
    assert.equal(
      missing.podNamed('a').reason,
      "CreateContainerConfigError: couldn't find key password in Secret default/creds",
    );
    assert.equal(missing.result.diagnostics[0]?.code, 'secret-key-not-found');
    const absent = run(docs(pod('a', spec('password'))));
    assert.equal(
      absent.podNamed('a').reason,
      'CreateContainerConfigError: secret "creds" not found',
    );
    assert.equal(absent.result.diagnostics[0]?.code, 'secret-not-found');
  });
});

describe('envFrom', () => {
  const spec = (optional: boolean) => [
    'containers:',
    '- name: api',
    '  image: shop/api:1',
    '  envFrom:',
    '  - configMapRef:',
    '      name: app-config',
    ...(optional ? ['      optional: true'] : []),
    '  - secretRef:',
    '      name: creds',
  ];

  it('records the use without a key; a missing object blocks, envFrom before env', () => {
    const { result, podNamed } = run(
      docs(secret('creds', { data: ['a'] }), pod('web', spec(false))),
    );
    assert.equal(
      podNamed('web').reason,
      'CreateContainerConfigError: configmap "app-config" not found',
    );
    assert.deepEqual(result.secrets[0]?.usedBy, [
      { pod: 'web', container: 'api', via: 'envFrom', found: true, optional: false },
    ]);
  });

  it('an optional missing ConfigMap is skipped', () => {
    const { result, podNamed } = run(
      docs(secret('creds', { data: ['a'] }), pod('web', spec(true))),
    );
    assert.equal(podNamed('web').phase, 'Running');
    assert.deepEqual(result.diagnostics, []);
  });
});

describe('volumes: configMap, secret and projected', () => {
  const volumeSpec = (source: string[]) => [
    'containers:',
    '- name: nginx',
    '  image: nginx:1.27',
    '  volumeMounts:',
    '  - name: config',
    '    mountPath: /etc/app',
    'volumes:',
    '- name: config',
    ...source.map((line) => `  ${line}`),
  ];

  it('a missing ConfigMap volume stops the pod at the mount: ContainerCreating, blocked at the kubelet', () => {
    const text = docs(pod('web', volumeSpec(['configMap:', '  name: app-config'])));
    const { result, podNamed } = run(text);
    const web = podNamed('web');
    assert.equal(
      web.reason,
      'ContainerCreating: MountVolume.SetUp failed for volume "config" : configmap "app-config" not found',
    );
    assert.deepEqual(web.blocked, {
      step: 'kubelet',
      reason:
        'ContainerCreating: MountVolume.SetUp failed for volume "config" : configmap "app-config" not found',
    });
    assert.deepEqual(result.configMaps[0]?.usedBy, [
      { pod: 'web', container: 'nginx', via: 'volume', found: false, optional: false },
    ]);
    assert.deepEqual(result.diagnostics[0]?.range, rangeOfText(text, 'app-config'));
  });

  it("items name keys: a missing key fails the mount with the volume plugin's message", () => {
    const text = docs(
      APP_CONFIG,
      pod(
        'web',
        volumeSpec([
          'configMap:',
          '  name: app-config',
          '  items:',
          '  - key: nginx.conf',
          '    path: nginx.conf',
        ]),
      ),
    );
    const { result, podNamed } = run(text);
    assert.equal(
      podNamed('web').blocked?.reason,
      'ContainerCreating: MountVolume.SetUp failed for volume "config" : configmap references non-existent config key: nginx.conf',
    );
    assert.equal(result.diagnostics[0]?.code, 'configmap-key-not-found');
    assert.deepEqual(result.diagnostics[0]?.range, rangeOfText(text, 'nginx.conf'));
    assert.deepEqual(result.configMaps[0]?.usedBy, [
      {
        pod: 'web',
        container: 'nginx',
        via: 'volume',
        key: 'nginx.conf',
        found: false,
        optional: false,
      },
    ]);
  });

  it('a secret volume names its Secret with secretName; a missing key uses the secret plugin wording', () => {
    const { podNamed } = run(
      docs(
        secret('tls', { data: ['tls.crt'] }),
        pod(
          'web',
          volumeSpec([
            'secret:',
            '  secretName: tls',
            '  items:',
            '  - key: tls.key',
            '    path: key.pem',
          ]),
        ),
      ),
    );
    assert.equal(
      podNamed('web').blocked?.reason,
      'ContainerCreating: MountVolume.SetUp failed for volume "config" : references non-existent secret key: tls.key',
    );
  });

  it('projected sources are all read; their errors are joined as the kubelet aggregates them', () => {
    const { result, podNamed } = run(
      docs(
        pod(
          'web',
          volumeSpec([
            'projected:',
            '  sources:',
            '  - configMap:',
            '      name: app-config',
            '  - secret:',
            '      name: creds',
            '  - configMap:',
            '      name: extra',
            '      optional: true',
          ]),
        ),
      ),
    );
    assert.equal(
      podNamed('web').blocked?.reason,
      'ContainerCreating: MountVolume.SetUp failed for volume "config" : [configmap "app-config" not found, secret "creds" not found]',
    );
    assert.deepEqual(
      result.diagnostics.map((finding) => finding.code),
      ['configmap-not-found', 'secret-not-found'],
    );
    assert.deepEqual(
      result.configMaps.map((entry) => [
        entry.name,
        entry.usedBy[0]?.via,
        entry.usedBy[0]?.optional,
      ]),
      [
        ['app-config', 'projected', false],
        ['extra', 'projected', true],
      ],
    );
  });

  it('a mount failure comes before any container config error, and shows Init:0/N with init containers', () => {
    const { podNamed } = run(
      docs(
        pod('web', [
          'initContainers:',
          '- name: prepare',
          '  image: busybox:1.36',
          '  envFrom:',
          '  - configMapRef:',
          '      name: missing-env',
          ...volumeSpec(['configMap:', '  name: missing-volume']),
        ]),
      ),
    );
    assert.equal(
      podNamed('web').reason,
      'Init:0/1: MountVolume.SetUp failed for volume "config" : configmap "missing-volume" not found',
    );
  });
});

describe("configStartBlocker: the scheduler's startBlocker hook", () => {
  it('gives the same verdict as resolveConfigUse, without changing the pod', () => {
    const objects = simObjects(
      docs(
        APP_CONFIG,
        pod('web', [
          'containers:',
          '- name: api',
          '  image: shop/api:1',
          '  env:',
          '  - name: HOST',
          '    valueFrom:',
          '      configMapKeyRef: {name: app-config, key: DB_HOST}',
        ]),
      ),
    );
    const web = makePod(objectNamed(objects, 'Pod', 'web'));
    assert.deepEqual(configStartBlocker(objects)(web), {
      step: 'cri-runtime',
      reason:
        "CreateContainerConfigError: couldn't find key DB_HOST in ConfigMap default/app-config",
      container: 'api',
    });
    assert.equal(web.blocked, undefined);
  });
});

describe('init containers', () => {
  it('an init container that cannot be created: Init:CreateContainerConfigError', () => {
    const { result, podNamed } = run(
      docs(
        pod('web', [
          'initContainers:',
          '- name: migrate',
          '  image: shop/migrate:1',
          '  env:',
          '  - name: DB',
          '    valueFrom:',
          '      secretKeyRef: {name: db, key: url}',
          'containers:',
          '- name: api',
          '  image: shop/api:1',
        ]),
      ),
    );
    assert.equal(podNamed('web').reason, 'Init:CreateContainerConfigError: secret "db" not found');
    assert.equal(podNamed('web').blocked?.container, 'migrate');
    assert.deepEqual(result.secrets[0]?.usedBy, [
      { pod: 'web', container: 'migrate', via: 'env', key: 'url', found: false, optional: false },
    ]);
    assert.match(result.diagnostics[0]?.message ?? '', /container "migrate" \(init\)/);
  });
});

describe('what every namespace has', () => {
  it('kube-root-ca.crt is never missing, and its key is ca.crt', () => {
    const { result, podNamed } = run(
      docs(
        pod('web', [
          'containers:',
          '- name: app',
          '  image: app:1',
          '  env:',
          '  - name: CA',
          '    valueFrom:',
          '      configMapKeyRef: {name: kube-root-ca.crt, key: ca.crt}',
        ]),
      ),
    );
    assert.equal(podNamed('web').phase, 'Running');
    assert.deepEqual(result.diagnostics, []);
    assert.deepEqual(
      result.configMaps.map(({ name, defined, keys }) => ({ name, defined, keys })),
      [{ name: 'kube-root-ca.crt', defined: true, keys: ['ca.crt'] }],
    );
  });

  it('a service-account-token Secret has token, ca.crt and namespace, filled by the token controller', () => {
    const { result, podNamed } = run(
      docs(
        secret('build-robot-token', { type: 'kubernetes.io/service-account-token' }),
        pod('web', [
          'containers:',
          '- name: app',
          '  image: app:1',
          '  env:',
          '  - name: TOKEN',
          '    valueFrom:',
          '      secretKeyRef: {name: build-robot-token, key: token}',
        ]),
      ),
    );
    assert.equal(podNamed('web').phase, 'Running');
    assert.deepEqual(result.diagnostics, []);
    assert.deepEqual(result.secrets[0]?.keys, ['ca.crt', 'namespace', 'token']);
  });
});

describe('the report sections', () => {
  it('a pod that is not scheduled is not started, but the findings stay', () => {
    const { result, podNamed } = run(
      docs(
        pod('web', [
          'containers:',
          '- name: a',
          '  image: a:1',
          '  envFrom:',
          '  - configMapRef: {name: nope}',
        ]),
      ),
      null,
    );
    assert.equal(podNamed('web').phase, 'Running');
    assert.equal(podNamed('web').blocked, undefined);
    assert.equal(result.diagnostics.length, 1);
  });

  it('podConfigMaps lists the ConfigMaps a pod reads and whether they exist', () => {
    const { result, podNamed } = run(
      docs(
        APP_CONFIG,
        pod('web', [
          'containers:',
          '- name: a',
          '  image: a:1',
          '  envFrom:',
          '  - configMapRef: {name: zeta, optional: true}',
          '  - configMapRef: {name: app-config}',
        ]),
      ),
    );
    assert.deepEqual(podConfigMaps(result.configMaps, podNamed('web')), [
      { name: 'app-config', found: true },
      { name: 'zeta', found: false },
    ]);
  });

  it('workloads that make no pods are still checked (one finding per written reference)', () => {
    const text = docs(
      [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata: {name: api}',
        'spec:',
        '  replicas: 0',
        '  selector: {matchLabels: {app: api}}',
        '  template:',
        '    metadata: {labels: {app: api}}',
        '    spec:',
        '      containers:',
        '      - name: api',
        '        image: api:1',
        '        envFrom:',
        '        - configMapRef: {name: api-config}',
      ].join('\n'),
    );
    const objects = simObjects(text);
    const deployment = objectNamed(objects, 'Deployment', 'api');
    const result = resolveConfigUse(objects, [
      makePod(deployment, { name: 'api-1' }),
      makePod(deployment, { name: 'api-2' }),
    ]);
    assert.equal(result.diagnostics.length, 1);
    assert.equal(result.configMaps[0]?.usedBy.length, 2);
  });

  it('codes are cross-resource errors', () => {
    assert.deepEqual(
      CONFIG_CODES.map(({ code, category, severity }) => `${code}:${category}:${severity}`),
      [
        'configmap-not-found:cross-resource:error',
        'configmap-key-not-found:cross-resource:error',
        'secret-not-found:cross-resource:error',
        'secret-key-not-found:cross-resource:error',
      ],
    );
  });
});
