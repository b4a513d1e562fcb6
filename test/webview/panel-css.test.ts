// The panel's stylesheet takes every colour and font from VS Code's theme variables, so light,
// dark and high-contrast themes all work: no colour literal, no font family of its own.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from './support/reports';

const css = readFileSync(join(ROOT, 'client', 'webview', 'panel.css'), 'utf8').replace(
  /\/\*[\s\S]*?\*\//g,
  '',
);

/** The page's own custom properties, each defined from theme variables. */
const LOCAL = [
  '--gap',
  '--radius',
  '--border',
  '--card-border',
  '--ok',
  '--warning',
  '--error',
  '--info',
  '--mono',
  '--kind-color',
];

describe('panel.css', () => {
  it('has no colour literal', () => {
    assert.deepEqual(css.match(/#[0-9a-f]{3,8}\b/gi) ?? [], []);
    assert.deepEqual(css.match(/\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)\(/gi) ?? [], []);
    const named =
      /:\s*[^;]*\b(white|black|red|green|blue|yellow|gray|grey|orange|purple|silver)\b/gi;
    assert.deepEqual(css.replace(/--[\w-]+/g, '').match(named) ?? [], []);
  });

  it('reads only VS Code theme variables and its own derived ones', () => {
    const used = new Set([...css.matchAll(/var\((--[\w-]+)/g)].map((match) => match[1] ?? ''));
    const foreign = [...used].filter(
      (name) => !name.startsWith('--vscode-') && !LOCAL.includes(name),
    );
    assert.deepEqual(foreign, []);
    for (const name of LOCAL) {
      const definitions = [...css.matchAll(new RegExp(`${name}:\\s*([^;]+);`, 'g'))].map(
        (match) => match[1] ?? '',
      );
      assert.ok(definitions.length > 0, `${name} is defined`);
      for (const value of definitions) {
        assert.ok(/var\(--vscode-|^\d+px$/.test(value.trim()), `${name}: ${value}`);
      }
    }
  });

  it('takes its fonts from the theme', () => {
    const families = [...css.matchAll(/font-family:\s*([^;]+);/g)].map((match) => match[1]?.trim());
    for (const family of families)
      assert.match(family ?? '', /^var\(--(vscode-[\w-]*font-family|mono)\)$/);
  });
});
