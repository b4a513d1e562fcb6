import type { CheckContext } from '../core/check/check-context';
import { checkText, type ChunkCache, type FileCheck } from '../core/check/check-text';

/**
 * Checks open documents, keeping per document the results of its chunks so
 * that an edit re-checks only the documents (YAML `---` sections) it touched.
 */
export class DocumentChecker {
  private readonly caches = new Map<string, ChunkCache>();

  constructor(private readonly context: CheckContext) {}

  check(uri: string, text: string): FileCheck {
    const result = checkText(text, this.context, this.caches.get(uri));
    this.caches.set(uri, result.cache);
    return result;
  }

  forget(uri: string): void {
    this.caches.delete(uri);
  }
}
