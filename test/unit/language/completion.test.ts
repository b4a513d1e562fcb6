import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { completeAt, type CompletionEntry } from '../../../server/src/core/language/completion';
import { coreContext } from '../../support/core-context';
import { caret, yaml } from './caret';

function complete(source: string, options: { eol?: '\n' | '\r\n' } = {}): CompletionEntry[] {
  const { text, position } = caret(source, options);
  return completeAt(text, position, coreContext().registry);
}

function labels(entries: CompletionEntry[]): string[] {
  return entries.map((entry) => entry.label);
}

function sorted(entries: CompletionEntry[]): CompletionEntry[] {
  return [...entries].sort((a, b) =>
    a.sortText < b.sortText ? -1 : a.sortText > b.sortText ? 1 : 0,
  );
}

function entry(entries: CompletionEntry[], label: string): CompletionEntry {
  const found = entries.find((candidate) => candidate.label === label);
  assert.ok(found, `no completion ${label} in ${labels(entries).join(', ')}`);
  return found;
}

const SERVICE_HEAD = ['apiVersion: v1', 'kind: Service', 'metadata:', '  name: web'];
const DEPLOYMENT_CONTAINER = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: web',
  'spec:',
  '  template:',
  '    spec:',
  '      containers:',
  '      - name: app',
];

