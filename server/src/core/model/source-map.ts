import { offsetsToRange, type LinePositions } from '../text/offset-range';
import type { Range } from '../text/range';
import type { JsonPath } from './json';
import { lowerBound } from './lower-bound';
import { FIELD, NODE_FIELDS, NODE_KIND, NONE, type SourceMapParts } from './source-map-table';

/** What part of an entry a range should cover. */
export type RangeTarget = 'key' | 'value';

const { scalar: SCALAR, map: MAP, seq: SEQ, alias: ALIAS, mask: KIND, flow: FLOW } = NODE_KIND;
const { kind: KIND_FIELD, start: START, end: END, first: FIRST, count: COUNT } = FIELD;

interface Located {
  key: number;
  value: number;
  /** How many path segments were found; less than the path's length when it ends early. */
  depth: number;
}

/**
 * Line starts of one parsed chunk with yaml's LineCounter arithmetic (1-based
 * `{ line, col }`), in a typed array: a LineCounter holds a growable array
 * and two closures.
 */
class LineStarts implements LinePositions {
  constructor(readonly starts: Int32Array) {}

  linePos(offset: number): { line: number; col: number } {
    const starts = this.starts;
    const low = lowerBound(starts, offset);
    if (starts[low] === offset) return { line: low + 1, col: 1 };
    if (low === 0) return { line: 0, col: offset };
    return { line: low, col: offset - (starts[low - 1] as number) + 1 };
  }
}

/**
 * Maps JSON paths of one parsed document back to source ranges. It keeps a
 * compact copy of the document's node tree (kinds, offsets and child ids in
 * one typed array, map keys, scalar sources), made once, so the yaml Document
 * itself is not kept: for a file of thousands of documents, the syntax trees
 * are most of the memory a check would hold. Ranges are computed only when a
 * finding or the simulation asks for one. (One table rather than a typed array per
 * field: typed arrays are costly to make, and a large file makes thousands of maps.)
 */
export class SourceMap {
  /** NODE_FIELDS ints per node id, then the child slots (a map entry: key id, value id). */
  private readonly table: Int32Array;
  /** Where the child slots start in `table`. */
  private readonly slotBase: number;
  /** The key text of a map entry (`String(key.value)` of a scalar key), at its key slot. */
  private readonly keys: (string | undefined)[];
  /** Each scalar's source text as written (`yes`, `0644`), by node id. */
  private readonly sources: (string | undefined)[];
  private readonly root: number;
  private readonly lines: LineStarts;

  /** Made by a SourceMapBuilder, from a yaml Document or straight from the CST. */
  constructor(parts: SourceMapParts) {
    this.table = parts.table;
    this.slotBase = parts.slotBase;
    this.keys = parts.keys;
    this.sources = parts.sources;
    this.root = parts.root;
    this.lines = new LineStarts(Int32Array.from(parts.lineStarts));
  }

  private field(id: number, field: number): number {
    return this.table[id * NODE_FIELDS + field] as number;
  }

  /** The node id in a child slot (slots count from the first slot, not from the table's start). */
  private child(slot: number): number {
    return this.table[this.slotBase + slot] as number;
  }

  private kind(id: number): number {
    return id < 0 ? 0 : this.field(id, KIND_FIELD) & KIND;
  }

  private isFlow(id: number): boolean {
    return id >= 0 && (this.field(id, KIND_FIELD) & FLOW) !== 0;
  }

  /** An alias stands for its anchored node. */
  private resolve(id: number): number {
    return this.kind(id) === ALIAS ? this.field(id, FIRST) : id;
  }

  private locate(path: JsonPath): Located {
    let key = NONE;
    let value = this.root;
    let depth = 0;
    for (const segment of path) {
      const container = this.resolve(value);
      const kind = this.kind(container);
      const start = kind === 0 ? 0 : this.field(container, FIRST);
      const size = kind === 0 ? 0 : this.field(container, COUNT);
      if (typeof segment === 'number' && kind === SEQ) {
        if (!Number.isInteger(segment) || segment < 0 || segment >= size) break;
        key = NONE;
        value = this.child(start + segment);
      } else if (typeof segment === 'string' && kind === MAP) {
        let slot = NONE;
        for (let i = start; i < start + 2 * size; i += 2) {
          if (this.keys[i] === segment) {
            slot = i;
            break;
          }
        }
        if (slot === NONE) break;
        key = this.child(slot);
        value = this.child(slot + 1);
      } else {
        break;
      }
      depth++;
    }
    return { key, value, depth };
  }

  private nodeRange(id: number): Range | undefined {
    if (id < 0) return undefined;
    const start = this.field(id, START);
    if (start === NONE) return undefined;
    return offsetsToRange(this.lines, start, this.field(id, END));
  }

  /** The range of chunk offsets [start, end) in this document's lines. */
  offsetsRange(start: number, end: number): Range {
    return offsetsToRange(this.lines, start, end);
  }

  /** The whole extent of the node at `path` (every line of it), if the path exists. */
  span(path: JsonPath): Range | undefined {
    const found = this.locate(path);
    return found.depth === path.length ? this.nodeRange(found.value) : undefined;
  }

  /** The source text of the scalar at `path` as written (`yes`, `0644`), if it is a scalar. */
  scalarSource(path: JsonPath): string | undefined {
    const found = this.locate(path);
    if (found.depth !== path.length) return undefined;
    const node = this.resolve(found.value);
    if (this.kind(node) !== SCALAR) return undefined;
    return this.sources[node];
  }

  /** True when every segment of the path exists in the source. */
  has(path: JsonPath): boolean {
    return this.locate(path).depth === path.length;
  }

  /**
   * The range of the entry at `path`: its key, or its value (a scalar value;
   * a block mapping or sequence falls back to its key, so a squiggle stays on
   * one line). A path that ends early gives the range of its deepest existing part.
   */
  range(path: JsonPath, target: RangeTarget = 'key'): Range {
    const found = this.locate(path);
    const complete = found.depth === path.length;
    const valueNode = this.resolve(found.value);
    const valueKind = this.kind(valueNode);
    const scalarValue = valueKind === SCALAR;
    const flowValue = (valueKind === MAP || valueKind === SEQ) && this.isFlow(valueNode);
    if (complete && target === 'value' && (scalarValue || flowValue)) {
      const range = this.nodeRange(found.value);
      if (range) return range;
    }
    const keyRange = this.nodeRange(found.key);
    if (keyRange) return keyRange;
    // A sequence item, or the root: point at the first line of the node.
    const node = found.value >= 0 ? found.value : this.root;
    const known = node >= 0 && this.field(node, START) !== NONE;
    const start = known ? this.field(node, START) : 0;
    const end = known ? this.field(node, END) : start;
    const firstLineEnd = this.firstLineEnd(start, end);
    return offsetsToRange(this.lines, start, firstLineEnd);
  }

  /** The offset where the line holding `start` ends, capped at `end`. */
  private firstLineEnd(start: number, end: number): number {
    const { line } = this.lines.linePos(start);
    const nextLineStart = this.lines.starts[line];
    const lineEnd = nextLineStart === undefined ? end : nextLineStart - 1;
    return Math.max(start + 1, Math.min(end, lineEnd));
  }
}
