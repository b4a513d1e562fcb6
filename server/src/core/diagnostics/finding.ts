import type { Range } from '../text/range';
import type { Severity } from './severity';

/** A related location that explains a finding (the other Service on the same nodePort …). */
export interface RelatedLocation {
  uri: string;
  range: Range;
  message: string;
}

/**
 * One problem found in the manifests. Ranges are LSP-shaped. Inside a document
 * check they are relative to the document's first line; `checkText` shifts
 * them to the file.
 */
export interface Finding {
  /** A stable code from the registry (`codes.ts`). */
  code: string;
  severity: Severity;
  /** What was found and what is allowed. */
  message: string;
  range: Range;
  related?: RelatedLocation[];
}
