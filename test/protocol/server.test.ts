/**
 * Protocol tests: the BUILT language server over stdio, driven as an editor
 * drives it (initialize, didOpen, didChange, hover, completion, documentSymbol).
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type {
  CompletionItem,
  CompletionList,
  DocumentSymbol,
  Hover,
  Range,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { listCodes } from '../../server/src/core/diagnostics/code-registry';
import { REPO_ROOT } from '../support/core-context';
import { TestLspClient } from '../support/lsp-client';

const SEED = join(REPO_ROOT, 'examples/seed');
const SEED_FILES = ['np-svc.yaml', 'minimal-ingress.yaml', 'fluentd-daemonset.yaml'];
const seedText = (file: string): string => readFileSync(join(SEED, file), 'utf8');
const uriOf = (name: string): string => `file:///workspace/${name}`;

function completionLabels(result: CompletionItem[] | CompletionList | null): string[] {
  const items = Array.isArray(result) ? result : (result?.items ?? []);
  return items.map((item) => item.label);
}

describe('language server over stdio', () => {
  let client: TestLspClient;

  before(async () => {
    client = new TestLspClient();
    await client.initialize();
  });
  after(async () => client.stop());

  it("per-document checks report exactly one diagnostic on the seed notes' three manifests: the Ingress backend rootSvc", async () => {
    // Cross-resource findings depend on the scope (test/protocol/workspace.test.ts); here
    // each file is opened alone, so only the per-document checks are compared.
    const crossResource = new Set(
      listCodes()
        .filter((info) => info.category === 'cross-resource')
        .map((info) => info.code),
    );
    const all = [];
    for (const file of SEED_FILES) {
      const diagnostics = await client.open(uriOf(`seed/${file}`), seedText(file));
      all.push(
        ...diagnostics
          .filter((d) => !crossResource.has(String(d.code)))
          .map((d) => ({ file, ...d })),
      );
    }
    assert.equal(all.length, 1, JSON.stringify(all, null, 2));
    const [only] = all;
    assert.equal(only?.file, 'minimal-ingress.yaml');
    assert.equal(only?.code, 'ingress-backend-service-name-invalid');
    assert.equal(only?.source, 'slipway');
    assert.deepEqual(only?.range, {
      start: { line: 15, character: 22 },
      end: { line: 15, character: 29 },
    });
    assert.match(typeof only?.message === 'string' ? only.message : '', /rootSvc/);
  });

  it('hover on nodePort shows the Kubernetes description', async () => {
    const uri = uriOf('hover/np-svc.yaml');
    const text = seedText('np-svc.yaml');
    await client.open(uri, text);
    const line = text.split('\n').findIndex((l) => l.includes('nodePort:'));
    const character = text.split('\n')[line]!.indexOf('nodePort') + 2;
    const hover = await client.connection.sendRequest<Hover | null>('textDocument/hover', {
      textDocument: { uri },
      position: { line, character },
    });
    const value =
      hover && typeof hover.contents === 'object' && 'value' in hover.contents
        ? hover.contents.value
        : '';
    assert.ok(value.includes('The port on each node on which this service is exposed'), value);
  });

  it('completes Service spec keys and the exact Service types', async () => {
    const uri = uriOf('completion/svc.yaml');
    const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  \n  type: \n';
    await client.open(uri, text);
    const keys = completionLabels(
      await client.connection.sendRequest<CompletionItem[] | null>('textDocument/completion', {
        textDocument: { uri },
        position: { line: 5, character: 2 },
      }),
    );
    assert.ok(keys.includes('sessionAffinity'), keys.join(', '));
    const types = completionLabels(
      await client.connection.sendRequest<CompletionItem[] | null>('textDocument/completion', {
        textDocument: { uri },
        position: { line: 6, character: 8 },
      }),
    );
    assert.deepEqual([...types].sort(), ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort']);
  });

  it('returns one document symbol per manifest', async () => {
    const uri = uriOf('symbols/seed.yaml');
    const text = SEED_FILES.map(seedText).join('---\n');
    await client.open(uri, text);
    const symbols = await client.connection.sendRequest<DocumentSymbol[]>(
      'textDocument/documentSymbol',
      {
        textDocument: { uri },
      },
    );
    assert.deepEqual(
      symbols.map((s) => s.name),
      ['Service np-svc', 'Ingress minimal-ingress', 'DaemonSet fluentd-elasticsearch'],
    );
  });

  it('gives one parse diagnostic for broken YAML and goes on serving', async () => {
    const uri = uriOf('broken/unclosed.yaml');
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "unclosed\ndata:\n  a: b\n';
    const diagnostics = await client.open(uri, text);
    assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
    assert.equal(diagnostics[0]?.code, 'yaml-syntax');
    assert.equal(diagnostics[0]?.range.start.line, 3);
    // Fix it: the diagnostic goes away and the server still answers.
    const fixed = await client.change(uri, 2, text.replace('"unclosed', 'closed'));
    assert.deepEqual(fixed, []);
    assert.equal(client.exited, false);
  });

  it('re-checks after an edit and reports what the edit broke', async () => {
    const uri = uriOf('edit/np-svc.yaml');
    const text = seedText('np-svc.yaml');
    assert.deepEqual(await client.open(uri, text), []);
    const broken = await client.change(uri, 2, text.replace('nodePort: 30000', 'nodePort: 29999'));
    assert.deepEqual(
      broken.map((d) => d.code),
      ['service-node-port-range'],
    );
  });

  it('re-checks incremental edits exactly as a fresh open of the edited text', async () => {
    const doc = (i: number): string =>
      i % 3 === 0
        ? `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: Config_${i}\ndata:\n  key: "${i}"\n`
        : `apiVersion: v1\nkind: Service\nmetadata:\n  name: svc-${i}\nspec:\n  ports:\n    - port: ${i === 5 ? 80 : 8080}\n`;
    const text = Array.from({ length: 12 }, (_, i) => doc(i)).join('---\n');
    const uri = uriOf('incremental/edited.yaml');
    // The editor's copy of the text, edited the way the server is told.
    const mirror = TextDocument.create(uri, 'yaml', 1, text);
    await client.open(uri, text);
    const lineOf = (needle: string): number =>
      mirror
        .getText()
        .split('\n')
        .findIndex((line) => line.includes(needle));
    const at = (line: number, character = 0): { line: number; character: number } => ({
      line,
      character,
    });
    const steps: { range: Range; text: string }[][] = [
      // A port out of range in the sixth document.
      [
        {
          range: { start: at(lineOf('port: 80'), 12), end: at(lineOf('port: 80'), 14) },
          text: '70000',
        },
      ],
      // A document marker in the middle of the eighth document splits it in two.
      [
        {
          range: { start: at(lineOf('name: svc-7') + 1), end: at(lineOf('name: svc-7') + 1) },
          text: '---\n',
        },
      ],
      // The marker before the third document goes: two documents become one, with duplicate keys.
      [
        {
          range: { start: at(lineOf('name: svc-2') - 3), end: at(lineOf('name: svc-2') - 2) },
          text: '',
        },
      ],
      // Two changes in one notification: a header line, then a rename further down.
      [
        { range: { start: at(0), end: at(0) }, text: '# header\n' },
        {
          range: {
            start: at(lineOf('name: svc-10') + 1, 8),
            end: at(lineOf('name: svc-10') + 1, 14),
          },
          text: 'Svc_10',
        },
      ],
      // An end marker after the first document, then all of it back to the original.
      [
        {
          range: { start: at(lineOf('Config_0') + 3), end: at(lineOf('Config_0') + 3) },
          text: '...\n',
        },
      ],
    ];
    let version = 1;
    for (const [index, changes] of steps.entries()) {
      version++;
      const published = await client.edit(uri, version, changes);
      TextDocument.update(mirror, changes, version);
      const fresh = await client.open(
        uriOf(`incremental/fresh-${index}/edited.yaml`),
        mirror.getText(),
      );
      assert.deepEqual(published, fresh, `after edit ${index + 1}`);
    }
    const restored = await client.edit(uri, ++version, [
      { range: { start: at(0), end: at(mirror.lineCount + 1) }, text },
    ]);
    assert.deepEqual(restored, await client.open(uriOf('incremental/fresh-end/edited.yaml'), text));
    assert.ok(restored.some((d) => d.code === 'metadata-name-invalid'));
  });

  it('answers a hover while a large file it was just given is still being checked, then publishes the edited text', async () => {
    const service = (i: number): string =>
      `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${i === 1500 ? 'Bad_Name' : `svc-${i}`}\nspec:\n  ports:\n    - port: 8080\n      targetPort: 8080\n`;
    const text = Array.from({ length: 3000 }, (_, i) => service(i)).join('---\n');
    assert.ok(text.length > 256 * 1024, 'large enough to be checked in slices');
    const uri = uriOf('large/many-services.yaml');
    const events: string[] = [];
    void client.nextDiagnostics(uri).then(() => events.push('diagnostics'));
    const published = client.nextDiagnostics(uri, 2);
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'yaml', version: 1, text },
    });
    const hover = await client.connection.sendRequest<Hover | null>('textDocument/hover', {
      textDocument: { uri },
      position: { line: 5, character: 4 },
    });
    events.push('hover');
    assert.ok(hover, 'the hover is answered');
    // An edit while the check runs: the publish is of the edited text.
    const line = text.split('\n').indexOf('  name: Bad_Name');
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [
        {
          range: { start: { line, character: 8 }, end: { line, character: 16 } },
          text: 'Also_Bad',
        },
      ],
    });
    const params = await published;
    assert.deepEqual(events, ['hover', 'diagnostics']);
    assert.equal(params.version, 2);
    assert.deepEqual(
      params.diagnostics.map((d) => [d.code, d.range.start.line]),
      [['metadata-name-invalid', line]],
    );
    assert.match(JSON.stringify(params.diagnostics[0]?.message), /Also_Bad/);
  });

  it('publishes nothing for YAML that is not Kubernetes', async () => {
    const workflow =
      'name: CI\non:\n  push:\n    branches: [main]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n';
    assert.deepEqual(await client.open(uriOf('.github/workflows/ci.yaml'), workflow), []);
  });
});