describe('completion: keys', () => {
  it('offers the ServiceSpec fields under a Service spec, sessionAffinity among them', () => {
    const entries = complete(yaml(...SERVICE_HEAD, 'spec:', '  |'));
    assert.ok(labels(entries).includes('sessionAffinity'));
    assert.ok(labels(entries).includes('ports'));
    assert.ok(entries.every((e) => e.kind === 'property'));
  });

  it('puts required keys first', () => {
    const entries = sorted(
      complete(yaml('apiVersion: apps/v1', 'kind: Deployment', 'spec:', '  |')),
    );
    assert.deepEqual(labels(entries).slice(0, 2).sort(), ['selector', 'template']);
    assert.match(entries[0]?.detail ?? '', /required/);
    const port = sorted(complete(yaml(...SERVICE_HEAD, 'spec:', '  ports:', '  - |')));
    assert.equal(port[0]?.label, 'port');
  });

  it('offers selector on a half-typed line that does not parse', () => {
    const entries = complete(yaml(...SERVICE_HEAD, 'spec:', '  type: NodePort', '  sel|'));
    const selector = entry(entries, 'selector');
    assert.deepEqual(selector.range, {
      start: { line: 6, character: 2 },
      end: { line: 6, character: 5 },
    });
  });

  it('leaves out keys the mapping already has', () => {
    const entries = complete(
      yaml(...SERVICE_HEAD, 'spec:', '  type: NodePort', '  |', '  selector:', '    app: web'),
    );
    assert.ok(!labels(entries).includes('type'));
    assert.ok(!labels(entries).includes('selector'));
    assert.ok(labels(entries).includes('ports'));
    const top = complete(yaml(...SERVICE_HEAD, '|'));
    assert.ok(!labels(top).includes('metadata'));
    assert.ok(!labels(top).includes('kind'));
    assert.ok(labels(top).includes('spec'));
  });

  it('offers container fields inside spec.template.spec.containers[0] of a Deployment', () => {
    const entries = complete(yaml(...DEPLOYMENT_CONTAINER, '        |'));
    assert.ok(labels(entries).includes('image'));
    assert.ok(labels(entries).includes('imagePullPolicy'));
    assert.ok(!labels(entries).includes('name'));
    const typed = complete(yaml(...DEPLOYMENT_CONTAINER, '        im|'));
    assert.ok(labels(typed).includes('image'));
  });

  it('offers the fields of a new item after "- "', () => {
    const entries = complete(yaml(...DEPLOYMENT_CONTAINER, '        image: a', '      - |'));
    assert.ok(labels(entries).includes('name'));
    assert.ok(labels(entries).includes('image'));
  });

  it('inserts a skeleton that fits the value', () => {
    const entries = complete(yaml(...SERVICE_HEAD, 'spec:', '  |'));
    assert.deepEqual(
      {
        text: entry(entries, 'clusterIP').insertText,
        snippet: entry(entries, 'clusterIP').isSnippet,
      },
      { text: 'clusterIP: ', snippet: false },
    );
    assert.equal(entry(entries, 'ports').insertText, 'ports:\n  - $0');
    assert.equal(entry(entries, 'selector').insertText, 'selector:\n  $0');
    assert.equal(
      entry(entries, 'sessionAffinityConfig').insertText,
      'sessionAffinityConfig:\n  $0',
    );
    assert.equal(
      entry(entries, 'type').insertText,
      'type: ${1|ClusterIP,ExternalName,LoadBalancer,NodePort|}',
    );
    assert.equal(
      entry(entries, 'publishNotReadyAddresses').insertText,
      'publishNotReadyAddresses: ${1|true,false|}',
    );
    assert.ok(entry(entries, 'ports').isSnippet);
  });

  it('indents nested lines relative to the line, counting the dash', () => {
    const entries = complete(yaml(...DEPLOYMENT_CONTAINER, '      - |'));
    // The key goes at column 8 on a line indented 6: nested lines at 10, i.e. 4 past the line's indentation.
    assert.equal(entry(entries, 'ports').insertText, 'ports:\n    - $0');
    assert.equal(entry(entries, 'resources').insertText, 'resources:\n    $0');
  });

  it('inserts only the name when the line already has the colon', () => {
    const entries = complete(yaml(...SERVICE_HEAD, 'spec:', '  sel|:', '    app: web'));
    assert.equal(entry(entries, 'selector').insertText, 'selector');
  });

  it('starts a list item when the cursor is under a list key without a dash', () => {
    const entries = complete(yaml(...SERVICE_HEAD, 'spec:', '  ports:', '    |'));
    const port = entry(entries, 'port');
    assert.equal(port.insertText, '- port: ');
    assert.equal(port.filterText, 'port');
  });

  it('offers apiVersion/kind pairs at the top of an empty document', () => {
    const entries = complete('|');
    const deployment = entries.find(
      (e) => e.label === 'Deployment' && e.detail === 'apiVersion: apps/v1',
    );
    assert.ok(deployment);
    assert.equal(deployment.insertText, 'apiVersion: apps/v1\nkind: Deployment\n');
    assert.ok(labels(entries).includes('apiVersion'));
    assert.ok(labels(entries).includes('kind'));
    assert.ok(!labels(entries).includes('ServiceList'));
    const second = complete(yaml('apiVersion: v1', 'kind: Service', '---', '|'));
    assert.ok(second.some((e) => e.label === 'Service' && e.kind === 'snippet'));
  });

  it('gives no field completions for unknown kinds', () => {
    assert.deepEqual(
      complete(yaml('apiVersion: example.com/v1', 'kind: Widget', 'spec:', '  |')),
      [],
    );
    assert.deepEqual(complete(yaml('apiVersion: v1', 'kind: Nonsense', '|')), []);
  });
});

