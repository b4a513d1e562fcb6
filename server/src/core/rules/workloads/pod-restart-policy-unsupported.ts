// The restartPolicy a pod template may use: pkg/apis/apps/validation
// (Deployment, ReplicaSet, StatefulSet, DaemonSet: only Always),
// pkg/apis/core/validation ValidatePodTemplateSpecForRC (ReplicationController:
// only Always), and pkg/apis/batch/validation validateJobSpec (Job and CronJob:
// OnFailure or Never, and it must be set — an omitted restartPolicy is
// defaulted to Always; with a podFailurePolicy only Never).
import type { CodeInfo } from '../../diagnostics/code-info';
import { getAt, isJsonObject, type JsonPath } from '../../model/json';
import type { Rule } from '../rule';
import { invalidMessage, notSupportedMessage, requiredMessage } from './support/field-errors';
import { podSpecTarget } from './support/pod-spec';

export const POD_RESTART_POLICY_UNSUPPORTED: CodeInfo = {
  code: 'pod-restart-policy-unsupported',
  category: 'api-server',
  severity: 'error',
  title:
    'The pod template restartPolicy does not fit the workload (Always for controllers, OnFailure or Never for Jobs).',
  example: 'kind: Job\n…\n    spec:\n      restartPolicy: Always',
};

const ALWAYS_KINDS = new Set([
  'apps/Deployment',
  'apps/ReplicaSet',
  'apps/StatefulSet',
  'apps/DaemonSet',
  '/ReplicationController',
]);
const JOB_KINDS = new Set(['batch/Job', 'batch/CronJob']);

export const podRestartPolicyUnsupported: Rule = {
  codes: [POD_RESTART_POLICY_UNSUPPORTED],
  kinds: [...ALWAYS_KINDS, ...JOB_KINDS],
  check(context) {
    const target = podSpecTarget(context.manifest);
    if (!target) return;
    const policy = target.spec.restartPolicy;
    if (policy !== undefined && policy !== null && typeof policy !== 'string') return;
    const path: JsonPath = [...target.path, 'restartPolicy'];
    const set = typeof policy === 'string' && policy !== '';
    if (ALWAYS_KINDS.has(target.kind)) {
      if (!set || policy === 'Always') return;
      context.report({
        code: POD_RESTART_POLICY_UNSUPPORTED,
        path,
        target: 'value',
        message: `${notSupportedMessage(path, policy, ['Always'])} (${context.manifest.kind} Pods always restart; use a Job for run-to-completion work)`,
      });
      return;
    }
    if (!set || policy === 'Always') {
      const message = requiredMessage(path, 'valid values: "OnFailure", "Never"');
      context.report({
        code: POD_RESTART_POLICY_UNSUPPORTED,
        path: set ? path : target.path,
        target: set ? 'value' : 'key',
        message: set
          ? `${message} (Always is not allowed for Job Pods)`
          : `${message} (a Job's pod template must set restartPolicy)`,
      });
      return;
    }
    const jobSpecPath = target.path.slice(0, -2);
    if (
      policy === 'OnFailure' &&
      isJsonObject(getAt(context.manifest.body, [...jobSpecPath, 'podFailurePolicy']))
    ) {
      context.report({
        code: POD_RESTART_POLICY_UNSUPPORTED,
        path,
        target: 'value',
        message: invalidMessage(
          path,
          policy,
          'only "Never" is supported when podFailurePolicy is specified',
        ),
      });
    }
  },
};
