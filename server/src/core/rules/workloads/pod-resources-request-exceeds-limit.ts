// pkg/apis/core/validation/validation.go validateResourceRequirements: a
// request may not exceed its limit; for resources that cannot be
// overcommitted (extended resources and hugepages, pkg/apis/core/helper
// IsOvercommitAllowed) the request must equal the limit, and the limit must be set.
import type { CodeInfo } from '../../diagnostics/code-info';
import type { Rule } from '../rule';
import { invalidMessage, requiredMessage } from './support/field-errors';
import { POD_KINDS, podSpecTarget } from './support/pod-spec';
import { compareQuantities, containerResources, isOvercommitAllowed } from './support/resources';

export const POD_RESOURCES_REQUEST_EXCEEDS_LIMIT: CodeInfo = {
  code: 'pod-resources-request-exceeds-limit',
  category: 'api-server',
  severity: 'error',
  title: 'A container requests more of a resource than its limit.',
  example: 'resources:\n  requests: {cpu: "2"}\n  limits: {cpu: "1"}',
};

export const POD_RESOURCES_REQUEST_MUST_EQUAL_LIMIT: CodeInfo = {
  code: 'pod-resources-request-must-equal-limit',
  category: 'api-server',
  severity: 'error',
  title: 'An extended resource or hugepages request differs from its limit, or has no limit.',
  example: 'resources:\n  requests: {nvidia.com/gpu: 1}\n  limits: {nvidia.com/gpu: 2}',
};

export const podResourcesRequestExceedsLimit: Rule = {
  codes: [POD_RESOURCES_REQUEST_EXCEEDS_LIMIT, POD_RESOURCES_REQUEST_MUST_EQUAL_LIMIT],
  kinds: POD_KINDS,
  check(context) {
    const target = podSpecTarget(context.manifest);
    if (!target) return;
    for (const container of containerResources(target)) {
      const requestsPath = [...container.resourcesPath, 'requests'];
      for (const request of container.requests) {
        const limit = container.limits.find((entry) => entry.name === request.name);
        const overcommit = isOvercommitAllowed(request.name);
        if (!limit) {
          if (overcommit) continue;
          context.report({
            code: POD_RESOURCES_REQUEST_MUST_EQUAL_LIMIT,
            path: request.path,
            message: `${requiredMessage([...container.resourcesPath, 'limits'], 'Limit must be set for non overcommitable resources')} (set limits.${request.name}: ${request.text})`,
          });
          continue;
        }
        const order = compareQuantities(request.value, limit.value);
        if (!overcommit && order !== 0) {
          context.report({
            code: POD_RESOURCES_REQUEST_MUST_EQUAL_LIMIT,
            path: request.path,
            target: 'value',
            message: invalidMessage(
              requestsPath,
              request.text,
              `must be equal to ${request.name} limit of ${limit.text}`,
            ),
          });
        } else if (order > 0) {
          context.report({
            code: POD_RESOURCES_REQUEST_EXCEEDS_LIMIT,
            path: request.path,
            target: 'value',
            message: invalidMessage(
              requestsPath,
              request.text,
              `must be less than or equal to ${request.name} limit of ${limit.text}`,
            ),
          });
        }
      }
    }
  },
};
