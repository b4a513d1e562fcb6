// pkg/apis/core/validation/validation.go ValidateTolerations: a key, when
// set, is a qualified name (ValidateLabelName); an empty key matches every
// taint and so requires operator Exists.
import type { CodeInfo } from '../../diagnostics/code-info';
import { checkQualifiedName } from '../../validation/name-validators';
import type { Rule } from '../rule';
import { invalidMessage } from './support/field-errors';
import { objectItems, POD_KINDS, podSpecTarget } from './support/pod-spec';

export const TOLERATION_KEY_INVALID: CodeInfo = {
  code: 'toleration-key-invalid',
  category: 'api-server',
  severity: 'error',
  title: 'A toleration key is not a qualified name, or is empty without operator Exists.',
  example: 'tolerations:\n  - operator: Equal\n    value: gpu',
};

export const tolerationKeyInvalid: Rule = {
  codes: [TOLERATION_KEY_INVALID],
  kinds: POD_KINDS,
  check(context) {
    const target = podSpecTarget(context.manifest);
    if (!target) return;
    for (const toleration of objectItems(target.spec, target.path, 'tolerations')) {
      const { key, operator } = toleration.item;
      const keyPath = [...toleration.path, 'key'];
      if (typeof key === 'string' && key.length > 0) {
        const problems = checkQualifiedName(key);
        if (problems.length > 0) {
          context.report({
            code: TOLERATION_KEY_INVALID,
            path: keyPath,
            target: 'value',
            message: invalidMessage(keyPath, key, problems.join('; ')),
          });
        }
        continue;
      }
      if (key !== undefined && key !== null && key !== '') continue;
      // Exists is right; an unknown operator is the schema's (enum) finding.
      if (operator !== undefined && operator !== null && operator !== '' && operator !== 'Equal')
        continue;
      const operatorPath = [...toleration.path, 'operator'];
      const shown = typeof operator === 'string' ? operator : '';
      context.report({
        code: TOLERATION_KEY_INVALID,
        path: typeof operator === 'string' ? operatorPath : toleration.path,
        target: 'value',
        message: invalidMessage(
          operatorPath,
          shown,
          'operator must be Exists when `key` is empty, which means "match all values and all keys"',
        ),
      });
    }
  },
};
