/**
 * The seed notes (../shared/seed/000_0989e593408a9c27.txt, "쿠버네티스 클러스터와 외부
 * 네트워크") as a reader of them expects the examples to behave, on the default
 * cluster (control-plane, worker-1, worker-2). Each assertion cites the
 * note's line it checks ("notes:N"), quoted in Korean with a translation.
 * The manifests are examples/seed/, which hold the notes' YAML verbatim.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { stringify } from 'yaml';
import { checkText } from '../../../server/src/core/check/check-text';
import { validateClusterFile } from '../../../server/src/core/cluster/validate-cluster-file';
import { defaultCluster } from '../../../server/src/core/simulation/cluster/default-cluster';
import { resolveCluster } from '../../../server/src/core/simulation/cluster/resolve-cluster';
import type { SimObject } from '../../../server/src/core/simulation/model/sim-object';
import { exposeService } from '../../../server/src/core/simulation/networking/expose-service';
import type {
  Cluster,
  LifecycleStep,
  PodReport,
  SimulationReport,
} from '../../../server/src/core/simulation/report';
import { simulate } from '../../../server/src/core/simulation/simulate';
import { coreContext, REPO_ROOT } from '../../support/core-context';

const SEED = join(REPO_ROOT, 'examples/seed');
const SEED_FILES = [
  'fluentd-daemonset.yaml',
  'minimal-ingress.yaml',
  'np-pods-deployment.yaml',
  'np-svc.yaml',
];

function uriOf(file: string): string {
  return pathToFileURL(join(SEED, file)).href;
}

/** A YAML text's manifests as the scope's objects, as the CLI loads a file. */
function objectsOf(text: string, uri: string): SimObject[] {
  return checkText(text, coreContext()).manifests.map(({ manifest, lineOffset }) => ({
    manifest,
    uri,
    lineOffset,
  }));
}

function seedObjects(files: readonly string[] = SEED_FILES): SimObject[] {
  return files.flatMap((file) => objectsOf(readFileSync(join(SEED, file), 'utf8'), uriOf(file)));
}

/** The scope examples/seed on the default cluster (`slipway simulate examples/seed`). */
const seed: SimulationReport = simulate(seedObjects(), defaultCluster());
const NODE_IPS = ['172.18.0.2', '172.18.0.3', '172.18.0.4'];

function podsOf(report: SimulationReport, owner: string): PodReport[] {
  return report.pods.filter((pod) => pod.owner === owner);
}

function service(report: SimulationReport, name: string): SimulationReport['services'][number] {
  const found = report.services.find((s) => s.name === name);
  assert.ok(found, `Service ${name} is in the report`);
  return found;
}

