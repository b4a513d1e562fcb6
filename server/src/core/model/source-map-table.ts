// The layout of a SourceMap's one table, shared by the map and its builder.

/** Node kinds of the source map's table (FLOW is added to MAP or SEQ). */
export const NODE_KIND = {
  scalar: 1,
  map: 2,
  seq: 3,
  alias: 4,
  other: 5,
  /** Masks the kind out of a kind field that may carry FLOW. */
  mask: 7,
  flow: 8,
} as const;

/** No node: a missing pair value, a null sequence item, an alias to nothing. */
export const NONE = -1;

/**
 * One node's fields in the table, NODE_FIELDS ints a node: its kind, source
 * offsets, and where its entries are (a collection: the first child slot and
 * how many entries; an alias: its anchored node's id in FIRST).
 */
export const FIELD = { kind: 0, start: 1, end: 2, first: 3, count: 4 } as const;
export const NODE_FIELDS = 5;

/** The parts a SourceMap is made of; see SourceMap for what each holds. */
export interface SourceMapParts {
  table: Int32Array;
  slotBase: number;
  keys: (string | undefined)[];
  sources: (string | undefined)[];
  root: number;
  lineStarts: readonly number[];
}
