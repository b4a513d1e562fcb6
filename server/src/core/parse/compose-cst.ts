import { CST } from 'yaml';
import type { SourceMap } from '../model/source-map';
import { SourceMapBuilder } from '../model/source-map-builder';
import { NODE_KIND } from '../model/source-map-table';
import { resolvePlainScalar } from './plain-scalar';

/** A document composed straight from yaml's CST. */
export interface ComposedDocument {
  /** The plain value, as yaml's `Document.toJS()` gives it; `undefined` for an empty document. */
  value: unknown;
  sourceMap: SourceMap;
  /** The document's offsets: where it starts and where its content ends (yaml's `range[0]`, `range[2]`). */
  range: [number, number];
  empty: boolean;
}

/**
 * Thrown inside the walk when the document needs yaml's own composer; caught in
 * composeCst. One instance, made once: an Error captures a stack when it is made.
 */
const LEAVE_TO_YAML = new Error('left to yaml');

type SourceToken = CST.SourceToken;
type FlowScalar = CST.FlowScalar;

/** What resolveProps of yaml's composer finds in the tokens before a node, for the accepted subset. */
interface Props {
  found: SourceToken | undefined;
  comma: SourceToken | undefined;
  comment: boolean;
  hasNewline: boolean;
  end: number;
}

/** Up to this many entries, a map's keys are compared one by one to find a repeated key. */
export const SCANNED_KEYS = 16;

/** First characters yaml reports a plain scalar for (BAD_SCALAR_START): left to resolveAsScalar. */
const BAD_PLAIN_START = new Set(['\t', ',', '%', '|', '>', '@', '`']);

function leave(): never {
  throw LEAVE_TO_YAML;
}

/** yaml's emptyScalarPosition: an empty value sits after the last token before it, past spaces. */
function emptyScalarPosition(offset: number, before: readonly SourceToken[] | undefined): number {
  if (!before) return offset;
  for (let i = before.length - 1; i >= 0; --i) {
    let token = before[i] as SourceToken;
    if (token.type === 'space' || token.type === 'comment' || token.type === 'newline') {
      offset -= token.source.length;
      continue;
    }
    token = before[++i] as SourceToken;
    while (token?.type === 'space') {
      offset += token.source.length;
      token = before[++i] as SourceToken;
    }
    break;
  }
  return offset;
}

/**
 * yaml's resolveProps for the tokens this composer accepts: spaces, comments,
 * newlines, the one indicator and (in flow) one comma. Anchors, tags, tabs and
 * anything yaml would report as an error are left to yaml.
 */
function resolveProps(
  tokens: readonly SourceToken[],
  indicator: SourceToken['type'],
  offset: number,
  startOnNewline: boolean,
  flow: boolean,
): Props {
  let hasSpace = startOnNewline;
  let comment = false;
  let hasNewline = false;
  let found: SourceToken | undefined;
  let comma: SourceToken | undefined;
  for (const token of tokens) {
    switch (token.type) {
      case 'space':
        if (token.source.includes('\t')) leave();
        hasSpace = true;
        break;
      case 'comment':
        if (!hasSpace) leave();
        comment = true;
        break;
      case 'newline':
        hasNewline = true;
        hasSpace = true;
        break;
      case indicator:
        if (found) leave();
        found = token;
        hasSpace = false;
        break;
      case 'comma':
        if (!flow || comma) leave();
        comma = token;
        hasSpace = false;
        break;
      default:
        leave();
    }
  }
  const last = tokens[tokens.length - 1];
  const end = last ? last.offset + last.source.length : offset;
  return { found, comma, comment, hasNewline, end };
}

/** yaml's resolveEnd: the offset after a node's trailing spaces, comments and newlines. */
function resolveEnd(
  end: readonly SourceToken[] | undefined,
  offset: number,
  reqSpace: boolean,
): number {
  if (!end) return offset;
  let hasSpace = false;
  for (const token of end) {
    switch (token.type) {
      case 'space':
        hasSpace = true;
        break;
      case 'comment':
        if (reqSpace && !hasSpace) leave();
        break;
      case 'newline':
        hasSpace = true;
        break;
      default:
        leave();
    }
    offset += token.source.length;
  }
  return offset;
}

function isScalarToken(token: CST.Token | null | undefined): token is FlowScalar {
  return (
    token?.type === 'scalar' ||
    token?.type === 'single-quoted-scalar' ||
    token?.type === 'double-quoted-scalar'
  );
}

function containsNewline(key: FlowScalar): boolean {
  if (key.source.includes('\n')) return true;
  return key.end?.some((token) => token.type === 'newline') ?? false;
}

