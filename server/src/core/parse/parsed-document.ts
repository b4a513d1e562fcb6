import type { Document, LineCounter } from 'yaml';
import type { Finding } from '../diagnostics/finding';

/** One parsed YAML document, positions relative to its chunk. */
export interface ParsedDocument {
  document: Document.Parsed;
  lineCounter: LineCounter;
  /** The document as plain data; `undefined` when it could not be converted (alias limit …). */
  value: unknown;
  /** YAML errors and limit violations found while parsing this document. */
  findings: Finding[];
  /** True for a document with no content (a file ending in `---`). */
  empty: boolean;
}
