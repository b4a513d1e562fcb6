import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { listCodes } from '../../../server/src/core/diagnostics/code-registry';
import { README_PATH, renderReadme } from '../../../scripts/readme-tables';

describe('README', () => {
  const readme = readFileSync(README_PATH, 'utf8');

  it('has the generated code and settings tables up to date (npm run gen:readme)', () => {
    assert.ok(
      renderReadme(readme) === readme,
      'README.md tables are stale: run npm run gen:readme',
    );
  });

  it('lists every diagnostic code', () => {
    for (const { code } of listCodes()) assert.ok(readme.includes(`\`${code}\``), code);
  });

  it('gives the two commands that work on a fresh machine', () => {
    assert.ok(readme.includes('npm ci && npm start'));
    assert.ok(readme.includes('npm test'));
  });
});
