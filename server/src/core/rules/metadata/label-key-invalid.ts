// Follows k8s.io/apimachinery/pkg/apis/meta/v1/validation ValidateLabels /
// ValidateLabelName (IsQualifiedName) for label maps
// (LabelSelectors are label-selector-invalid's).
import type { CodeInfo } from '../../diagnostics/code-info';
import { formatPath, getAt, isJsonObject } from '../../model/json';
import { checkQualifiedName } from '../../validation/name-validators';
import type { Rule } from '../rule';
import { labelMapPaths } from './label-paths';

const LABEL_KEY_INVALID: CodeInfo = {
  code: 'label-key-invalid',
  category: 'api-server',
  severity: 'error',
  title:
    "A label key is not a qualified name: an optional DNS subdomain prefix and '/', then ≤ 63 alphanumerics, '-', '_' or '.'.",
  example: 'labels:\n  app name: web',
};

/** Label keys (metadata, pod template, Service selector) are qualified names. */
export const labelKeyInvalid: Rule = {
  codes: [LABEL_KEY_INVALID],
  kinds: '*',
  check(context) {
    const { manifest } = context;
    for (const mapPath of labelMapPaths(manifest)) {
      const labels = getAt(manifest.body, mapPath);
      if (!isJsonObject(labels)) continue;
      for (const key of Object.keys(labels)) {
        const problems = checkQualifiedName(key);
        if (problems.length === 0) continue;
        context.report({
          code: LABEL_KEY_INVALID,
          path: [...mapPath, key],
          target: 'key',
          message: `${formatPath(mapPath)}: Invalid value: ${JSON.stringify(key)}: ${problems.join('; ')}`,
        });
      }
    }
  },
};
