// Deterministic generator of multi-document Kubernetes manifests for `npm run bench`.
//
// Adapted from the reference harness's k8s-gen.mjs (../shared/bench/k8s-gen.mjs, the
// project's shared benchmark instruments): the same documents, probes and deliberate
// errors, plus more kinds (Job, CronJob, Secret, ServiceAccount, HorizontalPodAutoscaler,
// NetworkPolicy, PodDisruptionBudget), two more deliberate errors that only the API
// server's own rules catch (a nodePort outside 30000-32767, a Job container without an
// image) and, for every deliberate error, the diagnostic code Slipway reports for it.
//
// generate(n) returns { text, docs, lines, bytes, kinds, probes, expectedErrors, docStart }
//   probes.change     – the middle Deployment's `replicas: 2` value (a didChange turns it into
//                       "two" and back); probes.change.code is Slipway's code for the broken value
//   probes.hover      – the `replicas` key of a Deployment about 3/4 into the file
//   probes.completion – a whitespace-only line inside a ClusterIP Service's spec
//   expectedErrors    – the deliberate mistakes: 0-based line, Slipway's diagnostic code, and
//                       whether a pure OpenAPI-schema checker (yaml-language-server) can see it
//
// CLI: node k8s-gen.mjs N [out.yaml]   (also writes out.yaml.expected.json)
import fs from 'node:fs';

export const KINDS = [
  'Deployment',
  'Service/ClusterIP',
  'Service/NodePort',
  'Ingress',
  'DaemonSet',
  'ConfigMap',
  'PersistentVolume',
  'PersistentVolumeClaim',
  'StatefulSet',
  'Job',
  'Secret',
  'CronJob',
  'ServiceAccount',
  'HorizontalPodAutoscaler',
  'NetworkPolicy',
  'PodDisruptionBudget',
];

const ns = (i) => `team-${i % 7}`;

