// pkg/apis/core/validation/validation.go ValidateTolerations:
// tolerationSeconds applies only to effect NoExecute.
import type { CodeInfo } from '../../diagnostics/code-info';
import type { Rule } from '../rule';
import { invalidMessage } from './support/field-errors';
import { objectItems, POD_KINDS, podSpecTarget } from './support/pod-spec';

export const TOLERATION_SECONDS_REQUIRES_NO_EXECUTE: CodeInfo = {
  code: 'toleration-seconds-requires-no-execute',
  category: 'api-server',
  severity: 'error',
  title: 'A toleration sets tolerationSeconds without effect NoExecute.',
  example:
    'tolerations:\n  - key: node.kubernetes.io/not-ready\n    operator: Exists\n    effect: NoSchedule\n    tolerationSeconds: 300',
};

export const tolerationSecondsRequiresNoExecute: Rule = {
  codes: [TOLERATION_SECONDS_REQUIRES_NO_EXECUTE],
  kinds: POD_KINDS,
  check(context) {
    const target = podSpecTarget(context.manifest);
    if (!target) return;
    for (const toleration of objectItems(target.spec, target.path, 'tolerations')) {
      const { tolerationSeconds, effect } = toleration.item;
      if (typeof tolerationSeconds !== 'number' || effect === 'NoExecute') continue;
      const effectPath = [...toleration.path, 'effect'];
      const shown = typeof effect === 'string' ? effect : '';
      context.report({
        code: TOLERATION_SECONDS_REQUIRES_NO_EXECUTE,
        path: [...toleration.path, 'tolerationSeconds'],
        message: invalidMessage(
          effectPath,
          shown,
          "effect must be 'NoExecute' when `tolerationSeconds` is set",
        ),
      });
    }
  },
};
