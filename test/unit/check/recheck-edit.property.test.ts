/**
 * Property: re-checking only the edited region of a file gives exactly what
 * checking the whole edited file gives (findings, manifests and their lines,
 * chunks), for any file made of documents, markers, comments and broken
 * YAML, and any edit or pair of edits, including ones that add or remove
 * `---` / `...` markers, join or split documents, or bring in a NUL byte.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { checkText, type FileCheck } from '../../../server/src/core/check/check-text';
import { recheckEdit } from '../../../server/src/core/check/recheck-edit';
import { composeEdits, replacementEdit } from '../../../server/src/core/text/text-edit';
import { coreContext } from '../../support/core-context';

const SEED = 20261127;
console.log(`recheck-edit property seed: ${SEED}`);

const service = (name: string): string =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  ports:\n    - port: 80\n`;

/** Pieces files are made of: documents, markers, comments, oddities. */
const PIECES = [
  service('web'),
  service('Bad_Name'),
  'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: two\n',
  'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  key: |\n    ---\n    text\n',
  '---\n',
  '--- # a comment\n',
  '...\n',
  '# only a comment\n',
  '\n',
  '%YAML 1.1\n',
  'a: [unclosed\n',
  '- just a list\n',
  'kind: Service\n',
  'metadata: {name: {{ .Release.Name }}}\n',
  'apiVersion: v1\r\nkind: Secret\r\nmetadata:\r\n  name: s\r\n',
];

/** Texts an edit inserts. */
const INSERTS = ['', '---\n', '...\n', '\n', '-', '# x\n', 'two', 'kind: Service\n', ' ', '\0'];

const fileArb = fc
  .array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 8 })
  .map((pieces) => pieces.join(''));

const editArb = (length: number) =>
  fc
    .tuple(fc.nat({ max: length }), fc.nat({ max: 12 }), fc.constantFrom(...INSERTS))
    .map(([start, deleted, inserted]) => ({
      start,
      end: Math.min(length, start + deleted),
      inserted,
    }));

function apply(text: string, edit: { start: number; end: number; inserted: string }): string {
  return text.slice(0, edit.start) + edit.inserted + text.slice(edit.end);
}

/** What a user would see of a check: findings, where manifests are, how the file was split. */
function visible(check: FileCheck): unknown {
  return {
    findings: check.findings,
    manifests: check.manifests.map(({ manifest, lineOffset }) => [manifest.body, lineOffset]),
    chunks: check.chunks.map((chunk) => [chunk.text, chunk.startLine, chunk.startOffset]),
    kubernetes: check.kubernetes,
    skipped: check.skipped,
  };
}

/** Chunk texts with how often the file holds each. */
function counts(texts: Iterable<string>): Map<string, number> {
  const map = new Map<string, number>();
  for (const text of texts) map.set(text, (map.get(text) ?? 0) + 1);
  return map;
}

describe('re-checking an edited region', () => {
  it('equals checking the whole edited file, for one edit', () => {
    fc.assert(
      fc.property(
        fileArb.chain((text) => fc.tuple(fc.constant(text), editArb(text.length))),
        ([text, change]) => {
          const before = checkText(text, coreContext());
          const after = apply(text, change);
          const edited = recheckEdit(
            before,
            after,
            replacementEdit(change.start, change.end, change.inserted.length),
            coreContext(),
          );
          assert.deepEqual(visible(edited.check), visible(checkText(after, coreContext())));
          // What it says it removed and added turns the old chunks into the new ones.
          const held = counts(before.chunks.map((chunk) => chunk.text));
          for (const chunk of edited.added) held.set(chunk.text, (held.get(chunk.text) ?? 0) + 1);
          for (const chunk of edited.removed) {
            const left = (held.get(chunk.text) ?? 0) - 1;
            assert.ok(left >= 0, 'removes only chunks the file held');
            if (left === 0) held.delete(chunk.text);
            else held.set(chunk.text, left);
          }
          assert.deepEqual(held, counts(edited.check.chunks.map((chunk) => chunk.text)));
        },
      ),
      { seed: SEED, numRuns: 400 },
    );
  });

  it('equals checking the whole file after two edits, composed into one', () => {
    fc.assert(
      fc.property(
        fileArb
          .chain((text) => fc.tuple(fc.constant(text), editArb(text.length)))
          .chain(([text, first]) => {
            const middle = apply(text, first);
            return fc.tuple(fc.constant(text), fc.constant(first), editArb(middle.length));
          }),
        ([text, first, second]) => {
          const middle = apply(text, first);
          const after = apply(middle, second);
          const edit = composeEdits(
            replacementEdit(first.start, first.end, first.inserted.length),
            replacementEdit(second.start, second.end, second.inserted.length),
          );
          // Outside the composed region, the oldest and newest texts agree.
          assert.equal(after.slice(0, edit.start), text.slice(0, edit.start));
          assert.equal(after.slice(edit.newEnd), text.slice(edit.oldEnd));
          const edited = recheckEdit(checkText(text, coreContext()), after, edit, coreContext());
          assert.deepEqual(visible(edited.check), visible(checkText(after, coreContext())));
        },
      ),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('checks only the edited document of a long file', () => {
    const docs = Array.from({ length: 200 }, (_, i) => service(`web-${i}`));
    const text = docs.join('---\n');
    const before = checkText(text, coreContext());
    const at = text.indexOf('name: web-100') + 'name: web-'.length;
    const after = `${text.slice(0, at)}X${text.slice(at + 3)}`;
    const edited = recheckEdit(before, after, replacementEdit(at, at + 3, 1), coreContext());
    assert.equal(edited.added.length, 1);
    assert.equal(edited.removed.length, 1);
    assert.match(edited.added[0]?.text ?? '', /name: web-X/);
    // The chunks before the edit are the same objects; those after only moved.
    assert.equal(edited.check.chunks[99], before.chunks[99]);
    assert.equal(edited.check.chunks[150]?.result, before.chunks[150]?.result);
    assert.equal(edited.check.chunks[150]?.startOffset, (before.chunks[150]?.startOffset ?? 0) - 2);
    assert.deepEqual(
      edited.check.findings.map((f) => [f.code, f.range.start.line]),
      checkText(after, coreContext()).findings.map((f) => [f.code, f.range.start.line]),
    );
  });
});
