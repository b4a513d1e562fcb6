import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { checkText } from '../../../server/src/core/check/check-text';
import { coreContext } from '../../support/core-context';

const codes = (text: string): string[] =>
  checkText(text, coreContext()).findings.map((f) => f.code);

describe('bad input never throws and gets a clear diagnostic', () => {
  it('an unclosed quote gives one yaml-syntax error on its line', () => {
    const findings = checkText(
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "x\n',
      coreContext(),
    ).findings;
    assert.equal(findings.length, 1);
    assert.equal(findings[0]?.code, 'yaml-syntax');
    assert.equal(findings[0]?.range.start.line, 3);
  });

  it('a tab used for indentation is a syntax error at the tab', () => {
    const findings = checkText(
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: x\n',
      coreContext(),
    ).findings;
    assert.ok(findings.length >= 1);
    assert.ok(findings.every((f) => f.code === 'yaml-syntax'));
    assert.equal(findings[0]?.range.start.line, 3);
  });

  it('a bad indent is a syntax error where it happens', () => {
    const findings = checkText(
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n    extra: y\n',
      coreContext(),
    ).findings;
    assert.ok(findings.length >= 1);
    assert.equal(findings[0]?.code, 'yaml-syntax');
    assert.equal(findings[0]?.range.start.line, 4);
  });

  it('duplicate keys are reported as the API server rejects them', () => {
    assert.deepEqual(codes('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n'), [
      'yaml-duplicate-key',
    ]);
  });

  it('an alias bomb is refused without expanding it', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bomb\ndata:\n  ${levels.join('\n  ')}\n`;
    assert.deepEqual(codes(text), ['yaml-limit']);
  });

  it('deeply nested flow collections are refused', () => {
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: deep\nx: ${'['.repeat(5000)}${']'.repeat(5000)}\n`;
    assert.deepEqual(codes(text), ['yaml-limit']);
  });

  it('a huge file is skipped with file-too-large', () => {
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  a: "${'x'.repeat(9 * 1024 * 1024)}"\n`;
    assert.deepEqual(codes(text), ['file-too-large']);
  });

  it('binary content is skipped with binary-file', () => {
    assert.deepEqual(codes('apiVersion: v1\nkind: ConfigMap\0\0\0'), ['binary-file']);
  });

  it('a Helm template is skipped with a hint, not a cascade of errors', () => {
    const text =
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ include "app.fullname" . }}\nspec:\n  type: {{ .Values.service.type }}\n';
    const findings = checkText(text, coreContext()).findings;
    assert.deepEqual(
      findings.map((f) => [f.code, f.severity]),
      [['helm-template', 'hint']],
    );
  });

  it('{{ $labels }} in ConfigMap data is data, not Helm', () => {
    const text =
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: alerts\ndata:\n  rule: "{{ $labels.instance }} is down"\n';
    assert.deepEqual(codes(text), []);
  });

  it('non-Kubernetes YAML (a GitHub workflow) gets nothing', () => {
    assert.deepEqual(
      codes('name: CI\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n'),
      [],
    );
  });

  it('a list document in a Kubernetes file is not-an-object; an empty trailing document is fine', () => {
    const text = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team\n---\n- a\n- b\n---\n';
    assert.deepEqual(codes(text), ['not-an-object']);
  });

  it('garbage never throws', () => {
    for (const text of [
      '',
      '---',
      ':::',
      '- - - -',
      '{',
      'kind:',
      'apiVersion: [',
      '\u0000',
      'kind: 5\napiVersion: v1',
    ]) {
      assert.doesNotThrow(() => checkText(text, coreContext()));
    }
  });
});
