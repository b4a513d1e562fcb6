/** Bundles `test/editor/suite.ts` into one CommonJS file an extension host can `require`. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const SUITE = join(__dirname, 'suite.ts');

/** Writes `<outDir>/index.js` (the module whose `run()` the host calls) and returns its path. */
export async function bundleEditorSuite(outDir: string): Promise<string> {
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, 'index.js');
  await build({
    entryPoints: [SUITE],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return outfile;
}
