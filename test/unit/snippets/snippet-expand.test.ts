import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import {
  expandSnippet,
  expandSnippetDefaults,
  parseSnippet,
  walkSnippet,
  type SnippetNode,
} from './snippet-expand';

void describe('expandSnippetDefaults', () => {
  void test('keeps plain text and joins an array body with newlines', () => {
    assert.equal(expandSnippetDefaults(['a: 1', 'b: 2']), 'a: 1\nb: 2');
    assert.equal(expandSnippetDefaults('no tab stops here'), 'no tab stops here');
  });

  void test('a placeholder expands to its default', () => {
    assert.equal(expandSnippetDefaults('name: ${1:my-app}'), 'name: my-app');
  });

  void test('a bare tab stop mirrors the default of its placeholder, before or after it', () => {
    assert.equal(expandSnippetDefaults('$1 ${1:x} $1 ${1}'), 'x x x x');
  });

  void test('a tab stop without any placeholder default expands to nothing', () => {
    assert.equal(expandSnippetDefaults('a${1}b$2c'), 'abc');
    assert.equal(expandSnippetDefaults('a${1:}b$1'), 'ab');
  });

  void test('$0 expands to nothing', () => {
    assert.equal(expandSnippetDefaults(['kind: Pod', '$0']), 'kind: Pod\n');
  });

  void test('nested placeholders expand recursively', () => {
    assert.equal(expandSnippetDefaults('${2:pre-${1:x}-post} $1'), 'pre-x-post x');
    assert.equal(expandSnippetDefaults('${1:web} ${2:$1.example.com}'), 'web web.example.com');
  });

  void test('the first placeholder with a value defines the default for its index', () => {
    assert.equal(expandSnippetDefaults('${1:first} ${1:second} $1'), 'first second first');
  });

  void test('a choice expands to its first option, and so do its mirrors', () => {
    assert.equal(
      expandSnippetDefaults('type: ${2|ClusterIP,NodePort|} ($2)'),
      'type: ClusterIP (ClusterIP)',
    );
  });

  void test('escapes', () => {
    assert.equal(expandSnippetDefaults('price: \\$1 \\} \\\\'), 'price: $1 } \\');
    assert.equal(expandSnippetDefaults('${1|a\\,b,c\\|d|}'), 'a,b');
    assert.equal(expandSnippetDefaults('${1:a\\}b}'), 'a}b');
    assert.equal(expandSnippetDefaults('a\\nb'), 'a\\nb');
  });

  void test('text that is not snippet syntax stays literal', () => {
    assert.equal(expandSnippetDefaults('cost: 5$'), 'cost: 5$');
    assert.equal(expandSnippetDefaults('a $ b ${ c } d'), 'a $ b ${ c } d');
    assert.equal(expandSnippetDefaults('open ${1:never closed'), 'open ${1:never closed');
    assert.equal(expandSnippetDefaults('${1|no,close'), '${1|no,close');
  });

  void test('variables are not resolved: they expand to their default or nothing', () => {
    assert.equal(expandSnippetDefaults('[$TM_FILENAME][${TM_FILENAME}][${X:dflt}]'), '[][][dflt]');
  });

  void test('transforms are rejected', () => {
    assert.throws(() => expandSnippetDefaults('${1/(.*)/${1:/upcase}/}'), /transforms/);
  });

  void test('cyclic defaults terminate', () => {
    assert.equal(expandSnippetDefaults('${1:$2}|${2:$1}'), '|');
  });

  void test('expandSnippet puts typed text into every occurrence of a tab stop', () => {
    const body = 'name: ${1:my-app}\napp: $1\nhost: ${2:$1.example.com}\ntype: ${3|A,B|}';
    assert.equal(
      expandSnippet(body, new Map([[1, 'shop']])),
      'name: shop\napp: shop\nhost: shop.example.com\ntype: A',
    );
    assert.equal(
      expandSnippet(
        body,
        new Map([
          [2, 'example.org'],
          [3, 'B'],
        ]),
      ),
      'name: my-app\napp: my-app\nhost: example.org\ntype: B',
    );
  });
});

// ---------------------------------------------------------------------------------------
// The contributed snippets

interface SnippetEntry {
  prefix: string;
  description: string;
  body: string[];
}

const snippetsPath = fileURLToPath(new URL('../../../snippets/kubernetes.json', import.meta.url));
const snippetsJson: unknown = JSON.parse(readFileSync(snippetsPath, 'utf8'));

function isSnippetEntry(value: unknown): value is SnippetEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return (
    typeof entry.prefix === 'string' &&
    typeof entry.description === 'string' &&
    Array.isArray(entry.body) &&
    entry.body.every((line) => typeof line === 'string')
  );
}

