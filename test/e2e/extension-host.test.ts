/**
 * The API-level suite of test/editor/ run inside code-server's (Node) extension host, against
 * Slipway installed from the .vsix: the workbench takes `extensionTestsPath` in its URL payload
 * as a desktop VS Code takes `--extensionTestsPath`. The suite writes results.json beside itself.
 */
import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { bundleEditorSuite } from '../editor/bundle-suite';
import { CodeServer, builtVsix, waitFor } from './support/code-server';
import { Steps, Workbench } from './support/workbench';
import { createFixtureWorkspace, type FixtureWorkspace } from './support/workspace';

interface SuiteResults {
  host: string;
  passed: number;
  failed: number;
  skipped: number;
  results: { name: string; status: 'passed' | 'failed' | 'skipped'; ms: number; error?: string }[];
}

describe('test/editor suite inside code-server’s extension host (Slipway from the .vsix)', () => {
  let workspace: FixtureWorkspace | undefined;
  let server: CodeServer | undefined;
  let workbench: Workbench | undefined;
  let steps: Steps | undefined;
  const out = mkdtempSync(join(tmpdir(), 'slipway-editor-tests-'));
  let results: SuiteResults | undefined;

  before(async () => {
    workspace = createFixtureWorkspace('exthost');
    server = await CodeServer.start({ name: 'exthost', vsix: builtVsix() });
    steps = new Steps('extension-host', server, () => workbench);
  });

  after(async () => {
    await workbench?.close().catch(() => undefined);
    await server?.stop();
    workspace?.remove();
    rmSync(out, { recursive: true, force: true });
  });

  it('runs the suite and writes its results', { timeout: 240_000 }, async () => {
    const run = steps!;
    const cs = server!;
    const suite = await run.run('bundle the suite', 30_000, () => bundleEditorSuite(out));
    const resultsFile = join(out, 'results.json');
    await run.run('open the workbench with extensionTestsPath', 60_000, async () => {
      workbench = await Workbench.open(cs, {
        folder: workspace!.path,
        payload: [
          // The installed extension (the .vsix's content) as the development extension: the
          // host runs tests only in development mode.
          ['extensionDevelopmentPath', cs.remoteUri(cs.installedExtensionDir('slipway.slipway'))],
          ['extensionTestsPath', cs.remoteUri(suite)],
        ],
      });
    });
    await run.run('wait for results.json', 180_000, async () => {
      await waitFor(() => existsSync(resultsFile), 175_000, 'results.json');
    });
    results = JSON.parse(readFileSync(resultsFile, 'utf8')) as SuiteResults;
  });

  it('every test of the suite passed (or is skipped with a reason)', async (t) => {
    assert.ok(results, 'the suite wrote no results');
    t.diagnostic(`extension host: ${results.host}`);
    for (const result of results.results) {
      await t.test(result.name, (sub) => {
        sub.diagnostic(`${result.ms} ms in the extension host`);
        if (result.status === 'skipped') sub.skip(result.error?.split('\n')[0] ?? 'skipped');
        else if (result.status === 'failed') assert.fail(result.error ?? 'failed');
      });
    }
    assert.equal(results.failed, 0, 'failed tests in the extension host');
    assert.ok(results.passed >= 8, `only ${results.passed} tests passed`);
  });
});
