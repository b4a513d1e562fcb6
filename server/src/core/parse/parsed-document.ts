import type { Finding } from '../diagnostics/finding';
import type { SourceMap } from '../model/source-map';

/** One parsed YAML document, positions relative to its chunk. */
export interface ParsedDocument {
  /** Where each path of `value` is in the text. */
  sourceMap: SourceMap;
  /** The document's offsets in its chunk: where it starts and where it ends, past trailing comments. */
  range: [number, number];
  /** The document as plain data; `undefined` when it could not be converted (alias limit …). */
  value: unknown;
  /** YAML errors and limit violations found while parsing this document. */
  findings: Finding[];
  /** True for a document with no content (a file ending in `---`). */
  empty: boolean;
}
