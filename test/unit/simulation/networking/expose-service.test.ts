/**
 * `kubectl expose … --dry-run=client -o yaml` (staging/src/k8s.io/kubectl/pkg/cmd/expose/expose.go
 * createService, and polymorphichelpers canbeexposed.go, mapbasedselectorforobject.go,
 * portsforobject.go, multiprotocolsforobject.go).
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { kubectlJsonOrder } from '../../../../server/src/core/simulation/networking/expose-json-order';
import { exposeService } from '../../../../server/src/core/simulation/networking/expose-service';
import { exampleObjects, objectsFrom } from './sim-support';

function deployment(ports: string, selector = '    matchLabels:\n      app: dns'): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: dns
  labels:
    app: dns
    team: infra
spec:
  selector:
${selector}
  template:
    metadata:
      labels:
        app: dns
    spec:
      containers:
      - name: coredns
        image: coredns
        ports:
${ports}
`;
}

describe('exposeService (kubectl expose --dry-run=client)', () => {
  it('seed: `kubectl expose deployment np-pods --type=NodePort --name=np-svc-v2 --port=80`', () => {
    const result = exposeService(exampleObjects('seed/np-pods-deployment.yaml'), {
      kind: 'deployment',
      name: 'np-pods',
      type: 'NodePort',
      serviceName: 'np-svc-v2',
      port: 80,
    });
    // kubectl 1.34+ prints no `creationTimestamp: null` (kubernetes/kubernetes#130989);
    // the keys are in the order -o yaml prints them (sorted).
    assert.equal(
      JSON.stringify(result),
      JSON.stringify({
        service: {
          apiVersion: 'v1',
          kind: 'Service',
          metadata: { labels: { app: 'np-pods' }, name: 'np-svc-v2' },
          spec: {
            ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }],
            selector: { app: 'np-pods' },
            type: 'NodePort',
          },
          status: { loadBalancer: {} },
        },
      }),
    );
  });

  it('prints the -o json field order on request', () => {
    const result = exposeService(exampleObjects('seed/np-pods-deployment.yaml'), {
      kind: 'deployment',
      name: 'np-pods',
      port: 80,
      namespace: 'default',
    });
    assert.ok('service' in result);
    assert.equal(
      JSON.stringify(kubectlJsonOrder(result.service)),
      '{"kind":"Service","apiVersion":"v1","metadata":{"name":"np-pods","namespace":"default","labels":{"app":"np-pods"}},"spec":{"ports":[{"protocol":"TCP","port":80,"targetPort":80}],"selector":{"app":"np-pods"}},"status":{"loadBalancer":{}}}',
    );
  });

  it('takes the ports from the containers without --port: one unnamed port, or port-1, port-2 …', () => {
    const one = exposeService(objectsFrom(deployment('        - containerPort: 8080')), {
      kind: 'deployment',
      name: 'dns',
    });
    assert.ok('service' in one);
    assert.deepEqual(one.service.spec, {
      ports: [{ port: 8080, protocol: 'TCP', targetPort: 8080 }],
      selector: { app: 'dns' },
    });
    const two = exposeService(
      objectsFrom(deployment('        - containerPort: 8080\n        - containerPort: 9090')),
      { kind: 'deployment', name: 'dns', targetPort: 'web' },
    );
    assert.ok('service' in two);
    assert.deepEqual((two.service.spec as { ports: unknown }).ports, [
      { name: 'port-1', port: 8080, protocol: 'TCP', targetPort: 'web' },
      { name: 'port-2', port: 9090, protocol: 'TCP', targetPort: 'web' },
    ]);
  });

  it('splits a port declared for TCP and UDP into port-1-udp and port-1-tcp', () => {
    const result = exposeService(
      objectsFrom(
        deployment(
          '        - containerPort: 53\n          protocol: UDP\n        - containerPort: 53\n          protocol: TCP',
        ),
      ),
      { kind: 'deployment', name: 'dns' },
    );
    assert.ok('service' in result);
    assert.deepEqual((result.service.spec as { ports: unknown }).ports, [
      { name: 'port-1-udp', port: 53, protocol: 'UDP', targetPort: 53 },
      { name: 'port-1-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
    ]);
  });

  it('refuses a matchExpressions selector with kubectl’s message', () => {
    const result = exposeService(
      objectsFrom(
        deployment(
          '        - containerPort: 53',
          '    matchLabels:\n      app: dns\n    matchExpressions:\n    - key: tier\n      operator: In\n      values: [a, b]',
        ),
      ),
      { kind: 'deployment', name: 'dns' },
    );
    assert.deepEqual(result, {
      error:
        'couldn\'t retrieve selectors via --selector flag or introspection: couldn\'t convert expressions - "[{Key:tier Operator:In Values:[a b]}]" to map-based selector format',
    });
  });

  it('refuses a StatefulSet or DaemonSet, which kubectl cannot expose', () => {
    const result = exposeService(exampleObjects('seed/fluentd-daemonset.yaml'), {
      kind: 'daemonset',
      name: 'fluentd-elasticsearch',
      namespace: 'kube-system',
    });
    assert.deepEqual(result, { error: 'cannot expose a DaemonSet.apps' });
  });

  it('says when the workload is not in the manifests', () => {
    assert.deepEqual(exposeService([], { kind: 'deployment', name: 'nope' }), {
      error: 'deployments.apps "nope" not found',
    });
  });
});
