import type { Severity } from './severity';

/** Where a code comes from; groups the README's table. */
export type CodeCategory = 'yaml' | 'schema' | 'api-server' | 'cross-resource';

/** One entry of the diagnostic code registry. */
export interface CodeInfo {
  /** Stable, kebab-case; shown in the editor, the CLI and the report. */
  code: string;
  category: CodeCategory;
  /** Severity unless the user overrides it (`slipway.rules`). */
  severity: Severity;
  /** One line: what the code means. */
  title: string;
  /** A short manifest excerpt that triggers it, for the README table. */
  example: string;
}
