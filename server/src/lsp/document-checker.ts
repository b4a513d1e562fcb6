import type { CheckContext } from '../core/check/check-context';
import { checkText, type FileCheck } from '../core/check/check-text';

/**
 * Checks open documents, keeping per document the results of its chunks so
 * that an edit re-checks only the documents (YAML `---` sections) it touched;
 * the same text gives back the same result.
 */
export class DocumentChecker {
  private readonly last = new Map<string, { text: string; check: FileCheck }>();

  constructor(private readonly context: CheckContext) {}

  check(uri: string, text: string): FileCheck {
    const last = this.last.get(uri);
    if (last?.text === text) return last.check;
    const check = checkText(text, this.context, last?.check.cache);
    this.last.set(uri, { text, check });
    return check;
  }

  forget(uri: string): void {
    this.last.delete(uri);
  }
}
