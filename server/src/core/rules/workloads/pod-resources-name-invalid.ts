// pkg/apis/core/validation/validation.go validateContainerResourceName
// (via validateResourceRequirements): a container resource is cpu, memory,
// ephemeral-storage or hugepages-<size>, or a domain-prefixed extended
// resource such as nvidia.com/gpu (pkg/apis/core/helper IsExtendedResourceName).
import type { CodeInfo } from '../../diagnostics/code-info';
import type { Rule } from '../rule';
import { invalidMessage } from './support/field-errors';
import { POD_KINDS, podSpecTarget } from './support/pod-spec';
import { containerResourceNameProblems, containerResources } from './support/resources';

export const POD_RESOURCES_NAME_INVALID: CodeInfo = {
  code: 'pod-resources-name-invalid',
  category: 'api-server',
  severity: 'error',
  title:
    'A container resource is not cpu, memory, ephemeral-storage, hugepages-<size> or a domain-prefixed extended resource.',
  example: 'resources:\n  limits:\n    mem: 128Mi',
};

export const podResourcesNameInvalid: Rule = {
  codes: [POD_RESOURCES_NAME_INVALID],
  kinds: POD_KINDS,
  check(context) {
    const target = podSpecTarget(context.manifest);
    if (!target) return;
    for (const container of containerResources(target)) {
      for (const entry of [...container.limits, ...container.requests]) {
        const problems = containerResourceNameProblems(entry.name);
        if (problems.length === 0) continue;
        context.report({
          code: POD_RESOURCES_NAME_INVALID,
          path: entry.path,
          target: 'key',
          message: invalidMessage(entry.path, entry.name, problems.join('; ')),
        });
      }
    }
  },
};
