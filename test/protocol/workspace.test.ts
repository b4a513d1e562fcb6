/**
 * The built server on a real workspace folder: it indexes every YAML file at
 * start, simulates each scope and publishes the cross-resource findings for
 * every file of the scope — opened or not — and keeps them current.
 */
import { strict as assert } from 'node:assert';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import type { CompletionItem, Diagnostic, Hover } from 'vscode-languageserver-protocol';
import type { RouteResult, SimulateResult } from '../../server/src/protocol/requests';
import { REPO_ROOT } from '../support/core-context';
import { TestLspClient } from '../support/lsp-client';

const temp = mkdtempSync(join(tmpdir(), 'slipway-ws-'));
after(() => rmSync(temp, { recursive: true, force: true }));

function workspace(name: string, files: Record<string, string>): string {
  const root = join(temp, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** A diagnostic's message as text (LSP 3.18 also allows Markdown content). */
const messageOf = (diagnostic: Diagnostic | undefined): string =>
  typeof diagnostic?.message === 'string' ? diagnostic.message : (diagnostic?.message.value ?? '');
const codes = (diagnostics: Diagnostic[]): string[] =>
  diagnostics.map((d) => String(d.code)).sort();
const uri = (root: string, path: string): string => pathToFileURL(join(root, path)).href;

const SERVICE = (name: string, nodePort: number): string => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  type: NodePort
  selector:
    app: ${name}
  ports:
    - port: 80
      nodePort: ${nodePort}
`;

describe('workspace scopes over stdio', () => {
  it('publishes the seed notes scope for every file, unopened ones too', async () => {
    const root = join(temp, 'seed');
    cpSync(join(REPO_ROOT, 'examples/seed'), root, { recursive: true });
    writeFileSync(
      join(root, 'ci.yaml'),
      'name: CI\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n',
    );
    const client = new TestLspClient();
    try {
      await client.initialize(root);
      const ingress = await client.waitForDiagnostics(
        uri(root, 'minimal-ingress.yaml'),
        (d) => d.length === 2,
      );
      assert.deepEqual(codes(ingress), [
        'ingress-backend-service-name-invalid',
        'ingress-backend-service-not-found',
      ]);
      // rootSvc: exactly one diagnostic (the invalid name; no "not found" echo of it).
      assert.deepEqual(
        ingress.filter((d) => d.range.start.line === 15).map((d) => d.code),
        ['ingress-backend-service-name-invalid'],
      );
      assert.equal(
        ingress.find((d) => d.code === 'ingress-backend-service-not-found')?.range.start.line,
        22,
      );
      const fluentd = await client.waitForDiagnostics(
        uri(root, 'fluentd-daemonset.yaml'),
        (d) => d.length > 0,
      );
      assert.deepEqual(codes(fluentd), ['daemonset-master-toleration']);
      assert.equal(fluentd[0]?.severity, 4, 'a hint');
      // np-svc selects the np-pods Deployment of the same scope: no warning.
      assert.equal(client.latest(uri(root, 'np-svc.yaml'))?.length ?? 0, 0);
      assert.equal(client.latest(uri(root, 'ci.yaml')), undefined);

      // The np-pods Deployment is deleted on disk: np-svc selects nothing now.
      unlinkSync(join(root, 'np-pods-deployment.yaml'));
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
        changes: [{ uri: uri(root, 'np-pods-deployment.yaml'), type: 3 }],
      });
      const svc = await client.waitForDiagnostics(uri(root, 'np-svc.yaml'), (d) => d.length > 0);
      assert.deepEqual(codes(svc), ['service-selector-matches-nothing']);
      assert.match(
        messageOf(svc[0]),
        /Service default\/np-svc selects app=np-pods, but no pod has that label\./,
      );
    } finally {
      await client.stop();
    }
  });

  it('keeps two kustomize overlays apart: the same nodePort in each never clashes', async () => {
    const root = workspace('overlays', {
      'base/kustomization.yaml': 'resources:\n  - deployment.yaml\n',
      'base/deployment.yaml': readFileSync(
        join(REPO_ROOT, 'examples/seed/np-pods-deployment.yaml'),
        'utf8',
      ),
      'overlays/staging/kustomization.yaml': 'resources:\n  - ../../base\n  - service.yaml\n',
      'overlays/staging/service.yaml': SERVICE('np-pods', 30080),
      'overlays/prod/kustomization.yaml': 'resources:\n  - ../../base\n  - service.yaml\n',
      'overlays/prod/service.yaml': SERVICE('np-pods', 30080),
      'clash/a.yaml': SERVICE('alpha', 30090),
      'clash/b.yaml': SERVICE('beta', 30090),
      'clash/kustomization.yaml': 'resources:\n  - a.yaml\n  - b.yaml\n',
    });
    const client = new TestLspClient();
    try {
      await client.initialize(root);
      const a = await client.waitForDiagnostics(uri(root, 'clash/a.yaml'), (d) =>
        d.some((x) => x.code === 'service-node-port-conflict'),
      );
      const b = await client.waitForDiagnostics(uri(root, 'clash/b.yaml'), (d) =>
        d.some((x) => x.code === 'service-node-port-conflict'),
      );
      assert.match(messageOf(a.find((x) => x.code === 'service-node-port-conflict')), /beta/);
      assert.match(messageOf(b.find((x) => x.code === 'service-node-port-conflict')), /alpha/);
      for (const overlay of ['staging', 'prod']) {
        assert.deepEqual(
          client.latest(uri(root, `overlays/${overlay}/service.yaml`)) ?? [],
          [],
          overlay,
        );
      }
      const result = await client.connection.sendRequest<SimulateResult | null>(
        'slipway/simulate',
        {
          uri: uri(root, 'overlays/prod/service.yaml'),
        },
      );
      assert.equal(result?.scope.kind, 'kustomization');
      assert.equal(result?.scope.label, 'overlays/prod (kustomization)');
      assert.deepEqual(
        result?.scope.files.map((f) => f.slice(pathToFileURL(root).href.length)),
        ['/base/deployment.yaml', '/overlays/prod/service.yaml'],
      );
      assert.equal(result?.report.services[0]?.ports[0]?.endpoints.length, 2);
    } finally {
      await client.stop();
    }
  });

  it('answers slipway/simulate and slipway/route for an open, edited file, and its file-alone switch', async () => {
    const root = join(temp, 'seed-requests');
    cpSync(join(REPO_ROOT, 'examples/seed'), root, { recursive: true });
    const client = new TestLspClient();
    try {
      await client.initialize(root);
      const deployment = uri(root, 'np-pods-deployment.yaml');
      const text = readFileSync(join(root, 'np-pods-deployment.yaml'), 'utf8');
      await client.open(deployment, text);
      await client.change(deployment, 2, text.replace('replicas: 2', 'replicas: 3'));
      const scoped = await client.connection.sendRequest<SimulateResult | null>(
        'slipway/simulate',
        { uri: deployment },
      );
      assert.equal(scoped?.scope.kind, 'workspace');
      assert.equal(scoped?.report.pods.filter((p) => p.owner === 'Deployment/np-pods').length, 3);
      assert.deepEqual(scoped?.report.services.find((s) => s.name === 'np-svc')?.externalAccess, [
        '172.18.0.2:30000',
        '172.18.0.3:30000',
        '172.18.0.4:30000',
      ]);
      const alone = await client.connection.sendRequest<SimulateResult | null>('slipway/simulate', {
        uri: deployment,
        scope: 'file',
      });
      assert.equal(alone?.scope.kind, 'file');
      assert.equal(alone?.report.services.length, 0);
      const route = await client.connection.sendRequest<RouteResult | null>('slipway/route', {
        uri: deployment,
        url: 'http://172.18.0.3:30000/',
      });
      assert.equal(route?.via, 'nodePort');
      assert.equal(route?.service, 'default/np-svc');
      assert.equal(route?.pods.length, 3);
    } finally {
      await client.stop();
    }
  });

  it('simulates on the workspace cluster file and reports its problems on it', async () => {
    const root = workspace('cluster', {
      'app.yaml': readFileSync(join(REPO_ROOT, 'examples/seed/np-pods-deployment.yaml'), 'utf8'),
      '.slipway/cluster.yaml':
        'nodes:\n  - name: solo\n    allocatable:\n      cpu: "4"\n      memory: 8Gi\n      pods: "110"\n',
    });
    const client = new TestLspClient();
    try {
      await client.initialize(root);
      const result = await client.connection.sendRequest<SimulateResult | null>(
        'slipway/simulate',
        { uri: uri(root, 'app.yaml') },
      );
      assert.deepEqual(
        result?.report.cluster.nodes.map((n) => n.name),
        ['solo'],
      );
      assert.deepEqual([...new Set(result?.report.pods.map((p) => p.node))], ['solo']);
      // The cluster file gets completion and hover from its own schema.
      const clusterUri = uri(root, '.slipway/cluster.yaml');
      await client.open(clusterUri, 'nodes:\n  - name: solo\n    \n');
      const items = await client.connection.sendRequest<CompletionItem[] | null>(
        'textDocument/completion',
        {
          textDocument: { uri: clusterUri },
          position: { line: 2, character: 4 },
        },
      );
      const labels = (items ?? []).map((item) => item.label);
      for (const key of ['ip', 'podCIDR', 'labels', 'taints', 'allocatable'])
        assert.ok(labels.includes(key), labels.join(', '));
      const hover = await client.connection.sendRequest<Hover | null>('textDocument/hover', {
        textDocument: { uri: clusterUri },
        position: { line: 0, character: 2 },
      });
      assert.match(JSON.stringify(hover?.contents), /replaces the default nodes/);
      await client.connection.sendNotification('textDocument/didClose', {
        textDocument: { uri: clusterUri },
      });
      writeFileSync(join(root, '.slipway/cluster.yaml'), 'nodes:\n  - ip: 172.18.0.9\n');
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
        changes: [{ uri: uri(root, '.slipway/cluster.yaml'), type: 2 }],
      });
      const problems = await client.waitForDiagnostics(
        uri(root, '.slipway/cluster.yaml'),
        (d) => d.length > 0,
      );
      assert.deepEqual(codes(problems), ['cluster-file-invalid']);
      assert.equal(problems[0]?.range.start.line, 1);
    } finally {
      await client.stop();
    }
  });

  it('moves cross-resource findings with lines typed above them, before the scope is simulated again', async () => {
    const root = workspace('moving', { 'app.yaml': SERVICE('lonely', 30010) });
    const client = new TestLspClient();
    try {
      await client.initialize(root);
      const file = uri(root, 'app.yaml');
      const text = readFileSync(join(root, 'app.yaml'), 'utf8');
      await client.open(file, text);
      const first = await client.waitForDiagnostics(file, (d) =>
        d.some((x) => x.code === 'service-selector-matches-nothing'),
      );
      const selector =
        first.find((d) => d.code === 'service-selector-matches-nothing')?.range.start.line ?? -1;
      assert.equal(selector, text.split('\n').indexOf('    app: lonely'));
      // Two comment lines at the top: the next publish (the file's own check, at once) has it two lines down.
      const moved = await client.edit(file, 2, [
        {
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          text: '# a\n# b\n',
        },
      ]);
      assert.deepEqual(
        moved
          .filter((d) => d.code === 'service-selector-matches-nothing')
          .map((d) => d.range.start.line),
        [selector + 2],
      );
      // And the simulation of the edited text agrees.
      await client.waitForDiagnostics(file, (d) =>
        d.some(
          (x) =>
            x.code === 'service-selector-matches-nothing' && x.range.start.line === selector + 2,
        ),
      );
    } finally {
      await client.stop();
    }
  });
});
