// Activation stays fast: the extension's bundle does not carry the page (client/webview) or the
// graph layout library, and the panel's host code is initialised only when the command runs.
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import * as esbuild from 'esbuild';
import { ROOT } from './support/reports';

interface Bundle {
  text: string;
  bytes: number;
  metafile: esbuild.Metafile;
}

async function bundle(entry: string, options: esbuild.BuildOptions): Promise<Bundle> {
  const result = await esbuild.build({
    entryPoints: [join(ROOT, entry)],
    bundle: true,
    write: false,
    metafile: true,
    logLevel: 'silent',
    define: { __SLIPWAY_VERSION__: '"0.0.0"' },
    absWorkingDir: ROOT,
    ...options,
  });
  const output = result.outputFiles?.[0];
  assert.ok(output !== undefined && result.metafile !== undefined);
  return { text: output.text, bytes: output.contents.byteLength, metafile: result.metafile };
}

describe('the extension bundle', () => {
  it('does not include the page or the graph layout library', async () => {
    const result = await bundle('client/src/extension.ts', {
      platform: 'node',
      format: 'cjs',
      external: ['vscode'],
    });
    const inputs = Object.keys(result.metafile.inputs);
    assert.deepEqual(
      inputs.filter((input) => input.startsWith('client/webview/')),
      [],
    );
    assert.deepEqual(
      inputs.filter((input) => input.includes('@dagrejs')),
      [],
    );
    assert.ok(
      inputs.includes('client/src/panel/simulation-panel.ts'),
      'the panel controller is bundled',
    );
  });

  it('initialises the panel controller lazily (dynamic import)', async () => {
    const result = await bundle('client/src/extension.ts', {
      platform: 'node',
      format: 'cjs',
      external: ['vscode'],
    });
    const text = result.text;
    assert.match(text, /var init_simulation_panel = __esm\(/);
    const output = Object.values(result.metafile.outputs)[0];
    const panelBytes = Object.entries(output?.inputs ?? {})
      .filter(([input]) => input.startsWith('client/src/panel/'))
      .reduce((sum, [, info]) => sum + info.bytesInOutput, 0);
    console.log(`panel host code in the extension bundle: ${panelBytes} bytes (unminified)`);
    assert.ok(panelBytes < 40_000, `${panelBytes} bytes of panel code`);
  });

  it('builds the page for the browser with dagre inside', async () => {
    const result = await bundle('client/webview/main.ts', {
      platform: 'browser',
      format: 'iife',
      minify: true,
    });
    const inputs = Object.keys(result.metafile.inputs);
    assert.ok(inputs.some((input) => input.includes('@dagrejs/dagre')));
    assert.deepEqual(
      inputs.filter(
        (input) => input.startsWith('node:') || input.includes('vscode-languageclient'),
      ),
      [],
    );
    const size = result.bytes;
    console.log(
      `dist/webview.js minified: ${size} bytes; built: ${statSync(join(ROOT, 'dist', 'webview.js')).size} bytes`,
    );
  });
});
