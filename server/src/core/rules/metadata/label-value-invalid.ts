// Follows k8s.io/apimachinery/pkg/apis/meta/v1/validation ValidateLabels
// (IsValidLabelValue) for label maps
// (LabelSelectors are label-selector-invalid's).
import type { CodeInfo } from '../../diagnostics/code-info';
import { formatPath, getAt, isJsonObject } from '../../model/json';
import { checkLabelValue } from '../../validation/name-validators';
import type { Rule } from '../rule';
import { labelMapPaths } from './label-paths';

const LABEL_VALUE_INVALID: CodeInfo = {
  code: 'label-value-invalid',
  category: 'api-server',
  severity: 'error',
  title:
    "A label value is not valid: empty, or ≤ 63 alphanumerics, '-', '_' or '.', starting and ending alphanumeric.",
  example: 'labels:\n  version: 1.0/beta',
};

/** Label values (metadata, pod template, Service selector) are valid label values. */
export const labelValueInvalid: Rule = {
  codes: [LABEL_VALUE_INVALID],
  kinds: '*',
  check(context) {
    const { manifest } = context;
    for (const mapPath of labelMapPaths(manifest)) {
      const labels = getAt(manifest.body, mapPath);
      if (!isJsonObject(labels)) continue;
      for (const [key, value] of Object.entries(labels)) {
        if (typeof value !== 'string') continue;
        const problems = checkLabelValue(value);
        if (problems.length === 0) continue;
        context.report({
          code: LABEL_VALUE_INVALID,
          path: [...mapPath, key],
          target: 'value',
          message: `${formatPath([...mapPath, key])}: Invalid value: ${JSON.stringify(value)}: ${problems.join('; ')}`,
        });
      }
    }
  },
};
