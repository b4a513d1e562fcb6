/**
 * `slipway simulate`, `route` and `expose`, run as a user runs the built CLI:
 * every --json output matches its published schema, the report does not
 * depend on run, file order or document order, and the seed notes' examples
 * (examples/seed) come out as the notes describe them.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, describe, it } from 'node:test';
import Ajv, { type ValidateFunction } from 'ajv';
import {
  generateReportSchemaText,
  generateRouteSchemaText,
  REPORT_SCHEMA_PATH,
  ROUTE_SCHEMA_PATH,
} from '../../scripts/gen-report-schema';
import type { RouteResult } from '../../server/src/core/simulation/ingress/route-result';
import type { SimulationReport } from '../../server/src/core/simulation/report';
import { REPO_ROOT } from '../support/core-context';
import { BUILT_CLI } from '../support/lsp-client';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function slipway(args: string[], cwd = REPO_ROOT): Run {
  const result = spawnSync(process.execPath, [BUILT_CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `slipway simulate --json` on the default cluster; fails the test unless it exits 0. */
function simulateJson(paths: string[]): { text: string; report: SimulationReport } {
  const run = slipway(['simulate', '--json', '--cluster', 'none', ...paths]);
  assert.equal(run.code, 0, `simulate ${paths.join(' ')}: ${run.stderr}`);
  return { text: run.stdout, report: JSON.parse(run.stdout) as SimulationReport };
}

function routeJson(url: string, paths: string[]): { code: number | null; route: RouteResult } {
  const run = slipway(['route', '--json', '--cluster', 'none', url, ...paths]);
  assert.equal(run.stderr, '', `route ${url}`);
  return { code: run.code, route: JSON.parse(run.stdout) as RouteResult };
}

// Nullable fields are generated as `type: [T, 'null']`, which strict Ajv wants allowed explicitly.
const ajv = new Ajv({ allErrors: true, allowUnionTypes: true });
function validatorOf(path: string): ValidateFunction {
  return ajv.compile(JSON.parse(readFileSync(path, 'utf8')) as object);
}
const validReport = validatorOf(REPORT_SCHEMA_PATH);
const validRoute = validatorOf(ROUTE_SCHEMA_PATH);

function assertValid(validate: ValidateFunction, value: unknown, what: string): void {
  assert.ok(validate(value), `${what}: ${ajv.errorsText(validate.errors, { separator: '\n' })}`);
}

const EXAMPLE_FOLDERS = [
  'examples/seed',
  'examples/web-shop',
  'examples/database',
  'examples/logging',
  'examples/storage',
  'examples',
];

/** The YAML files below a folder, sorted, as paths relative to the repository. */
function yamlFilesBelow(folder: string): string[] {
  return readdirSync(join(REPO_ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.ya?ml$/.test(name))
    .map((name) => join(folder, name))
    .sort();
}

/** The documents of a YAML file (split on `---` lines), without the ones that are only comments. */
function documentsOf(text: string): string[] {
  return text
    .split(/^---[ \t]*$/m)
    .map((doc) => doc.replace(/^\n/, ''))
    .filter((doc) => doc.split('\n').some((line) => line.trim() !== '' && !line.startsWith('#')));
}

/** A fixed permutation that moves every item of a list of two or more (reverse, then rotate by one). */
function shuffle<T>(items: readonly T[]): T[] {
  const reversed = [...items].reverse();
  return [...reversed.slice(1), ...reversed.slice(0, 1)];
}

/** The report without where things are written (`source`, `uri`, `range`); diagnostics in a stable order. */
function withoutLocations(report: SimulationReport): Record<string, unknown> {
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (typeof value !== 'object' || value === null) return value;
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== 'source' && key !== 'uri' && key !== 'range')
        .map(([key, inner]) => [key, strip(inner)]),
    );
  };
  const stripped = strip(report) as Record<string, unknown>;
  const diagnostics = stripped.diagnostics as unknown[];
  stripped.diagnostics = diagnostics.map((d) => JSON.stringify(d)).sort();
  return stripped;
}

