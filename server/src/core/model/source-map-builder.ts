import { SourceMap } from './source-map';
import { FIELD, NODE_FIELDS, NODE_KIND, NONE } from './source-map-table';

/**
 * Collects a document's nodes in plain arrays (fast to grow) while a walk of
 * the document adds them, then copies them into the SourceMap's one table.
 */
export class SourceMapBuilder {
  private readonly nodes: number[] = [];
  private readonly slots: number[] = [];
  private readonly keys: (string | undefined)[] = [];
  private readonly sources: (string | undefined)[] = [];

  /** Adds a node spanning [start, end) of the chunk; returns its id. */
  add(kind: number, start: number, end: number): number {
    const id = this.nodes.length / NODE_FIELDS;
    this.nodes.push(kind, start, end, NONE, 0);
    return id;
  }

  /** Adds a scalar with its source text as written (unquoted, as yaml's `Scalar.source`). */
  addScalar(start: number, end: number, source: string | undefined): number {
    const id = this.add(NODE_KIND.scalar, start, end);
    if (source !== undefined) this.sources[id] = source;
    return id;
  }

  /** Reserves child slots for `entries` entries of collection `id` (two slots a map entry). */
  reserve(id: number, entries: number, slotsPerEntry: 1 | 2): number {
    const first = this.slots.length;
    for (let i = 0; i < entries * slotsPerEntry; i++) this.slots.push(NONE);
    this.nodes[id * NODE_FIELDS + FIELD.first] = first;
    this.nodes[id * NODE_FIELDS + FIELD.count] = entries;
    return first;
  }

  /** Sets how many entries collection `id` has, when fewer than reserved were filled. */
  setCount(id: number, entries: number): void {
    this.nodes[id * NODE_FIELDS + FIELD.count] = entries;
  }

  /** Sets where node `id` spans, for a collection whose end is known only after its entries. */
  setRange(id: number, start: number, end: number): void {
    this.nodes[id * NODE_FIELDS + FIELD.start] = start;
    this.nodes[id * NODE_FIELDS + FIELD.end] = end;
  }

  /** Sets the items of sequence `id` at once, for a walk that collects them before it knows their count. */
  setItems(id: number, items: readonly number[]): void {
    const first = this.reserve(id, items.length, 1);
    for (let i = 0; i < items.length; i++) this.slots[first + i] = items[i] as number;
  }

  /** Sets the entries of map `id` at once: their `keys`, and `slots` holding key and value ids in turn. */
  setEntries(id: number, keys: readonly string[], slots: readonly number[]): void {
    const first = this.reserve(id, keys.length, 2);
    for (let i = 0; i < slots.length; i++) this.slots[first + i] = slots[i] as number;
    for (let i = 0; i < keys.length; i++) this.keys[first + 2 * i] = keys[i];
  }

  setSlot(slot: number, id: number, key?: string): void {
    this.slots[slot] = id;
    if (key !== undefined) this.keys[slot] = key;
  }

  /** The key text recorded at a map entry's key slot. */
  keyAt(slot: number): string | undefined {
    return this.keys[slot];
  }

  /** Points alias `id` at the node it stands for. */
  setAliasTarget(id: number, target: number): void {
    this.nodes[id * NODE_FIELDS + FIELD.first] = target;
  }

  finish(root: number, lineStarts: readonly number[]): SourceMap {
    const table = new Int32Array(this.nodes.length + this.slots.length);
    table.set(this.nodes);
    table.set(this.slots, this.nodes.length);
    return new SourceMap({
      table,
      slotBase: this.nodes.length,
      keys: this.keys,
      sources: this.sources,
      root,
      lineStarts,
    });
  }
}
