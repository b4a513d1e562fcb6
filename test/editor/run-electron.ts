/**
 * `npm run test:electron`: runs test/editor/suite.ts with `@vscode/test-electron` in a desktop
 * VS Code (Electron) given by VSCODE_EXECUTABLE, with this folder as the development extension
 * (built by `npm run build`) and a copy of examples/ as the workspace.
 *
 * @vscode/test-electron would otherwise download VS Code from update.code.visualstudio.com,
 * which machines without that network access cannot reach (getaddrinfo ENOTFOUND); there the
 * script explains and exits 0. The same suite runs in CI inside code-server's extension host
 * (test/e2e/extension-host.test.ts, part of `npm run test:editor`).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { createFixtureWorkspace } from '../e2e/support/workspace';
import { bundleEditorSuite } from './bundle-suite';

const REPO_ROOT = join(__dirname, '..', '..');

async function main(): Promise<number> {
  const executable = process.env.VSCODE_EXECUTABLE;
  if (!executable) {
    console.log(
      [
        'test:electron: skipped, VSCODE_EXECUTABLE is not set.',
        'Set it to a desktop VS Code (>= 1.100) binary, e.g.',
        '  VSCODE_EXECUTABLE=/usr/share/code/code npm run test:electron',
        'to run test/editor/suite.ts in its extension host. The same suite runs in CI inside',
        "code-server's extension host: npm run test:editor (test/e2e/extension-host.test.ts).",
      ].join('\n'),
    );
    return 0;
  }
  if (!existsSync(executable)) throw new Error(`VSCODE_EXECUTABLE ${executable} does not exist`);
  const out = mkdtempSync(join(tmpdir(), 'slipway-electron-'));
  const workspace = createFixtureWorkspace('electron');
  try {
    const suite = await bundleEditorSuite(join(out, 'suite'));
    await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: suite,
      launchArgs: [
        workspace.path,
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--user-data-dir',
        join(out, 'user-data'),
        '--extensions-dir',
        join(out, 'extensions'),
      ],
    });
    const results = JSON.parse(readFileSync(join(out, 'suite', 'results.json'), 'utf8')) as {
      passed: number;
      failed: number;
      skipped: number;
    };
    console.log(`${results.passed} passed, ${results.failed} failed, ${results.skipped} skipped`);
    return results.failed === 0 ? 0 : 1;
  } finally {
    workspace.remove();
    rmSync(out, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
