import type { JsonPath } from '../model/json';
import { makeRange, type Position, type Range } from '../text/range';
import { locateChunk } from './locate-chunk';
import {
  buildOutline,
  keyChildren,
  keyValue,
  pathOf,
  type Outline,
  type OutlineNode,
} from './outline';
import { scanLine, type KeyToken, type ScannedLine, type ScalarSpan } from './scan-line';

/** The Kubernetes object the cursor is in: the document, or an item of a `kind: List`. */
export interface ObjectAtCursor {
  /** Its `apiVersion` as written, if any. */
  apiVersion: string | undefined;
  /** Its `kind` as written, if any. */
  kind: string | undefined;
  /** Where the object sits in its document: `[]`, or `['items', 2]` inside a List. */
  basePath: JsonPath;
  /** The outline node holding the object's mapping. */
  node: OutlineNode;
}

interface CursorBase {
  /** The outline of the document at the cursor. */
  outline: Outline;
  /** The file line of the document's first line (chunk lines + this = file lines). */
  lineOffset: number;
  /** The object the cursor is in. */
  object: ObjectAtCursor;
  /** Column of the first non-blank character of the cursor line (a dash counts). */
  lineIndent: number;
}

/**
 * The cursor is where a key goes: on a key, on a word being typed (which
 * may become a key, or a sequence item's scalar), or on an empty line or
 * after `- `.
 */
export interface KeyCursor extends CursorBase {
  position: 'key';
  /** The node at the cursor: a key, a bare scalar, or an empty placeholder. */
  node: OutlineNode;
  /** Path, relative to the object, of the mapping or sequence item the node belongs to. */
  parentPath: JsonPath;
  /** The key or word under the cursor (`''` on an empty line). */
  word: string;
  /** The part of `word` before the cursor. */
  prefix: string;
  /** Where `word` is in the file (empty at the cursor when there is no word). */
  wordRange: Range;
  /** Column where the node starts. */
  column: number;
  /** True when the line already has `key:` after the word. */
  hasColon: boolean;
  /** Keys the mapping already has, other than the one at the cursor. */
  presentKeys: string[];
}

/** The cursor is after `key: ` (or on a sequence item's scalar, when `key` is undefined). */
export interface ValueCursor extends CursorBase {
  position: 'value';
  /** The key whose value the cursor is in. */
  keyNode: OutlineNode;
  /** The key's name. */
  key: string;
  /** Path, relative to the object, of the value. */
  path: JsonPath;
  /** The value as written, quotes removed (`''` when nothing is written yet). */
  value: string;
  /** The part of the written value before the cursor. */
  prefix: string;
  /** Where the value is in the file (empty at the cursor when nothing is written). */
  valueRange: Range;
}

/** Where the cursor is in a Kubernetes YAML document, worked out from indentation. */
export type CursorContext = KeyCursor | ValueCursor;

/** The object (document or List item) a node belongs to. */
function objectOf(outline: Outline, node: OutlineNode): ObjectAtCursor {
  const root = outline.root;
  if (keyValue(root, 'kind') === 'List') {
    for (let current: OutlineNode | undefined = node; current; current = current.parent) {
      const items = current.parent;
      const isListItem =
        current.type === 'item' &&
        items?.parent === root &&
        items.token?.type === 'key' &&
        items.token.name === 'items';
      if (isListItem) {
        return {
          apiVersion: keyValue(current, 'apiVersion'),
          kind: keyValue(current, 'kind'),
          basePath: ['items', current.index],
          node: current,
        };
      }
    }
  }
  return {
    apiVersion: keyValue(root, 'apiVersion'),
    kind: keyValue(root, 'kind'),
    basePath: [],
    node: root,
  };
}

/** A path relative to the object, given the object's base path. */
function relativePath(path: JsonPath, object: ObjectAtCursor): JsonPath {
  return path.slice(object.basePath.length);
}

function emptySpan(column: number): ScalarSpan {
  return { raw: '', text: '', start: column, end: column };
}

function isBlankText(text: string): boolean {
  return /^[ \t]*$/.test(text);
}

