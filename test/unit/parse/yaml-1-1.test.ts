import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { checkText } from '../../../server/src/core/check/check-text';
import { parseChunk } from '../../../server/src/core/parse/parse-chunk';
import { coreContext } from '../../support/core-context';

const valueOf = (text: string): unknown => parseChunk(text).documents[0]?.value;

describe('YAML 1.1 as the API server decodes it', () => {
  it('reads 0644 as octal 420 and yes/on as booleans', () => {
    assert.deepEqual(valueOf('mode: 0644\na: yes\nb: on\nc: "yes"\n'), {
      mode: 420,
      a: true,
      b: true,
      c: 'yes',
    });
  });

  it('keeps timestamps and sexagesimal numbers as strings', () => {
    assert.deepEqual(valueOf('t: 2024-01-01T00:00:00Z\nport: 22:22\n'), {
      t: '2024-01-01T00:00:00Z',
      port: '22:22',
    });
  });

  it('accepts defaultMode: 0644 in a ConfigMap volume', () => {
    const text = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:1.27
      volumeMounts:
        - name: config
          mountPath: /etc/web
  volumes:
    - name: config
      configMap:
        name: web-config
        defaultMode: 0644
`;
    assert.deepEqual(checkText(text, coreContext()).findings, []);
  });

  it('reports debug: yes in ConfigMap data as a boolean, with a quote-it hint', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: flags\ndata:\n  debug: yes\n';
    const [finding, ...rest] = checkText(text, coreContext()).findings;
    assert.equal(rest.length, 0);
    assert.equal(finding?.code, 'schema-type');
    assert.match(finding?.message ?? '', /\(YAML 1\.1 reads yes as a boolean\); quote it: "yes"/);
    assert.deepEqual(finding?.range, {
      start: { line: 5, character: 9 },
      end: { line: 5, character: 12 },
    });
  });

  it('handles a BOM, CRLF, comments, anchors and aliases', () => {
    const text =
      '\uFEFFapiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: anchors # comment\r\n  labels: &l\r\n    app: web\r\n  annotations: *l\r\ndata:\r\n  a: b\r\n';
    assert.deepEqual(checkText(text, coreContext()).findings, []);
  });
});