const work = mkdtempSync(join(tmpdir(), 'slipway-simulate-'));
after(() => rmSync(work, { recursive: true, force: true }));

describe('slipway simulate / route: the published JSON schemas', () => {
  it('report.schema.json and route.schema.json are what npm run gen:report-schema writes now', () => {
    for (const [path, generate] of [
      [REPORT_SCHEMA_PATH, generateReportSchemaText],
      [ROUTE_SCHEMA_PATH, generateRouteSchemaText],
    ] as const) {
      assert.ok(
        readFileSync(path, 'utf8') === generate(),
        `${relative(REPO_ROOT, path)} is stale: run npm run gen:report-schema`,
      );
    }
  });

  for (const folder of EXAMPLE_FOLDERS) {
    it(`simulate --json ${folder} matches report.schema.json`, () => {
      const { report } = simulateJson([folder]);
      assertValid(validReport, report, folder);
      assert.ok(report.pods.length > 0, `${folder} makes pods`);
    });
  }

  it('the schema rejects a report that breaks the contract (so the checks above can fail)', () => {
    const { report } = simulateJson(['examples/seed']);
    const broken = structuredClone(report) as unknown as { pods: Record<string, unknown>[] };
    const pod = broken.pods[0];
    assert.ok(pod);
    pod.phase = 'Unknown';
    assert.equal(validReport(broken), false);
    assert.equal(validRoute({ url: 'http://x/', via: 'ingress' }), false);
  });

  const routes: { url: string; path: string; code: number; via: RouteResult['via'] }[] = [
    { url: 'http://172.18.0.3:30000/', path: 'examples/seed', code: 0, via: 'nodePort' },
    { url: 'http://worker-2:30000/anything', path: 'examples/seed', code: 0, via: 'nodePort' },
    { url: 'http://example.org/testpath/x', path: 'examples/seed', code: 1, via: 'ingress' },
    {
      url: 'http://shop.example.com/api/items',
      path: 'examples/web-shop',
      code: 0,
      via: 'ingress',
    },
    { url: 'https://shop.example.com/', path: 'examples/web-shop', code: 0, via: 'ingress' },
    {
      url: 'http://shop-api.default.svc.cluster.local:8080/items',
      path: 'examples/web-shop',
      code: 0,
      via: 'clusterIP',
    },
    { url: 'http://nothing.example.com/', path: 'examples/web-shop', code: 1, via: null },
    { url: 'http://172.18.0.3:31111/', path: 'examples/seed', code: 1, via: null },
  ];
  for (const { url, path, code, via } of routes) {
    it(`route --json ${url} ${path} matches route.schema.json (via ${String(via)}, exit ${code})`, () => {
      const result = routeJson(url, [path]);
      assertValid(validRoute, result.route, url);
      assert.equal(result.route.via, via);
      assert.equal(result.code, code);
      assert.equal(result.route.url, url);
    });
  }
});

