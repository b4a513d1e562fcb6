import type { CheckContext } from '../core/check/check-context';
import type { ChunkCheck } from '../core/check/check-chunk';
import { checkText, type FileCheck } from '../core/check/check-text';
import { recheckEdit } from '../core/check/recheck-edit';
import type { TextChange } from './workspace-index';

/**
 * Checks open documents that are not files (untitled ones), keeping per
 * document its last check: an edit re-checks only the documents (YAML `---`
 * sections) it touched; the same text gives back the same result.
 */
export class DocumentChecker {
  private readonly last = new Map<string, { text: string; check: FileCheck }>();

  constructor(private readonly context: CheckContext) {}

  check(uri: string, text: string, change?: TextChange): FileCheck {
    const last = this.last.get(uri);
    if (last?.text === text) return last.check;
    let check: FileCheck;
    if (last && change && change.before === last.text) {
      check = recheckEdit(last.check, text, change.edit, this.context).check;
    } else {
      const chunks = new Map<string, ChunkCheck>(
        (last?.check.chunks ?? []).map((chunk) => [chunk.text, chunk.result]),
      );
      check = checkText(text, this.context, chunks);
    }
    this.last.set(uri, { text, check });
    return check;
  }

  forget(uri: string): void {
    this.last.delete(uri);
  }
}
