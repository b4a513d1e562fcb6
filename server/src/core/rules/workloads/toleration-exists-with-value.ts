// pkg/apis/core/validation/validation.go ValidateTolerations: with operator
// Exists the value must be empty; with Equal (or no operator, which means
// Equal) the value must be a valid label value (apimachinery IsValidLabelValue).
import type { CodeInfo } from '../../diagnostics/code-info';
import { checkLabelValue } from '../../validation/name-validators';
import type { Rule } from '../rule';
import { invalidMessage } from './support/field-errors';
import { objectItems, POD_KINDS, podSpecTarget } from './support/pod-spec';

export const TOLERATION_EXISTS_WITH_VALUE: CodeInfo = {
  code: 'toleration-exists-with-value',
  category: 'api-server',
  severity: 'error',
  title: 'A toleration with operator Exists also sets a value.',
  example: 'tolerations:\n  - key: dedicated\n    operator: Exists\n    value: gpu',
};

export const TOLERATION_VALUE_INVALID: CodeInfo = {
  code: 'toleration-value-invalid',
  category: 'api-server',
  severity: 'error',
  title: 'A toleration value is not a valid label value (≤ 63 alphanumerics, -, _ or .).',
  example: 'tolerations:\n  - key: dedicated\n    value: "gpu nodes"',
};

export const tolerationExistsWithValue: Rule = {
  codes: [TOLERATION_EXISTS_WITH_VALUE, TOLERATION_VALUE_INVALID],
  kinds: POD_KINDS,
  check(context) {
    const target = podSpecTarget(context.manifest);
    if (!target) return;
    for (const toleration of objectItems(target.spec, target.path, 'tolerations')) {
      const { operator, value } = toleration.item;
      if (typeof value !== 'string') continue;
      const operatorPath = [...toleration.path, 'operator'];
      const valuePath = [...toleration.path, 'value'];
      if (operator === 'Exists') {
        if (value.length === 0) continue;
        context.report({
          code: TOLERATION_EXISTS_WITH_VALUE,
          path: valuePath,
          target: 'value',
          message: `${invalidMessage(operatorPath, value, "value must be empty when `operator` is 'Exists'")} (remove the value, or use operator: Equal)`,
        });
      } else if (
        operator === undefined ||
        operator === null ||
        operator === '' ||
        operator === 'Equal'
      ) {
        const problems = checkLabelValue(value);
        if (problems.length === 0) continue;
        context.report({
          code: TOLERATION_VALUE_INVALID,
          path: valuePath,
          target: 'value',
          message: invalidMessage(operatorPath, value, problems.join(';')),
        });
      }
    }
  },
};
