// pkg/api/pod/warnings.go warningsForPodSpecAndMeta and pkg/apis/core/v1
// conversion: a negative terminationGracePeriodSeconds is not rejected, but
// the API server warns and treats it as 1 second.
import type { CodeInfo } from '../../diagnostics/code-info';
import type { Rule } from '../rule';
import { POD_KINDS, podSpecTarget } from './support/pod-spec';
import { formatPath } from '../../model/json';

export const POD_TERMINATION_GRACE_PERIOD_NEGATIVE: CodeInfo = {
  code: 'pod-termination-grace-period-negative',
  category: 'api-server',
  severity: 'warning',
  title: 'terminationGracePeriodSeconds is negative; the API server warns and treats it as 1.',
  example: 'terminationGracePeriodSeconds: -1',
};

export const podTerminationGracePeriodNegative: Rule = {
  codes: [POD_TERMINATION_GRACE_PERIOD_NEGATIVE],
  kinds: POD_KINDS,
  check(context) {
    const target = podSpecTarget(context.manifest);
    if (!target) return;
    const value = target.spec.terminationGracePeriodSeconds;
    if (typeof value !== 'number' || value >= 0) return;
    const path = [...target.path, 'terminationGracePeriodSeconds'];
    context.report({
      code: POD_TERMINATION_GRACE_PERIOD_NEGATIVE,
      path,
      target: 'value',
      message: `${formatPath(path)}: must be >= 0; negative values are invalid and will be treated as 1 (found ${value})`,
    });
  },
};