describe('notes "노드포트 (NodePort)" (lines 8-33): Service np-svc', () => {
  const svc = service(seed, 'np-svc');
  const [port] = svc.ports;
  const npPods = podsOf(seed, 'Deployment/np-pods');

  it('is a NodePort Service on the fixed nodePort 30000, as the spec example writes it', () => {
    // notes:26 "nodePort: 30000", notes:27 "type: NodePort"
    assert.equal(svc.type, 'NodePort');
    assert.ok(port);
    assert.equal(port.nodePort, 30000);
    // notes:30 nodePort is optional; given, it is the manifest's, not one the control plane picked.
    assert.equal(port.nodePortAssigned, undefined);
    // notes:24-25 "port: 80", "targetPort: 80"; notes:22-23 name http, TCP.
    assert.deepEqual(
      [port.name, port.protocol, port.port, port.targetPort],
      ['http', 'TCP', 80, 80],
    );
  });

  it('opens that port on the IP of every node', () => {
    // notes:9 "고정 포트로 각 노드의 IP에 서비스를 노출시키고" (exposes the Service on each
    // node's IP at a fixed port) — the control-plane node included: kube-proxy runs there too.
    assert.deepEqual(
      svc.externalAccess,
      NODE_IPS.map((ip) => `${ip}:30000`),
    );
    assert.deepEqual(
      seed.cluster.nodes.map((node) => node.ip),
      NODE_IPS,
    );
  });

  it('gets a ClusterIP of its own, automatically', () => {
    // notes:10 "노드포트 서비스가 라우팅되는 ClusterIP 서비스가 자동으로 생성된다" (the ClusterIP
    // service the NodePort routes to is created automatically); notes:11 reachable only in-cluster.
    assert.match(svc.clusterIP ?? '', /^10\.(9[6-9]|10[0-9]|11[01])\.\d+\.\d+$/, 'in 10.96.0.0/12');
    assert.notEqual(svc.clusterIP, '10.96.0.1', 'reserved for kubernetes');
    assert.notEqual(svc.clusterIP, '10.96.0.10', 'reserved for kube-dns');
    assert.equal(svc.dns, 'np-svc.default.svc.cluster.local');
  });

  it('load-balances over the np-pods pods its selector matches (scope examples/seed)', () => {
    // notes:19-20 "selector: app: np-pods"; notes:33 "서비스 셀렉터와 일치하는 파드를 지속적으로
    // 검색하고 … 여러 파드에 부하를 분산시킬 수 있다" (keeps finding the pods matching the selector
    // and spreads the load over them).
    assert.equal(npPods.length, 2);
    assert.ok(port);
    assert.deepEqual(
      [...port.endpoints].sort((a, b) => a.pod.localeCompare(b.pod)),
      npPods
        .map((pod) => ({ pod: pod.name, ip: pod.ip, port: 80 }))
        .sort((a, b) => a.pod.localeCompare(b.pod)),
    );
    assert.deepEqual(npPods.map((pod) => pod.node).sort(), ['worker-1', 'worker-2']);
    assert.equal(
      seed.diagnostics.filter((d) => d.code === 'service-selector-matches-nothing').length,
      0,
    );
  });

  it('on np-svc.yaml alone has no endpoints and warns that its selector matches nothing', () => {
    // notes:12-28 the spec example by itself: no pod carries app=np-pods, so notes:33's
    // "엔드포인트" (endpoints) list is empty until the pods exist.
    const alone = simulate(seedObjects(['np-svc.yaml']), defaultCluster());
    const only = service(alone, 'np-svc');
    assert.deepEqual(
      only.ports.map((p) => p.endpoints),
      [[]],
    );
    assert.equal(only.ports[0]?.nodePort, 30000, 'the nodePort is open even with no endpoint');
    const warnings = alone.diagnostics.filter((d) => d.code === 'service-selector-matches-nothing');
    assert.equal(warnings.length, 1);
    assert.equal(warnings[0]?.severity, 'warning');
    assert.equal(warnings[0]?.uri, uriOf('np-svc.yaml'));
    assert.match(warnings[0]?.message ?? '', /app=np-pods/);
  });
});

describe('notes "expose 명령어" (lines 35-44): kubectl expose deployment np-pods --type=NodePort --name=np-svc-v2 --port=80', () => {
  const exposed = exposeService(seedObjects(), {
    kind: 'deployment',
    name: 'np-pods',
    type: 'NodePort',
    serviceName: 'np-svc-v2',
    port: 80,
  });
  assert.ok('service' in exposed, 'the Deployment can be exposed');
  const withV2 = simulate(
    [...seedObjects(), ...objectsOf(stringify(exposed.service), 'file:///test/np-svc-v2.yaml')],
    defaultCluster(),
  );

  it('creates Service np-svc-v2 of type NodePort on port 80 (notes:40-42)', () => {
    // notes:40 "서비스 이름: np-svc-v2", notes:41 "type: NodePort", notes:42 "port: 80"
    const v2 = service(withV2, 'np-svc-v2');
    assert.equal(v2.type, 'NodePort');
    assert.deepEqual(
      v2.ports.map((p) => [p.port, p.targetPort, p.protocol]),
      [[80, 80, 'TCP']],
    );
    assert.deepEqual(
      v2.ports[0]?.endpoints.map((e) => e.pod).sort(),
      podsOf(withV2, 'Deployment/np-pods')
        .map((pod) => pod.name)
        .sort(),
    );
  });

  it("gets a nodePort picked by the control plane inside 30000-32767, not np-svc's 30000 (notes:43-44)", () => {
    // notes:43 "expose를 사용하면 노드포트의 포트 번호를 지정할 수 없다" (with expose you cannot
    // choose the nodePort); notes:44 "포트번호는 30000~32767 에서 임의로 선택된다" (it is picked
    // from 30000-32767).
    const port = service(withV2, 'np-svc-v2').ports[0];
    assert.ok(port?.nodePort !== undefined);
    assert.equal(port.nodePortAssigned, true);
    assert.ok(port.nodePort >= 30000 && port.nodePort <= 32767, `${port.nodePort}`);
    assert.notEqual(port.nodePort, 30000, 'np-svc already holds 30000');
    assert.equal(service(withV2, 'np-svc').ports[0]?.nodePort, 30000);
  });
});