describe('slipway simulate: the same report whatever the order', () => {
  it('prints byte-identical JSON on two runs', () => {
    assert.equal(simulateJson(['examples']).text, simulateJson(['examples']).text);
  });

  it('prints byte-identical JSON when the files are given one by one in reverse order', () => {
    const files = yamlFilesBelow('examples');
    assert.ok(files.length >= 10, `${files.length} example files`);
    const reversed = simulateJson([...files].reverse()).text;
    assert.equal(reversed, simulateJson(['examples']).text);
    assert.equal(simulateJson([...files].reverse()).text, simulateJson(files).text);
  });

  // examples/logging is one document: nothing to reorder.
  for (const folder of EXAMPLE_FOLDERS.filter((f) => f !== 'examples/logging')) {
    it(`gives the same pods, IPs, ClusterIPs, nodePorts and endpoints with ${folder}'s documents shuffled into one file`, () => {
      const documents = yamlFilesBelow(folder).flatMap((file) =>
        documentsOf(readFileSync(join(REPO_ROOT, file), 'utf8')),
      );
      const shuffled = shuffle(documents);
      assert.notDeepEqual(shuffled, documents, 'the documents really are reordered');
      const file = join(work, `${folder.replaceAll('/', '-')}-shuffled.yaml`);
      writeFileSync(file, shuffled.join('---\n'));

      const original = withoutLocations(simulateJson([folder]).report);
      const moved = withoutLocations(simulateJson([file]).report);
      // Section by section first, so a failure names what changed.
      for (const key of [
        'workloads',
        'pods',
        'services',
        'ingresses',
        'volumeClaims',
        'configMaps',
        'secrets',
        'diagnostics',
      ]) {
        assert.deepEqual(moved[key], original[key], `${folder}: ${key} differ`);
      }
      assert.deepEqual(moved, original);
    });
  }
});

describe('slipway simulate examples/seed (the seed notes, as a reader sees them)', () => {
  const run = slipway(['simulate', 'examples/seed']);

  /** node name → names of the pods listed under it in the "Nodes" section. */
  function podsByNode(text: string): Map<string, string[]> {
    const nodes = new Map<string, string[]>();
    const section = text.split('\n\n').find((block) => block.startsWith('Nodes\n')) ?? '';
    let current: string[] | undefined;
    for (const line of section.split('\n').slice(1)) {
      const node = /^ {2}(\S+) {2}/.exec(line);
      const pod = /^ {4}(\S+)/.exec(line);
      if (node?.[1]) nodes.set(node[1], (current = []));
      else if (pod?.[1] && pod[1] !== '(no' && current) current.push(pod[1]);
    }
    return nodes;
  }

  it('exits 0 and places the two np-pods pods on worker-1 and worker-2, none on control-plane', () => {
    assert.equal(run.code, 0, run.stderr);
    const nodes = podsByNode(run.stdout);
    assert.deepEqual([...nodes.keys()], ['control-plane', 'worker-1', 'worker-2']);
    const npPods = (node: string): string[] =>
      (nodes.get(node) ?? []).filter((pod) => /^np-pods-[a-z0-9]+-[a-z0-9]{5}$/.test(pod));
    assert.equal(npPods('worker-1').length, 1, run.stdout);
    assert.equal(npPods('worker-2').length, 1, run.stdout);
    assert.deepEqual(npPods('control-plane'), []);
  });

  it('shows np-svc with nodePort 30000 open on all three node IPs, forwarding to both pods', () => {
    assert.match(
      run.stdout,
      /^ {2}default\/np-svc {2}NodePort {2}ClusterIP 10\.\d+\.\d+\.\d+ {2}np-svc\.default\.svc\.cluster\.local$/m,
    );
    assert.match(
      run.stdout,
      /^ {4}http 80\/TCP → 80 → 10\.244\.1\.\d+:80, 10\.244\.2\.\d+:80 {2}nodePort 30000$/m,
    );
    assert.match(
      run.stdout,
      /^ {4}external: 172\.18\.0\.2:30000 172\.18\.0\.3:30000 172\.18\.0\.4:30000$/m,
    );
  });

  it('shows minimal-ingress routing / to rootSvc and /testpath to test, neither with endpoints', () => {
    assert.match(run.stdout, /^ {2}default\/minimal-ingress {2}class nginx$/m);
    assert.match(run.stdout, /^ {4}\* {2}\/ +Prefix {2}→ rootSvc:80 +\(no endpoints\)$/m);
    assert.match(run.stdout, /^ {4}\* {2}\/testpath {2}Prefix {2}→ test:80 +\(no endpoints\)$/m);
  });
});