function loadSnippets(): [string, SnippetEntry][] {
  assert.ok(typeof snippetsJson === 'object' && snippetsJson !== null);
  return Object.entries(snippetsJson).map(([name, value]): [string, SnippetEntry] => {
    assert.ok(isSnippetEntry(value), `${name}: needs prefix, description and a string[] body`);
    return [name, value];
  });
}

const snippets = loadSnippets();

type Json = unknown;

function field(value: Json, ...path: (string | number)[]): Json {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

/** Text of a scalar for messages and pattern checks; objects show as JSON. */
function str(value: Json): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? 'undefined');
}

function list(value: Json): Json[] {
  return Array.isArray(value) ? (value as Json[]) : [];
}

function record(value: Json): Record<string, Json> {
  assert.ok(typeof value === 'object' && value !== null && !Array.isArray(value), 'expected a map');
  return value as Record<string, Json>;
}

/**
 * Parses the expansion as YAML 1.2 and as YAML 1.1 (how the API server reads it): both must be
 * free of errors and warnings and agree, so no value changes type under 1.1 (`yes`, `0644`).
 */
function parseManifests(text: string): Json[] {
  const read = (version: '1.1' | '1.2'): Json[] => {
    const docs = parseAllDocuments(text, { version });
    assert.ok(Array.isArray(docs), 'expected at least one YAML document');
    return docs.map((doc) => {
      const problems = [...doc.errors, ...doc.warnings].map((e) => e.message);
      assert.deepEqual(problems, [], `YAML ${version} errors or warnings in:\n${text}`);
      const value: unknown = doc.toJS();
      return value;
    });
  };
  const manifests = read('1.2');
  assert.deepEqual(read('1.1'), manifests, `YAML 1.1 reads differently:\n${text}`);
  return manifests;
}

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const IANA_SVC_NAME = /^(?=.*[a-z])(?!.*--)[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const QUANTITY = /^[0-9]+(\.[0-9]+)?(m|k|Ki|Mi|Gi|Ti|M|G|T)?$/;
const WORKLOADS = new Set(['Deployment', 'DaemonSet', 'StatefulSet']);

function assertPort(value: Json, what: string): void {
  assert.ok(
    typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 65535,
    `${what} must be a port number 1-65535, got ${str(value)}`,
  );
}

function assertPortName(value: Json, what: string): void {
  assert.ok(
    typeof value === 'string' && value.length <= 15 && IANA_SVC_NAME.test(value),
    `${what} must be an IANA service name of at most 15 characters, got ${str(value)}`,
  );
}

function assertLabelsMatch(selector: Json, labels: Json, what: string): void {
  const wanted = record(selector);
  const have = record(labels);
  assert.ok(Object.keys(wanted).length > 0, `${what}: empty selector`);
  for (const [key, value] of Object.entries(wanted)) {
    assert.equal(have[key], value, `${what}: selector ${key}=${str(value)} not in the labels`);
  }
}

/** The API server's rules (the ones these snippets touch) for one snippet's documents. */
function checkManifests(manifests: Json[], where: string): void {
  assert.ok(manifests.length > 0, `${where}: no documents`);
  for (const manifest of manifests) {
    const kind = field(manifest, 'kind');
    const name = field(manifest, 'metadata', 'name');
    const at = `${where} ${str(kind)}`;
    assert.equal(typeof field(manifest, 'apiVersion'), 'string', `${at}: apiVersion`);
    assert.equal(typeof kind, 'string', `${where}: kind`);
    assert.ok(typeof name === 'string' && name.length <= 63, `${at}: metadata.name`);
    assert.match(name, kind === 'Service' ? DNS1035_LABEL : DNS1123_SUBDOMAIN, `${at}: name`);
    const labels = field(manifest, 'metadata', 'labels');
    if (labels !== undefined) {
      for (const value of Object.values(record(labels))) {
        assert.ok(typeof value === 'string' && DNS1123_SUBDOMAIN.test(value), `${at}: label`);
      }
    }

    if (kind === 'Service') {
      const type = field(manifest, 'spec', 'type') ?? 'ClusterIP';
      assert.ok(['ClusterIP', 'NodePort', 'LoadBalancer'].includes(str(type)), `${at}: type`);
      const ports = list(field(manifest, 'spec', 'ports'));
      assert.ok(ports.length > 0, `${at}: ports`);
      for (const port of ports) {
        assertPort(field(port, 'port'), `${at} port`);
        const target = field(port, 'targetPort');
        if (typeof target === 'string') assertPortName(target, `${at} targetPort`);
        else if (target !== undefined) assertPort(target, `${at} targetPort`);
        const nodePort = field(port, 'nodePort');
        if (nodePort !== undefined) {
          assert.equal(type, 'NodePort', `${at}: nodePort needs type NodePort`);
          assertPort(nodePort, `${at} nodePort`);
          assert.ok(Number(nodePort) >= 30000 && Number(nodePort) <= 32767, `${at}: nodePort`);
        }
        const portName = field(port, 'name');
        if (portName !== undefined) assert.match(str(portName), DNS1123_LABEL);
        assert.ok(
          ['TCP', 'UDP', 'SCTP'].includes(str(field(port, 'protocol') ?? 'TCP')),
          `${at}: protocol`,
        );
      }
      assert.ok(
        Object.keys(record(field(manifest, 'spec', 'selector'))).length > 0,
        `${at}: selector`,
      );
    }

    if (typeof kind === 'string' && WORKLOADS.has(kind)) {
      const template = field(manifest, 'spec', 'template');
      assertLabelsMatch(
        field(manifest, 'spec', 'selector', 'matchLabels'),
        field(template, 'metadata', 'labels'),
        `${at}: selector.matchLabels vs template labels`,
      );
      const replicas = field(manifest, 'spec', 'replicas');
      if (replicas !== undefined) assert.ok(Number.isInteger(replicas) && Number(replicas) >= 0);
      const containers = list(field(template, 'spec', 'containers'));
      assert.ok(containers.length > 0, `${at}: containers`);
      const volumeNames = new Set(
        [
          ...list(field(template, 'spec', 'volumes')),
          ...list(field(manifest, 'spec', 'volumeClaimTemplates')).map((t) => field(t, 'metadata')),
        ].map((v) => field(v, 'name')),
      );
      for (const container of containers) {
        assert.match(str(field(container, 'name')), DNS1123_LABEL, `${at}: container name`);
        const image = str(field(container, 'image'));
        assert.match(image, /^[a-z0-9][a-z0-9._/-]*:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/, `${at}`);
        assert.ok(!image.endsWith(':latest'), `${at}: image tag`);
        for (const port of list(field(container, 'ports'))) {
          assertPort(field(port, 'containerPort'), `${at} containerPort`);
          const portName = field(port, 'name');
          if (portName !== undefined) assertPortName(portName, `${at} container port name`);
        }
        for (const mount of list(field(container, 'volumeMounts'))) {
          assert.ok(volumeNames.has(field(mount, 'name')), `${at}: volumeMount has no volume`);
          assert.match(str(field(mount, 'mountPath')), /^\//, `${at}: mountPath`);
        }
        const resources = field(container, 'resources');
        for (const group of ['requests', 'limits']) {
          for (const value of Object.values(record(field(resources, group) ?? {}))) {
            assert.match(str(value), QUANTITY, `${at}: resources.${group}`);
          }
        }
      }
    }

    if (kind === 'StatefulSet') {
      const serviceName = field(manifest, 'spec', 'serviceName');
      const headless = manifests.find(
        (m) =>
          field(m, 'kind') === 'Service' &&
          field(m, 'metadata', 'name') === serviceName &&
          field(m, 'spec', 'clusterIP') === 'None',
      );
      assert.ok(headless !== undefined, `${at}: serviceName must name a headless Service`);
      assertLabelsMatch(
        field(headless, 'spec', 'selector'),
        field(manifest, 'spec', 'template', 'metadata', 'labels'),
        `${at}: headless Service selector vs pod labels`,
      );
      for (const claim of list(field(manifest, 'spec', 'volumeClaimTemplates'))) {
        assert.ok(list(field(claim, 'spec', 'accessModes')).length > 0, `${at}: accessModes`);
        assert.match(str(field(claim, 'spec', 'resources', 'requests', 'storage')), QUANTITY);
      }
    }

    if (kind === 'Ingress') {
      assert.equal(field(manifest, 'apiVersion'), 'networking.k8s.io/v1');
      const rules = list(field(manifest, 'spec', 'rules'));
      assert.ok(rules.length > 0, `${at}: rules`);
      for (const rule of rules) {
        const host = field(rule, 'host');
        if (host !== undefined) assert.match(str(host), DNS1123_SUBDOMAIN, `${at}: host`);
        for (const path of list(field(rule, 'http', 'paths'))) {
          assert.match(str(field(path, 'path')), /^\//, `${at}: path`);
          assert.ok(['Prefix', 'Exact'].includes(str(field(path, 'pathType'))), `${at}`);
          assert.match(str(field(path, 'backend', 'service', 'name')), DNS1035_LABEL);
          assertPort(field(path, 'backend', 'service', 'port', 'number'), `${at} backend`);
        }
      }
    }

    if (kind === 'ConfigMap') {
      for (const [key, value] of Object.entries(record(field(manifest, 'data')))) {
        assert.match(key, /^[-._a-zA-Z0-9]+$/, `${at}: data key`);
        assert.equal(typeof value, 'string', `${at}: data.${key} must be a string`);
      }
    }

    if (kind === 'PersistentVolume') {
      assert.match(str(field(manifest, 'spec', 'capacity', 'storage')), QUANTITY);
      assert.ok(list(field(manifest, 'spec', 'accessModes')).length > 0, `${at}: accessModes`);
      assert.match(str(field(manifest, 'spec', 'hostPath', 'path')), /^\//, `${at}: hostPath`);
    }

    if (kind === 'PersistentVolumeClaim') {
      assert.ok(list(field(manifest, 'spec', 'accessModes')).length > 0, `${at}: accessModes`);
      assert.match(str(field(manifest, 'spec', 'resources', 'requests', 'storage')), QUANTITY);
    }
  }
}

function choices(nodes: SnippetNode[]): { index: number; options: readonly string[] }[] {
  return walkSnippet(nodes).flatMap((n) => (n.kind === 'choice' ? [n] : []));
}

void describe('snippets/kubernetes.json', () => {
  void test('contributes one snippet per kind with the agreed prefixes', () => {
    assert.deepEqual(snippets.map(([, s]) => s.prefix).sort(), [
      'k8s-configmap',
      'k8s-daemonset',
      'k8s-deployment',
      'k8s-ingress',
      'k8s-pv',
      'k8s-pvc',
      'k8s-service',
      'k8s-service-nodeport',
      'k8s-statefulset',
    ]);
    for (const [name, snippet] of snippets) {
      assert.ok(snippet.description.trim().length > 10, `${name}: description`);
    }
  });

  for (const [name, snippet] of snippets) {
    void describe(snippet.prefix, () => {
      const nodes = parseSnippet(snippet.body);

      void test('numbers its tab stops 1..n without gaps, ends at $0 and uses no variables', () => {
        const all = walkSnippet(nodes);
        assert.deepEqual(
          all.filter((n) => n.kind === 'variable'),
          [],
          `${name}: variables`,
        );
        const indices = new Set(
          all.flatMap((n) => (n.kind === 'tabstop' || n.kind === 'choice' ? [n.index] : [])),
        );
        const numbered = [...indices].filter((i) => i !== 0).sort((a, b) => a - b);
        assert.deepEqual(
          numbered,
          numbered.map((_, i) => i + 1),
          `${name}: tab stops must be 1..n without gaps`,
        );
        assert.equal(snippet.body.at(-1), '$0', `${name}: $0 on the last line`);
        assert.equal(snippet.body.join('\n').split('$0').length, 2, `${name}: one $0`);
      });

      void test('uses 2-space indentation and no tabs', () => {
        for (const line of snippet.body) {
          assert.ok(!line.includes('\t'), `${name}: tab in ${JSON.stringify(line)}`);
          const indent = /^ */.exec(line)?.[0].length ?? 0;
          assert.equal(indent % 2, 0, `${name}: odd indentation in ${JSON.stringify(line)}`);
        }
      });

      void test('expands to YAML whose documents are valid manifests', () => {
        const text = expandSnippetDefaults(snippet.body);
        assert.ok(!text.includes('$'), `${name}: unexpanded syntax in\n${text}`);
        const manifests = parseManifests(text);
        checkManifests(manifests, name);
        assert.equal(
          field(manifests[0], 'metadata', 'name'),
          expandSnippetDefaults([...snippet.body, '$1'])
            .split('\n')
            .at(-1),
          `${name}: $1 is the name`,
        );
      });

      void test('every choice option gives a valid manifest', () => {
        for (const choice of choices(nodes)) {
          for (const option of choice.options) {
            const text = expandSnippet(snippet.body, new Map([[choice.index, option]]));
            checkManifests(parseManifests(text), `${name} with \${${choice.index}}=${option}`);
          }
        }
      });

      void test('the name is mirrored: typing a new one leaves no trace of the default', () => {
        const defaultName = str(
          field(parseManifests(expandSnippetDefaults(snippet.body))[0], 'metadata', 'name'),
        );
        const text = expandSnippet(snippet.body, new Map([[1, 'renamed']]));
        assert.ok(!text.includes(defaultName), `${name}: ${defaultName} left in\n${text}`);
        const manifests = parseManifests(text);
        checkManifests(manifests, `${name} renamed`);
        for (const manifest of manifests) {
          assert.equal(field(manifest, 'metadata', 'name'), 'renamed');
        }
      });
    });
  }
});
