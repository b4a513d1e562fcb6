/** A position in a text document: 0-based line, UTF-16 character offset (LSP-shaped). */
export interface Position {
  line: number;
  character: number;
}

/** A range in a text document, end exclusive (LSP-shaped). */
export interface Range {
  start: Position;
  end: Position;
}

/** Builds a range from four numbers. */
export function makeRange(
  startLine: number,
  startCharacter: number,
  endLine: number,
  endCharacter: number,
): Range {
  return {
    start: { line: startLine, character: startCharacter },
    end: { line: endLine, character: endCharacter },
  };
}

/** Moves a range down by `lines` lines (chunk-relative → file-absolute). */
export function shiftRange(range: Range, lines: number): Range {
  if (lines === 0) return range;
  return {
    start: { line: range.start.line + lines, character: range.start.character },
    end: { line: range.end.line + lines, character: range.end.character },
  };
}

/** True when `position` lies inside `range` (end inclusive, as a cursor at a token's end still touches it). */
export function rangeContains(range: Range, position: Position): boolean {
  const afterStart =
    position.line > range.start.line ||
    (position.line === range.start.line && position.character >= range.start.character);
  const beforeEnd =
    position.line < range.end.line ||
    (position.line === range.end.line && position.character <= range.end.character);
  return afterStart && beforeEnd;
}

/** Orders two positions: negative when a is before b. */
export function comparePositions(a: Position, b: Position): number {
  return a.line !== b.line ? a.line - b.line : a.character - b.character;
}
