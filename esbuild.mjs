// Bundles the extension client, the language server and the CLI into dist/.
// The generated schema bundle is copied beside them and read at start-up
// (JSON.parse of one file is faster than evaluating a 2 MB object literal).
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
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
];

mkdirSync('dist', { recursive: true });
copyFileSync('server/src/core/schema/generated/k8s-schema.json', 'dist/k8s-schema.json');

if (watch) {
  for (const entry of entries) {
    const ctx = await esbuild.context({ ...common, ...entry });
    await ctx.watch();
  }
} else {
  await Promise.all(entries.map((entry) => esbuild.build({ ...common, ...entry })));
}
