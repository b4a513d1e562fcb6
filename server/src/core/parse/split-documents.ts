/**
 * One YAML document's slice of a file. Files are split on document markers
 * (`---` / `...` at column 0, which end a document even inside a block scalar),
 * so an edit re-parses only the documents whose text changed.
 */
export interface DocumentChunk {
  /** The document's text, from its first line to the start of the next document. */
  text: string;
  /** 0-based line of the chunk's first line in the file. */
  startLine: number;
  /** Offset (UTF-16) of the chunk's first character in the file. */
  startOffset: number;
}

const START_MARKER = /^---(?:[ \t]|\r?$)/;
const END_MARKER = /^\.\.\.(?:[ \t]|\r?$)/;
/** Lines that carry no content: a `---` after them still belongs to the same chunk. */
const PREAMBLE_LINE = /^(?:[ \t]*(?:#.*)?|%.*)\r?$/;

const DASH = 45;
const DOT = 46;

/** Splits a file into document chunks; joining their texts gives the file back. */
export function splitDocuments(text: string): DocumentChunk[] {
  return splitDocumentsFrom(text, 0, 0).chunks;
}

/** Where `splitDocumentsFrom` stopped: the next chunk would start here. */
export interface SplitStop {
  offset: number;
  line: number;
}

/**
 * Splits `text` from `offset` (the start of a chunk, on line `line`) on. The
 * splitter's state is fresh at every chunk start, so splitting from a chunk
 * start gives the chunks a whole-file split gives from there. When
 * `stopAt(offset)` is true for a chunk start it stops there (the caller
 * knows the rest) and says where; otherwise it splits to the end.
 */
export function splitDocumentsFrom(
  text: string,
  offset: number,
  line: number,
  stopAt: (chunkStart: number) => boolean = () => false,
): { chunks: DocumentChunk[]; stoppedAt?: SplitStop } {
  const chunks: DocumentChunk[] = [];
  let chunkStart = offset;
  let chunkStartLine = line;
  let onlyPreamble = true;
  let afterEndMarker = false;
  while (offset <= text.length) {
    const newline = text.indexOf('\n', offset);
    const lineEnd = newline === -1 ? text.length : newline;
    // Only lines that start with `---` or `...` can be markers, and the
    // preamble test matters only until the chunk has content: most lines
    // are never sliced.
    const first = text.charCodeAt(offset);
    let lineText: string | undefined;
    const startsDocument =
      first === DASH && START_MARKER.test((lineText = text.slice(offset, lineEnd)));
    if (
      (startsDocument && !onlyPreamble) ||
      (afterEndMarker && !PREAMBLE_LINE.test((lineText ??= text.slice(offset, lineEnd))))
    ) {
      chunks.push({
        text: text.slice(chunkStart, offset),
        startLine: chunkStartLine,
        startOffset: chunkStart,
      });
      if (stopAt(offset)) return { chunks, stoppedAt: { offset, line } };
      chunkStart = offset;
      chunkStartLine = line;
      onlyPreamble = true;
      afterEndMarker = false;
    }
    if (startsDocument) onlyPreamble = false;
    else if (onlyPreamble && !PREAMBLE_LINE.test((lineText ??= text.slice(offset, lineEnd))))
      onlyPreamble = false;
    if (first === DOT && END_MARKER.test((lineText ??= text.slice(offset, lineEnd))))
      afterEndMarker = true;
    if (newline === -1) break;
    offset = newline + 1;
    line += 1;
  }
  chunks.push({
    text: text.slice(chunkStart),
    startLine: chunkStartLine,
    startOffset: chunkStart,
  });
  return { chunks };
}
