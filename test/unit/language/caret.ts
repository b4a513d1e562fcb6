import type { Position } from '../../../server/src/core/text/range';

/** A YAML fixture with its cursor: `|` marks the cursor and is removed from the text. */
export interface CaretText {
  text: string;
  position: Position;
}

/**
 * Strips the one `|` caret from an inline fixture and gives the cursor's
 * position. `eol: '\r\n'` turns the fixture into CRLF text (the position
 * does not change: `\r` ends a line).
 */
export function caret(source: string, options: { eol?: '\n' | '\r\n' } = {}): CaretText {
  const at = source.indexOf('|');
  if (at === -1 || source.indexOf('|', at + 1) !== -1) {
    throw new Error('a fixture needs exactly one | caret');
  }
  const before = source.slice(0, at);
  const line = before.split('\n').length - 1;
  const character = at - (before.lastIndexOf('\n') + 1);
  const text = before + source.slice(at + 1);
  return {
    text: options.eol === '\r\n' ? text.replace(/\n/g, '\r\n') : text,
    position: { line, character },
  };
}

/** Joins lines into a fixture (keeps indentation readable in test code). */
export function yaml(...lines: string[]): string {
  return lines.join('\n');
}
