import type { Range } from './range';

/** What converts an offset of a parsed chunk to a 1-based line and column (yaml's LineCounter). */
export interface LinePositions {
  linePos(offset: number): { line: number; col: number };
}

/** Converts a [start, end) offset pair of a parsed chunk into a range (LineCounter is 1-based). */
export function offsetsToRange(lineCounter: LinePositions, start: number, end: number): Range {
  const from = lineCounter.linePos(start);
  const to = lineCounter.linePos(Math.max(start, end));
  return {
    start: { line: from.line - 1, character: from.col - 1 },
    end: { line: to.line - 1, character: to.col - 1 },
  };
}
