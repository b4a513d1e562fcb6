import { join } from 'node:path';
import type { CheckContext } from '../../server/src/core/check/check-context';
import { createCheckContext } from '../../server/src/node/create-check-context';

export const REPO_ROOT = join(__dirname, '..', '..');
export const SHARED_DIR = join(REPO_ROOT, '..', 'shared');

let context: CheckContext | undefined;

/** The check context the server builds, shared by the tests of one process. */
export function coreContext(): CheckContext {
  context ??= createCheckContext();
  return context;
}
