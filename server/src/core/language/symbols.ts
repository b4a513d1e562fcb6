import { getAt, isJsonObject, type JsonPath } from '../model/json';
import { parseChunk } from '../parse/parse-chunk';
import type { ParsedDocument } from '../parse/parsed-document';
import { splitDocuments } from '../parse/split-documents';
import { makeRange, shiftRange, type Range } from '../text/range';
import { buildOutline, findKey, keyChildren, type Outline, type OutlineNode } from './outline';

/** One Kubernetes object in the outline of a file (LSP `DocumentSymbol`-shaped). */
export interface DocumentSymbolEntry {
  /** `Service np-svc`, or just the kind when the object has no name. */
  name: string;
  /** The apiVersion, and the namespace when one is set: `v1 · namespace shop`. */
  detail: string;
  /** The object's kind (`Service`), for the adapter to pick an icon. */
  kubernetesKind: string;
  /** The whole object, in file positions. */
  range: Range;
  /** The `metadata.name` value, or the `kind` value when there is no name. */
  selectionRange: Range;
  /** The items of a `kind: List`. */
  children: DocumentSymbolEntry[];
}

/** An object read either from the outline or from the parsed document. */
interface ObjectView {
  scalar(path: JsonPath): string | undefined;
  /** The range of a scalar value, if it is written. */
  valueRange(path: JsonPath): Range | undefined;
  range: Range;
  items(): ObjectView[];
}

function symbolOf(view: ObjectView): DocumentSymbolEntry | undefined {
  const kind = view.scalar(['kind']);
  if (!kind) return undefined;
  const name = view.scalar(['metadata', 'name']);
  const apiVersion = view.scalar(['apiVersion']);
  const namespace = view.scalar(['metadata', 'namespace']);
  const details = [apiVersion ?? '(no apiVersion)'];
  if (namespace) details.push(`namespace ${namespace}`);
  const selectionRange =
    (name ? view.valueRange(['metadata', 'name']) : undefined) ??
    view.valueRange(['kind']) ??
    view.range;
  const children =
    kind === 'List'
      ? view.items().flatMap((item) => {
          const symbol = symbolOf(item);
          return symbol ? [symbol] : [];
        })
      : [];
  return {
    name: name ? `${kind} ${name}` : kind,
    detail: details.join(' · '),
    kubernetesKind: kind,
    range: view.range,
    selectionRange,
    children,
  };
}

/** The node at a path of keys below an outline node. */
function outlineNodeAt(node: OutlineNode, path: JsonPath): OutlineNode | undefined {
  let current: OutlineNode | undefined = node;
  for (const segment of path) {
    if (!current || typeof segment !== 'string') return undefined;
    current = findKey(current, segment);
  }
  return current;
}

function outlineView(outline: Outline, node: OutlineNode): ObjectView {
  const first = node.type === 'root' ? (keyChildren(node)[0] ?? node.children[0]) : node;
  const startLine = first?.line ?? 0;
  const startColumn = first && first.column > 0 ? first.column : 0;
  const lastLine = node.lastLine;
  const range = makeRange(startLine, startColumn, lastLine, outline.lines[lastLine]?.length ?? 0);
  return {
    range,
    scalar: (path) => {
      const token = outlineNodeAt(node, path)?.token;
      return token?.type === 'key' ? token.value?.text : undefined;
    },
    valueRange: (path) => {
      const found = outlineNodeAt(node, path);
      const token = found?.token;
      if (!found || token?.type !== 'key' || !token.value) return undefined;
      return makeRange(found.line, token.value.start, found.line, token.value.end);
    },
    items: () =>
      (findKey(node, 'items')?.children ?? [])
        .filter((child) => child.type === 'item')
        .map((item) => outlineView(outline, item)),
  };
}

function parsedView(parsed: ParsedDocument, basePath: JsonPath): ObjectView {
  const sourceMap = parsed.sourceMap;
  const range = sourceMap.span(basePath) ?? makeRange(0, 0, 0, 0);
  const scalar = (path: JsonPath): string | undefined => {
    const value = getAt(parsed.value, [...basePath, ...path]);
    return typeof value === 'string' ? value : undefined;
  };
  return {
    range,
    scalar,
    valueRange: (path) =>
      scalar(path) !== undefined ? sourceMap.range([...basePath, ...path], 'value') : undefined,
    items: () => {
      const items = getAt(parsed.value, [...basePath, 'items']);
      return Array.isArray(items)
        ? items.map((_, index) => parsedView(parsed, [...basePath, 'items', index]))
        : [];
    },
  };
}

function shiftSymbol(symbol: DocumentSymbolEntry, lines: number): DocumentSymbolEntry {
  return {
    ...symbol,
    range: shiftRange(symbol.range, lines),
    selectionRange: shiftRange(symbol.selectionRange, lines),
    children: symbol.children.map((child) => shiftSymbol(child, lines)),
  };
}

/** The symbols of one chunk: from indentation, or from the parser for flow-style / JSON documents. */
function chunkSymbols(text: string): DocumentSymbolEntry[] {
  const outline = buildOutline(text);
  const metadata = findKey(outline.root, 'metadata')?.token;
  const flowMetadata = metadata?.type === 'key' && metadata.value?.raw.startsWith('{') === true;
  const blockStyle = keyChildren(outline.root).length > 0 && !flowMetadata;
  if (blockStyle || !/\bkind\b/.test(text)) {
    const symbol = symbolOf(outlineView(outline, outline.root));
    return symbol ? [symbol] : [];
  }
  return parseChunk(text).documents.flatMap((parsed) => {
    if (!isJsonObject(parsed.value)) return [];
    const symbol = symbolOf(parsedView(parsed, []));
    return symbol ? [symbol] : [];
  });
}

/**
 * The outline of a file: one symbol per Kubernetes document (`Service
 * np-svc`), with the items of a `kind: List` as children. Documents without
 * a kind are left out. Read from indentation, so the outline survives a
 * document that does not parse while it is being edited.
 */
export function documentSymbols(text: string): DocumentSymbolEntry[] {
  return splitDocuments(text).flatMap((chunk) =>
    chunkSymbols(chunk.text).map((symbol) => shiftSymbol(symbol, chunk.startLine)),
  );
}