/** The placeholder scan of a cursor line where a key or item is about to be typed, if it is one. */
function placeholderLine(
  scanned: ScannedLine,
  lineText: string,
  ch: number,
): ScannedLine | undefined {
  const last = scanned.tokens[scanned.tokens.length - 1];
  if (last && last.type !== 'dash') return undefined;
  if (!isBlankText(lineText.slice(ch))) return undefined;
  const from = last ? last.column + 1 : 0;
  if (ch < from || !isBlankText(lineText.slice(from, ch))) return undefined;
  // `-|` with no space: a key typed here would not be an item's key.
  if (last && ch === last.column + 1) return undefined;
  return {
    tokens: [
      ...scanned.tokens,
      { type: 'scalar', column: ch, end: ch, span: emptySpan(ch), blockScalar: false },
    ],
    open: undefined,
  };
}

function keyCursor(
  base: CursorBase,
  node: OutlineNode,
  word: string,
  column: number,
  end: number,
  ch: number,
  hasColon: boolean,
  lineText: string,
  line: number,
): KeyCursor {
  const container = node.parent ?? base.outline.root;
  const presentKeys = keyChildren(container)
    .filter((child) => child !== node && child.token?.type === 'key')
    .map((child) => (child.token as KeyToken).name);
  return {
    ...base,
    position: 'key',
    node,
    parentPath: relativePath(pathOf(container), base.object),
    word,
    prefix: lineText.slice(column, Math.max(column, ch)),
    wordRange: makeRange(line, column, line, end),
    column,
    hasColon,
    presentKeys,
  };
}

/**
 * Works out what is at a position of a file: the document around it (only
 * that document is read), the YAML path at the cursor from indentation (so
 * half-typed lines work), whether the cursor is on a key or a value, and
 * the object's `apiVersion` and `kind`. Undefined where nothing can be
 * typed or described: inside a comment, a block scalar's text, past the
 * end of the file.
 */
export function cursorContextAt(text: string, position: Position): CursorContext | undefined {
  const chunk = locateChunk(text, position.line);
  if (!chunk) return undefined;
  const line = position.line - chunk.startLine;
  const rawLine = chunk.text.split('\n', line + 1)[line];
  if (rawLine === undefined) return undefined;
  const lineText = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
  const ch = Math.max(0, Math.min(position.character, lineText.length));
  const scanned = scanLine(lineText);
  const placeholder = placeholderLine(scanned, lineText, ch);
  const outline = buildOutline(
    chunk.text,
    placeholder ? new Map([[line, placeholder]]) : undefined,
  );
  if (outline.textLines.has(line)) return undefined;
  const nodes = outline.nodesByLine[line] ?? [];
  const node = nodes[nodes.length - 1];
  const token = node?.token;
  if (!node || !token || token.type === 'dash') return undefined;
  const fileLine = position.line;
  const base: CursorBase = {
    outline,
    lineOffset: chunk.startLine,
    object: objectOf(outline, node),
    lineIndent: (scanned.tokens[0] ?? token).column,
  };

  if (token.type === 'scalar') {
    if (ch < token.column || ch > token.end) return undefined;
    return keyCursor(
      base,
      node,
      token.span.raw,
      token.column,
      token.end,
      ch,
      false,
      lineText,
      fileLine,
    );
  }
  if (ch >= token.column && ch <= token.end) {
    return keyCursor(base, node, token.name, token.column, token.end, ch, true, lineText, fileLine);
  }
  if (ch <= token.colon || token.blockScalar) return undefined;
  const value = token.value;
  if (
    value ? ch < value.start || ch > value.end : !isBlankText(lineText.slice(token.colon + 1, ch))
  ) {
    return undefined;
  }
  const span = value ?? emptySpan(ch);
  return {
    ...base,
    position: 'value',
    keyNode: node,
    key: token.name,
    path: relativePath(pathOf(node), base.object),
    value: span.text,
    prefix: lineText.slice(span.start, Math.max(span.start, ch)),
    valueRange: makeRange(fileLine, span.start, fileLine, span.end),
  };
}
