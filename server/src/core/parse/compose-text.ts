import { SourceMapBuilder } from '../model/source-map-builder';
import { NODE_KIND } from '../model/source-map-table';
import { SCANNED_KEYS, type ComposedDocument } from './compose-cst';
import { resolvePlainScalar } from './plain-scalar';

/** A document composed straight from its text, with the line starts its source map reads positions by. */
export interface TextComposedDocument extends ComposedDocument {
  /** The offset of every line's start, as yaml's LineCounter holds them. */
  lineStarts: number[];
}

/** Thrown inside the walk when the text needs yaml; caught in composeText. Made once: an Error captures a stack. */
const LEAVE_TO_YAML = new Error('left to yaml');

function leave(): never {
  throw LEAVE_TO_YAML;
}

const NEWLINE = 10;
const RETURN = 13;
const SPACE = 32;
const QUOTE_DOUBLE = 34;
const HASH = 35;
const PERCENT = 37;
const QUOTE_SINGLE = 39;
const COMMA = 44;
const DASH = 45;
const DOT = 46;
const COLON = 58;
const BRACKET_OPEN = 91;
const BACKSLASH = 92;
const BRACKET_CLOSE = 93;
const BRACE_OPEN = 123;
const PIPE = 124;
const BRACE_CLOSE = 125;

/**
 * Characters this composer never reads: tabs, other controls, a carriage
 * return not followed by a line feed, a byte-order mark, Unicode line breaks.
 */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const UNREAD_CHARACTERS = /[\x00-\x09\x0b\x0c\x0e-\x1f\x7f\x85\u2028\u2029\ufeff]|\r(?!\n)/;

/** Characters a plain scalar may not start with here (yaml's indicators; `-` is checked on its own). */
const INDICATOR_START = new Set('?:,[]{}#&*!|>\'"%@`'.split('').map((ch) => ch.charCodeAt(0)));

/** A key taken here is at most this long (yaml gives up on implicit keys over 1024 characters). */
const MAX_KEY_LINE = 1000;

/** Letters, digits and `-_./`: the characters a key taken here is made of (label and annotation keys among them). */
function isKeyCharacter(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 48 && code <= 57) ||
    code === DASH ||
    code === 95 ||
    code === DOT ||
    code === 47
  );
}

/**
 * Builds a document's plain value and source map straight from its text, for
 * the block YAML manifests are mostly written in: block maps of plain keys,
 * block sequences, one-line plain and quoted scalars, literal block scalars,
 * one-line flow sequences of scalars, `{}`, comment lines, CRLF line ends.
 * yaml's lexer and parser (most of parsing a manifest, and
 * most of the garbage it makes) are skipped for those. Every value, range and
 * source is what yaml's composer gives (compose-cst.ts mirrors it token by
 * token; this mirrors the same rules line by line), and a unit test compares
 * both over every fixture, the corpus, thousands of typos and comment lines
 * inserted at random indents. Everything else —
 * comment lines after a left-out value or a block scalar, folded block
 * scalars, multi-line scalars, escapes, anchors, tags, quoted keys, odd
 * indentation, and anything yaml would report — returns `undefined`, and the
 * caller parses the text with yaml.
 */
export function composeText(text: string): TextComposedDocument | undefined {
  if (UNREAD_CHARACTERS.test(text)) return undefined;
  try {
    return new TextComposer(text).document();
  } catch {
    // LEAVE_TO_YAML, or a stack overflow on deep nesting: yaml reports those.
    return undefined;
  }
}

class TextComposer {
  private readonly builder = new SourceMapBuilder();
  /** yaml's `range[2]` of the node composed last: its end past the rest of its line. */
  private end = 0;
  /** The source-map id of the node composed last (the compose methods return its plain value). */
  private id = 0;
  /** True when the node composed last is a left-out value (`key:` with nothing under it). */
  private lastEmpty = false;
  /** The current content line: its first offset, the offset of its first non-space, its end (its `\r\n` or `\n`, or the text end); indent -1 at the end. */
  private lineStart = 0;
  private content = 0;
  private lineEnd = 0;
  private indent = -1;
  /** Whether the last advance passed comment lines, and the deepest of those no value took (-1: none). */
  private commentsSkipped = false;
  private trailingCommentIndent = -1;

  constructor(private readonly text: string) {}

