import type { CheckContext } from '../core/check/check-context';
import type { FileCheck } from '../core/check/check-text';
import { checkChangedText } from '../core/check/recheck-edit';
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
    const { check } = checkChangedText(text, this.context, last, change);
    this.last.set(uri, { text, check });
    return check;
  }

  forget(uri: string): void {
    this.last.delete(uri);
  }
}
