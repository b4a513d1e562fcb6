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
