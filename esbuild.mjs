// Bundles the extension client, the language server and the CLI into dist/.
// The generated schema bundle is copied beside them and read at start-up
// (JSON.parse of one file is faster than evaluating a 2 MB object literal).
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

/**
 * The `yaml` parser reads `process.env.LOG_TOKENS` for every token it lexes
 * (and the composer `LOG_STREAM` per document): a debugging switch that costs
 * about a tenth of the parse time, since each read crosses into C++. The
 * bundles fix both to false.
 */
const yamlWithoutDebugLogging = {
  name: 'yaml-without-debug-logging',
  setup(build) {
    build.onLoad({ filter: /node_modules[\\/]yaml[\\/]dist[\\/].*\.js$/ }, async (args) => ({
      contents: (await readFile(args.path, 'utf8')).replace(
        /node_process\.env\.LOG_(?:TOKENS|STREAM)/g,
        'false',
      ),
      loader: 'js',
    }));
  },
};

/** @type {import('esbuild').BuildOptions} */
const common = {
  plugins: [yamlWithoutDebugLogging],
  define: { __SLIPWAY_VERSION__: JSON.stringify(version) },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
};

const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { entryPoints: ['server/src/server-entry.ts'], outfile: 'dist/server.js' },
  {
    entryPoints: ['server/src/cli/main.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
  },
  // The simulation panel's page: browser code, loaded by the webview (never by the extension host).
  {
    entryPoints: ['client/webview/main.ts'],
    outfile: 'dist/webview.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
  { entryPoints: ['client/webview/panel.css'], outfile: 'dist/webview.css', platform: 'browser' },
];

/**
 * The validators of the common kinds, precompiled: scripts/gen-validators.ts
 * writes ajv's standalone code (out/validators.src.js, regenerated when an
 * input is newer), and it is bundled, minified, into dist/validators.js,
 * which the server and the CLI load on their first validation. Its
 * `require('slipway-validator-runtime')` is the core's validator-runtime.ts.
 */
const VALIDATORS_SOURCE = 'out/validators.src.js';
const VALIDATOR_INPUTS = [
  'scripts/gen-validators.ts',
  'server/src/core/schema/generated/k8s-schema.json',
  'server/src/core/schema/schema-validator.ts',
  'server/src/core/schema/validator-runtime.ts',
  'server/src/core/schema/precompiled-kinds.ts',
  'package-lock.json',
];

async function generateValidators() {
  const made = existsSync(VALIDATORS_SOURCE) ? statSync(VALIDATORS_SOURCE).mtimeMs : 0;
  if (VALIDATOR_INPUTS.every((input) => statSync(input).mtimeMs < made)) return;
  await esbuild.build({
    entryPoints: ['scripts/gen-validators.ts'],
    outfile: 'out/gen-validators.cjs',
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
  });
  execFileSync(process.execPath, ['out/gen-validators.cjs', VALIDATORS_SOURCE], {
    stdio: 'inherit',
  });
}

entries.push({
  entryPoints: [VALIDATORS_SOURCE],
  outfile: 'dist/validators.js',
  alias: { 'slipway-validator-runtime': './server/src/core/schema/validator-runtime.ts' },
  minify: true,
  sourcemap: false,
});

mkdirSync('dist', { recursive: true });
copyFileSync('server/src/core/schema/generated/k8s-schema.json', 'dist/k8s-schema.json');
await generateValidators();

if (watch) {
  for (const entry of entries) {
    const ctx = await esbuild.context({ ...common, ...entry });
    await ctx.watch();
  }
} else {
  await Promise.all(entries.map((entry) => esbuild.build({ ...common, ...entry })));
}
