import type { Position } from './range';

/**
 * Where a text changed, as offsets (UTF-16 code units): the old text's
 * `[start, oldEnd)` became the new text's `[start, newEnd)`; everything
 * before `start` and after the changed region is the same in both.
 */
export interface TextEdit {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** One replacement: `[start, end)` of the text replaced by `insertedLength` code units. */
export function replacementEdit(start: number, end: number, insertedLength: number): TextEdit {
  return { start, oldEnd: end, newEnd: start + insertedLength };
}

/**
 * The one edit that covers `first` and then `second` (whose offsets are in
 * the text `first` produced): the smallest region outside of which the
 * oldest and the newest text are the same.
 */
export function composeEdits(first: TextEdit, second: TextEdit): TextEdit {
  const start = Math.min(first.start, second.start);
  // The union of both changed regions, in the middle text's offsets.
  const middleEnd = Math.max(first.newEnd, second.oldEnd);
  return {
    start,
    // Past first.newEnd the middle text is the old one moved by first's growth.
    oldEnd: first.oldEnd + (middleEnd - first.newEnd),
    // Past second.oldEnd the new text is the middle one moved by second's growth.
    newEnd: middleEnd + (second.newEnd - second.oldEnd),
  };
}

/**
 * One replacement as positions: the old text's `start`..`end` became text
 * of `lines` line breaks whose last line has `lastLineLength` code units.
 */
export interface PositionEdit {
  start: Position;
  end: Position;
  lines: number;
  lastLineLength: number;
}

/** The replacement of `start`..`end` by `inserted`, as positions. */
export function positionEdit(start: Position, end: Position, inserted: string): PositionEdit {
  const lastBreak = inserted.lastIndexOf('\n');
  let lines = 0;
  for (let at = inserted.indexOf('\n'); at !== -1; at = inserted.indexOf('\n', at + 1)) lines++;
  return {
    start,
    end,
    lines,
    lastLineLength: lastBreak === -1 ? inserted.length : inserted.length - lastBreak - 1,
  };
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/**
 * Where a position of the old text is after `edit`, as an editor moves a
 * marker: before the replaced text it stays, after it it moves with the
 * text, inside it it goes to where the replacement starts.
 */
export function movePosition(position: Position, edit: PositionEdit): Position {
  if (before(position, edit.start)) return position;
  if (before(position, edit.end)) return edit.start;
  if (position.line > edit.end.line) {
    const line = position.line + edit.lines - (edit.end.line - edit.start.line);
    return line === position.line ? position : { line, character: position.character };
  }
  const lineStart = edit.lines === 0 ? edit.start.character : 0;
  return {
    line: edit.start.line + edit.lines,
    character: lineStart + edit.lastLineLength + (position.character - edit.end.character),
  };
}