/**
 * Builds a document's plain value and its source map in one walk of yaml's
 * CST, in place of yaml's composer (Document nodes), `toJS` and a second walk
 * for the map: together about half of parsing a manifest. yaml's lexer and
 * parser still read the text, and yaml still decodes every scalar
 * (`CST.resolveAsScalar`) and resolves plain ones with its YAML 1.1 tags, so
 * what this does is the structure: which node is whose child, and where each
 * one starts and ends, mirroring yaml's composer line by line for the
 * constructs Kubernetes manifests are written in. Anything else — anchors,
 * aliases, tags, `?` keys, non-string keys, merge keys, tabs, several documents,
 * and every input yaml would report an error or warning for — returns
 * `undefined`, and the caller composes those tokens with yaml's Composer, so
 * errors are still yaml's. A unit test compares both over every fixture and the
 * corpus. parseChunk tries composeText (compose-text.ts, no lexer or parser) first;
 * this takes most of what that leaves: comment lines after a block scalar or a
 * left-out value, folded and multi-line scalars, escapes, quoted keys, flow maps.
 */
export function composeCst(
  tokens: readonly CST.Token[],
  lineStarts: readonly number[],
): ComposedDocument | undefined {
  let document: CST.Document | undefined;
  for (const token of tokens) {
    if (token.type === 'document' && !document) document = token;
    else if (token.type !== 'comment' && token.type !== 'newline' && token.type !== 'space')
      return undefined;
  }
  if (!document) return undefined;
  try {
    return new CstComposer().document(document, lineStarts);
  } catch {
    // LEAVE_TO_YAML, or a stack overflow on deep nesting: yaml's composer reports those.
    return undefined;
  }
}

class CstComposer {
  private readonly builder = new SourceMapBuilder();
  /** yaml's `range[2]` of the node composed last: its end past trailing comments. */
  private end = 0;
  /** The source-map id of the node composed last (the compose methods return its plain value). */
  private id = 0;

  document(token: CST.Document, lineStarts: readonly number[]): ComposedDocument {
    const props = resolveProps(token.start, 'doc-start', token.offset, true, false);
    const value = token.value;
    if (
      props.found &&
      (value?.type === 'block-map' || value?.type === 'block-seq') &&
      !props.hasNewline
    )
      leave();
    const plain = value ? this.node(value) : this.emptyNode(props, token.start);
    const root = this.id;
    const empty = !value || (value.type === 'scalar' && value.source === '');
    const contentEnd = this.end;
    const end = resolveEnd(token.end, contentEnd, false);
    return {
      value: empty ? undefined : plain,
      sourceMap: this.builder.finish(root, lineStarts),
      range: [token.offset, end],
      empty,
    };
  }

  /** Composes one node; returns its plain value. */
  private node(token: CST.Token): unknown {
    switch (token.type) {
      case 'scalar':
      case 'single-quoted-scalar':
      case 'double-quoted-scalar':
      case 'block-scalar':
        return this.scalar(token);
      case 'block-map':
        return this.blockMap(token);
      case 'block-seq':
        return this.blockSeq(token);
      case 'flow-collection':
        return this.flowCollection(token);
      default:
        return leave();
    }
  }

  private scalar(token: FlowScalar | CST.BlockScalar): unknown {
    let source: string;
    let start: number;
    let valueEnd: number;
    if (
      token.type === 'scalar' &&
      !token.source.includes('\n') &&
      !BAD_PLAIN_START.has(token.source.charAt(0))
    ) {
      // yaml's plainValue for one line is the text as written; resolveFlowScalar adds the trailing tokens.
      source = token.source;
      start = token.offset;
      valueEnd = start + source.length;
      this.end = resolveEnd(token.end, valueEnd, true);
    } else {
      const resolved = CST.resolveAsScalar(token, true, leave);
      if (!resolved) return leave();
      source = resolved.value;
      [start, valueEnd, this.end] = resolved.range;
    }
    const value = token.type === 'scalar' ? resolvePlainScalar(source, leave) : source;
    this.id = this.builder.addScalar(start, valueEnd, source);
    return value;
  }

  /** yaml's composeEmptyNode: a null where a value was left out. */
  private emptyNode(props: Props, before: readonly SourceToken[] | undefined): unknown {
    const at = emptyScalarPosition(props.end, before);
    const value = this.scalar({ type: 'scalar', offset: at, indent: -1, source: '' });
    if (props.comment) this.end = props.end;
    return value;
  }

  /** A map key: a single-line scalar that resolves to a string other than `<<` and `__proto__`. */
  private key(token: CST.Token | null | undefined): string {
    if (!isScalarToken(token) || containsNewline(token)) return leave();
    const value = this.scalar(token);
    if (typeof value !== 'string' || value === '__proto__' || value === '<<') return leave();
    return value;
  }

  /**
   * True when the map being built (its `entries` entries from slot `first`) has
   * `key` already: a short map compares its keys (a property lookup of a missing
   * key on an object of a new shape is the dearer test), a long one asks the object.
   */
  private repeatsKey(
    object: Record<string, unknown>,
    first: number,
    entries: number,
    key: string,
  ): boolean {
    if (entries > SCANNED_KEYS) return Object.prototype.hasOwnProperty.call(object, key);
    for (let i = 0; i < entries; i++) if (this.builder.keyAt(first + 2 * i) === key) return true;
    return false;
  }

