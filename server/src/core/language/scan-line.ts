/** A scalar written on a line: its source text and its value with quotes removed. */
export interface ScalarSpan {
  /** The text as written (`"80"`, `NodePort`). */
  raw: string;
  /** The value with quotes and escapes resolved (`80`, `NodePort`). */
  text: string;
  /** Column of the first character. */
  start: number;
  /** Column after the last character (a comment is not part of it). */
  end: number;
}

/** A `- ` sequence-item marker. */
export interface DashToken {
  type: 'dash';
  column: number;
}

/** A `key:` of a block mapping, with the scalar written after it on the same line, if any. */
export interface KeyToken {
  type: 'key';
  column: number;
  /** Column after the key (after its closing quote when quoted). */
  end: number;
  /** The key with quotes removed. */
  name: string;
  /** Column of the `:`. */
  colon: number;
  /** The value written on the same line; undefined when the value is on the next lines. */
  value: ScalarSpan | undefined;
  /** True when the value is a block scalar (`|`, `>-`): the more indented lines below are text. */
  blockScalar: boolean;
}

/** Text on a line that is neither a key nor a dash: a sequence item's scalar, or a word being typed. */
export interface ScalarToken {
  type: 'scalar';
  column: number;
  end: number;
  span: ScalarSpan;
  /** True for `- |`: the more indented lines below are text. */
  blockScalar: boolean;
}

/** One structural piece of a block-YAML line. */
export type LineToken = DashToken | KeyToken | ScalarToken;

/** A line of block YAML read without a parser, so that lines which do not parse yet still have a shape. */
export interface ScannedLine {
  /** Dashes first, then at most one key or scalar; empty for blank, comment and marker lines. */
  tokens: LineToken[];
  /**
   * Set when the line leaves a flow collection (`[`, `{`) or a quoted scalar
   * open: how the lines that continue it are recognised.
   */
  open: { flowDepth: number; quote: '"' | "'" | undefined } | undefined;
}

const DOCUMENT_MARKER = /^(?:---|\.\.\.)(?:[ \t]|$)/;
/** Props (anchor, tag) and a block scalar header: `|`, `>-`, `&a |2`. */
const BLOCK_SCALAR_HEADER = /^(?:[&!]\S*[ \t]+)*[|>][0-9+-]*$/;
/** Only props: the value (a block collection) follows on the next lines. */
const ONLY_PROPS = /^(?:[&!]\S*)(?:[ \t]+[&!]\S*)*$/;
/** First characters that cannot start a plain key (indicators). */
const NOT_A_PLAIN_KEY = new Set(['[', '{', '|', '>', '*', '!', '&', '%', '@', '`', '?', ',', '#']);

function isBlank(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t';
}

function skipBlanks(line: string, from: number): number {
  let i = from;
  while (isBlank(line[i])) i++;
  return i;
}

/** Column after the closing quote of a quoted scalar starting at `start`, or -1 when it is not closed. */
function closingQuote(line: string, start: number): number {
  const quote = line[start];
  for (let i = start + 1; i < line.length; i++) {
    const ch = line[i];
    if (quote === '"' && ch === '\\') {
      i++;
    } else if (ch === quote) {
      if (quote === "'" && line[i + 1] === "'") i++;
      else return i + 1;
    }
  }
  return -1;
}

function unquote(raw: string): string {
  if (raw.length >= 2 && raw.startsWith("'") && raw.endsWith("'")) {
    return raw.slice(1, -1).replace(/''/g, "'");
  }
  if (raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"')) {
    try {
      const parsed: unknown = JSON.parse(raw);
      if (typeof parsed === 'string') return parsed;
    } catch {
      // YAML escapes JSON lacks (`\x41`); the text between the quotes is close enough.
    }
    return raw.slice(1, -1);
  }
  return raw;
}

/** The end of plain text starting at `from`: before ` #` (a comment) or the line's end, trailing blanks trimmed. */
function plainEnd(line: string, from: number): number {
  let end = line.length;
  for (let i = from; i < line.length; i++) {
    if (line[i] === '#' && (i === from || isBlank(line[i - 1]))) {
      end = i;
      break;
    }
  }
  while (end > from && isBlank(line[end - 1])) end--;
  return end;
}

interface ScalarRead {
  span: ScalarSpan;
  open: ScannedLine['open'];
}

