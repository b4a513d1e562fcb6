import type {
  TextDocumentContentChangeEvent,
  TextDocumentsConfiguration,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { composeEdits, replacementEdit, type TextEdit } from '../core/text/text-edit';
import type { TextChange } from './workspace-index';

/**
 * Remembers where the editor changed each open document since its text was
 * last taken, so the check can re-split and re-check only that region
 * (`TextDocuments` hands on the new text, not the changes).
 */
export class EditTracker {
  private readonly pending = new Map<string, TextChange>();

  /** The `TextDocuments` configuration that applies changes and records where they were. */
  readonly configuration: TextDocumentsConfiguration<TextDocument> = {
    create: (uri, languageId, version, content) => {
      this.pending.delete(uri);
      return TextDocument.create(uri, languageId, version, content);
    },
    update: (document, changes, version) => {
      let updated = document;
      for (const change of changes) {
        const before = updated.getText();
        const edit = editOf(updated, change);
        updated = TextDocument.update(updated, [change], version);
        const pending = this.pending.get(updated.uri);
        this.pending.set(
          updated.uri,
          pending
            ? { before: pending.before, edit: composeEdits(pending.edit, edit) }
            : { before, edit },
        );
      }
      return updated;
    },
  };

  /** How the document got to `text` since the last take, when it is known; forgets it. */
  take(uri: string, text: string): TextChange | undefined {
    const change = this.pending.get(uri);
    this.pending.delete(uri);
    return change && text.length - change.before.length === change.edit.newEnd - change.edit.oldEnd
      ? change
      : undefined;
  }

  forget(uri: string): void {
    this.pending.delete(uri);
  }
}

function editOf(document: TextDocument, change: TextDocumentContentChangeEvent): TextEdit {
  if ('range' in change) {
    // As TextDocument.update does, a range given end first is taken the right way round.
    const start = document.offsetAt(change.range.start);
    const end = document.offsetAt(change.range.end);
    return replacementEdit(Math.min(start, end), Math.max(start, end), change.text.length);
  }
  return replacementEdit(0, document.getText().length, change.text.length);
}
