import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { splitDocuments } from '../../../server/src/core/parse/split-documents';

describe('splitDocuments', () => {
  it('splits on --- at column 0 and joins back to the same text', () => {
    const text = '# leading comment\n---\na: 1\n---\nb: 2\n  ---not-a-marker\n---\n';
    const chunks = splitDocuments(text);
    assert.equal(chunks.map((c) => c.text).join(''), text);
    assert.deepEqual(
      chunks.map((c) => c.startLine),
      [0, 3, 6],
    );
    assert.equal(chunks[0]?.text, '# leading comment\n---\na: 1\n');
  });

  it('ends a document at ... and starts the next one after it', () => {
    const text = 'a: 1\n...\n# between\nb: 2\n';
    const chunks = splitDocuments(text);
    assert.deepEqual(
      chunks.map((c) => c.text),
      ['a: 1\n...\n# between\n', 'b: 2\n'],
    );
  });

  it('keeps CRLF line endings and offsets', () => {
    const text = 'a: 1\r\n---\r\nb: 2\r\n';
    const chunks = splitDocuments(text);
    assert.equal(chunks.length, 2);
    assert.equal(chunks[1]?.startOffset, 6);
    assert.equal(chunks[1]?.startLine, 1);
  });

  it('does not split on --- inside a line or indented', () => {
    assert.equal(splitDocuments('a: |\n  ---\n  x\nb: "---"\n').length, 1);
  });
});
