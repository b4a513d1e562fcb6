// Follows k8s.io/apimachinery/pkg/api/validation/objectmeta.go ValidateObjectMeta:
// a namespaced object's metadata.namespace must be a DNS-1123 label
// (ValidateNamespaceName); a cluster-scoped object's namespace is cleared.
import type { CodeInfo } from '../../diagnostics/code-info';
import { getAt } from '../../model/json';
import { checkDns1123Label } from '../../validation/name-validators';
import type { Rule } from '../rule';
import { isClusterScoped } from './object-names';

const NAMESPACE_INVALID: CodeInfo = {
  code: 'metadata-namespace-invalid',
  category: 'api-server',
  severity: 'error',
  title: 'metadata.namespace is not a valid namespace name (a lowercase RFC 1123 label).',
  example: 'metadata:\n  namespace: Team_A',
};

/** metadata.namespace is a DNS-1123 label on namespaced kinds. */
export const metadataNamespaceInvalid: Rule = {
  codes: [NAMESPACE_INVALID],
  kinds: '*',
  check(context) {
    const { manifest } = context;
    if (isClusterScoped(manifest)) return;
    const namespace = getAt(manifest.body, ['metadata', 'namespace']);
    if (typeof namespace !== 'string' || namespace === '') return;
    const problems = checkDns1123Label(namespace);
    if (problems.length === 0) return;
    context.report({
      code: NAMESPACE_INVALID,
      path: ['metadata', 'namespace'],
      target: 'value',
      message: `metadata.namespace: Invalid value: ${JSON.stringify(namespace)}: ${problems.join('; ')}`,
    });
  },
};
