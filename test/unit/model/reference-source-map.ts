// The source map as it was before it kept a compact copy of the node tree:
// it walks the yaml Document itself. Kept as the oracle the compact one is
// compared with (source-map.test.ts).
import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  type Document,
  type LineCounter,
  type Node,
} from 'yaml';
import { offsetsToRange } from '../../../server/src/core/text/offset-range';
import type { Range } from '../../../server/src/core/text/range';
import type { JsonPath } from '../../../server/src/core/model/json';

type RangeTarget = 'key' | 'value';

interface Located {
  key: Node | undefined;
  value: Node | undefined;
  /** How many path segments were found; less than the path's length when it ends early. */
  depth: number;
}

/**
 * Maps JSON paths of one parsed document back to source ranges, lazily:
 * nothing is computed until a finding asks for a range.
 */
export class ReferenceSourceMap {
  constructor(
    private readonly document: Document.Parsed,
    private readonly lineCounter: LineCounter,
  ) {}

  private resolve(node: unknown): unknown {
    return isAlias(node) ? node.resolve(this.document) : node;
  }

  private locate(path: JsonPath): Located {
    let key: Node | undefined;
    let value: Node | undefined = this.document.contents ?? undefined;
    let depth = 0;
    for (const segment of path) {
      const container = this.resolve(value);
      if (typeof segment === 'number' && isSeq(container)) {
        const item = container.items[segment];
        if (item === undefined) break;
        key = undefined;
        value = item as Node;
      } else if (typeof segment === 'string' && isMap(container)) {
        const pair = container.items.find(
          (candidate) =>
            isPair(candidate) && isScalar(candidate.key) && String(candidate.key.value) === segment,
        );
        if (!pair) break;
        key = pair.key as Node;
        value = (pair.value ?? undefined) as Node | undefined;
      } else {
        break;
      }
      depth++;
    }
    return { key, value, depth };
  }

  private nodeRange(node: Node | undefined): Range | undefined {
    const range = node?.range;
    if (!range) return undefined;
    return offsetsToRange(this.lineCounter, range[0], range[1]);
  }

  /** The source text of the scalar at `path` as written (`yes`, `0644`), if it is a scalar. */
  scalarSource(path: JsonPath): string | undefined {
    const found = this.locate(path);
    if (found.depth !== path.length) return undefined;
    const node = this.resolve(found.value);
    if (!isScalar(node)) return undefined;
    return typeof node.source === 'string' ? node.source : undefined;
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
    const valueNode = this.resolve(found.value) as Node | undefined;
    const scalarValue = valueNode !== undefined && isScalar(valueNode);
    const flowValue =
      valueNode !== undefined &&
      (isMap(valueNode) || isSeq(valueNode)) &&
      (valueNode as { flow?: boolean }).flow === true;
    if (complete && target === 'value' && (scalarValue || flowValue)) {
      const range = this.nodeRange(found.value);
      if (range) return range;
    }
    const keyRange = this.nodeRange(found.key);
    if (keyRange) return keyRange;
    // A sequence item, or the root: point at the first line of the node.
    const node = found.value ?? (this.document.contents as Node | null) ?? undefined;
    const start = node?.range?.[0] ?? 0;
    const firstLineEnd = this.firstLineEnd(start, node?.range?.[1] ?? start);
    return offsetsToRange(this.lineCounter, start, firstLineEnd);
  }

  /** The offset where the line holding `start` ends, capped at `end`. */
  private firstLineEnd(start: number, end: number): number {
    const lineStarts = this.lineCounter.lineStarts;
    const { line } = this.lineCounter.linePos(start);
    const nextLineStart = lineStarts[line];
    const lineEnd = nextLineStart === undefined ? end : nextLineStart - 1;
    return Math.max(start + 1, Math.min(end, lineEnd));
  }
}
