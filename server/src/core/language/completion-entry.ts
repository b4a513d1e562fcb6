import type { Range } from '../text/range';

/** What a completion inserts: a field, a value, a kind, an apiVersion, or a whole skeleton. */
export type CompletionEntryKind = 'property' | 'value' | 'kind' | 'apiVersion' | 'snippet';

/** One completion proposal, LSP-shaped (the adapter maps it onto `CompletionItem`). */
export interface CompletionEntry {
  /** What the list shows, and what is matched against when `filterText` is absent. */
  label: string;
  kind: CompletionEntryKind;
  /** A short line next to the label: the type, the apiVersion. */
  detail?: string;
  /** Documentation (Markdown). */
  documentation?: string;
  /**
   * The text that replaces `range`. Lines after the first are indented
   * relative to the cursor line's leading whitespace, which the editor adds
   * (LSP `InsertTextMode.adjustIndentation`, VS Code's default).
   */
  insertText: string;
  /** True when `insertText` is a snippet (`$0`, `${1|a,b|}`); false for plain text. */
  isSnippet: boolean;
  /** Orders the list: required fields first, preferred versions first. */
  sortText: string;
  /** What the typed text is matched against, when it is not the label. */
  filterText?: string;
  /** The text in the file that `insertText` replaces (the word or value at the cursor). */
  range: Range;
}
