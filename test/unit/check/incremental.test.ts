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
    const byText = new Map(first.chunks.map((chunk) => [chunk.text, chunk.result]));
    const cachedB = byText.get(`---\n${docs[1]}`);
    assert.ok(cachedB, 'the second document is known by its text');
    const second = checkText(edited, coreContext(), byText);
    assert.equal(second.chunks[1]?.result, cachedB, 'the unchanged document reuses its result');
    assert.deepEqual(
      second.findings.map((f) => f.range.start.line),
      [16],
    );
    assert.equal(second.chunks.length, 3);
  });
});
