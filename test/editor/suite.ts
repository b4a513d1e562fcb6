/**
 * API-level tests that run INSIDE a VS Code extension host, against the installed Slipway:
 * diagnostics through `vscode.languages.getDiagnostics`, commands through
 * `vscode.commands.executeCommand`, hover and completion through the built-in provider commands.
 *
 * The host loads this module (bundled by esbuild) as `extensionTestsPath` and calls `run()`:
 * `@vscode/test-electron` on a desktop VS Code (`npm run test:electron`), or code-server's
 * workbench with `extensionTestsPath` in its URL payload (`test/e2e/extension-host.test.ts`).
 * A plain runner (no Mocha): each test runs in turn; the results are written as JSON beside this
 * module (`results.json`) and printed to the extension host's log; `run()` rejects on a failure.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'slipway.slipway';
const WAIT_MS = 30_000;

interface TestResult {
  name: string;
  status: 'passed' | 'failed' | 'skipped';
  ms: number;
  error?: string;
}

class Skip extends Error {}

type Test = { name: string; body: () => Promise<void> };
const tests: Test[] = [];
function test(name: string, body: () => Promise<void>): void {
  tests.push({ name, body });
}

function fail(message: string): never {
  throw new Error(message);
}

function workspaceFile(path: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0] ?? fail('no workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, ...path.split('/'));
}

function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  if (code === undefined) return '';
  return typeof code === 'object' ? String(code.value) : String(code);
}

function slipwayDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'slipway');
}

function describeDiagnostics(uri: vscode.Uri): string {
  return JSON.stringify(
    slipwayDiagnostics(uri).map((d) => `${d.range.start.line + 1}:${codeOf(d)}`),
  );
}

/** Waits (event-driven, bounded) until the file's Slipway diagnostics satisfy the predicate. */
async function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (diagnostics: vscode.Diagnostic[]) => boolean,
  what: string,
): Promise<vscode.Diagnostic[]> {
  if (predicate(slipwayDiagnostics(uri))) return slipwayDiagnostics(uri);
  return new Promise<vscode.Diagnostic[]>((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out waiting for ${what}; have ${describeDiagnostics(uri)}`));
    }, WAIT_MS);
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((changed) => changed.toString() === uri.toString())) return;
      const diagnostics = slipwayDiagnostics(uri);
      if (predicate(diagnostics)) {
        clearTimeout(timer);
        subscription.dispose();
        resolve(diagnostics);
      }
    });
  });
}

function has(code: string, line: number): (diagnostics: vscode.Diagnostic[]) => boolean {
  return (diagnostics) =>
    diagnostics.some((d) => codeOf(d) === code && d.range.start.line === line - 1);
}

async function open(path: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(path));
  return vscode.window.showTextDocument(document);
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}

function contributedCommands(): string[] {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  const json = extension?.packageJSON as { contributes?: { commands?: { command: string }[] } };
  return (json.contributes?.commands ?? []).map((c) => c.command);
}

// ---------------------------------------------------------------------------------------------

test('the installed extension activates on a Kubernetes manifest', async () => {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) fail(`${EXTENSION_ID} is not installed`);
  await open('seed/minimal-ingress.yaml');
  await extension.activate();
  if (!extension.isActive) fail('the extension did not activate');
});

test('diagnostics of the seed: codes and lines', async () => {
  const ingress = workspaceFile('seed/minimal-ingress.yaml');
  await open('seed/minimal-ingress.yaml');
  const diagnostics = await waitForDiagnostics(
    ingress,
    has('ingress-backend-service-name-invalid', 16),
    'ingress-backend-service-name-invalid on line 16',
  );
  const error = diagnostics.find((d) => codeOf(d) === 'ingress-backend-service-name-invalid');
  if (error?.severity !== vscode.DiagnosticSeverity.Error)
    fail('the rootSvc finding is not an error');
  if (error.range.start.character !== 22) fail(`rootSvc column ${error.range.start.character + 1}`);
  // Cross-resource findings (the Service "test" is not defined; the old master toleration).
  await waitForDiagnostics(
    ingress,
    has('ingress-backend-service-not-found', 23),
    'ingress-backend-service-not-found on line 23',
  );
  const fluentd = workspaceFile('seed/fluentd-daemonset.yaml');
  await open('seed/fluentd-daemonset.yaml');
  const hints = await waitForDiagnostics(
    fluentd,
    has('daemonset-master-toleration', 21),
    'daemonset-master-toleration on line 21',
  );
  const hint = hints.find((d) => codeOf(d) === 'daemonset-master-toleration');
  if (hint?.severity !== vscode.DiagnosticSeverity.Hint)
    fail('the toleration finding is not a hint');
});

test('valid manifests have no diagnostics', async () => {
  for (const path of ['seed/np-svc.yaml', 'seed/np-pods-deployment.yaml']) {
    const uri = workspaceFile(path);
    await open(path);
    // A round trip to the server for this document, so its diagnostics are in.
    await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', uri);
    const problems = slipwayDiagnostics(uri).filter(
      (d) => d.severity !== vscode.DiagnosticSeverity.Hint,
    );
    if (problems.length > 0) fail(`${path}: ${describeDiagnostics(uri)}`);
  }
});

test('an edit is re-checked: replicas: three is a schema-type error until it is 3', async () => {
  const path = 'seed/np-pods-deployment.yaml';
  const uri = workspaceFile(path);
  const editor = await open(path);
  const line = editor.document.lineAt(9);
  if (line.text.trim() !== 'replicas: 2') fail(`line 10 is "${line.text}"`);
  const value = new vscode.Range(9, line.text.indexOf('2'), 9, line.text.length);
  await editor.edit((edit) => edit.replace(value, 'three'));
  await waitForDiagnostics(uri, has('schema-type', 10), 'schema-type on line 10');
  const edited = editor.document.lineAt(9).range;
  await editor.edit((edit) =>
    edit.replace(new vscode.Range(9, value.start.character, 9, edited.end.character), '3'),
  );
  await waitForDiagnostics(
    uri,
    (diagnostics) => !diagnostics.some((d) => codeOf(d) === 'schema-type'),
    'the schema-type error to go',
  );
  await vscode.commands.executeCommand('workbench.action.files.revert');
});

test('hover on nodePort shows its Kubernetes description', async () => {
  const editor = await open('seed/np-svc.yaml');
  const lineNumber = editor.document
    .getText()
    .split('\n')
    .findIndex((l) => l.includes('nodePort:'));
  if (lineNumber < 0) fail('no nodePort line');
  const character = editor.document.lineAt(lineNumber).text.indexOf('nodePort') + 2;
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
    'vscode.executeHoverProvider',
    editor.document.uri,
    new vscode.Position(lineNumber, character),
  );
  const text = hoverText(hovers);
  if (!text.includes('The port on each node on which this service is exposed')) {
    fail(`hover text: ${text.slice(0, 300)}`);
  }
});

test('completion under a Service spec offers sessionAffinity', async () => {
  const editor = await open('seed/np-svc.yaml');
  const last = editor.document.lineCount - 1;
  const end = editor.document.lineAt(last).text.length === 0 ? last : last + 1;
  await editor.edit((edit) => edit.insert(new vscode.Position(end, 0), '  sess'));
  const list = await vscode.commands.executeCommand<vscode.CompletionList>(
    'vscode.executeCompletionItemProvider',
    editor.document.uri,
    new vscode.Position(end, 6),
  );
  await vscode.commands.executeCommand('workbench.action.files.revert');
  const labels = list.items.map((item) =>
    typeof item.label === 'string' ? item.label : item.label.label,
  );
  if (!labels.includes('sessionAffinity')) fail(`labels: ${labels.slice(0, 30).join(', ')}`);
});

test('a GitHub Actions workflow gets no Slipway diagnostics', async () => {
  const path = '.github/workflows/ci.yaml';
  const uri = workspaceFile(path);
  await open(path);
  await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', uri);
  await vscode.commands.executeCommand(
    'vscode.executeHoverProvider',
    uri,
    new vscode.Position(8, 4),
  );
  if (slipwayDiagnostics(uri).length > 0) fail(`ci.yaml: ${describeDiagnostics(uri)}`);
});

test('the contributed commands are registered', async () => {
  const registered = new Set(await vscode.commands.getCommands(true));
  const contributed = contributedCommands();
  for (const id of ['slipway.restartServer', 'slipway.showOutput']) {
    if (!contributed.includes(id)) fail(`${id} is not contributed`);
  }
  for (const id of contributed) if (!registered.has(id)) fail(`${id} is not registered`);
  await vscode.commands.executeCommand('slipway.showOutput');
});

test('Slipway: Restart Language Server brings the diagnostics back', async () => {
  const ingress = workspaceFile('seed/minimal-ingress.yaml');
  await open('seed/minimal-ingress.yaml');
  // Count the publications for the file from now on: the restarted server must publish again.
  let published = 0;
  const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
    if (event.uris.some((changed) => changed.toString() === ingress.toString())) published += 1;
  });
  try {
    await vscode.commands.executeCommand('slipway.restartServer');
    await waitForDiagnostics(
      ingress,
      (diagnostics) =>
        published > 0 && has('ingress-backend-service-name-invalid', 16)(diagnostics),
      'the rootSvc error published again after the restart',
    );
  } finally {
    subscription.dispose();
  }
});

test('Slipway: Simulate Manifest opens the simulation panel', async () => {
  if (!contributedCommands().includes('slipway.simulateManifest')) {
    throw new Skip('slipway.simulateManifest is not contributed yet');
  }
  await open('seed/np-pods-deployment.yaml');
  await vscode.commands.executeCommand('slipway.simulateManifest');
  const deadline = Date.now() + WAIT_MS;
  const isPanel = (tab: vscode.Tab): boolean =>
    tab.input instanceof vscode.TabInputWebview && tab.input.viewType.includes('slipway');
  while (!vscode.window.tabGroups.all.some((group) => group.tabs.some(isPanel))) {
    if (Date.now() > deadline) fail('no Slipway webview tab opened');
    await new Promise<void>((resolve) => {
      const subscription = vscode.window.tabGroups.onDidChangeTabs(() => {
        subscription.dispose();
        resolve();
      });
      setTimeout(() => {
        subscription.dispose();
        resolve();
      }, 1_000);
    });
  }
});

// ---------------------------------------------------------------------------------------------

/** Runs every test in turn; writes `results.json` beside this module; rejects on a failure. */
export async function run(): Promise<void> {
  const results: TestResult[] = [];
  for (const { name, body } of tests) {
    const started = Date.now();
    try {
      await body();
      results.push({ name, status: 'passed', ms: Date.now() - started });
      console.log(`ok - ${name}`);
    } catch (error) {
      const skipped = error instanceof Skip;
      const message =
        error instanceof Error
          ? skipped
            ? error.message
            : (error.stack ?? error.message)
          : String(error);
      results.push({
        name,
        status: skipped ? 'skipped' : 'failed',
        ms: Date.now() - started,
        error: message,
      });
      console.log(`${skipped ? 'skip' : 'not ok'} - ${name}: ${message}`);
    }
  }
  const summary = {
    host: `${vscode.env.appName} ${vscode.version} (${vscode.env.appHost})`,
    passed: results.filter((r) => r.status === 'passed').length,
    failed: results.filter((r) => r.status === 'failed').length,
    skipped: results.filter((r) => r.status === 'skipped').length,
    results,
  };
  writeFileSync(join(__dirname, 'results.json'), `${JSON.stringify(summary, null, 2)}\n`);
  console.log(`${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped`);
  if (summary.failed > 0) throw new Error(`${summary.failed} editor test(s) failed`);
}