describe('slipway expose and route on the seed notes', () => {
  // The Service `kubectl expose deployment np-pods --type=NodePort --name=np-svc-v2 --port=80
  // --dry-run=client -o yaml` prints: labels and selector from the Deployment, targetPort = port
  // when --target-port is absent, no nodePort (the API server picks it), `status.loadBalancer: {}`.
  // Recent kubectl no longer prints `creationTimestamp: null` (kubernetes/kubernetes#130989).
  const EXPECTED_SERVICE = `apiVersion: v1
kind: Service
metadata:
  labels:
    app: np-pods
  name: np-svc-v2
spec:
  ports:
  - port: 80
    protocol: TCP
    targetPort: 80
  selector:
    app: np-pods
  type: NodePort
status:
  loadBalancer: {}
`;
  const EXPOSE = [
    'expose',
    'deployment',
    'np-pods',
    '--type=NodePort',
    '--name=np-svc-v2',
    '--port=80',
    'examples/seed',
  ];

  it('expose prints exactly the Service kubectl would', () => {
    const run = slipway(EXPOSE);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, EXPECTED_SERVICE);
  });

  it('simulating the seed files plus that Service gives np-svc-v2 an assigned nodePort in 30000-32767, not 30000', () => {
    const scope = join(work, 'seed-with-np-svc-v2');
    rmSync(scope, { recursive: true, force: true });
    mkdirSync(scope);
    for (const file of yamlFilesBelow('examples/seed'))
      copyFileSync(join(REPO_ROOT, file), join(scope, file.split('/').at(-1) ?? file));
    writeFileSync(join(scope, 'np-svc-v2.yaml'), slipway(EXPOSE).stdout);

    const { report } = simulateJson([scope]);
    assertValid(validReport, report, 'seed + np-svc-v2');
    const npPods = report.pods.filter((pod) => pod.owner === 'Deployment/np-pods');
    assert.equal(npPods.length, 2);
    const podEndpoints = npPods.map((pod) => ({ pod: pod.name, ip: pod.ip, port: 80 }));

    const v1 = report.services.find((s) => s.name === 'np-svc');
    assert.equal(v1?.ports[0]?.nodePort, 30000);
    assert.equal(v1?.ports[0]?.nodePortAssigned, undefined, 'a nodePort from the manifest');

    const v2 = report.services.find((s) => s.name === 'np-svc-v2');
    assert.ok(v2, 'np-svc-v2 is simulated');
    assert.equal(v2.type, 'NodePort');
    const [port] = v2.ports;
    assert.ok(port);
    assert.equal(port.nodePortAssigned, true);
    assert.ok(
      port.nodePort !== undefined && port.nodePort >= 30000 && port.nodePort <= 32767,
      `nodePort ${String(port.nodePort)} is in 30000-32767`,
    );
    assert.notEqual(port.nodePort, 30000, 'np-svc holds 30000');
    assert.deepEqual(
      [...port.endpoints].sort((a, b) => a.pod.localeCompare(b.pod)),
      podEndpoints.sort((a, b) => a.pod.localeCompare(b.pod)),
    );
    assert.deepEqual(v2.externalAccess, [
      `172.18.0.2:${port.nodePort}`,
      `172.18.0.3:${port.nodePort}`,
      `172.18.0.4:${port.nodePort}`,
    ]);
    assert.ok(
      !report.diagnostics.some((d) => d.code.includes('node-port')),
      'no nodePort clash between np-svc and np-svc-v2',
    );
  });

  it('route http://172.18.0.3:30000/ examples/seed goes via nodePort to the np-pods pods', () => {
    const text = slipway(['route', 'http://172.18.0.3:30000/', 'examples/seed']);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /^ {2}via {8}nodePort$/m);
    assert.match(text.stdout, /^ {2}service {4}default\/np-svc:80$/m);
    assert.match(
      text.stdout,
      /^ {2}pods {7}np-pods-\S+ 10\.244\.1\.\d+:80, np-pods-\S+ 10\.244\.2\.\d+:80$/m,
    );

    const { route } = routeJson('http://172.18.0.3:30000/', ['examples/seed']);
    const { report } = simulateJson(['examples/seed']);
    const npPods = report.pods.filter((pod) => pod.owner === 'Deployment/np-pods');
    assert.equal(route.via, 'nodePort');
    assert.equal(route.ingress, null);
    assert.equal(route.service, 'default/np-svc');
    assert.equal(route.port, 80);
    assert.deepEqual(route.pods.map((p) => p.name).sort(), npPods.map((p) => p.name).sort());
    for (const pod of route.pods) {
      assert.equal(pod.port, 80);
      assert.equal(pod.ip, npPods.find((p) => p.name === pod.name)?.ip);
    }
  });

  it('route http://shop.example.com/api/items examples/web-shop goes via Ingress shop to shop-api', () => {
    const text = slipway(['route', 'http://shop.example.com/api/items', 'examples/web-shop']);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /^ {2}via {8}ingress \(Ingress default\/shop\)$/m);
    assert.match(text.stdout, /^ {2}rule {7}shop\.example\.com \/api \(Prefix\)$/m);
    assert.match(text.stdout, /^ {2}service {4}default\/shop-api:8080$/m);

    const { route } = routeJson('http://shop.example.com/api/items', ['examples/web-shop']);
    assert.equal(route.via, 'ingress');
    assert.equal(route.ingress, 'default/shop');
    assert.deepEqual(route.rule, { host: 'shop.example.com', path: '/api', pathType: 'Prefix' });
    assert.equal(route.service, 'default/shop-api');
    assert.equal(route.port, 8080);
    assert.equal(route.pods.length, 2);
    for (const pod of route.pods) {
      assert.match(pod.name, /^shop-api-[a-z0-9]+-[a-z0-9]{5}$/);
      assert.equal(pod.port, 8080);
    }
  });

  it('a URL nothing serves exits 1 and says why', () => {
    const text = slipway(['route', 'http://nothing.example.com/', 'examples/web-shop']);
    assert.equal(text.code, 1);
    assert.doesNotMatch(text.stdout, /via/);
    assert.match(text.stdout, /No Ingress rule matches host nothing\.example\.com/);
    assert.match(text.stdout, /404/);

    const { code, route } = routeJson('http://nothing.example.com/', ['examples/web-shop']);
    assert.equal(code, 1);
    assert.equal(route.via, null);
    assert.equal(route.service, null);
    assert.deepEqual(route.pods, []);
    assert.ok(route.reason.length > 0);

    // Taken by a rule, but the backend Service is not there: still nowhere to go.
    const missing = slipway(['route', 'http://example.org/testpath', 'examples/seed']);
    assert.equal(missing.code, 1);
    assert.match(missing.stdout, /Service default\/test, which is not defined/);
  });

  it('usage errors exit 2 with the usage text', () => {
    for (const args of [
      ['simulate'],
      ['simulate', '--format', 'xml', 'examples/seed'],
      ['simulate', '--bogus', 'examples/seed'],
      ['simulate', 'no/such/path'],
      ['route'],
      ['route', 'http://172.18.0.3:30000/'],
      ['route', 'http://172.18.0.3:30000/', 'no/such/path'],
      ['route', 'not a url', 'examples/seed'],
      ['route', '/only/a/path', 'examples/seed'],
      ['expose', 'deployment'],
      ['expose', 'cronjob', 'np-pods', 'examples/seed'],
      ['expose', 'deployment', 'np-pods', '--type=Ingress', 'examples/seed'],
      ['expose', 'deployment', 'np-pods', '--port=abc', 'examples/seed'],
      ['expose', 'deployment', 'np-pods', '-o', 'toml', 'examples/seed'],
    ]) {
      const run = slipway(args);
      assert.equal(run.code, 2, `slipway ${args.join(' ')}: ${run.stdout}${run.stderr}`);
      assert.match(run.stderr, /^slipway: .+\n\nUsage: slipway/, args.join(' '));
      assert.equal(run.stdout, '', args.join(' '));
    }
  });

  it('exposing a workload that is not there is refused with exit 1, like kubectl', () => {
    const run = slipway(['expose', 'deployment', 'nope', 'examples/seed']);
    assert.equal(run.code, 1);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /deployments\.apps "nope" not found/);
  });
});

