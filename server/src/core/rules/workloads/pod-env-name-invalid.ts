// pkg/apis/core/validation/validation.go ValidateEnv and ValidateEnvFrom:
// env names and envFrom prefixes follow apimachinery IsRelaxedEnvVarName
// (RelaxedEnvironmentVariableValidation, on by default since 1.32): any
// printable ASCII character except '='.
import type { CodeInfo } from '../../diagnostics/code-info';
import { checkRelaxedEnvVarName } from '../../validation/workload-validators';
import type { Rule } from '../rule';
import { invalidMessage, nameProblemMessage } from './support/field-errors';
import { containersOf, objectItems, POD_KINDS, podSpecTarget } from './support/pod-spec';

export const POD_ENV_NAME_INVALID: CodeInfo = {
  code: 'pod-env-name-invalid',
  category: 'api-server',
  severity: 'error',
  title:
    "An environment variable name (or envFrom prefix) is empty or has a character other than printable ASCII without '='.",
  example: 'env:\n  - name: "MODE=prod"',
};

export const podEnvNameInvalid: Rule = {
  codes: [POD_ENV_NAME_INVALID],
  kinds: POD_KINDS,
  check(context) {
    const target = podSpecTarget(context.manifest);
    if (!target) return;
    for (const entry of containersOf(target)) {
      for (const env of objectItems(entry.container, entry.path, 'env')) {
        const name = env.item.name;
        if (typeof name !== 'string') continue;
        const path = [...env.path, 'name'];
        const problems = checkRelaxedEnvVarName(name);
        if (problems.length === 0) continue;
        context.report({
          code: POD_ENV_NAME_INVALID,
          path,
          target: 'value',
          message: nameProblemMessage(path, name, problems),
        });
      }
      for (const source of objectItems(entry.container, entry.path, 'envFrom')) {
        const prefix = source.item.prefix;
        if (typeof prefix !== 'string' || prefix.length === 0) continue;
        const problems = checkRelaxedEnvVarName(prefix);
        if (problems.length === 0) continue;
        const path = [...source.path, 'prefix'];
        context.report({
          code: POD_ENV_NAME_INVALID,
          path,
          target: 'value',
          message: invalidMessage(path, prefix, problems.join('; ')),
        });
      }
    }
  },
};
