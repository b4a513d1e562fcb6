import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { checkText } from '../../../server/src/core/check/check-text';
import { coreContext } from '../../support/core-context';

const check = (text: string) => checkText(text, coreContext()).findings;

const DEPLOYMENT = (podSpec: string): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
${podSpec}`;

describe('schema validation', () => {
  it('names a typo of a required field once, with did-you-mean', () => {
    const findings = check(
      DEPLOYMENT('      contaner:\n        - name: web\n          image: nginx:1.27\n'),
    );
    assert.equal(findings.length, 1, JSON.stringify(findings));
    assert.equal(findings[0]?.code, 'schema-unknown-field');
    assert.equal(
      findings[0]?.message,
      'unknown field "contaner" in spec.template.spec; did you mean "containers"? ("containers" is required)',
    );
    assert.deepEqual(findings[0]?.range, {
      start: { line: 14, character: 6 },
      end: { line: 14, character: 14 },
    });
  });

  it('reports a wrong type on the value with what was expected and found', () => {
    const text = DEPLOYMENT(
      '      containers:\n        - name: web\n          image: nginx:1.27\n',
    ).replace('replicas: 2', 'replicas: three');
    const findings = check(text);
    assert.equal(findings.length, 1);
    assert.equal(findings[0]?.message, 'spec.replicas: expected integer, got string "three"');
    assert.deepEqual(findings[0]?.range, {
      start: { line: 5, character: 12 },
      end: { line: 5, character: 17 },
    });
  });

  it('reports a missing required field on its parent key', () => {
    const findings = check(
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n    - name: http\n      targetPort: 8080\n',
    );
    assert.deepEqual(
      findings.map((f) => [f.code, f.message]),
      [['schema-required', 'missing required field "port" in spec.ports[0]']],
    );
  });

  it('rejects an unsupported enum value and suggests the right one', () => {
    const findings = check(
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: nodeport\n  ports:\n    - port: 80\n',
    );
    assert.equal(findings[0]?.code, 'schema-enum');
    assert.match(findings[0]?.message ?? '', /did you mean "NodePort"\?/);
  });

  it('accepts IntOrString as a number or a name and Quantity as a number or a string', () => {
    const findings = check(
      DEPLOYMENT(
        '      containers:\n        - name: web\n          image: nginx:1.27\n          ports:\n            - containerPort: 8080\n              name: http\n          resources:\n            requests:\n              cpu: 0.5\n              memory: 128Mi\n            limits:\n              cpu: 1\n              memory: 1e9\n          readinessProbe:\n            httpGet:\n              path: /\n              port: http\n',
      ),
    );
    assert.deepEqual(findings, []);
  });

  it('rejects a quantity that does not parse', () => {
    const findings = check(
      DEPLOYMENT(
        '      containers:\n        - name: web\n          image: nginx:1.27\n          resources:\n            requests:\n              cpu: 1 core\n',
      ),
    );
    assert.deepEqual(
      findings.map((f) => f.code),
      ['schema-quantity'],
    );
  });

  it('reports two containers with one name as a duplicate list key', () => {
    const findings = check(
      DEPLOYMENT(
        '      containers:\n        - name: web\n          image: nginx:1.27\n        - name: web\n          image: busybox:1.36\n',
      ),
    );
    assert.deepEqual(
      findings.map((f) => f.code),
      ['schema-duplicate-list-key'],
    );
    assert.equal(findings[0]?.range.start.line, 17);
  });

  it('accepts null for optional fields, as kubectl create --dry-run writes them', () => {
    const findings = check(
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: empty\n  creationTimestamp: null\ndata: null\n',
    );
    assert.deepEqual(findings, []);
  });

  it('chooses the schema by apiVersion AND kind: autoscaling/v2 fields are not v1 fields', () => {
    const v2 = `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: web
  minReplicas: 1
  maxReplicas: 5
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: 60
`;
    assert.deepEqual(check(v2), []);
    const asV1 = check(v2.replace('autoscaling/v2', 'autoscaling/v1'));
    assert.deepEqual(
      asV1.map((f) => f.code),
      ['schema-unknown-field'],
    );
    assert.match(asV1[0]?.message ?? '', /unknown field "metrics" in spec/);
  });

  it('checks the items of a kind: List one by one', () => {
    const findings = check(
      'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: ConfigMap\n    metadata:\n      name: a\n  - apiVersion: v1\n    kind: ConfigMap\n    metadata:\n      name: b\n    dta: {}\n',
    );
    assert.deepEqual(
      findings.map((f) => [f.code, f.range.start.line]),
      [['schema-unknown-field', 11]],
    );
  });

  it('warns once on a removed API version, naming the replacement, with no cascade', () => {
    const findings = check(
      'apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata:\n  name: old\nspec:\n  backend:\n    serviceName: web\n    servicePort: 80\n',
    );
    assert.deepEqual(
      findings.map((f) => [f.code, f.severity]),
      [['removed-api-version', 'warning']],
    );
    assert.match(
      findings[0]?.message ?? '',
      /removed in Kubernetes 1\.22; use apiVersion: networking\.k8s\.io\/v1/,
    );
  });

  it('gives custom resources no errors and misspelled built-in kinds a suggestion', () => {
    assert.deepEqual(
      check(
        'apiVersion: cert-manager.io/v1\nkind: Issuer\nmetadata:\n  name: x\nspec:\n  anything: 1\n',
      ),
      [],
    );
    const findings = check('apiVersion: apps/v1\nkind: Deploymnet\nmetadata:\n  name: x\n');
    assert.equal(findings[0]?.code, 'unknown-kind');
    assert.match(findings[0]?.message ?? '', /did you mean "Deployment"\?/);
  });
});
