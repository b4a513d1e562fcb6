import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { checkText } from '../../../server/src/core/check/check-text';
import { applySeverityOverrides } from '../../../server/src/core/diagnostics/apply-overrides';
import { coreContext } from '../../support/core-context';

const TEXT = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePorts
  ports:
    - port: 80
      protocl: TCP
`;

describe('suppression comments and severity settings', () => {
  it('reports both problems without comments', () => {
    assert.deepEqual(
      checkText(TEXT, coreContext()).findings.map((f) => f.code),
      ['schema-enum', 'schema-unknown-field'],
    );
  });

  it('slipway-disable-next-line drops the named code on the next line only', () => {
    const text = TEXT.replace(
      '  type: NodePorts',
      '  # slipway-disable-next-line schema-enum\n  type: NodePorts',
    );
    assert.deepEqual(
      checkText(text, coreContext()).findings.map((f) => f.code),
      ['schema-unknown-field'],
    );
  });

  it('slipway-disable drops a code for the rest of the document only', () => {
    const text = `# slipway-disable schema-unknown-field\n${TEXT}---\n${TEXT}`;
    assert.deepEqual(
      checkText(text, coreContext()).findings.map((f) => f.code),
      ['schema-enum', 'schema-enum', 'schema-unknown-field'],
    );
  });

  it('a different code on the comment suppresses nothing', () => {
    const text = TEXT.replace(
      '  type: NodePorts',
      '  # slipway-disable-next-line yaml-syntax\n  type: NodePorts',
    );
    assert.equal(checkText(text, coreContext()).findings.length, 2);
  });

  it('slipway.rules turns a code off or changes its severity', () => {
    const findings = checkText(TEXT, coreContext()).findings;
    const changed = applySeverityOverrides(findings, {
      'schema-enum': 'off',
      'schema-unknown-field': 'hint',
    });
    assert.deepEqual(
      changed.map((f) => [f.code, f.severity]),
      [['schema-unknown-field', 'hint']],
    );
  });
});
