// pkg/apis/apps/validation ValidateDeploymentStrategy and
// ValidateRollingUpdateDeployment: Recreate takes no rollingUpdate;
// maxUnavailable and maxSurge are non-negative integers or percentages, not
// both 0, and maxUnavailable is at most 100%. Omitted values are defaulted
// to 25% (pkg/apis/apps/v1 SetDefaults_Deployment).
import type { CodeInfo } from '../../diagnostics/code-info';
import { getAt, isJsonObject, type JsonPath } from '../../model/json';
import type { Rule } from '../rule';
import { forbiddenMessage, invalidMessage } from './support/field-errors';
import {
  intOrPercentProblems,
  intOrPercentValue,
  isMoreThan100Percent,
} from './support/int-or-percent';

export const DEPLOYMENT_STRATEGY_INVALID: CodeInfo = {
  code: 'deployment-strategy-invalid',
  category: 'api-server',
  severity: 'error',
  title:
    'The Deployment strategy is inconsistent (Recreate with rollingUpdate, maxSurge and maxUnavailable both 0, …).',
  example: 'strategy:\n  rollingUpdate:\n    maxSurge: 0\n    maxUnavailable: 0',
};

const DEFAULT = '25%';

export const deploymentStrategyInvalid: Rule = {
  codes: [DEPLOYMENT_STRATEGY_INVALID],
  kinds: ['apps/Deployment'],
  check(context) {
    const strategyPath: JsonPath = ['spec', 'strategy'];
    const strategy = getAt(context.manifest.body, strategyPath);
    if (!isJsonObject(strategy)) return;
    const type = strategy.type ?? 'RollingUpdate';
    const rollingUpdate = strategy.rollingUpdate;
    const rollingPath = [...strategyPath, 'rollingUpdate'];
    if (type === 'Recreate') {
      if (rollingUpdate !== undefined && rollingUpdate !== null) {
        context.report({
          code: DEPLOYMENT_STRATEGY_INVALID,
          path: rollingPath,
          message: `${forbiddenMessage(rollingPath, "may not be specified when strategy `type` is 'Recreate'")} (remove rollingUpdate, or use type: RollingUpdate)`,
        });
      }
      return;
    }
    if (type !== 'RollingUpdate' || !isJsonObject(rollingUpdate)) return;
    const fields = ['maxUnavailable', 'maxSurge'] as const;
    const values = {
      maxUnavailable: rollingUpdate.maxUnavailable ?? DEFAULT,
      maxSurge: rollingUpdate.maxSurge ?? DEFAULT,
    };
    for (const field of fields) {
      const value = rollingUpdate[field];
      const path = [...rollingPath, field];
      for (const problem of intOrPercentProblems(value)) {
        context.report({
          code: DEPLOYMENT_STRATEGY_INVALID,
          path,
          target: 'value',
          message: invalidMessage(path, value, problem),
        });
      }
    }
    if (
      intOrPercentValue(values.maxUnavailable) === 0 &&
      intOrPercentValue(values.maxSurge) === 0
    ) {
      const path = [...rollingPath, 'maxUnavailable'];
      context.report({
        code: DEPLOYMENT_STRATEGY_INVALID,
        path: rollingUpdate.maxUnavailable === undefined ? rollingPath : path,
        target: 'value',
        message: `${invalidMessage(path, values.maxUnavailable, 'may not be 0 when `maxSurge` is 0')} (a rollout could never replace a Pod)`,
      });
    }
    if (isMoreThan100Percent(values.maxUnavailable)) {
      const path = [...rollingPath, 'maxUnavailable'];
      context.report({
        code: DEPLOYMENT_STRATEGY_INVALID,
        path,
        target: 'value',
        message: invalidMessage(path, values.maxUnavailable, 'must not be greater than 100%'),
      });
    }
  },
};