describe('completion: values', () => {
  it('offers exactly the four Service types after "type: "', () => {
    const entries = complete(yaml(...SERVICE_HEAD, 'spec:', '  type: |'));
    assert.deepEqual(labels(entries).sort(), [
      'ClusterIP',
      'ExternalName',
      'LoadBalancer',
      'NodePort',
    ]);
    assert.ok(entries.every((e) => e.kind === 'value'));
    assert.match(entry(entries, 'NodePort').documentation ?? '', /every node/);
  });

  it('replaces the value written so far', () => {
    const entries = complete(yaml(...SERVICE_HEAD, 'spec:', '  type: Node|P'));
    assert.deepEqual(entry(entries, 'NodePort').range, {
      start: { line: 5, character: 8 },
      end: { line: 5, character: 13 },
    });
  });

  it('offers Always, IfNotPresent and Never for imagePullPolicy', () => {
    const entries = complete(yaml(...DEPLOYMENT_CONTAINER, '        imagePullPolicy: |'));
    assert.deepEqual(labels(entries).sort(), ['Always', 'IfNotPresent', 'Never']);
  });

  it('offers true and false for booleans', () => {
    const entries = complete(yaml(...SERVICE_HEAD, 'spec:', '  publishNotReadyAddresses: |'));
    assert.deepEqual(labels(entries), ['true', 'false']);
  });

  it('offers enum values for items of a list of scalars', () => {
    const entries = complete(yaml(...SERVICE_HEAD, 'spec:', '  ipFamilies:', '  - |'));
    assert.deepEqual(labels(entries), ['IPv4', 'IPv6']);
  });

  it('offers the apiVersions of the kind', () => {
    const entries = complete(yaml('apiVersion: |', 'kind: HorizontalPodAutoscaler'));
    assert.deepEqual(labels(sorted(entries)), ['autoscaling/v2', 'autoscaling/v1']);
    const all = complete(yaml('apiVersion: |'));
    assert.ok(labels(all).includes('apps/v1'));
    assert.ok(labels(all).includes('v1'));
    assert.ok(all.every((e) => e.kind === 'apiVersion'));
  });

  it('offers the kinds of the apiVersion', () => {
    const entries = complete(yaml('apiVersion: apps/v1', 'kind: |'));
    assert.ok(labels(entries).includes('Deployment'));
    assert.ok(labels(entries).includes('StatefulSet'));
    assert.ok(!labels(entries).includes('Service'));
    assert.equal(entry(entries, 'Deployment').insertText, 'Deployment');
  });

  it('offers every kind, with its apiVersion, when there is no apiVersion', () => {
    const entries = complete(yaml('kind: |', 'metadata:', '  name: x'));
    const deployment = entry(entries, 'Deployment');
    assert.equal(deployment.insertText, 'Deployment\napiVersion: apps/v1');
    assert.ok(labels(entries).includes('Service'));
  });

  it('works on CRLF text and in multi-document files', () => {
    const source = yaml(
      'apiVersion: apps/v1',
      'kind: Deployment',
      '---',
      ...SERVICE_HEAD,
      'spec:',
      '  type: |',
      '---',
      'apiVersion: v1',
      'kind: Pod',
    );
    const entries = complete(source, { eol: '\r\n' });
    assert.deepEqual(labels(entries).sort(), [
      'ClusterIP',
      'ExternalName',
      'LoadBalancer',
      'NodePort',
    ]);
    const keys = complete(
      yaml(
        'apiVersion: apps/v1',
        'kind: Deployment',
        '---',
        ...SERVICE_HEAD,
        'spec:',
        '  sel|',
        '---',
        'kind: Pod',
      ),
      { eol: '\r\n' },
    );
    assert.ok(labels(keys).includes('selector'));
    assert.deepEqual(entry(keys, 'selector').range.end, { line: 8, character: 5 });
  });
});

describe('completion: robustness', () => {
  const registry = () => coreContext().registry;

  it('never throws on empty text, garbage, or a cursor past the end', () => {
    const garbage = [
      '',
      '\n\n\n',
      ':::\n- - [{\n\t"',
      '{"apiVersion": "v1", "kind": "Service"',
      'kind: Service\nspec:\n  ports: [\n    1,\n',
      '- - - - -',
      'kind: Service\nspec: |\n  text\n',
      '\u0000\u0001 binary \uFFFF',
      '? complex\n: key\n',
      'kind: [Service]\napiVersion: {a: b}\n',
      '"kind": "Service"\n"spec":\n  "type": ',
    ];
    for (const text of garbage) {
      const lines = text.split('\n');
      for (let line = 0; line <= lines.length + 1; line++) {
        for (let character = 0; character <= (lines[line]?.length ?? 0) + 2; character++) {
          assert.doesNotThrow(
            () => completeAt(text, { line, character }, registry()),
            JSON.stringify(text),
          );
        }
      }
    }
    assert.deepEqual(completeAt('kind: Service', { line: 40, character: 0 }, registry()), []);
    assert.deepEqual(completeAt('kind: Service', { line: -1, character: -4 }, registry()), []);
  });

  it('completes quoted keys and values', () => {
    const entries = complete(
      yaml('"apiVersion": "v1"', '"kind": "Service"', '"spec":', '  "type": |'),
    );
    assert.equal(entries.length, 4);
  });
});
