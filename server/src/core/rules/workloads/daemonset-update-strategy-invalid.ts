// pkg/apis/apps/validation ValidateDaemonSetUpdateStrategy and
// ValidateRollingUpdateDaemonSet: maxUnavailable and maxSurge are
// non-negative integers or percentages of at most 100%, and exactly one of
// them is non-zero. Omitted values are defaulted to maxUnavailable 1 and
// maxSurge 0 (pkg/apis/apps/v1 SetDefaults_DaemonSet), so setting only
// maxSurge needs maxUnavailable: 0.
import type { CodeInfo } from '../../diagnostics/code-info';
import { getAt, isJsonObject, type JsonPath } from '../../model/json';
import type { Rule } from '../rule';
import { invalidMessage, requiredMessage } from './support/field-errors';
import {
  intOrPercentProblems,
  intOrPercentValue,
  isMoreThan100Percent,
} from './support/int-or-percent';

export const DAEMONSET_UPDATE_STRATEGY_INVALID: CodeInfo = {
  code: 'daemonset-update-strategy-invalid',
  category: 'api-server',
  severity: 'error',
  title:
    'A DaemonSet rolling update sets both or neither of maxSurge and maxUnavailable, or a bad value.',
  example: 'updateStrategy:\n  rollingUpdate:\n    maxSurge: 1   # maxUnavailable defaults to 1',
};

export const daemonsetUpdateStrategyInvalid: Rule = {
  codes: [DAEMONSET_UPDATE_STRATEGY_INVALID],
  kinds: ['apps/DaemonSet'],
  check(context) {
    const strategyPath: JsonPath = ['spec', 'updateStrategy'];
    const strategy = getAt(context.manifest.body, strategyPath);
    if (!isJsonObject(strategy)) return;
    const type = strategy.type ?? 'RollingUpdate';
    const rollingUpdate = strategy.rollingUpdate;
    if (type !== 'RollingUpdate' || !isJsonObject(rollingUpdate)) return;
    const rollingPath = [...strategyPath, 'rollingUpdate'];
    const report = (path: JsonPath, message: string): void =>
      context.report({ code: DAEMONSET_UPDATE_STRATEGY_INVALID, path, target: 'value', message });
    for (const field of ['maxUnavailable', 'maxSurge']) {
      const value = rollingUpdate[field];
      const path = [...rollingPath, field];
      for (const problem of intOrPercentProblems(value))
        report(path, invalidMessage(path, value, problem));
      if (isMoreThan100Percent(value))
        report(path, invalidMessage(path, value, 'must not be greater than 100%'));
    }
    const maxUnavailable = rollingUpdate.maxUnavailable ?? 1;
    const maxSurge = rollingUpdate.maxSurge ?? 0;
    const hasUnavailable = intOrPercentValue(maxUnavailable) !== 0;
    const hasSurge = intOrPercentValue(maxSurge) !== 0;
    if (hasUnavailable && hasSurge) {
      const path = [...rollingPath, 'maxSurge'];
      const defaulted =
        rollingUpdate.maxUnavailable === undefined || rollingUpdate.maxUnavailable === null;
      report(
        path,
        `${invalidMessage(path, maxSurge, 'may not be set when maxUnavailable is non-zero')}${defaulted ? ' (maxUnavailable defaults to 1; set maxUnavailable: 0 to surge instead)' : ''}`,
      );
    } else if (!hasUnavailable && !hasSurge) {
      const path = [...rollingPath, 'maxUnavailable'];
      report(
        rollingUpdate.maxUnavailable === undefined ? rollingPath : path,
        requiredMessage(path, 'cannot be 0 when maxSurge is 0'),
      );
    }
  },
};
