import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import {
  cursorContextAt,
  type CursorContext,
} from '../../../server/src/core/language/cursor-context';
import { caret, yaml } from './caret';

function contextOf(source: string): CursorContext | undefined {
  const { text, position } = caret(source);
  return cursorContextAt(text, position);
}

function keyContext(source: string) {
  const context = contextOf(source);
  assert.ok(context, 'expected a context');
  assert.equal(context.position, 'key');
  return context;
}

function valueContext(source: string) {
  const context = contextOf(source);
  assert.ok(context, 'expected a context');
  assert.equal(context.position, 'value');
  return context;
}

const DEPLOYMENT = [
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

describe('cursor context', () => {
  it('finds the parent path of a half-typed key on a line that does not parse', () => {
    const context = keyContext(yaml('apiVersion: v1', 'kind: Service', 'spec:', '  sel|'));
    assert.deepEqual(context.parentPath, ['spec']);
    assert.equal(context.prefix, 'sel');
    assert.equal(context.word, 'sel');
    assert.equal(context.object.kind, 'Service');
    assert.equal(context.object.apiVersion, 'v1');
    assert.deepEqual(context.wordRange, {
      start: { line: 3, character: 2 },
      end: { line: 3, character: 5 },
    });
  });

  it('reads a key inside a sequence item as a property of the item', () => {
    const context = keyContext(yaml(...DEPLOYMENT, '        ima|'));
    assert.deepEqual(context.parentPath, ['spec', 'template', 'spec', 'containers', 0]);
    assert.deepEqual(context.presentKeys, ['name']);
  });

  it('counts sequence items for the index', () => {
    const context = keyContext(
      yaml(...DEPLOYMENT, '        image: a', '      - name: b', '        |'),
    );
    assert.deepEqual(context.parentPath, ['spec', 'template', 'spec', 'containers', 1]);
    assert.deepEqual(context.presentKeys, ['name']);
  });

  it('sees the key after "- " on the cursor line as a property of a new item', () => {
    const context = keyContext(yaml(...DEPLOYMENT, '      - na|'));
    assert.deepEqual(context.parentPath, ['spec', 'template', 'spec', 'containers', 1]);
    assert.equal(context.lineIndent, 6);
    assert.equal(context.column, 8);
  });

  it('handles sequences indented under their key', () => {
    const context = keyContext(
      yaml('kind: Service', 'spec:', '  ports:', '    - port: 80', '      tar|'),
    );
    assert.deepEqual(context.parentPath, ['spec', 'ports', 0]);
  });

  it('gives an empty line the path of the indentation the cursor is at', () => {
    const source = yaml('kind: Service', 'spec:', '  type: NodePort', '  |', 'status: {}');
    const context = keyContext(source);
    assert.deepEqual(context.parentPath, ['spec']);
    assert.deepEqual(context.presentKeys, ['type']);
    assert.equal(context.prefix, '');
  });

  it('collects the keys of the mapping before and after the cursor', () => {
    const context = keyContext(
      yaml(
        'kind: Service',
        'spec:',
        '  type: NodePort',
        '  s|',
        '  ports:',
        '  - port: 80',
        '  selector:',
        '    app: a',
      ),
    );
    assert.deepEqual(context.presentKeys.sort(), ['ports', 'selector', 'type']);
  });

  it('reports a value position after "key: "', () => {
    const context = valueContext(yaml('kind: Service', 'spec:', '  type: Node|Port'));
    assert.deepEqual(context.path, ['spec', 'type']);
    assert.equal(context.value, 'NodePort');
    assert.equal(context.prefix, 'Node');
    assert.deepEqual(context.valueRange, {
      start: { line: 2, character: 8 },
      end: { line: 2, character: 16 },
    });
  });

  it('removes quotes from values', () => {
    const context = valueContext(yaml('kind: "Service"', 'spec:', "  type: 'Node|Port'"));
    assert.equal(context.value, 'NodePort');
    assert.equal(context.object.kind, 'Service');
  });

  it('only reads the document at the cursor', () => {
    const context = keyContext(
      yaml(
        'apiVersion: apps/v1',
        'kind: Deployment',
        '---',
        'apiVersion: v1',
        'kind: Service',
        'spec:',
        '  |',
        '---',
        'kind: Pod',
      ),
    );
    assert.equal(context.object.kind, 'Service');
    assert.equal(context.lineOffset, 2);
    assert.deepEqual(context.parentPath, ['spec']);
  });

  it('works on CRLF text', () => {
    const { text, position } = caret(yaml('kind: Service', 'spec:', '  type: |'), { eol: '\r\n' });
    const context = cursorContextAt(text, position);
    assert.equal(context?.position, 'value');
    assert.equal(context.object.kind, 'Service');
  });

  it('skips block scalar text', () => {
    const text = yaml(
      'kind: ConfigMap',
      'data:',
      '  script: |',
      '    key: value',
      '    more',
      '  other: x',
    );
    assert.equal(cursorContextAt(text, { line: 3, character: 6 }), undefined);
    const after = cursorContextAt(text, { line: 5, character: 3 });
    assert.equal(after?.position, 'key');
    assert.deepEqual(after.parentPath, ['data']);
    assert.deepEqual(after.presentKeys, ['script']);
  });

  it('finds the object of a List item', () => {
    const context = keyContext(
      yaml(
        'apiVersion: v1',
        'kind: List',
        'items:',
        '- apiVersion: v1',
        '  kind: Service',
        '  spec:',
        '    sel|',
      ),
    );
    assert.deepEqual(context.object.basePath, ['items', 0]);
    assert.equal(context.object.kind, 'Service');
    assert.deepEqual(context.parentPath, ['spec']);
  });

  it('gives nothing in comments, past the end, or before the indentation', () => {
    assert.equal(contextOf(yaml('kind: Service', '# a comm|ent')), undefined);
    assert.equal(cursorContextAt('kind: Service\n', { line: 5, character: 0 }), undefined);
    assert.equal(
      cursorContextAt('kind: Service\nspec:\n  type: x', { line: 2, character: 1 }),
      undefined,
    );
    assert.equal(cursorContextAt('', { line: 0, character: 0 })?.position, 'key');
  });
});