describe('README "Simulate before you apply": the sessions shown are real', () => {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('\n## Simulate before you apply\n');
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end);
  const blocks = [...section.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({
    lang: m[1] ?? '',
    body: m[2] ?? '',
  }));

  /** Each `$ slipway …` line of the section's code blocks, with the output lines shown under it. */
  const sessions = blocks.flatMap(({ body }) => {
    const out: { command: string; output: string[] }[] = [];
    for (const line of body.split('\n')) {
      if (line.startsWith('$ ')) out.push({ command: line.slice(2), output: [] });
      else out.at(-1)?.output.push(line);
    }
    return out;
  });

  it('shows simulate, route and expose sessions', () => {
    assert.ok(start !== -1, 'the README has the section');
    const commands = sessions.map((s) => s.command.split(' ')[1]);
    for (const command of ['simulate', 'route', 'expose'])
      assert.ok(commands.includes(command), `a slipway ${command} session`);
  });

  it('prints every line it shows (lines cut at … aside), in that order, with that exit code', () => {
    // Run in a copy of examples/ so `> np-svc-v2.yaml` writes nothing into the repository.
    const cwd = join(work, 'readme');
    rmSync(cwd, { recursive: true, force: true });
    mkdirSync(cwd);
    for (const file of yamlFilesBelow('examples')) {
      mkdirSync(join(cwd, file, '..'), { recursive: true });
      copyFileSync(join(REPO_ROOT, file), join(cwd, file));
    }
    for (const { command, output } of sessions) {
      const [line = '', comment = ''] = command.split(/\s+#\s+/);
      const [invocation = '', redirect] = line.split(/\s+>\s+/);
      const args = invocation.trim().split(/\s+/).slice(1);
      const run = slipway(args, cwd);
      const expectedCode = /exits (\d)/.exec(comment)?.[1] ?? '0';
      assert.equal(String(run.code), expectedCode, `${command}: ${run.stderr}`);
      if (redirect) writeFileSync(join(cwd, redirect.trim()), run.stdout);
      const actual = run.stdout.split('\n');
      let at = 0;
      for (const shown of output.filter((l) => !l.includes('…') && l.trim() !== '')) {
        const found = actual.indexOf(shown, at);
        assert.ok(
          found !== -1,
          `${command}: the README shows a line the CLI does not print (in order):\n${shown}\n--- the CLI prints:\n${run.stdout}`,
        );
        at = found + 1;
      }
    }
  });

  it('its cluster file example is a valid cluster file that simulate uses', () => {
    const yaml = blocks.find((b) => b.lang === 'yaml' && b.body.includes('.slipway/cluster.yaml'));
    assert.ok(yaml, 'the README shows a .slipway/cluster.yaml');
    const project = join(work, 'cluster-project');
    mkdirSync(join(project, '.slipway'), { recursive: true });
    writeFileSync(join(project, '.slipway/cluster.yaml'), yaml.body);
    for (const file of yamlFilesBelow('examples/web-shop'))
      copyFileSync(join(REPO_ROOT, file), join(project, file.split('/').at(-1) ?? file));
    const check = slipway(['check', project]);
    assert.equal(check.code, 0, check.stdout);
    const run = slipway(['simulate', project]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^Cluster staging: 3 nodes/);
    assert.match(run.stdout, /^ {2}worker-1 {2}172\.18\.0\.3 {2}pods 10\.244\.1\.0\/24$/m);
    assert.match(run.stdout, /^ {2}worker-2 {2}172\.18\.0\.12 {2}pods 10\.244\.2\.0\/24$/m);
  });
});
