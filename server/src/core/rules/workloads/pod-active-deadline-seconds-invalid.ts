// pkg/apis/core/validation/validation.go ValidatePodSpec (activeDeadlineSeconds
// is 1 to 2147483647) and the controllers that may not use it at all:
// pkg/apis/apps/validation ValidatePodTemplateSpecForReplicaSet, ValidateDaemonSetSpec,
// ValidateStatefulSetSpec and pkg/apis/core/validation ValidatePodTemplateSpecForRC.
import type { CodeInfo } from '../../diagnostics/code-info';
import type { Rule } from '../rule';
import { forbiddenMessage, invalidMessage } from './support/field-errors';
import { POD_KINDS, podSpecTarget } from './support/pod-spec';

export const POD_ACTIVE_DEADLINE_SECONDS_INVALID: CodeInfo = {
  code: 'pod-active-deadline-seconds-invalid',
  category: 'api-server',
  severity: 'error',
  title: 'activeDeadlineSeconds is below 1 or above 2147483647.',
  example: 'activeDeadlineSeconds: 0',
};

export const WORKLOAD_TEMPLATE_ACTIVE_DEADLINE_FORBIDDEN: CodeInfo = {
  code: 'workload-template-active-deadline-forbidden',
  category: 'api-server',
  severity: 'error',
  title:
    'A Deployment, ReplicaSet, StatefulSet, DaemonSet or ReplicationController pod template sets activeDeadlineSeconds.',
  example: 'kind: Deployment\n…\n    spec:\n      activeDeadlineSeconds: 600',
};

const CONTROLLER_NAMES: Record<string, string> = {
  'apps/Deployment': 'ReplicaSet',
  'apps/ReplicaSet': 'ReplicaSet',
  'apps/StatefulSet': 'StatefulSet',
  'apps/DaemonSet': 'DaemonSet',
  '/ReplicationController': 'ReplicationController',
};

const MAX_INT32 = 2147483647;

export const podActiveDeadlineSecondsInvalid: Rule = {
  codes: [POD_ACTIVE_DEADLINE_SECONDS_INVALID, WORKLOAD_TEMPLATE_ACTIVE_DEADLINE_FORBIDDEN],
  kinds: POD_KINDS,
  check(context) {
    const target = podSpecTarget(context.manifest);
    if (!target) return;
    const value = target.spec.activeDeadlineSeconds;
    if (typeof value !== 'number') return;
    const path = [...target.path, 'activeDeadlineSeconds'];
    const controller = CONTROLLER_NAMES[target.kind];
    if (controller) {
      context.report({
        code: WORKLOAD_TEMPLATE_ACTIVE_DEADLINE_FORBIDDEN,
        path,
        message: `${forbiddenMessage(path, `activeDeadlineSeconds in ${controller} is not Supported`)} (Pods of a ${context.manifest.kind} run until replaced; remove it)`,
      });
      return;
    }
    if (value >= 1 && value <= MAX_INT32) return;
    context.report({
      code: POD_ACTIVE_DEADLINE_SECONDS_INVALID,
      path,
      target: 'value',
      message: invalidMessage(path, value, `must be between 1 and ${MAX_INT32}, inclusive`),
    });
  },
};
