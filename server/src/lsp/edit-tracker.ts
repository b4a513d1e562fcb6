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
        const edit = editOf(updated, change);
        const move = moveOf(updated, change);
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

function moveOf(document: TextDocument, change: TextDocumentContentChangeEvent): PositionEdit {
  if ('range' in change) {
    // The range as TextDocument.update reads it: in order, and within the text.
    const start = document.positionAt(document.offsetAt(change.range.start));
    const end = document.positionAt(document.offsetAt(change.range.end));
    const ordered =
      start.line < end.line || (start.line === end.line && start.character <= end.character);
    return positionEdit(ordered ? start : end, ordered ? end : start, change.text);
  }
  return positionEdit(
    { line: 0, character: 0 },
    document.positionAt(document.getText().length),
    change.text,
  );
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
