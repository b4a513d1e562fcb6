/**
 * Property: a position outside a replaced region points, after the
 * replacement, at the same character it pointed at before (as an editor
 * moves a marker), for any text, replacement and position.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { movePosition, positionEdit } from '../../../server/src/core/text/text-edit';

const SEED = 20261128;
console.log(`move-position property seed: ${SEED}`);

const textArb = fc
  .array(fc.constantFrom('a', 'b', ' ', '\n', 'key: v\n', '---\n'), { maxLength: 30 })
  .map((parts) => parts.join(''));

describe('moving a position across an edit', () => {
  it('keeps pointing at the same character outside the replaced text', () => {
    fc.assert(
      fc.property(
        textArb.chain((text) =>
          fc.tuple(
            fc.constant(text),
            fc.nat({ max: text.length }),
            fc.nat({ max: 6 }),
            fc.constantFrom('', 'x', '\n', 'yz\n\nw', '# c\n'),
            fc.nat({ max: text.length }),
          ),
        ),
        ([text, start, deleted, inserted, at]) => {
          const end = Math.min(text.length, start + deleted);
          if (at >= start && at < end) return; // inside the replaced text: nothing to keep
          const old = TextDocument.create('file:///a.yaml', 'yaml', 1, text);
          const edit = positionEdit(old.positionAt(start), old.positionAt(end), inserted);
          const position = old.positionAt(at);
          const edited = TextDocument.create(
            'file:///a.yaml',
            'yaml',
            2,
            text.slice(0, start) + inserted + text.slice(end),
          );
          const moved = edited.offsetAt(movePosition(position, edit));
          const expected = at < start ? at : at - (end - start) + inserted.length;
          assert.equal(moved, expected);
        },
      ),
      { seed: SEED, numRuns: 500 },
    );
  });
});