describe('notes "인그레스(Ingress)" (lines 46-80): minimal-ingress', () => {
  const ingress = seed.ingresses.find((i) => i.name === 'minimal-ingress');

  it('routes / and /testpath (Prefix, any host) to rootSvc and test on port 80', () => {
    // notes:63-79: one rule without host, paths / → rootSvc:80 and /testpath → test:80.
    assert.ok(ingress);
    assert.deepEqual(
      ingress.rules.map((r) => [r.host, r.path, r.pathType, r.service, r.port]),
      [
        ['*', '/', 'Prefix', 'rootSvc', 80],
        ['*', '/testpath', 'Prefix', 'test', 80],
      ],
    );
    // notes:50-52 the Ingress is only rules; an ingress controller (ingress-nginx) applies them:
    // without ingressClassName it gets the cluster's default class, nginx.
    assert.equal(ingress.className, 'nginx');
    // Neither backend Service is among the notes' manifests, so no rule has endpoints.
    assert.deepEqual(
      ingress.rules.map((r) => r.endpoints),
      [[], []],
    );
  });

  it('has its backend name rootSvc reported by the per-document check (ingress-backend-service-name-invalid)', () => {
    // notes:70 "name: rootSvc": a Service name is a DNS-1035 label (lower case), so the API
    // server rejects the Ingress; examples/seed/minimal-ingress.yaml line 16 is that line.
    const { findings } = checkText(
      readFileSync(join(SEED, 'minimal-ingress.yaml'), 'utf8'),
      coreContext(),
    );
    const invalid = findings.filter((f) => f.code === 'ingress-backend-service-name-invalid');
    assert.equal(invalid.length, 1);
    assert.equal(invalid[0]?.severity, 'error');
    assert.deepEqual(invalid[0]?.range, {
      start: { line: 15, character: 22 },
      end: { line: 15, character: 29 },
    });
    assert.match(invalid[0]?.message ?? '', /rootSvc/);
  });
});

describe('notes "데몬셋 (DaemonSet)" (lines 82-135): fluentd-elasticsearch', () => {
  const pods = podsOf(seed, 'DaemonSet/fluentd-elasticsearch');

  it('runs one pod on each worker and none on the control-plane node', () => {
    // notes:83 "노드 한 대당 파드 한 개만을 생성한다" (one pod per node); notes:86 a log
    // collector on every node. notes:107-111 tolerate node-role.kubernetes.io/master, but
    // the control-plane node is tainted node-role.kubernetes.io/control-plane, so no pod there.
    assert.deepEqual(pods.map((pod) => pod.node).sort(), ['worker-1', 'worker-2']);
    assert.ok(pods.every((pod) => pod.phase === 'Running' && pod.namespace === 'kube-system'));
    const workload = seed.workloads.find((w) => w.name === 'fluentd-elasticsearch');
    assert.deepEqual([workload?.desired, workload?.scheduled], [2, 2]);
  });

  it('gets the daemonset-master-toleration hint on the old master toleration', () => {
    // notes:107 "this toleration is to have the daemonset runnable on master nodes",
    // notes:109 "key: node-role.kubernetes.io/master" (file line 21).
    const hints = seed.diagnostics.filter((d) => d.code === 'daemonset-master-toleration');
    assert.equal(hints.length, 1);
    assert.equal(hints[0]?.severity, 'hint');
    assert.equal(hints[0]?.uri, uriOf('fluentd-daemonset.yaml'));
    assert.equal(hints[0]?.range.start.line, 20);
    assert.match(hints[0]?.message ?? '', /node-role\.kubernetes\.io\/control-plane/);
  });
});

