// Follows k8s.io/apimachinery/pkg/apis/meta/v1/validation ValidateLabels
// (IsValidLabelValue) and ValidateLabelSelectorRequirement's value check.
import type { CodeInfo } from '../../diagnostics/code-info';
import { formatPath, getAt, isJsonObject } from '../../model/json';
import { checkLabelValue } from '../../validation/name-validators';
import type { Rule } from '../rule';
import { labelMapPaths, labelSelectorPaths } from './label-paths';

const LABEL_VALUE_INVALID: CodeInfo = {
  code: 'label-value-invalid',
  category: 'api-server',
  severity: 'error',
  title:
    "A label value is not valid: empty, or ≤ 63 alphanumerics, '-', '_' or '.', starting and ending alphanumeric.",
  example: 'labels:\n  version: 1.0/beta',
};

/** Label values (metadata, pod template, selectors) are valid label values. */
export const labelValueInvalid: Rule = {
  codes: [LABEL_VALUE_INVALID],
  kinds: '*',
  check({ manifest, report }) {
    for (const mapPath of labelMapPaths(manifest)) {
      const labels = getAt(manifest.body, mapPath);
      if (!isJsonObject(labels)) continue;
      for (const [key, value] of Object.entries(labels)) {
        if (typeof value !== 'string') continue;
        const problems = checkLabelValue(value);
        if (problems.length === 0) continue;
        report({
          code: LABEL_VALUE_INVALID,
          path: [...mapPath, key],
          target: 'value',
          message: `${formatPath([...mapPath, key])}: Invalid value: ${JSON.stringify(value)}: ${problems.join('; ')}`,
        });
      }
    }
    for (const selectorPath of labelSelectorPaths(manifest)) {
      const expressions = getAt(manifest.body, [...selectorPath, 'matchExpressions']);
      if (!Array.isArray(expressions)) continue;
      expressions.forEach((expression, index) => {
        const values = isJsonObject(expression) ? expression.values : undefined;
        if (!Array.isArray(values)) return;
        values.forEach((value, valueIndex) => {
          if (typeof value !== 'string') return;
          const problems = checkLabelValue(value);
          if (problems.length === 0) return;
          const path = [...selectorPath, 'matchExpressions', index, 'values', valueIndex];
          report({
            code: LABEL_VALUE_INVALID,
            path,
            target: 'value',
            message: `${formatPath(path)}: Invalid value: ${JSON.stringify(value)}: ${problems.join('; ')}`,
          });
        });
      });
    }
  },
};
