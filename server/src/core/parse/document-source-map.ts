import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { SourceMap } from '../model/source-map';
import { SourceMapBuilder } from '../model/source-map-builder';
import { NODE_KIND, NONE } from '../model/source-map-table';

/**
 * The source map of a document yaml composed: the walk for documents the CST
 * composer leaves to the library (anchors, tags, errors) and for the cluster file.
 */
export function documentSourceMap(document: Document.Parsed, lineCounter: LineCounter): SourceMap {
  const builder = new SourceMapBuilder();
  const anchored = new Map<unknown, number>();
  const aliases: [number, unknown][] = [];

  const add = (node: Node, kind: number): number => {
    const range = node.range;
    const id = builder.add(kind, range ? range[0] : NONE, range ? range[1] : NONE);
    if ((node as { anchor?: string }).anchor) anchored.set(node, id);
    return id;
  };
  const flow = (node: unknown): number =>
    (node as { flow?: boolean }).flow === true ? NODE_KIND.flow : 0;
  const visit = (node: unknown): number => {
    if (node === null || node === undefined) return NONE;
    if (isScalar(node)) {
      const range = node.range;
      const id = builder.addScalar(
        range ? range[0] : NONE,
        range ? range[1] : NONE,
        typeof node.source === 'string' ? node.source : undefined,
      );
      if (node.anchor) anchored.set(node, id);
      return id;
    }
    if (isAlias(node)) {
      const id = add(node, NODE_KIND.alias);
      aliases.push([id, node]);
      return id;
    }
    if (isMap(node)) {
      const id = add(node, NODE_KIND.map | flow(node));
      const items = node.items;
      const first = builder.reserve(id, items.length, 2);
      for (let i = 0; i < items.length; i++) {
        const pair = items[i] as (typeof items)[number];
        const slot = first + 2 * i;
        builder.setSlot(
          slot,
          visit(pair.key),
          isScalar(pair.key) ? String(pair.key.value) : undefined,
        );
        builder.setSlot(slot + 1, visit(pair.value));
      }
      return id;
    }
    if (isSeq(node)) {
      const id = add(node, NODE_KIND.seq | flow(node));
      const items = node.items;
      const first = builder.reserve(id, items.length, 1);
      for (let i = 0; i < items.length; i++) builder.setSlot(first + i, visit(items[i]));
      return id;
    }
    return add(node as Node, NODE_KIND.other);
  };
  const root = visit(document.contents);
  for (const [id, alias] of aliases) {
    const target = (alias as { resolve(doc: Document): unknown }).resolve(document);
    builder.setAliasTarget(id, anchored.get(target) ?? NONE);
  }
  return builder.finish(root, lineCounter.lineStarts);
}