describe('notes "쿠버네티스가 컨테이너를 다루는 과정" (lines 152-162): each pod\'s lifecycle', () => {
  it('goes apiserver → scheduler → kubelet → RunPodSandbox → containerd → containerd-shim → PullImage → CreateContainer → StartContainer', () => {
    assert.equal(seed.pods.length, 4);
    for (const pod of seed.pods) {
      const [container] = pod.containers;
      assert.ok(container && pod.node);
      const expected: LifecycleStep[] = [
        // notes:153 the pod is created through kube-apiserver (kubectl or its URL).
        { step: 'apiserver', detail: `pod ${pod.name} stored` },
        // The scheduler binds it to a node before its kubelet sees it.
        { step: 'scheduler', detail: `bound to ${pod.node}` },
        // notes:154-155 the order reaches the node's kubelet, which admits it.
        { step: 'kubelet', detail: `admitted on ${pod.node}` },
        // notes:156-158 kubelet → containerd over CRI; the runtime service creates the pod first.
        { step: 'cri-runtime', detail: 'RunPodSandbox' },
        // notes:159 the CRI plugin in containerd calls containerd directly.
        { step: 'containerd', detail: 'sandbox task created' },
        // notes:160-162 containerd starts its child containerd-shim, which handles the containers.
        {
          step: 'containerd-shim',
          detail: 'containerd-shim-runc-v2 started; pause container running',
        },
        // notes:157 the image service pulls the image.
        { step: 'cri-image', detail: `PullImage ${container.image}` },
        // notes:158 the runtime service creates and starts the container.
        { step: 'cri-runtime', detail: `CreateContainer ${container.name}` },
        { step: 'cri-runtime', detail: `StartContainer ${container.name}` },
      ];
      assert.deepEqual(pod.lifecycle, expected, pod.name);
    }
  });
});

describe('notes "스테이트풀셋(StatefulSet)" (lines 146-149): pods with persistent identifiers, in order', () => {
  // A cluster file with one schedulable node that fits only one pod of 600m CPU.
  const clusterFile = `nodes:
  - name: control-plane
    taints:
      - key: node-role.kubernetes.io/control-plane
        effect: NoSchedule
  - name: worker-1
    allocatable: {cpu: "1", memory: 2Gi, pods: "110"}
`;
  function onOneNode(policy: 'OrderedReady' | 'Parallel'): SimulationReport {
    const { value, findings } = validateClusterFile(clusterFile);
    assert.deepEqual(findings, []);
    const cluster: Cluster = resolveCluster(value);
    const manifests = `apiVersion: v1
kind: Service
metadata:
  name: nginx
spec:
  clusterIP: None
  selector:
    app: nginx
  ports:
    - name: web
      port: 80
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: nginx
  replicas: 3
  podManagementPolicy: ${policy}
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
        - name: nginx
          image: nginx:1.27
          ports:
            - name: web
              containerPort: 80
          resources:
            requests:
              cpu: 600m
`;
    return simulate(objectsOf(manifests, 'file:///test/web.yaml'), cluster);
  }

  it('OrderedReady (the default): web-0 Running, web-1 Pending, and no web-2 while web-1 waits', () => {
    // notes:149 "지속적으로 유지되는 식별자를 붙여 파드를 생성한다" (creates pods with persistent
    // identifiers): web-0, web-1, … one after another; the next waits for the previous one.
    const report = onOneNode('OrderedReady');
    assert.deepEqual(
      report.pods.map((pod) => [pod.name, pod.phase, pod.node]),
      [
        ['web-0', 'Running', 'worker-1'],
        ['web-1', 'Pending', null],
      ],
    );
    assert.equal(report.pods[0]?.dns, 'web-0.nginx.default.svc.cluster.local');
    assert.match(report.pods[1]?.reason ?? '', /Insufficient cpu/);
    const workload = report.workloads.find((w) => w.name === 'web');
    assert.deepEqual([workload?.desired, workload?.scheduled], [3, 1]);
  });

  it('Parallel: web-0 Running, web-1 and web-2 Pending', () => {
    const report = onOneNode('Parallel');
    assert.deepEqual(
      report.pods.map((pod) => [pod.name, pod.phase, pod.node]),
      [
        ['web-0', 'Running', 'worker-1'],
        ['web-1', 'Pending', null],
        ['web-2', 'Pending', null],
      ],
    );
    // A Pending pod's lifecycle stops at the scheduler, blocked, with the reason.
    const blocked = report.pods[2]?.lifecycle?.at(-1);
    assert.equal(blocked?.step, 'scheduler');
    assert.equal(blocked?.blocked, true);
  });
});