  document(): TextComposedDocument {
    const text = this.text;
    // Blank and comment lines before the document belong to the stream; then an optional `---` line.
    let offset = this.skipPreamble(0);
    let start: number;
    if (text.startsWith('---', offset) && this.endsToken(offset + 3)) {
      start = offset;
      const rest = this.skipSpaces(offset + 3);
      const lineEnd = this.lineEndFrom(rest);
      if (rest < lineEnd && text.charCodeAt(rest) !== HASH) leave();
      if (rest === lineEnd && this.onlyNewlines(lineEnd)) return this.emptyDocument(start, rest);
      offset = this.skipPreamble(this.nextLineStart(lineEnd));
      this.advance(offset);
    } else {
      this.advance(offset);
      // yaml's document starts with the line of its first content, indentation included.
      start = this.lineStart;
    }
    if (this.indent < 0) leave();
    const value = this.blockNode();
    if (this.indent >= 0) leave();
    const root = this.id;
    // Blank lines after the last value end the document; after a left-out value yaml keeps them with the key.
    const end = this.lastEmpty ? this.end : text.length;
    const lineStarts = this.lineStarts();
    return {
      value,
      sourceMap: this.builder.finish(root, lineStarts),
      range: [start, end],
      empty: false,
      lineStarts,
    };
  }

  /** True when nothing but line ends follows `offset`. */
  private onlyNewlines(offset: number): boolean {
    for (let at = offset; at < this.text.length; at++) if (!this.isLineBreak(at)) return false;
    return true;
  }

  /** A `---` line and nothing after it (a file ending in `---`): yaml's empty document, a null after the marker. */
  private emptyDocument(start: number, at: number): TextComposedDocument {
    const root = this.builder.addScalar(at, at, '');
    const lineStarts = this.lineStarts();
    return {
      value: undefined,
      sourceMap: this.builder.finish(root, lineStarts),
      range: [start, at],
      empty: true,
      lineStarts,
    };
  }

