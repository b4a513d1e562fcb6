import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { checkText } from '../../../server/src/core/check/check-text';
import { coreContext } from '../../support/core-context';

const doc = (name: string, type = 'ClusterIP'): string =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  type: ${type}\n  ports:\n    - port: 80\n`;

describe('incremental checking', () => {
  it('re-checks only the edited document and moves the others findings to their new lines', () => {
    const docs = [doc('a'), doc('b', 'Bad'), doc('c')];
    const first = checkText(docs.join('---\n'), coreContext());
    assert.deepEqual(
      first.findings.map((f) => f.range.start.line),
      [14],
    );
    // Insert two lines into the first document: b's finding moves down, b is not re-checked.
    const edited = [
      doc('a').replace('spec:\n', 'spec:\n  # one\n  # two\n'),
      docs[1],
      docs[2],
    ].join('---\n');
    const cachedB = first.cache.get(`---\n${docs[1]}`);
    assert.ok(cachedB, 'the second document is cached by its text');
    const second = checkText(edited, coreContext(), first.cache);
    assert.equal(
      second.cache.get(`---\n${docs[1]}`),
      cachedB,
      'the unchanged document reuses its result',
    );
    assert.deepEqual(
      second.findings.map((f) => f.range.start.line),
      [16],
    );
    assert.equal(second.cache.size, 3);
  });
});