  private blockMap(map: CST.BlockMap): unknown {
    const builder = this.builder;
    const id = builder.add(NODE_KIND.map, map.offset, map.offset);
    const first = builder.reserve(id, map.items.length, 2);
    const object: Record<string, unknown> = {};
    let entries = 0;
    let offset = map.offset;
    let commentEnd: number | null = null;
    for (const item of map.items) {
      const { start, key, sep, value } = item;
      const keyProps = resolveProps(start, 'explicit-key-ind', offset, true, false);
      if (keyProps.found) leave();
      if (key && (key.type === 'block-seq' || ('indent' in key && key.indent !== map.indent)))
        leave();
      if (!sep) {
        // A comment line among the entries (yaml drops a key without `:` silently, so leave those).
        if (key) leave();
        commentEnd = keyProps.end;
        continue;
      }
      const keyText = this.key(key);
      const keyId = this.id;
      if (this.repeatsKey(object, first, entries, keyText)) leave();
      const valueProps = resolveProps(sep, 'map-value-ind', this.end, false, false);
      const indicator = valueProps.found;
      if (!indicator) return leave();
      if (value?.type === 'block-map' && !valueProps.hasNewline) leave();
      if (keyProps.end < indicator.offset - 1024) leave();
      const plain = value ? this.node(value) : this.emptyNode(valueProps, sep);
      offset = this.end;
      builder.setSlot(first + 2 * entries, keyId, keyText);
      builder.setSlot(first + 2 * entries + 1, this.id);
      entries++;
      object[keyText] = plain;
    }
    if (commentEnd && commentEnd < offset) leave();
    builder.setCount(id, entries);
    builder.setRange(id, map.offset, offset);
    this.end = commentEnd ?? offset;
    this.id = id;
    return object;
  }

  private blockSeq(seq: CST.BlockSequence): unknown {
    const builder = this.builder;
    const id = builder.add(NODE_KIND.seq, seq.offset, seq.offset);
    const first = builder.reserve(id, seq.items.length, 1);
    const array: unknown[] = [];
    let offset = seq.offset;
    let commentEnd: number | null = null;
    for (const { start, value } of seq.items) {
      const props = resolveProps(start, 'seq-item-ind', offset, true, false);
      if (!props.found) {
        if (value) leave();
        commentEnd = props.end;
        continue;
      }
      const plain = value ? this.node(value) : this.emptyNode(props, start);
      offset = this.end;
      builder.setSlot(first + array.length, this.id);
      array.push(plain);
    }
    builder.setCount(id, array.length);
    builder.setRange(id, seq.offset, offset);
    this.end = commentEnd ?? offset;
    this.id = id;
    return array;
  }

  /** `[a, b]` and `{a: 1}`: flow sequences of plain items and flow maps of string keys, without comments. */
  private flowCollection(flow: CST.FlowCollection): unknown {
    const isMap = flow.start.source === '{';
    const builder = this.builder;
    const id = builder.add(
      (isMap ? NODE_KIND.map : NODE_KIND.seq) | NODE_KIND.flow,
      flow.offset,
      flow.offset,
    );
    const first = builder.reserve(id, flow.items.length, isMap ? 2 : 1);
    const object: Record<string, unknown> = {};
    const array: unknown[] = [];
    let entries = 0;
    let offset = flow.offset + flow.start.source.length;
    for (let i = 0; i < flow.items.length; ++i) {
      const { start, key, sep, value } = flow.items[i] as (typeof flow.items)[number];
      const props = resolveProps(start, 'explicit-key-ind', offset, false, true);
      if (props.found || props.comment) leave();
      if (!sep && !value) {
        if (key || (i === 0 && props.comma) || i < flow.items.length - 1) leave();
        offset = props.end;
        continue;
      }
      if (i === 0 ? props.comma : !props.comma) leave();
      if (!isMap) {
        if (sep || !value || value.type === 'block-map' || value.type === 'block-seq') leave();
        const plain = this.node(value);
        builder.setSlot(first + entries, this.id);
        array.push(plain);
      } else {
        const keyText = this.key(key);
        const keyId = this.id;
        if (this.repeatsKey(object, first, entries, keyText)) leave();
        const valueProps = resolveProps(sep ?? [], 'map-value-ind', this.end, false, true);
        if (!valueProps.found || valueProps.comment) leave();
        if (value?.type === 'block-map' || value?.type === 'block-seq') leave();
        const plain = value ? this.node(value) : this.emptyNode(valueProps, sep);
        builder.setSlot(first + 2 * entries, keyId, keyText);
        builder.setSlot(first + 2 * entries + 1, this.id);
        object[keyText] = plain;
      }
      entries++;
      offset = this.end;
    }
    const [close, ...after] = flow.end;
    if (close?.source !== (isMap ? '}' : ']')) leave();
    const closeEnd = close.offset + close.source.length;
    builder.setCount(id, entries);
    builder.setRange(id, flow.offset, closeEnd);
    this.end = after.length > 0 ? resolveEnd(after, closeEnd, true) : closeEnd;
    this.id = id;
    return isMap ? object : array;
  }
}