  /** The offset of every line's start, as yaml's LineCounter counts them. */
  private lineStarts(): number[] {
    const text = this.text;
    const lineStarts = [0];
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1))
      lineStarts.push(at + 1);
    return lineStarts;
  }

  /** Skips blank and comment lines from line start `offset`; returns the start of the first other line. */
  private skipPreamble(offset: number): number {
    const text = this.text;
    while (offset < text.length) {
      const first = this.skipSpaces(offset);
      const code = text.charCodeAt(first);
      if (code === NEWLINE || code === RETURN) offset = this.nextLineStart(first);
      else if (code === HASH) offset = this.nextLineStart(this.lineEndFrom(first));
      else if (code === PERCENT && first === offset)
        leave(); // a directive
      else return offset;
    }
    return text.length;
  }

  private skipSpaces(offset: number): number {
    while (this.text.charCodeAt(offset) === SPACE) offset++;
    return offset;
  }

  /** Where the line holding `offset` ends: its `\r\n` or `\n`, or the text end. */
  private lineEndFrom(offset: number): number {
    const text = this.text;
    const newline = text.indexOf('\n', offset);
    if (newline === -1) return text.length;
    return newline > offset && text.charCodeAt(newline - 1) === RETURN ? newline - 1 : newline;
  }

  /** The start of the line after the one ending at `lineEnd` (the text end after the last). */
  private nextLineStart(lineEnd: number): number {
    if (lineEnd >= this.text.length) return this.text.length;
    return this.text.charCodeAt(lineEnd) === RETURN ? lineEnd + 2 : lineEnd + 1;
  }

  /** A `\n`, or the `\r` of a `\r\n` (every `\r` read here is one). */
  private isLineBreak(offset: number): boolean {
    const code = this.text.charCodeAt(offset);
    return code === NEWLINE || code === RETURN;
  }

  /** True at a token's end: a space, a line end or the text end. */
  private endsToken(offset: number): boolean {
    const code = this.text.charCodeAt(offset);
    return offset >= this.text.length || code === SPACE || code === NEWLINE || code === RETURN;
  }

  /** `- ` or a `-` ending its line at `offset`: a block sequence item. */
  private isDash(offset: number): boolean {
    return this.text.charCodeAt(offset) === DASH && this.endsToken(offset + 1);
  }

  /**
   * Moves to the first content line at or after line start `offset`; indent -1
   * at the text end. Comment lines on the way go where yaml's parser puts them:
   * while each is indented deeper than `absorbAbove` (the column of the
   * collection holding the value just read, when that value is a one-line
   * scalar or flow collection), it joins that value's end; the rest are left
   * for the collections that end here (see keepComments).
   */
  private advance(offset: number, absorbAbove = Infinity): void {
    const text = this.text;
    let absorbing = true;
    this.commentsSkipped = false;
    this.trailingCommentIndent = -1;
    while (offset < text.length) {
      const content = this.skipSpaces(offset);
      const code = text.charCodeAt(content);
      if (code === NEWLINE || code === RETURN) {
        offset = this.nextLineStart(content);
        continue;
      }
      if (content >= text.length) break;
      if (code === HASH) {
        const next = this.nextLineStart(this.lineEndFrom(content));
        const indent = content - offset;
        this.commentsSkipped = true;
        if (absorbing && indent > absorbAbove) this.end = next;
        else {
          absorbing = false;
          this.trailingCommentIndent = Math.max(this.trailingCommentIndent, indent);
        }
        offset = next;
        continue;
      }
      if (
        content === offset &&
        (text.startsWith('---', content) || text.startsWith('...', content)) &&
        this.endsToken(content + 3)
      )
        leave();
      this.lineStart = offset;
      this.content = content;
      this.lineEnd = this.lineEndFrom(content);
      this.indent = content - offset;
      return;
    }
    this.lineStart = this.content = this.lineEnd = text.length;
    this.indent = -1;
  }

  /**
   * When a collection at column `indent` ends: yaml's parser hands the comment
   * lines after its last value up to the parent, unless the collection is
   * indented and one of them is at least as deep; then the collection keeps
   * them, and its end (not its range) reaches the next content.
   */
  private keepComments(indent: number): void {
    if (indent > 0 && this.trailingCommentIndent >= indent) {
      this.end = this.content;
      this.trailingCommentIndent = -1;
    }
  }

  /** Moves past the current line's end to the next content line; see advance for `absorbAbove`. */
  private nextLine(absorbAbove: number): void {
    this.end = this.nextLineStart(this.lineEnd);
    this.advance(this.end, absorbAbove);
  }

  /** A block map or sequence starting at the current content line. */
  private blockNode(): unknown {
    return this.isDash(this.content)
      ? this.blockSeq(this.content, this.indent)
      : this.blockMap(this.content, this.indent);
  }

  /** The `:` that ends a plain key starting at `offset`, or -1 when the line is no `key:` line. */
  private keyColon(offset: number): number {
    const text = this.text;
    let at = offset;
    while (isKeyCharacter(text.charCodeAt(at))) at++;
    return at > offset && text.charCodeAt(at) === COLON && this.endsToken(at + 1) ? at : -1;
  }

  /** True when the `key` of a map being built (its `keys`) repeats one of them. */
  private static repeats(object: object, keys: readonly string[], key: string): boolean {
    if (keys.length > SCANNED_KEYS) return Object.prototype.hasOwnProperty.call(object, key);
    return keys.includes(key);
  }

  private blockMap(start: number, indent: number): unknown {
    const { builder, text } = this;
    const id = builder.add(NODE_KIND.map, start, start);
    const keys: string[] = [];
    const slots: number[] = [];
    const object: Record<string, unknown> = {};
    let at = start;
    for (;;) {
      const colon = this.keyColon(at);
      if (colon < 0 || colon - this.lineStart > MAX_KEY_LINE) leave();
      const keyText = text.slice(at, colon);
      const key = resolvePlainScalar(keyText, leave);
      if (typeof key !== 'string' || key === '__proto__' || key === '<<') leave();
      if (TextComposer.repeats(object, keys, key)) leave();
      const keyId = builder.addScalar(at, colon, keyText);
      const value = this.mapValue(colon + 1, indent);
      keys.push(key);
      slots.push(keyId, this.id);
      object[key] = value;
      if (this.indent > indent) leave();
      if (this.indent < indent) break;
      at = this.content;
      if (this.isDash(at)) leave();
    }
    builder.setEntries(id, keys, slots);
    builder.setRange(id, start, this.end);
    this.keepComments(indent);
    this.id = id;
    return object;
  }

  /** The value after a key's `:` at `offset`: on the key's line, under it, or left out. */
  private mapValue(offset: number, indent: number): unknown {
    const at = this.skipSpaces(offset);
    if (at < this.lineEnd) {
      if (this.text.charCodeAt(at) === HASH) leave();
      return this.inlineValue(at, indent);
    }
    this.advance(this.nextLineStart(at));
    if (this.indent > indent || (this.indent === indent && this.isDash(this.content))) {
      // Comment lines between the key and its value are the value's props: no end moves.
      this.trailingCommentIndent = -1;
      return this.blockNode();
    }
    // yaml keeps comment lines after a left-out value with its key, or with the next key.
    if (this.commentsSkipped) leave();
    // yaml's composeEmptyNode: a null scalar after the `:` and the spaces that follow it.
    this.id = this.builder.addScalar(at, at, '');
    this.end = at;
    this.lastEmpty = true;
    return resolvePlainScalar('', leave);
  }

  private blockSeq(start: number, indent: number): unknown[] {
    const builder = this.builder;
    const id = builder.add(NODE_KIND.seq, start, start);
    const items: unknown[] = [];
    const ids: number[] = [];
    let at = start;
    for (;;) {
      const content = this.skipSpaces(at + 1);
      // An item on the lines under its `-`, or none: left to yaml.
      if (content >= this.lineEnd) leave();
      items.push(this.seqItem(content, indent));
      ids.push(this.id);
      if (this.indent > indent) leave();
      if (this.indent < indent || !this.isDash(this.content)) break;
      at = this.content;
    }
    builder.setItems(id, ids);
    builder.setRange(id, start, this.end);
    this.keepComments(indent);
    this.id = id;
    return items;
  }

  /** A sequence item on its `-` line: a map (`- name: x`), a scalar or a flow collection. */
  private seqItem(at: number, indent: number): unknown {
    const code = this.text.charCodeAt(at);
    if (code !== QUOTE_DOUBLE && code !== QUOTE_SINGLE && this.keyColon(at) >= 0)
      return this.blockMap(at, at - this.lineStart);
    return this.inlineValue(at, indent);
  }

  /**
   * A value starting at `at` on its key's or `-`'s line, in a collection at
   * column `indent`: a scalar or flow collection to the line's end, or a block
   * scalar; then moves to the next content line.
   */
  private inlineValue(at: number, indent: number): unknown {
    const text = this.text;
    const code = text.charCodeAt(at);
    if (code === PIPE) return this.literalScalar(at, indent);
    let value: unknown;
    let valueEnd: number;
    if (code === QUOTE_DOUBLE || code === QUOTE_SINGLE) {
      const quoted = this.quotedScalar(at);
      value = quoted.value;
      valueEnd = quoted.end;
    } else if (code === BRACKET_OPEN || code === BRACE_OPEN) {
      value = this.flowCollection(at);
      valueEnd = this.end;
    } else {
      if (INDICATOR_START.has(code) || this.isDash(at)) leave();
      valueEnd = this.plainEnd(at);
      const source = text.slice(at, valueEnd);
      value = resolvePlainScalar(source, leave);
      this.id = this.builder.addScalar(at, valueEnd, source);
    }
    this.lineRest(valueEnd);
    this.lastEmpty = false;
    this.nextLine(indent);
    return value;
  }

  /**
   * A literal block scalar (`|` or `|-`) whose header is at `at`, in a
   * collection at column `indent`, as yaml's lexer cuts it and its
   * resolveBlockScalar reads it: the first content line sets the indentation,
   * the value runs to the last line indented at least as much, and ends with
   * one newline (`|`) or none (`|-`). Explicit indentation, `+`, folded (`>`)
   * scalars and lines of spaces only are left to yaml.
   */
  private literalScalar(at: number, indent: number): unknown {
    const text = this.text;
    let headerEnd = at + 1;
    const strip = text.charCodeAt(headerEnd) === DASH;
    if (strip) headerEnd++;
    this.lineRest(headerEnd);
    const lines: string[] = [];
    let trim = -1;
    let contentEnd = -1;
    let blankRun = 0;
    let lineStart = this.nextLineStart(this.lineEnd);
    while (lineStart < text.length) {
      const content = this.skipSpaces(lineStart);
      const lineEnd = this.lineEndFrom(content);
      if (content === lineEnd) {
        // An empty line belongs to the value if a content line follows; spaces alone are left to yaml.
        if (content > lineStart) leave();
        blankRun++;
        lineStart = this.nextLineStart(lineEnd);
        continue;
      }
      const lineIndent = content - lineStart;
      if (trim < 0) {
        if (lineIndent <= indent) break;
        trim = lineIndent;
      } else if (lineIndent < trim) break;
      for (; blankRun > 0; blankRun--) lines.push('');
      lines.push(text.slice(lineStart + trim, lineEnd));
      contentEnd = this.nextLineStart(lineEnd);
      lineStart = contentEnd;
    }
    // No content line: yaml's value is empty, or the header stands alone.
    if (trim < 0) leave();
    const value = strip ? lines.join('\n') : `${lines.join('\n')}\n`;
    this.id = this.builder.addScalar(at, contentEnd, value);
    this.lastEmpty = false;
    this.end = contentEnd;
    this.advance(contentEnd);
    // A block scalar has no end list for comment lines to join; where yaml puts them is left to it.
    if (this.commentsSkipped) leave();
    return value;
  }

  /** The end of a one-line plain scalar from `at`: before a ` #` comment and trailing spaces. */
  private plainEnd(at: number): number {
    const text = this.text;
    const lineEnd = this.lineEnd;
    let end = at;
    for (let i = at; i < lineEnd; i++) {
      const code = text.charCodeAt(i);
      if (code === SPACE) continue;
      if (code === HASH && text.charCodeAt(i - 1) === SPACE) break;
      // `: ` inside a value would start a map on the key's line, which yaml reports.
      if (code === COLON && this.endsToken(i + 1)) leave();
      end = i + 1;
    }
    return end;
  }

  /** A one-line quoted scalar opening at `at`, added as the node composed last: its value and where it ends. */
  private quotedScalar(at: number): { value: string; end: number } {
    const close = this.closingQuote(at);
    const source = this.text.slice(at + 1, close);
    const value = this.text.charCodeAt(at) === QUOTE_SINGLE ? source.replaceAll("''", "'") : source;
    this.id = this.builder.addScalar(at, close + 1, value);
    return { value, end: close + 1 };
  }

  /** The closing quote of a one-line quoted scalar opening at `at`, without escapes. */
  private closingQuote(at: number): number {
    const text = this.text;
    const quote = text.charCodeAt(at);
    for (let i = at + 1; i < this.lineEnd; i++) {
      const code = text.charCodeAt(i);
      if (code === BACKSLASH && quote === QUOTE_DOUBLE) leave();
      if (code !== quote) continue;
      if (quote === QUOTE_SINGLE && text.charCodeAt(i + 1) === QUOTE_SINGLE) {
        i++;
        continue;
      }
      return i;
    }
    return leave();
  }

  /** After a value: only spaces and a comment to the line's end. */
  private lineRest(offset: number): void {
    const at = this.skipSpaces(offset);
    if (at >= this.lineEnd) return;
    if (this.text.charCodeAt(at) !== HASH || at === offset) leave();
  }

  /** `[a, "b"]`, `[]` and `{}` on one line; returns the value and sets `end` to the closing bracket's end. */
  private flowCollection(start: number): unknown {
    const { builder, text } = this;
    const isMap = text.charCodeAt(start) === BRACE_OPEN;
    const id = builder.add((isMap ? NODE_KIND.map : NODE_KIND.seq) | NODE_KIND.flow, start, start);
    const items: unknown[] = [];
    const ids: number[] = [];
    let at = this.skipSpaces(start + 1);
    if (isMap) {
      if (text.charCodeAt(at) !== BRACE_CLOSE) leave();
    } else if (text.charCodeAt(at) !== BRACKET_CLOSE) {
      for (;;) {
        const code = text.charCodeAt(at);
        if (code === QUOTE_DOUBLE || code === QUOTE_SINGLE) {
          const quoted = this.quotedScalar(at);
          ids.push(this.id);
          items.push(quoted.value);
          at = this.skipSpaces(quoted.end);
        } else {
          // `-` before a space or flow indicator is an item indicator in flow too, which yaml reports.
          if (
            INDICATOR_START.has(code) ||
            (code === DASH && !isKeyCharacter(text.charCodeAt(at + 1)))
          )
            leave();
          let itemEnd = at;
          let i = at;
          for (; i < this.lineEnd; i++) {
            const c = text.charCodeAt(i);
            if (c === COMMA || c === BRACKET_CLOSE) break;
            if (
              c === COLON ||
              c === HASH ||
              c === BRACKET_OPEN ||
              c === BRACE_OPEN ||
              c === BRACE_CLOSE
            )
              leave();
            if (c !== SPACE) itemEnd = i + 1;
          }
          const source = text.slice(at, itemEnd);
          ids.push(builder.addScalar(at, itemEnd, source));
          items.push(resolvePlainScalar(source, leave));
          at = i;
        }
        const next = text.charCodeAt(at);
        if (at >= this.lineEnd) leave();
        if (next === BRACKET_CLOSE) break;
        if (next !== COMMA) leave();
        at = this.skipSpaces(at + 1);
        // `[a, ]`: yaml allows the trailing comma; rare enough to leave.
        if (text.charCodeAt(at) === BRACKET_CLOSE || at >= this.lineEnd) leave();
      }
    }
    const closeEnd = at + 1;
    builder.setItems(id, ids);
    builder.setRange(id, start, closeEnd);
    this.id = id;
    this.end = closeEnd;
    return isMap ? {} : items;
  }
}
