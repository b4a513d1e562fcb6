/**
 * A second real LSP client: Debian's Neovim (0.7.2 here) runs headless with a small Lua
 * configuration (slipway.lua) that starts `node dist/cli.js lsp --stdio`, opens the seed files
 * and writes the diagnostics it received. They must be the CLI's (`slipway check --format json`)
 * on the same files: codes, severities, lines and columns.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';

const REPO_ROOT = join(__dirname, '..', '..');
const CLI = join(REPO_ROOT, 'dist', 'cli.js');
const CONFIG = join(__dirname, 'slipway.lua');
const ROOT = join(REPO_ROOT, 'examples', 'seed');
const FILES = ['minimal-ingress.yaml', 'fluentd-daemonset.yaml', 'np-svc.yaml'].map((name) =>
  join(ROOT, name),
);
const SEVERITY = ['', 'error', 'warning', 'information', 'hint'];

interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}
interface CliDiagnostic {
  severity: string;
  code: string;
  uri: string;
  range: LspRange;
}
interface NvimReport {
  client: boolean;
  nvim: string;
  files: {
    path: string;
    uri: string;
    complete: boolean;
    diagnostics: { code: string; severity: number; source: string; range: LspRange }[];
    shown: { lnum: number; col: number; code: string; severity: number }[];
  }[];
}

/** One comparable line per diagnostic: `line:column-endLine:endColumn severity code`, sorted. */
function key(severity: string, code: string, range: LspRange): string {
  const { start, end } = range;
  return `${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1} ${severity} ${code}`;
}

function nvimVersion(): string | undefined {
  const result = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? /NVIM v(\S+)/.exec(result.stdout)?.[1] : undefined;
}

const work = mkdtempSync(join(tmpdir(), 'slipway-nvim-'));
after(() => rmSync(work, { recursive: true, force: true }));

describe('Neovim (headless) as an LSP client of slipway lsp --stdio', () => {
  it('receives the same diagnostics as slipway check --format json', () => {
    const version = nvimVersion();
    assert.ok(version, 'nvim is not installed (apt-get install neovim)');
    assert.ok(existsSync(CLI), `${CLI} is missing: run npm run build first`);

    const check = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', ROOT], {
      encoding: 'utf8',
    });
    assert.ok(check.status === 0 || check.status === 1, check.stderr);
    const cli = (JSON.parse(check.stdout) as { diagnostics: CliDiagnostic[] }).diagnostics;
    const expected = new Map(
      FILES.map((path) => {
        const uri = pathToFileURL(path).href;
        const lines = cli
          .filter((d) => d.uri === uri)
          .map((d) => key(d.severity, d.code, d.range))
          .sort();
        return [path, lines];
      }),
    );

    const out = join(work, 'diagnostics.json');
    const result = spawnSync(
      'nvim',
      ['--headless', '--noplugin', '-i', 'NONE', '-n', '-u', CONFIG],
      {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 60_000,
        env: {
          ...process.env,
          HOME: work,
          XDG_CONFIG_HOME: join(work, 'config'),
          XDG_DATA_HOME: join(work, 'data'),
          XDG_CACHE_HOME: join(work, 'cache'),
          XDG_STATE_HOME: join(work, 'state'),
          SLIPWAY_CMD: JSON.stringify([process.execPath, CLI, 'lsp', '--stdio']),
          SLIPWAY_ROOT: ROOT,
          SLIPWAY_FILES: JSON.stringify(FILES),
          SLIPWAY_EXPECT: JSON.stringify(
            Object.fromEntries([...expected].map(([p, l]) => [p, l.length])),
          ),
          SLIPWAY_OUT: out,
          SLIPWAY_TIMEOUT_MS: '20000',
        },
      },
    );
    assert.equal(
      result.status,
      0,
      `nvim exited ${result.status}: ${result.stderr}${result.stdout}`,
    );
    assert.ok(existsSync(out), `nvim wrote no report: ${result.stderr}`);
    const report = JSON.parse(readFileSync(out, 'utf8')) as NvimReport;
    assert.ok(report.client, 'vim.lsp.start_client did not start the server');
    console.log(`Neovim ${report.nvim} (nvim --version: ${version})`);

    assert.equal(report.files.length, FILES.length);
    for (const file of report.files) {
      const want = expected.get(file.path) ?? [];
      const got = file.diagnostics
        .map((d) => {
          assert.equal(d.source, 'slipway');
          return key(SEVERITY[d.severity] ?? String(d.severity), String(d.code), d.range);
        })
        .sort();
      assert.deepEqual(got, want, `${file.path}: Neovim received ≠ slipway check`);
      assert.ok(file.complete, `${file.path}: timed out waiting for the diagnostics`);
      // Neovim's own diagnostic list holds them too (0-based lnum/col; ASCII lines here).
      assert.deepEqual(
        file.shown.map((d) => `${d.lnum + 1}:${d.col + 1} ${d.code}`).sort(),
        file.diagnostics
          .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code}`)
          .sort(),
      );
      console.log(`${file.path.slice(REPO_ROOT.length + 1)}: ${got.join('; ') || 'none'}`);
    }
    // The seed's error is among them.
    assert.ok(
      [...expected.values()]
        .flat()
        .some((line) => line.startsWith('16:23-16:30 error ingress-backend-service-name-invalid')),
    );
  });
});
