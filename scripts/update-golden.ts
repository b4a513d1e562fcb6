/**
 * npm run update-golden   (after npm run build)
 * Writes test/fixtures/reports/<name>.json: the output of the built
 * `slipway simulate --json` on each examples folder (and on examples/ as a
 * whole), with the file URIs made repository-relative
 * (`file:///…/examples/` → `file:///workspace/examples/`) so the fixtures are
 * the same on every machine. Nothing else is changed: the webview tests load
 * these files as the CLI's report. test/cli/golden-reports.test.ts
 * regenerates them in memory and fails on any difference.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = join(__dirname, '..');
const BUILT_CLI = join(ROOT, 'dist/cli.js');

/** Where the golden reports live. */
export const GOLDEN_DIR = join(ROOT, 'test/fixtures/reports');

/** The stable stand-in for this checkout's examples folder in the fixtures' URIs. */
export const STABLE_EXAMPLES_URI = 'file:///workspace/examples/';

/** One golden report: `test/fixtures/reports/<name>.json` is `slipway simulate --json <path>`. */
export interface GoldenCase {
  name: string;
  /** The PATH given to the CLI, relative to the repository. */
  path: string;
}

export const GOLDEN_CASES: readonly GoldenCase[] = [
  { name: 'seed', path: 'examples/seed' },
  { name: 'web-shop', path: 'examples/web-shop' },
  { name: 'database', path: 'examples/database' },
  { name: 'logging', path: 'examples/logging' },
  { name: 'storage', path: 'examples/storage' },
  { name: 'examples', path: 'examples' },
];

/** The fixture file of a case. */
export function goldenPath(name: string): string {
  return join(GOLDEN_DIR, `${name}.json`);
}

/** Replaces this checkout's `file:///…/examples/` URI prefix with STABLE_EXAMPLES_URI. */
export function stableUris(text: string): string {
  const local = `${pathToFileURL(join(ROOT, 'examples')).href}/`;
  const stable = text.replaceAll(`"${local}`, `"${STABLE_EXAMPLES_URI}`);
  const leaked = /"file:\/\/(?!\/workspace\/)[^"]*"/.exec(stable);
  if (leaked)
    throw new Error(
      `a URI outside examples/ would make the fixture machine-specific: ${leaked[0]}`,
    );
  return stable;
}

/**
 * The golden text of a case: the built CLI's `simulate --json` output on the
 * default cluster (`--cluster none`, so a `.slipway/cluster.yaml` above the
 * checkout cannot change it), URIs made stable.
 */
export function goldenReportText(path: string): string {
  if (!existsSync(BUILT_CLI)) throw new Error(`${BUILT_CLI} is missing: run npm run build first`);
  const result = spawnSync(
    process.execPath,
    [BUILT_CLI, 'simulate', '--json', '--cluster', 'none', path],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (result.status !== 0) {
    throw new Error(`slipway simulate --json ${path} exited ${result.status}: ${result.stderr}`);
  }
  return stableUris(result.stdout);
}

if (require.main === module) {
  mkdirSync(GOLDEN_DIR, { recursive: true });
  for (const { name, path } of GOLDEN_CASES) {
    const file = goldenPath(name);
    writeFileSync(file, goldenReportText(path));
    console.log(`wrote ${file}`);
  }
}
