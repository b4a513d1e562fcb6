// Follows k8s.io/apimachinery/pkg/api/validation/objectmeta.go ValidateObjectMeta:
// "name or generateName is required".
import type { CodeInfo } from '../../diagnostics/code-info';
import { getAt, isJsonObject } from '../../model/json';
import type { Rule } from '../rule';
import { objectNameRule } from './object-names';

const NAME_REQUIRED: CodeInfo = {
  code: 'metadata-name-required',
  category: 'api-server',
  severity: 'error',
  title: 'An object needs metadata.name (or metadata.generateName with kubectl create).',
  example: 'metadata:\n  labels:\n    app: web   # no name',
};

function isSet(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

/** metadata.name or generateName is required on every named kind. */
export const metadataNameRequired: Rule = {
  codes: [NAME_REQUIRED],
  kinds: '*',
  check(context) {
    const { manifest } = context;
    if (!objectNameRule(manifest)) return;
    const metadata = manifest.body.metadata;
    if (isJsonObject(metadata) && (isSet(metadata.name) || isSet(metadata.generateName))) return;
    const hasMetadata = getAt(manifest.body, ['metadata']) !== undefined;
    context.report({
      code: NAME_REQUIRED,
      path: hasMetadata ? ['metadata'] : ['kind'],
      message: `metadata.name: Required value: a ${manifest.kind} needs a name (metadata.name, or metadata.generateName with kubectl create)`,
    });
  },
};
