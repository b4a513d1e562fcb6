import type {
  TextDocumentContentChangeEvent,
  TextDocumentsConfiguration,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  composeEdits,
  positionEdit,
  replacementEdit,
  type PositionEdit,
  type TextEdit,
} from '../core/text/text-edit';
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
        const { edit, move } = replacementOf(updated, change);
        updated = TextDocument.update(updated, [change], version);
        const pending = this.pending.get(updated.uri);
        if (pending) {
          pending.edit = composeEdits(pending.edit, edit);
          pending.moves.push(move);
        } else {
          this.pending.set(updated.uri, { before, edit, moves: [move] });
        }
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

/**
 * One change as an offset edit and as positions, read as TextDocument.update
 * reads it: a range given end first is taken the right way round, positions
 * past the text are clamped; without a range, the whole text is replaced.
 */
function replacementOf(
  document: TextDocument,
  change: TextDocumentContentChangeEvent,
): { edit: TextEdit; move: PositionEdit } {
  let start = 0;
  let end = document.getText().length;
  if ('range' in change) {
    const from = document.offsetAt(change.range.start);
    const to = document.offsetAt(change.range.end);
    start = Math.min(from, to);
    end = Math.max(from, to);
  }
  return {
    edit: replacementEdit(start, end, change.text.length),
    move: positionEdit(document.positionAt(start), document.positionAt(end), change.text),
  };
}