/** Reads the scalar (or flow collection) starting at `from`; undefined when only a comment follows. */
function readScalar(line: string, from: number): ScalarRead | undefined {
  if (from >= line.length || line[from] === '#') return undefined;
  const first = line[from];
  if (first === '"' || first === "'") {
    const close = closingQuote(line, from);
    if (close === -1) {
      const end = plainEnd(line, from);
      const raw = line.slice(from, end);
      return {
        span: { raw, text: raw.slice(1), start: from, end },
        open: { flowDepth: 0, quote: first },
      };
    }
    const raw = line.slice(from, close);
    return { span: { raw, text: unquote(raw), start: from, end: close }, open: undefined };
  }
  const end = plainEnd(line, from);
  const raw = line.slice(from, end);
  const depth = first === '[' || first === '{' ? Math.max(0, flowDepthDelta(raw)) : 0;
  return {
    span: { raw, text: raw, start: from, end },
    open: depth > 0 ? { flowDepth: depth, quote: undefined } : undefined,
  };
}

/** Reads `key:` at `from`: the key's end and the colon's column, or undefined when there is none. */
function readKey(
  line: string,
  from: number,
): { name: string; end: number; colon: number } | undefined {
  const first = line[from] ?? '';
  if (first === '"' || first === "'") {
    const close = closingQuote(line, from);
    if (close === -1) return undefined;
    const colon = skipBlanks(line, close);
    if (line[colon] !== ':' || !(colon + 1 === line.length || isBlank(line[colon + 1]))) {
      return undefined;
    }
    return { name: unquote(line.slice(from, close)), end: close, colon };
  }
  if (NOT_A_PLAIN_KEY.has(first)) return undefined;
  for (let i = from; i < line.length; i++) {
    const ch = line[i];
    if (ch === ':' && (i + 1 === line.length || isBlank(line[i + 1]))) {
      let end = i;
      while (end > from && isBlank(line[end - 1])) end--;
      if (end === from) return undefined;
      return { name: line.slice(from, end), end, colon: i };
    }
    if (ch === '#' && isBlank(line[i - 1])) return undefined;
  }
  return undefined;
}

/**
 * Reads one line of block YAML (no trailing `\r`) into its dashes, key and
 * scalar. Flow collections and multi-line scalars are only recognised well
 * enough to skip their continuation lines.
 */
export function scanLine(line: string): ScannedLine {
  const tokens: LineToken[] = [];
  if (DOCUMENT_MARKER.test(line) || line.startsWith('%')) return { tokens, open: undefined };
  let i = skipBlanks(line, 0);
  while (line[i] === '-' && (i + 1 === line.length || isBlank(line[i + 1]))) {
    tokens.push({ type: 'dash', column: i });
    i = skipBlanks(line, i + 1);
  }
  if (i >= line.length || line[i] === '#') return { tokens, open: undefined };
  const key = readKey(line, i);
  if (key) {
    const read = readScalar(line, skipBlanks(line, key.colon + 1));
    const raw = read?.span.raw ?? '';
    const blockScalar = BLOCK_SCALAR_HEADER.test(raw);
    const valueIsProps = ONLY_PROPS.test(raw);
    tokens.push({
      type: 'key',
      column: i,
      end: key.end,
      name: key.name,
      colon: key.colon,
      value: read && !blockScalar && !valueIsProps ? read.span : undefined,
      blockScalar,
    });
    return { tokens, open: read?.open };
  }
  const read = readScalar(line, i);
  if (!read) return { tokens, open: undefined };
  tokens.push({
    type: 'scalar',
    column: i,
    end: read.span.end,
    span: read.span,
    blockScalar: BLOCK_SCALAR_HEADER.test(read.span.raw),
  });
  return { tokens, open: read.open };
}

/** Whether a continuation line closes what a previous line left open; returns what stays open. */
export function continueOpen(
  line: string,
  open: NonNullable<ScannedLine['open']>,
): ScannedLine['open'] {
  if (open.quote) {
    for (let i = 0; i < line.length; i++) {
      if (open.quote === '"' && line[i] === '\\') i++;
      else if (line[i] === open.quote) {
        if (open.quote === "'" && line[i + 1] === "'") i++;
        else return undefined;
      }
    }
    return open;
  }
  const depth = open.flowDepth + flowDepthDelta(line);
  return depth > 0 ? { flowDepth: depth, quote: undefined } : undefined;
}

/** Net `[`/`{` depth a line opens or (negative) closes; quoted text and comments are skipped. */
function flowDepthDelta(line: string): number {
  let delta = 0;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"' || ch === "'") {
      const close = closingQuote(line, i);
      if (close === -1) break;
      i = close - 1;
    } else if (ch === '[' || ch === '{') delta++;
    else if (ch === ']' || ch === '}') delta--;
    else if (ch === '#' && (i === 0 || isBlank(line[i - 1]))) break;
  }
  return delta;
}
