import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { hoverAt, type HoverResult } from '../../../server/src/core/language/hover';
import { coreContext } from '../../support/core-context';
import { caret, yaml } from './caret';

function hover(source: string): HoverResult | undefined {
  const { text, position } = caret(source);
  return hoverAt(text, position, coreContext().registry);
}

const SERVICE = [
  'apiVersion: v1',
  'kind: Service',
  'metadata:',
  '  name: np-svc',
  'spec:',
  '  type: NodePort',
  '  selector:',
  '    app: web',
  '  ports:',
  '  - port: 80',
  '    targetPort: 8080',
  '    nodePort: 30080',
];

function serviceWith(line: number, replacement: string): string {
  return yaml(...SERVICE.map((text, index) => (index === line ? replacement : text)));
}

describe('hover', () => {
  it('describes nodePort with its path, type and the OpenAPI text', () => {
    const result = hover(serviceWith(11, '    node|Port: 30080'));
    assert.ok(result);
    assert.match(result.markdown, /The port on each node on which this service is exposed/);
    assert.match(result.markdown, /spec\.ports\[\]\.nodePort/);
    assert.match(result.markdown, /integer \(int32\)/);
    assert.match(result.markdown, /optional/);
    assert.deepEqual(result.range, {
      start: { line: 11, character: 4 },
      end: { line: 11, character: 12 },
    });
  });

  it('names array, map, object and int-or-string types', () => {
    assert.match(hover(serviceWith(8, '  po|rts:'))?.markdown ?? '', /\[\]ServicePort/);
    assert.match(hover(serviceWith(6, '  sel|ector:'))?.markdown ?? '', /map\[string\]string/);
    assert.match(
      hover(serviceWith(10, '    target|Port: 8080'))?.markdown ?? '',
      /integer or string/,
    );
    assert.match(hover(serviceWith(2, 'meta|data:'))?.markdown ?? '', /ObjectMeta/);
  });

  it('says when a field is required', () => {
    const result = hover(
      yaml('apiVersion: apps/v1', 'kind: Deployment', 'spec:', '  templ|ate: {}'),
    );
    assert.match(result?.markdown ?? '', /required/);
    assert.match(result?.markdown ?? '', /PodTemplateSpec/);
  });

  it('describes Quantity fields', () => {
    const result = hover(
      yaml(
        'apiVersion: v1',
        'kind: Pod',
        'spec:',
        '  containers:',
        '  - name: a',
        '    resources:',
        '      limits:',
        '        memo|ry: 1Gi',
      ),
    );
    assert.match(result?.markdown ?? '', /Quantity/);
  });

  it('explains the kind on its value', () => {
    const result = hover(serviceWith(1, 'kind: Ser|vice'));
    assert.ok(result);
    assert.match(result.markdown, /\*\*Service\*\*/);
    assert.match(result.markdown, /`v1`/);
    assert.match(result.markdown, /named abstraction of software service/);
    assert.deepEqual(result.range, {
      start: { line: 1, character: 6 },
      end: { line: 1, character: 13 },
    });
  });

  it('explains the kind on the apiVersion value too', () => {
    const result = hover(yaml('apiVersion: app|s/v1', 'kind: Deployment'));
    assert.match(result?.markdown ?? '', /Deployment/);
    assert.match(result?.markdown ?? '', /apps\/v1/);
  });

  it('says when an apiVersion was removed', () => {
    const result = hover(yaml('apiVersion: extensions/v1beta1', 'kind: Ingr|ess'));
    assert.match(result?.markdown ?? '', /removed in Kubernetes 1\.22/);
    assert.match(result?.markdown ?? '', /networking\.k8s\.io\/v1/);
  });

  it('explains how traffic reaches the pods for type: NodePort', () => {
    const result = hover(serviceWith(5, '  type: Node|Port'));
    assert.ok(result);
    assert.match(result.markdown, /\*\*NodePort\*\*/);
    assert.match(result.markdown, /every node/);
    assert.match(result.markdown, /30000–32767/);
    assert.match(result.markdown, /<nodeIP>:<nodePort>/);
    assert.match(result.markdown, /ClusterIP/);
    assert.deepEqual(result.range, {
      start: { line: 5, character: 8 },
      end: { line: 5, character: 16 },
    });
  });

  it('explains each Service type', () => {
    const expected: [string, RegExp][] = [
      ['ClusterIP', /only from inside the cluster/],
      ['LoadBalancer', /external load balancer/],
      ['ExternalName', /CNAME/],
    ];
    for (const [type, pattern] of expected) {
      const result = hover(serviceWith(5, `  type: ${type}|`));
      assert.match(result?.markdown ?? '', pattern, type);
    }
  });

  it('lists the allowed values of other enum fields', () => {
    const result = hover(yaml('apiVersion: v1', 'kind: Pod', 'spec:', '  restartPolicy: Nev|er'));
    assert.match(
      result?.markdown ?? '',
      /Allowed values: `Always`, `Never`, `OnFailure`|Allowed values:.*\*\*`Never`\*\*/,
    );
    assert.match(result?.markdown ?? '', /\*\*`Never`\*\*/);
  });

  it('flags a value that is not allowed', () => {
    const result = hover(serviceWith(5, '  type: Nodeport|'));
    assert.match(result?.markdown ?? '', /not an allowed value/);
  });

  it('hovers fields of List items', () => {
    const result = hover(
      yaml(
        'apiVersion: v1',
        'kind: List',
        'items:',
        '- apiVersion: v1',
        '  kind: Service',
        '  spec:',
        '    session|Affinity: None',
      ),
    );
    assert.match(result?.markdown ?? '', /spec\.sessionAffinity/);
  });

  it('explains kind: List, which the schema does not define', () => {
    const result = hover(yaml('apiVersion: v1', 'kind: Li|st', 'items: []'));
    assert.match(result?.markdown ?? '', /\*\*List\*\*/);
    assert.match(result?.markdown ?? '', /items/);
  });

  it('gives nothing for unknown fields, custom kinds, or garbage', () => {
    assert.equal(hover(serviceWith(5, '  nope|: x')), undefined);
    assert.equal(
      hover(yaml('apiVersion: example.com/v1', 'kind: Widget', 'spec:', '  si|ze: 3')),
      undefined,
    );
    assert.equal(hoverAt('', { line: 0, character: 0 }, coreContext().registry), undefined);
    assert.equal(
      hoverAt('kind: Service', { line: 9, character: 40 }, coreContext().registry),
      undefined,
    );
    assert.doesNotThrow(() =>
      hoverAt(':::\n- - [{\n\t"', { line: 1, character: 3 }, coreContext().registry),
    );
  });
});
