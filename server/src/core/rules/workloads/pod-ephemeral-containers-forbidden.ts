// pkg/apis/core/validation/validation.go ValidatePodCreate (ephemeral
// containers "cannot be set on create"; they are added later through the
// ephemeralcontainers subresource, e.g. kubectl debug) and
// ValidatePodTemplateSpec ("ephemeral containers not allowed in pod template").
import type { CodeInfo } from '../../diagnostics/code-info';
import type { Rule } from '../rule';
import { forbiddenMessage } from './support/field-errors';
import { POD_KINDS, podSpecTarget } from './support/pod-spec';

export const POD_EPHEMERAL_CONTAINERS_FORBIDDEN: CodeInfo = {
  code: 'pod-ephemeral-containers-forbidden',
  category: 'api-server',
  severity: 'error',
  title:
    'A manifest sets ephemeralContainers, which are only added to running Pods (kubectl debug).',
  example: 'ephemeralContainers:\n  - name: debugger\n    image: busybox:1.36',
};

export const podEphemeralContainersForbidden: Rule = {
  codes: [POD_EPHEMERAL_CONTAINERS_FORBIDDEN],
  kinds: POD_KINDS,
  check(context) {
    const target = podSpecTarget(context.manifest);
    if (!target) return;
    const list = target.spec.ephemeralContainers;
    if (!Array.isArray(list) || list.length === 0) return;
    const path = [...target.path, 'ephemeralContainers'];
    const detail = target.isPod
      ? 'cannot be set on create'
      : 'ephemeral containers not allowed in pod template';
    context.report({
      code: POD_EPHEMERAL_CONTAINERS_FORBIDDEN,
      path,
      message: `${forbiddenMessage(path, detail)} (add them to a running Pod with kubectl debug)`,
    });
  },
};
