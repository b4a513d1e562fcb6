// Follows k8s.io/apimachinery/pkg/apis/meta/v1/validation ValidateLabels /
// ValidateLabelName (IsQualifiedName) and ValidateLabelSelectorRequirement's key check.
import type { CodeInfo } from '../../diagnostics/code-info';
import { formatPath, getAt, isJsonObject } from '../../model/json';
import { checkQualifiedName } from '../../validation/name-validators';
import type { Rule } from '../rule';
import { labelMapPaths, labelSelectorPaths } from './label-paths';

const LABEL_KEY_INVALID: CodeInfo = {
  code: 'label-key-invalid',
  category: 'api-server',
  severity: 'error',
  title:
    "A label key is not a qualified name: an optional DNS subdomain prefix and '/', then ≤ 63 alphanumerics, '-', '_' or '.'.",
  example: 'labels:\n  app name: web',
};

/** Label keys (metadata, pod template, selectors) are qualified names. */
export const labelKeyInvalid: Rule = {
  codes: [LABEL_KEY_INVALID],
  kinds: '*',
  check({ manifest, report }) {
    for (const mapPath of labelMapPaths(manifest)) {
      const labels = getAt(manifest.body, mapPath);
      if (!isJsonObject(labels)) continue;
      for (const key of Object.keys(labels)) {
        const problems = checkQualifiedName(key);
        if (problems.length === 0) continue;
        report({
          code: LABEL_KEY_INVALID,
          path: [...mapPath, key],
          target: 'key',
          message: `${formatPath(mapPath)}: Invalid value: ${JSON.stringify(key)}: ${problems.join('; ')}`,
        });
      }
    }
    for (const selectorPath of labelSelectorPaths(manifest)) {
      const expressions = getAt(manifest.body, [...selectorPath, 'matchExpressions']);
      if (!Array.isArray(expressions)) continue;
      expressions.forEach((expression, index) => {
        const key = isJsonObject(expression) ? expression.key : undefined;
        if (typeof key !== 'string') return;
        const problems = checkQualifiedName(key);
        if (problems.length === 0) return;
        const path = [...selectorPath, 'matchExpressions', index, 'key'];
        report({
          code: LABEL_KEY_INVALID,
          path,
          target: 'value',
          message: `${formatPath(path)}: Invalid value: ${JSON.stringify(key)}: ${problems.join('; ')}`,
        });
      });
    }
  },
};
