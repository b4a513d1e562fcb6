import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckContext } from '../../server/src/core/check/check-context';
import { ALL_RULES } from '../../server/src/core/rules/all-rules';
import type { SchemaBundle } from '../../server/src/core/schema/schema-bundle';
import { SchemaRegistry } from '../../server/src/core/schema/schema-registry';

export const REPO_ROOT = join(__dirname, '..', '..');
export const SHARED_DIR = join(REPO_ROOT, '..', 'shared');

let context: CheckContext | undefined;

/** The check context the server builds, shared by the tests of one process. */
export function coreContext(): CheckContext {
  if (!context) {
    const bundlePath = join(REPO_ROOT, 'server/src/core/schema/generated/k8s-schema.json');
    const bundle = JSON.parse(readFileSync(bundlePath, 'utf8')) as SchemaBundle;
    context = { registry: new SchemaRegistry(bundle), rules: ALL_RULES };
  }
  return context;
}
