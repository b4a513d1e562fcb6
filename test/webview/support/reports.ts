/**
 * Real reports for the panel tests: `slipway simulate --json` and `slipway route --json` of the
 * built CLI (dist/cli.js) on the examples and fixtures, never hand-written JSON. A golden report
 * in test/fixtures/reports/<name>.json is used instead when there is one.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { SimulationReport } from '../../../server/src/core/simulation/report';
import type { RouteResult, SimulateResult } from '../../../server/src/protocol/requests';

/** The repository's root folder. */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

const CLI = join(ROOT, 'dist', 'cli.js');

function runCli(args: readonly string[]): {
  status: number | null;
  stdout: string;
  stderr: string;
} {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` first');
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `slipway simulate --json --cluster none PATH…` (or the golden report `name`, if it exists). */
export function simulateReport(paths: readonly string[], name?: string): SimulationReport {
  const golden =
    name === undefined ? undefined : join(ROOT, 'test', 'fixtures', 'reports', `${name}.json`);
  if (golden !== undefined && existsSync(golden)) {
    return JSON.parse(readFileSync(golden, 'utf8')) as SimulationReport;
  }
  const { status, stdout, stderr } = runCli(['simulate', '--json', '--cluster', 'none', ...paths]);
  if (status !== 0) throw new Error(`slipway simulate failed (${String(status)}): ${stderr}`);
  return JSON.parse(stdout) as SimulationReport;
}

/** `slipway route --json --cluster none URL PATH…` (it exits 1 when no pod is reached). */
export function routeResult(url: string, paths: readonly string[]): RouteResult {
  const { status, stdout, stderr } = runCli([
    'route',
    '--json',
    '--cluster',
    'none',
    url,
    ...paths,
  ]);
  if (status !== 0 && status !== 1)
    throw new Error(`slipway route failed (${String(status)}): ${stderr}`);
  return JSON.parse(stdout) as RouteResult;
}

function yamlFiles(path: string): string[] {
  if (statSync(path).isFile()) return [path];
  return readdirSync(path, { withFileTypes: true }).flatMap((entry) => {
    const child = join(path, entry.name);
    if (entry.isDirectory()) return yamlFiles(child);
    return /\.ya?ml$/.test(entry.name) ? [child] : [];
  });
}

/** The `slipway/simulate` answer the language server would give for these paths. */
export function simulateResult(
  report: SimulationReport,
  paths: readonly string[],
  label: string,
): SimulateResult {
  const files = new Set(
    paths.flatMap((path) => yamlFiles(resolve(ROOT, path))).map((file) => pathToFileURL(file).href),
  );
  const sources = [
    ...report.workloads.map((item) => item.source.uri),
    ...report.pods.map((item) => item.source.uri),
    ...report.services.map((item) => item.source.uri),
    ...report.ingresses.map((item) => item.source.uri),
    ...report.diagnostics.map((item) => item.uri),
  ];
  for (const uri of sources) files.add(uri);
  const first = paths[0] ?? '.';
  return {
    scope: {
      id: pathToFileURL(resolve(ROOT, first)).href,
      kind: 'folder',
      label,
      files: [...files].sort(),
    },
    report,
    parseProblems: [],
    snapshot: 1,
  };
}
