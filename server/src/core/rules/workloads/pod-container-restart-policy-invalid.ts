// pkg/apis/core/validation/validation.go validateContainers (a regular
// container may not set restartPolicy), validateInitContainerRestartPolicy
// (an init container's restartPolicy can only be Always: a sidecar) and
// validateInitContainers (lifecycle and probes only on sidecar init containers).
import type { CodeInfo } from '../../diagnostics/code-info';
import type { Rule } from '../rule';
import { forbiddenMessage, notSupportedMessage } from './support/field-errors';
import { containersOf, POD_KINDS, podSpecTarget } from './support/pod-spec';

export const POD_CONTAINER_RESTART_POLICY_INVALID: CodeInfo = {
  code: 'pod-container-restart-policy-invalid',
  category: 'api-server',
  severity: 'error',
  title:
    'A regular container sets restartPolicy, or an init container uses a value other than Always.',
  example: 'containers:\n  - name: app\n    restartPolicy: Always',
};

export const POD_INIT_CONTAINER_FIELD_FORBIDDEN: CodeInfo = {
  code: 'pod-init-container-field-forbidden',
  category: 'api-server',
  severity: 'error',
  title:
    'An init container that is not a sidecar (restartPolicy: Always) sets lifecycle or probes.',
  example: 'initContainers:\n  - name: migrate\n    readinessProbe: {…}',
};

const SIDECAR_ONLY_FIELDS = ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe'];

export const podContainerRestartPolicyInvalid: Rule = {
  codes: [POD_CONTAINER_RESTART_POLICY_INVALID, POD_INIT_CONTAINER_FIELD_FORBIDDEN],
  kinds: POD_KINDS,
  check(context) {
    const target = podSpecTarget(context.manifest);
    if (!target) return;
    for (const entry of containersOf(target, ['containers', 'initContainers'])) {
      const policy = entry.container.restartPolicy;
      const path = [...entry.path, 'restartPolicy'];
      const hasPolicy = policy !== undefined && policy !== null;
      if (entry.list === 'containers') {
        if (!hasPolicy) continue;
        context.report({
          code: POD_CONTAINER_RESTART_POLICY_INVALID,
          path,
          message: `${forbiddenMessage(path, 'may not be set for non-init containers')} (set restartPolicy on the pod spec instead)`,
        });
        continue;
      }
      if (hasPolicy && policy !== 'Always') {
        context.report({
          code: POD_CONTAINER_RESTART_POLICY_INVALID,
          path,
          target: 'value',
          message: notSupportedMessage(path, policy, ['Always']),
        });
      }
      if (policy === 'Always') continue;
      for (const field of SIDECAR_ONLY_FIELDS) {
        const value = entry.container[field];
        if (value === undefined || value === null) continue;
        const fieldPath = [...entry.path, field];
        context.report({
          code: POD_INIT_CONTAINER_FIELD_FORBIDDEN,
          path: fieldPath,
          message: forbiddenMessage(
            fieldPath,
            'may not be set for init containers without restartPolicy=Always',
          ),
        });
      }
    }
  },
};
