/**
 * No false alarms on real manifests: every file of ../shared/corpus is checked
 * and the only errors or warnings are the real problems listed by hand in
 * test/corpus-expected.json ({path, code, line}).
 */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { checkText } from '../../../server/src/core/check/check-text';
import { coreContext, REPO_ROOT, SHARED_DIR } from '../../support/core-context';
import { yamlFiles } from '../../support/yaml-files';

interface CorpusFinding {
  path: string;
  code: string;
  line: number;
}

const CORPUS = join(SHARED_DIR, 'corpus');

describe('real-world corpus', () => {
  it('raises exactly the hand-checked findings and nothing else', (t) => {
    if (!existsSync(CORPUS)) {
      t.skip(`${CORPUS} is absent: the corpus check needs ../shared beside the repository`);
      return;
    }
    const files = yamlFiles(CORPUS);
    assert.ok(files.length >= 300, `expected the 340-file corpus, found ${files.length}`);
    const actual: CorpusFinding[] = [];
    for (const file of files) {
      for (const finding of checkText(readFileSync(file, 'utf8'), coreContext()).findings) {
        if (finding.severity !== 'error' && finding.severity !== 'warning') continue;
        actual.push({
          path: relative(CORPUS, file),
          code: finding.code,
          line: finding.range.start.line + 1,
        });
      }
    }
    const expected = JSON.parse(
      readFileSync(join(REPO_ROOT, 'test/corpus-expected.json'), 'utf8'),
    ) as CorpusFinding[];
    const key = (f: CorpusFinding): string => `${f.path}:${f.line} ${f.code}`;
    assert.deepEqual(actual.map(key).sort(), expected.map(key).sort());
  });
});
