// Follows k8s.io/apimachinery/pkg/apis/meta/v1/validation ValidateLabelSelectorRequirement:
// the operator and whether `values` may or must be given.
import type { CodeInfo } from '../../diagnostics/code-info';
import { formatPath, getAt, isJsonObject } from '../../model/json';
import type { Rule } from '../rule';
import { labelSelectorPaths } from './label-paths';

const LABEL_SELECTOR_INVALID: CodeInfo = {
  code: 'label-selector-invalid',
  category: 'api-server',
  severity: 'error',
  title:
    'A matchExpressions entry has an unknown operator, In/NotIn without values, or Exists/DoesNotExist with values.',
  example: 'matchExpressions:\n  - key: tier\n    operator: In   # no values',
};

/** matchExpressions operators and their values. */
export const labelSelectorInvalid: Rule = {
  codes: [LABEL_SELECTOR_INVALID],
  kinds: '*',
  check({ manifest, report }) {
    for (const selectorPath of labelSelectorPaths(manifest)) {
      const expressions = getAt(manifest.body, [...selectorPath, 'matchExpressions']);
      if (!Array.isArray(expressions)) continue;
      expressions.forEach((expression, index) => {
        if (!isJsonObject(expression)) return;
        const base = [...selectorPath, 'matchExpressions', index];
        const { operator, values } = expression;
        if (typeof operator !== 'string') return;
        const count = Array.isArray(values) ? values.length : 0;
        if (operator === 'In' || operator === 'NotIn') {
          if (count === 0) {
            report({
              code: LABEL_SELECTOR_INVALID,
              path: values === undefined ? [...base, 'operator'] : [...base, 'values'],
              message: `${formatPath([...base, 'values'])}: Required value: must be specified when \`operator\` is 'In' or 'NotIn'`,
            });
          }
        } else if (operator === 'Exists' || operator === 'DoesNotExist') {
          if (count > 0) {
            report({
              code: LABEL_SELECTOR_INVALID,
              path: [...base, 'values'],
              message: `${formatPath([...base, 'values'])}: Forbidden: may not be specified when \`operator\` is 'Exists' or 'DoesNotExist'`,
            });
          }
        } else {
          report({
            code: LABEL_SELECTOR_INVALID,
            path: [...base, 'operator'],
            target: 'value',
            message: `${formatPath([...base, 'operator'])}: Invalid value: ${JSON.stringify(operator)}: not a valid selector operator (In, NotIn, Exists or DoesNotExist)`,
          });
        }
      });
    }
  },
};
