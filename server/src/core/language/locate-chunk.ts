import { splitDocuments, type DocumentChunk } from '../parse/split-documents';

/** A `---` line, as `splitDocuments` recognises it. */
function isStartMarker(text: string, offset: number): boolean {
  if (!text.startsWith('---', offset)) return false;
  const next = text[offset + 3];
  return (
    next === undefined ||
    next === ' ' ||
    next === '\t' ||
    next === '\n' ||
    (next === '\r' && (text[offset + 4] === '\n' || offset + 4 === text.length))
  );
}

/**
 * The document chunk that holds a line of a file, or undefined past the
 * file's end. Only the lines between the `---` before the line and the `---`
 * after it are split (with `splitDocuments`), so a request in a file of
 * thousands of documents does not split all of them. The chunk found is the
 * one `splitDocuments` gives, except that comment lines before a leading
 * `---` are left out: they carry no structure.
 */
export function locateChunk(text: string, line: number): DocumentChunk | undefined {
  if (line < 0) return undefined;
  let offset = 0;
  let currentLine = 0;
  let regionOffset = 0;
  let regionLine = 0;
  // Find the line's offset, remembering the last `---` at or before it.
  while (currentLine < line) {
    if (isStartMarker(text, offset)) {
      regionOffset = offset;
      regionLine = currentLine;
    }
    const newline = text.indexOf('\n', offset);
    if (newline === -1) return undefined;
    offset = newline + 1;
    currentLine++;
  }
  if (isStartMarker(text, offset)) {
    regionOffset = offset;
    regionLine = currentLine;
  }
  // The region ends at the next `---` after the line.
  let regionEnd = text.length;
  let scan = text.indexOf('\n', offset);
  while (scan !== -1) {
    if (isStartMarker(text, scan + 1)) {
      regionEnd = scan + 1;
      break;
    }
    scan = text.indexOf('\n', scan + 1);
  }
  const chunks = splitDocuments(text.slice(regionOffset, regionEnd));
  let found = chunks[0];
  for (const chunk of chunks) {
    if (regionLine + chunk.startLine <= line) found = chunk;
    else break;
  }
  if (!found) return undefined;
  return {
    text: found.text,
    startLine: regionLine + found.startLine,
    startOffset: regionOffset + found.startOffset,
  };
}
