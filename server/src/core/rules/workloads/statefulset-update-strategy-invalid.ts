// pkg/apis/apps/validation ValidateStatefulSetSpec and
// validateRollingUpdateStatefulSet: OnDelete takes no rollingUpdate; a
// rollingUpdate maxUnavailable is a positive integer or a percentage of at
// most 100% (not 0). A negative partition is workload-field-negative.
import type { CodeInfo } from '../../diagnostics/code-info';
import { getAt, isJsonObject, type JsonPath } from '../../model/json';
import type { Rule } from '../rule';
import { invalidMessage } from './support/field-errors';
import {
  intOrPercentProblems,
  intOrPercentValue,
  isMoreThan100Percent,
} from './support/int-or-percent';

export const STATEFULSET_UPDATE_STRATEGY_INVALID: CodeInfo = {
  code: 'statefulset-update-strategy-invalid',
  category: 'api-server',
  severity: 'error',
  title:
    'A StatefulSet updateStrategy is inconsistent (OnDelete with rollingUpdate, maxUnavailable 0 or above 100%).',
  example: 'updateStrategy:\n  type: OnDelete\n  rollingUpdate:\n    partition: 2',
};

export const statefulsetUpdateStrategyInvalid: Rule = {
  codes: [STATEFULSET_UPDATE_STRATEGY_INVALID],
  kinds: ['apps/StatefulSet'],
  check(context) {
    const strategyPath: JsonPath = ['spec', 'updateStrategy'];
    const strategy = getAt(context.manifest.body, strategyPath);
    if (!isJsonObject(strategy)) return;
    const type = strategy.type ?? 'RollingUpdate';
    const rollingUpdate = strategy.rollingUpdate;
    const rollingPath = [...strategyPath, 'rollingUpdate'];
    if (type === 'OnDelete') {
      if (rollingUpdate === undefined || rollingUpdate === null) return;
      context.report({
        code: STATEFULSET_UPDATE_STRATEGY_INVALID,
        path: rollingPath,
        message: `${invalidMessage(rollingPath, rollingUpdate, "only allowed for updateStrategy 'RollingUpdate'")} (remove rollingUpdate, or use type: RollingUpdate)`,
      });
      return;
    }
    if (type !== 'RollingUpdate' || !isJsonObject(rollingUpdate)) return;
    const value = rollingUpdate.maxUnavailable;
    if (value === undefined || value === null) return;
    const path = [...rollingPath, 'maxUnavailable'];
    const report = (message: string): void =>
      context.report({ code: STATEFULSET_UPDATE_STRATEGY_INVALID, path, target: 'value', message });
    for (const problem of intOrPercentProblems(value)) report(invalidMessage(path, value, problem));
    if (intOrPercentValue(value) === 0) report(invalidMessage(path, value, 'cannot be 0'));
    if (isMoreThan100Percent(value))
      report(invalidMessage(path, value, 'must not be greater than 100%'));
  },
};
