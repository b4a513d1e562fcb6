// pkg/apis/core/validation/validation.go ValidatePodSpec →
// unversionedvalidation.ValidateLabels(spec.nodeSelector): keys are
// qualified names and values are label values.
import type { CodeInfo } from '../../diagnostics/code-info';
import { isJsonObject } from '../../model/json';
import { checkLabelValue, checkQualifiedName } from '../../validation/name-validators';
import type { Rule } from '../rule';
import { invalidMessage } from './support/field-errors';
import { POD_KINDS, podSpecTarget } from './support/pod-spec';

export const POD_NODE_SELECTOR_INVALID: CodeInfo = {
  code: 'pod-node-selector-invalid',
  category: 'api-server',
  severity: 'error',
  title: 'A nodeSelector key is not a qualified name or its value is not a valid label value.',
  example: 'nodeSelector:\n  disk type: ssd',
};

export const podNodeSelectorInvalid: Rule = {
  codes: [POD_NODE_SELECTOR_INVALID],
  kinds: POD_KINDS,
  check(context) {
    const target = podSpecTarget(context.manifest);
    if (!target) return;
    const selector = target.spec.nodeSelector;
    if (!isJsonObject(selector)) return;
    for (const [key, value] of Object.entries(selector)) {
      const path = [...target.path, 'nodeSelector', key];
      const keyProblems = checkQualifiedName(key);
      if (keyProblems.length > 0) {
        context.report({
          code: POD_NODE_SELECTOR_INVALID,
          path,
          target: 'key',
          message: invalidMessage(path, key, keyProblems.join('; ')),
        });
      }
      if (typeof value !== 'string') continue;
      const valueProblems = checkLabelValue(value);
      if (valueProblems.length > 0) {
        context.report({
          code: POD_NODE_SELECTOR_INVALID,
          path,
          target: 'value',
          message: invalidMessage(path, value, valueProblems.join('; ')),
        });
      }
    }
  },
};
