/** Small text helpers of the views. Pure. */
import type { SourceRef } from '../../server/src/core/simulation/report';
import type { CursorPosition } from '../src/panel/messages';

/** `namespace/name`. */
export function qualified(item: { namespace: string; name: string }): string {
  return `${item.namespace}/${item.name}`;
}

/** Cuts text to `max` characters with an ellipsis (for labels; the full text stays in the DOM). */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}

/** `1 pod`, `2 pods`. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

function decode(uri: string): string {
  try {
    return decodeURIComponent(uri);
  } catch {
    return uri;
  }
}

/** The last `segments` segments of a URI's path, for people: `web-shop/shop-api.yaml`. */
export function shortPath(uri: string, segments = 2): string {
  const path = decode(uri).replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
  const parts = path.split('/').filter((part) => part !== '');
  return parts.slice(-segments).join('/') || uri;
}

/** `shop-api.yaml:15` (1-based line, as editors show it). */
export function location(uri: string, line: number): string {
  return `${shortPath(uri, 1)}:${line + 1}`;
}

/**
 * Whether the cursor's line lies in an object's source. A range that ends at character 0 of a
 * line (a document that ends where the next `---` starts) does not cover that line.
 */
export function sourceContainsLine(source: SourceRef, cursor: CursorPosition): boolean {
  if (decode(source.uri) !== decode(cursor.uri)) return false;
  const { start, end } = source.range;
  if (cursor.line < start.line || cursor.line > end.line) return false;
  return cursor.line < end.line || end.character > 0 || start.line === end.line;
}
