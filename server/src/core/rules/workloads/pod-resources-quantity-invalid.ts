// pkg/apis/core/validation/validation.go ValidateResourceQuantityValue (via
// validateResourceRequirements): quantities are not negative, and extended
// resources (pkg/apis/core/helper IsIntegerResourceName) are whole numbers.
// Unparsable quantities are the schema's finding.
import type { CodeInfo } from '../../diagnostics/code-info';
import type { Rule } from '../rule';
import { invalidMessage } from './support/field-errors';
import { POD_KINDS, podSpecTarget } from './support/pod-spec';
import { containerResources, isExtendedResource } from './support/resources';

export const POD_RESOURCES_QUANTITY_INVALID: CodeInfo = {
  code: 'pod-resources-quantity-invalid',
  category: 'api-server',
  severity: 'error',
  title:
    'A resource quantity is negative, or an extended resource (nvidia.com/gpu) is not a whole number.',
  example: 'resources:\n  requests:\n    cpu: "-1"',
};

export const podResourcesQuantityInvalid: Rule = {
  codes: [POD_RESOURCES_QUANTITY_INVALID],
  kinds: POD_KINDS,
  check(context) {
    const target = podSpecTarget(context.manifest);
    if (!target) return;
    for (const container of containerResources(target)) {
      for (const entry of [...container.limits, ...container.requests]) {
        let detail: string | undefined;
        if (entry.value < 0) detail = 'must be greater than or equal to 0';
        else if (
          isExtendedResource(entry.name) &&
          Math.abs(entry.value * 1000 - Math.round(entry.value) * 1000) > 1e-6
        ) {
          detail = 'must be an integer';
        }
        if (!detail) continue;
        context.report({
          code: POD_RESOURCES_QUANTITY_INVALID,
          path: entry.path,
          target: 'value',
          message: invalidMessage(entry.path, entry.text, detail),
        });
      }
    }
  },
};
