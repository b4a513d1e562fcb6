import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  checkText,
  checkTextSteps,
  type ChunkCache,
} from '../../../server/src/core/check/check-text';
import { stripNulls } from '../../../server/src/core/check/strip-nulls';
import { ALL_RULES } from '../../../server/src/core/rules/all-rules';
import { ruleApplies, rulesFor } from '../../../server/src/core/rules/rule';
import { coreContext, REPO_ROOT } from '../../support/core-context';
import { yamlFiles } from '../../support/yaml-files';

const doc = (name: string, type = 'ClusterIP'): string =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  type: ${type}\n  ports:\n    - port: 80\n`;

describe('checking a file a document at a time', () => {
  it('yields once per document it checks and ends with what checkText returns', () => {
    const text = [doc('a'), doc('b', 'Bad'), doc('c'), 'kind: Nothing\n'].join('---\n');
    const steps = checkTextSteps(text, coreContext());
    let yields = 0;
    let step = steps.next();
    while (!step.done) {
      yields++;
      step = steps.next();
    }
    assert.equal(yields, 4);
    const result = step.value;
    const expected = checkText(text, coreContext());
    assert.deepEqual(result.findings, expected.findings);
    assert.equal(result.kubernetes, expected.kubernetes);
    const placed = (check: typeof result): unknown[] =>
      check.manifests.map(({ manifest, lineOffset }) => [manifest.body, lineOffset]);
    assert.deepEqual(placed(result), placed(expected));
    assert.deepEqual(
      result.chunks.map((chunk) => [chunk.text, chunk.startLine, chunk.startOffset]),
      expected.chunks.map((chunk) => [chunk.text, chunk.startLine, chunk.startOffset]),
    );
  });

  it('fills the cache it is given as it goes, and reuses what another lookup has', () => {
    const text = [doc('a'), doc('b')].join('---\n');
    const cache: ChunkCache = new Map();
    const steps = checkTextSteps(text, coreContext(), undefined, cache);
    steps.next();
    assert.equal(cache.size, 1, 'the first document is there before the second is checked');
    const rest = checkText(text, coreContext(), cache);
    assert.equal(rest.chunks[0]?.result, cache.get(doc('a')));
    // A document checked for another file is not checked again.
    const other = checkText(`${doc('b')}`, coreContext(), {
      get: (t) => rest.chunks.find((chunk) => chunk.text === `---\n${t}`)?.result,
    });
    assert.equal(other.manifests[0]?.manifest, rest.manifests[1]?.manifest);
  });

  it('gives the findings of every fixture in position order, as a sort would', () => {
    for (const file of yamlFiles(join(REPO_ROOT, 'test', 'fixtures'))) {
      const { findings } = checkText(readFileSync(file, 'utf8'), coreContext());
      const sorted = [...findings].sort(
        (a, b) =>
          a.range.start.line - b.range.start.line ||
          a.range.start.character - b.range.start.character,
      );
      assert.deepEqual(findings, sorted, file);
    }
  });
});

describe('the check pipeline', () => {
  it('strips nulls of object properties only, and copies nothing when there are none', () => {
    const clean = { a: [1, null, { b: 'x' }], c: { d: true } };
    assert.equal(stripNulls(clean), clean);
    assert.deepEqual(stripNulls({ a: null, b: [null, { c: null, d: 1 }] }), {
      b: [null, { d: 1 }],
    });
  });

  it('runs, per kind, exactly the rules that apply, in their order', () => {
    for (const file of yamlFiles(join(REPO_ROOT, 'test', 'fixtures', 'valid'))) {
      for (const { manifest } of checkText(readFileSync(file, 'utf8'), coreContext()).manifests) {
        assert.deepEqual(
          rulesFor(ALL_RULES, manifest),
          ALL_RULES.filter((rule) => ruleApplies(rule, manifest)),
          `${manifest.apiVersion} ${manifest.kind}`,
        );
      }
    }
  });
});