function deployment(i, o = {}) {
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: web-${i}`,
    `  namespace: ${ns(i)}`,
    '  labels:',
    `    app: web-${i}`,
    '    tier: frontend',
    'spec:',
    `  replicas: ${o.replicas ?? '2'}`,
    '  revisionHistoryLimit: 5',
    '  selector:',
    '    matchLabels:',
    `      app: web-${i}`,
    '  strategy:',
    '    type: RollingUpdate',
    '    rollingUpdate:',
    '      maxSurge: 25%',
    '      maxUnavailable: 0',
    '  template:',
    '    metadata:',
    '      labels:',
    `        app: web-${i}`,
    '        tier: frontend',
    '    spec:',
    '      containers:',
    '      - name: web',
    `        image: registry.example.com/web:1.${i % 50}.0`,
    '        imagePullPolicy: IfNotPresent',
    '        ports:',
    '        - name: http',
    '          containerPort: 8080',
    '          protocol: TCP',
    '        env:',
    '        - name: MODE',
    '          value: production',
    '        - name: CONFIG_PATH',
    '          value: /etc/web/config.yaml',
    '        resources:',
    '          requests:',
    '            cpu: 100m',
    '            memory: 128Mi',
    '          limits:',
    '            cpu: 500m',
    '            memory: 256Mi',
    '        readinessProbe:',
    '          httpGet:',
    '            path: /healthz',
    '            port: http',
    '          initialDelaySeconds: 5',
    '          periodSeconds: 10',
    '        volumeMounts:',
    '        - name: config',
    '          mountPath: /etc/web',
    '      volumes:',
    '      - name: config',
    '        configMap:',
    `          name: web-config-${i}`,
  ];
}

function service(i, type, o = {}) {
  const lines = [
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    `  name: web-${i}`,
    `  namespace: ${ns(i)}`,
    '  labels:',
    `    app: web-${i}`,
    'spec:',
    `  type: ${type}`,
  ];
  if (o.completionLine) lines.push('  '); // whitespace-only line: completion probe inside spec
  lines.push(
    '  selector:',
    `    app: web-${i}`,
    '  ports:',
    '  - name: http',
    `    port: ${o.port ?? 80}`,
    '    targetPort: http',
    '    protocol: TCP',
  );
  if (type === 'NodePort') lines.push(`    nodePort: ${o.nodePort ?? 30000 + (i % 2768)}`);
  return lines;
}

function ingress(i) {
  return [
    'apiVersion: networking.k8s.io/v1',
    'kind: Ingress',
    'metadata:',
    `  name: web-${i}`,
    `  namespace: ${ns(i)}`,
    '  annotations:',
    '    nginx.ingress.kubernetes.io/rewrite-target: /',
    'spec:',
    '  ingressClassName: nginx',
    '  tls:',
    '  - hosts:',
    `    - app${i}.example.com`,
    `    secretName: app${i}-tls`,
    '  rules:',
    `  - host: app${i}.example.com`,
    '    http:',
    '      paths:',
    '      - path: /',
    '        pathType: Prefix',
    '        backend:',
    '          service:',
    `            name: web-${i}`,
    '            port:',
    '              number: 80',
  ];
}

function daemonSet(i, o = {}) {
  return [
    'apiVersion: apps/v1',
    'kind: DaemonSet',
    'metadata:',
    `  name: log-agent-${i}`,
    '  namespace: kube-system',
    'spec:',
    '  selector:',
    '    matchLabels:',
    `      app: log-agent-${i}`,
    '  updateStrategy:',
    '    type: RollingUpdate',
    '  template:',
    '    metadata:',
    '      labels:',
    `        app: log-agent-${i}`,
    '    spec:',
    '      tolerations:',
    '      - key: node-role.kubernetes.io/control-plane',
    '        operator: Exists',
    '        effect: NoSchedule',
    '      containers:',
    '      - name: agent',
    '        image: registry.example.com/log-agent:2.3.1',
    o.unknownField ? '        imagePulPolicy: Always' : '        imagePullPolicy: IfNotPresent',
    '        resources:',
    '          limits:',
    '            memory: 200Mi',
    '        volumeMounts:',
    '        - name: varlog',
    '          mountPath: /var/log',
    '          readOnly: true',
    '      volumes:',
    '      - name: varlog',
    '        hostPath:',
    '          path: /var/log',
  ];
}

function configMap(i, o = {}) {
  return [
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    `  name: web-config-${i}`,
    `  namespace: ${ns(i)}`,
    'data:',
    '  LOG_LEVEL: info',
    `  FEATURE_FLAGS: "search,export,beta-${i % 3}"`,
    o.intValue ? '  max_connections: 100' : '  max_connections: "100"',
    '  config.yaml: |',
    '    server:',
    '      port: 8080',
    '      timeout: 30s',
  ];
}

function persistentVolume(i) {
  return [
    'apiVersion: v1',
    'kind: PersistentVolume',
    'metadata:',
    `  name: pv-${i}`,
    '  labels:',
    '    type: local',
    'spec:',
    '  storageClassName: manual',
    '  capacity:',
    '    storage: 10Gi',
    '  accessModes:',
    '  - ReadWriteOnce',
    '  persistentVolumeReclaimPolicy: Retain',
    '  hostPath:',
    `    path: /mnt/data/pv-${i}`,
  ];
}

function persistentVolumeClaim(i, o = {}) {
  const lines = [
    'apiVersion: v1',
    'kind: PersistentVolumeClaim',
    'metadata:',
    `  name: data-${i}`,
    `  namespace: ${ns(i)}`,
    'spec:',
    '  storageClassName: manual',
  ];
  if (o.scalarAccessModes) lines.push('  accessModes: ReadWriteOnce');
  else lines.push('  accessModes:', '  - ReadWriteOnce');
  lines.push('  resources:', '    requests:', '      storage: 5Gi');
  return lines;
}

function statefulSet(i) {
  return [
    'apiVersion: apps/v1',
    'kind: StatefulSet',
    'metadata:',
    `  name: db-${i}`,
    `  namespace: ${ns(i)}`,
    'spec:',
    `  serviceName: db-${i}`,
    '  replicas: 3',
    '  podManagementPolicy: OrderedReady',
    '  selector:',
    '    matchLabels:',
    `      app: db-${i}`,
    '  template:',
    '    metadata:',
    '      labels:',
    `        app: db-${i}`,
    '    spec:',
    '      terminationGracePeriodSeconds: 30',
    '      containers:',
    '      - name: db',
    '        image: registry.example.com/postgres:16.4',
    '        ports:',
    '        - containerPort: 5432',
    '          name: pg',
    '        volumeMounts:',
    '        - name: data',
    '          mountPath: /var/lib/postgresql/data',
    '  volumeClaimTemplates:',
    '  - metadata:',
    '      name: data',
    '    spec:',
    '      accessModes:',
    '      - ReadWriteOnce',
    '      resources:',
    '        requests:',
    '          storage: 20Gi',
  ];
}

function job(i, o = {}) {
  return [
    'apiVersion: batch/v1',
    'kind: Job',
    'metadata:',
    `  name: migrate-${i}`,
    `  namespace: ${ns(i)}`,
    'spec:',
    '  backoffLimit: 4',
    '  ttlSecondsAfterFinished: 600',
    '  template:',
    '    spec:',
    '      restartPolicy: Never',
    '      containers:',
    '      - name: migrate',
    ...(o.noImage ? [] : [`        image: registry.example.com/migrate:3.${i % 20}.1`]),
    '        command:',
    '        - /bin/migrate',
    '        - --to=latest',
    '        resources:',
    '          requests:',
    '            cpu: 50m',
    '            memory: 64Mi',
  ];
}

function secret(i) {
  return [
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    `  name: db-credentials-${i}`,
    `  namespace: ${ns(i)}`,
    'type: Opaque',
    'stringData:',
    '  username: app',
    `  password: not-a-real-password-${i}`,
  ];
}

function cronJob(i) {
  return [
    'apiVersion: batch/v1',
    'kind: CronJob',
    'metadata:',
    `  name: report-${i}`,
    `  namespace: ${ns(i)}`,
    'spec:',
    `  schedule: "${i % 60} 3 * * *"`,
    '  concurrencyPolicy: Forbid',
    '  successfulJobsHistoryLimit: 3',
    '  jobTemplate:',
    '    spec:',
    '      template:',
    '        spec:',
    '          restartPolicy: OnFailure',
    '          containers:',
    '          - name: report',
    '            image: registry.example.com/report:1.0.0',
    '            args:',
    '            - --since=24h',
  ];
}

function serviceAccount(i) {
  return [
    'apiVersion: v1',
    'kind: ServiceAccount',
    'metadata:',
    `  name: web-${i}`,
    `  namespace: ${ns(i)}`,
    'automountServiceAccountToken: false',
  ];
}

function hpa(i) {
  return [
    'apiVersion: autoscaling/v2',
    'kind: HorizontalPodAutoscaler',
    'metadata:',
    `  name: web-${i}`,
    `  namespace: ${ns(i)}`,
    'spec:',
    '  scaleTargetRef:',
    '    apiVersion: apps/v1',
    '    kind: Deployment',
    `    name: web-${i}`,
    '  minReplicas: 2',
    '  maxReplicas: 10',
    '  metrics:',
    '  - type: Resource',
    '    resource:',
    '      name: cpu',
    '      target:',
    '        type: Utilization',
    '        averageUtilization: 70',
  ];
}

function networkPolicy(i) {
  return [
    'apiVersion: networking.k8s.io/v1',
    'kind: NetworkPolicy',
    'metadata:',
    `  name: web-${i}-ingress`,
    `  namespace: ${ns(i)}`,
    'spec:',
    '  podSelector:',
    '    matchLabels:',
    `      app: web-${i}`,
    '  policyTypes:',
    '  - Ingress',
    '  ingress:',
    '  - from:',
    '    - namespaceSelector:',
    '        matchLabels:',
    '          kubernetes.io/metadata.name: ingress-nginx',
    '    ports:',
    '    - protocol: TCP',
    '      port: 8080',
  ];
}

function podDisruptionBudget(i) {
  return [
    'apiVersion: policy/v1',
    'kind: PodDisruptionBudget',
    'metadata:',
    `  name: web-${i}`,
    `  namespace: ${ns(i)}`,
    'spec:',
    '  minAvailable: 1',
    '  selector:',
    '    matchLabels:',
    `      app: web-${i}`,
  ];
}

/** index of the first document of `kind` at or after `from` that is not in `taken` */
function pick(n, kind, from, taken) {
  const k = KINDS.indexOf(kind);
  let i = Math.max(0, Math.floor(from));
  i += (k - (i % KINDS.length) + KINDS.length) % KINDS.length;
  while (taken.has(i)) i += KINDS.length;
  if (i >= n) {
    // wrap to the first free one
    i = k;
    while (taken.has(i)) i += KINDS.length;
  }
  if (i >= n) throw new Error(`need more documents to place a ${kind} probe (n=${n})`);
  taken.add(i);
  return i;
}

export function generate(n) {
  if (!Number.isInteger(n) || n < KINDS.length * 2)
    throw new Error(`docs must be an integer >= ${KINDS.length * 2}`);
  const taken = new Set();
  const special = {
    change: pick(n, 'Deployment', n * 0.5, taken),
    hover: pick(n, 'Deployment', n * 0.75, taken),
    completion: pick(n, 'Service/ClusterIP', n * 0.5, taken),
    replicasString: pick(n, 'Deployment', n * 0.2, taken),
    unknownField: pick(n, 'DaemonSet', n * 0.4, taken),
    port70000: pick(n, 'Service/NodePort', n * 0.6, taken),
    configMapInt: pick(n, 'ConfigMap', n * 0.8, taken),
    accessModesScalar: pick(n, 'PersistentVolumeClaim', n * 0.9, taken),
    nodePortRange: pick(n, 'Service/NodePort', n * 0.3, taken),
    jobNoImage: pick(n, 'Job', n * 0.7, taken),
  };
  const out = [];
  const kinds = {};
  const probes = {};
  const expectedErrors = [];
  let line = 0;
  const docStart = [];
  for (let i = 0; i < n; i++) {
    const kind = KINDS[i % KINDS.length];
    kinds[kind] = (kinds[kind] ?? 0) + 1;
    let lines;
    switch (kind) {
      case 'Deployment':
        lines = deployment(i, i === special.replicasString ? { replicas: '"three"' } : {});
        break;
      case 'Service/ClusterIP':
        lines = service(i, 'ClusterIP', { completionLine: i === special.completion });
        break;
      case 'Service/NodePort':
        lines = service(
          i,
          'NodePort',
          i === special.port70000
            ? { port: 70000 }
            : i === special.nodePortRange
              ? { nodePort: 29999 }
              : {},
        );
        break;
      case 'Ingress':
        lines = ingress(i);
        break;
      case 'DaemonSet':
        lines = daemonSet(i, { unknownField: i === special.unknownField });
        break;
      case 'ConfigMap':
        lines = configMap(i, { intValue: i === special.configMapInt });
        break;
      case 'PersistentVolume':
        lines = persistentVolume(i);
        break;
      case 'PersistentVolumeClaim':
        lines = persistentVolumeClaim(i, { scalarAccessModes: i === special.accessModesScalar });
        break;
      case 'StatefulSet':
        lines = statefulSet(i);
        break;
      case 'Job':
        lines = job(i, { noImage: i === special.jobNoImage });
        break;
      case 'Secret':
        lines = secret(i);
        break;
      case 'CronJob':
        lines = cronJob(i);
        break;
      case 'ServiceAccount':
        lines = serviceAccount(i);
        break;
      case 'HorizontalPodAutoscaler':
        lines = hpa(i);
        break;
      case 'NetworkPolicy':
        lines = networkPolicy(i);
        break;
      case 'PodDisruptionBudget':
        lines = podDisruptionBudget(i);
        break;
      default:
        throw new Error(`generator bug: no template for ${kind}`);
    }
    out.push('---');
    line += 1;
    docStart.push(line);
    const find = (re) => {
      const idx = lines.findIndex((l) => re.test(l));
      if (idx < 0) throw new Error(`generator bug: ${re} not found in doc ${i}`);
      return { line: line + idx, text: lines[idx] };
    };
    if (i === special.change) {
      const at = find(/^  replicas: 2$/);
      probes.change = {
        doc: i,
        line: at.line,
        character: '  replicas: '.length,
        oldText: '2',
        newText: '"two"',
        code: 'schema-type',
      };
    }
    if (i === special.hover) {
      const at = find(/^  replicas: /);
      probes.hover = { doc: i, line: at.line, character: 4, word: 'replicas' };
    }
    if (i === special.completion) {
      const at = find(/^  $/);
      probes.completion = { doc: i, line: at.line, character: 2, expectLabel: 'sessionAffinity' };
    }
    // code: what Slipway reports for it (checked with `slipway check --json` on a generated file)
    const err = (id, re, code, what, schemaVisible) => {
      const at = find(re);
      expectedErrors.push({
        id,
        doc: i,
        line: at.line,
        text: at.text.trim(),
        code,
        what,
        schemaVisible,
      });
    };
    if (i === special.replicasString)
      err(
        'replicas-string',
        /^  replicas: "three"$/,
        'schema-type',
        'Deployment spec.replicas is a string',
        true,
      );
    if (i === special.unknownField)
      err(
        'unknown-field',
        /imagePulPolicy/,
        'schema-unknown-field',
        'DaemonSet container has unknown field imagePulPolicy',
        true,
      );
    if (i === special.port70000)
      err(
        'port-70000',
        /port: 70000/,
        'service-port-invalid',
        'Service port 70000 > 65535 (apiserver validation; OpenAPI v2 has no maximum)',
        false,
      );
    if (i === special.configMapInt)
      err(
        'configmap-int',
        /max_connections: 100$/,
        'schema-type',
        'ConfigMap data value is an integer, not a string',
        true,
      );
    if (i === special.accessModesScalar)
      err(
        'accessmodes-scalar',
        /accessModes: ReadWriteOnce/,
        'schema-type',
        'PVC spec.accessModes is a string, not a list',
        true,
      );
    if (i === special.nodePortRange)
      err(
        'nodeport-range',
        /nodePort: 29999/,
        'service-node-port-range',
        'Service nodePort 29999 is outside 30000-32767 (apiserver port allocator)',
        false,
      );
    if (i === special.jobNoImage)
      err(
        'job-no-image',
        /- name: migrate$/,
        'pod-container-image-required',
        'Job container has no image (apiserver validation; the OpenAPI schema does not require it)',
        false,
      );
    out.push(...lines);
    line += lines.length;
  }
  const text = out.join('\n') + '\n';
  return {
    text,
    docs: n,
    lines: line,
    bytes: Buffer.byteLength(text),
    kinds,
    probes,
    expectedErrors,
    docStart,
  };
}

/** apply probes.change to text; returns the LSP range edit and the new text */
export function changeEdit(g, text, invert = false) {
  const { line, character, oldText, newText } = g.probes.change;
  const from = invert ? newText : oldText;
  const to = invert ? oldText : newText;
  const lines = text.split('\n');
  const l = lines[line];
  if (l.slice(character, character + from.length) !== from)
    throw new Error(`change probe mismatch at line ${line}: ${l}`);
  lines[line] = l.slice(0, character) + to + l.slice(character + from.length);
  return {
    range: { start: { line, character }, end: { line, character: character + from.length } },
    text: to,
    newDocument: lines.join('\n'),
  };
}

if (process.argv[1] && process.argv[1].endsWith('k8s-gen.mjs')) {
  const n = Number(process.argv[2] ?? 100);
  const g = generate(n);
  const file = process.argv[3];
  if (file) {
    fs.writeFileSync(file, g.text);
    const { text, docStart, ...meta } = g;
    fs.writeFileSync(file + '.expected.json', JSON.stringify(meta, null, 2) + '\n');
    console.log(`wrote ${file}: ${g.docs} documents, ${g.lines} lines, ${g.bytes} bytes`);
  } else {
    process.stdout.write(g.text);
  }
}
