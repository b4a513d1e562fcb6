import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkText } from '../../../server/src/core/check/check-text';
import { coreContext, REPO_ROOT } from '../../support/core-context';
import { expandSnippetDefaults } from './snippet-expand';

interface Snippet {
  prefix: string;
  body: string[] | string;
}

const snippets = JSON.parse(
  readFileSync(join(REPO_ROOT, 'snippets/kubernetes.json'), 'utf8'),
) as Record<string, Snippet>;

describe('snippets expanded with their defaults', () => {
  for (const [name, snippet] of Object.entries(snippets)) {
    it(`${snippet.prefix} (${name}) gives zero diagnostics`, () => {
      const text = expandSnippetDefaults(snippet.body);
      const findings = checkText(text, coreContext()).findings;
      assert.deepEqual(
        findings.map((f) => `${f.range.start.line + 1}: ${f.code} ${f.message}`),
        [],
        text,
      );
    });
  }
});
