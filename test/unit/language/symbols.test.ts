import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { documentSymbols } from '../../../server/src/core/language/symbols';
import { rangeContains } from '../../../server/src/core/text/range';
import { yaml } from './caret';

const THREE = yaml(
  '# front matter',
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: web',
  '  namespace: shop',
  'spec:',
  '  replicas: 2',
  '---',
  'apiVersion: v1',
  'kind: Service',
  'metadata:',
  '  name: np-svc',
  'spec:',
  '  type: NodePort',
  '---',
  'apiVersion: v1',
  'kind: ConfigMap',
  'metadata:',
  "  name: 'settings'",
  'data:',
  '  key: value',
  '',
);

describe('document symbols', () => {
  it('gives one entry per document with its kind and name', () => {
    const symbols = documentSymbols(THREE);
    assert.deepEqual(
      symbols.map((s) => s.name),
      ['Deployment web', 'Service np-svc', 'ConfigMap settings'],
    );
    assert.deepEqual(
      symbols.map((s) => s.detail),
      ['apps/v1 · namespace shop', 'v1', 'v1'],
    );
    const service = symbols[1];
    assert.ok(service);
    assert.equal(service.kubernetesKind, 'Service');
    assert.deepEqual(service.selectionRange, {
      start: { line: 12, character: 8 },
      end: { line: 12, character: 14 },
    });
    assert.deepEqual(service.range, {
      start: { line: 9, character: 0 },
      end: { line: 14, character: 16 },
    });
    for (const symbol of symbols) {
      assert.ok(rangeContains(symbol.range, symbol.selectionRange.start), symbol.name);
      assert.ok(rangeContains(symbol.range, symbol.selectionRange.end), symbol.name);
    }
  });

  it('works on CRLF text', () => {
    const symbols = documentSymbols(THREE.replace(/\n/g, '\r\n'));
    assert.deepEqual(
      symbols.map((s) => s.name),
      ['Deployment web', 'Service np-svc', 'ConfigMap settings'],
    );
    assert.equal(symbols[1]?.range.end.character, 16);
  });

  it('leaves out documents without a kind and names unnamed objects by kind', () => {
    const symbols = documentSymbols(
      yaml('just: config', '---', 'apiVersion: v1', 'kind: Namespace', '---', '- a', '- b'),
    );
    assert.deepEqual(
      symbols.map((s) => s.name),
      ['Namespace'],
    );
    assert.deepEqual(symbols[0]?.selectionRange, {
      start: { line: 3, character: 6 },
      end: { line: 3, character: 15 },
    });
  });

  it('gives the items of a List as children', () => {
    const symbols = documentSymbols(
      yaml(
        'apiVersion: v1',
        'kind: List',
        'items:',
        '- apiVersion: v1',
        '  kind: Service',
        '  metadata:',
        '    name: a',
        '- apiVersion: v1',
        '  kind: ConfigMap',
        '  metadata:',
        '    name: b',
        '  data:',
        '    k: v',
      ),
    );
    assert.equal(symbols.length, 1);
    const list = symbols[0];
    assert.ok(list);
    assert.deepEqual(
      list.children.map((c) => c.name),
      ['Service a', 'ConfigMap b'],
    );
    assert.deepEqual(list.children[1]?.range, {
      start: { line: 7, character: 0 },
      end: { line: 12, character: 8 },
    });
  });

  it('reads flow-style and JSON documents through the parser', () => {
    const symbols = documentSymbols(
      yaml(
        'kind: Pod',
        'metadata: {name: p}',
        '---',
        '{"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "s", "namespace": "x"}}',
      ),
    );
    assert.deepEqual(
      symbols.map((s) => s.name),
      ['Pod p', 'Secret s'],
    );
    assert.equal(symbols[1]?.detail, 'v1 · namespace x');
    assert.equal(symbols[1]?.selectionRange.start.line, 3);
  });

  it('never throws', () => {
    for (const text of ['', '---', '---\n---\n', ':::\n- - [{', 'kind: List\nitems: 3', '\u0000']) {
      assert.doesNotThrow(() => documentSymbols(text));
    }
    assert.deepEqual(documentSymbols(''), []);
  });
});
