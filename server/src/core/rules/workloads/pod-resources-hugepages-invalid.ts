// pkg/apis/core/validation/validation.go validateResourceRequirements and
// validateResourceQuantityHugePageValue: hugepages need a cpu or memory
// request or limit in the same container, and a hugepages quantity is a
// whole multiple of its page size (pkg/apis/core/helper IsHugePageResourceValueDivisible).
import type { CodeInfo } from '../../diagnostics/code-info';
import { parseQuantity } from '../../quantity/parse-quantity';
import type { Rule } from '../rule';
import { forbiddenMessage, invalidMessage } from './support/field-errors';
import { POD_KINDS, podSpecTarget } from './support/pod-spec';
import { containerResources, isHugePages } from './support/resources';

export const POD_RESOURCES_HUGEPAGES_INVALID: CodeInfo = {
  code: 'pod-resources-hugepages-invalid',
  category: 'api-server',
  severity: 'error',
  title: 'Hugepages are requested without cpu or memory, or not in whole pages.',
  example: 'resources:\n  limits:\n    hugepages-2Mi: 3Mi',
};

export const podResourcesHugepagesInvalid: Rule = {
  codes: [POD_RESOURCES_HUGEPAGES_INVALID],
  kinds: POD_KINDS,
  check(context) {
    const target = podSpecTarget(context.manifest);
    if (!target) return;
    for (const container of containerResources(target)) {
      const all = [...container.limits, ...container.requests];
      const hugepages = all.filter((entry) => isHugePages(entry.name));
      if (hugepages.length === 0) continue;
      if (!all.some((entry) => entry.name === 'cpu' || entry.name === 'memory')) {
        context.report({
          code: POD_RESOURCES_HUGEPAGES_INVALID,
          path: container.resourcesPath,
          message: `${forbiddenMessage(container.resourcesPath, 'HugePages require cpu or memory')} (add a cpu or memory limit or request)`,
        });
      }
      for (const entry of hugepages) {
        const page = parseQuantity(entry.name.slice('hugepages-'.length));
        const pageSize = page?.value ?? 0;
        const wholePage = pageSize > 0 && Number.isInteger(pageSize);
        if (
          wholePage &&
          entry.value >= 0 &&
          Math.abs(entry.value / pageSize - Math.round(entry.value / pageSize)) < 1e-9
        )
          continue;
        if (entry.value < 0) continue;
        context.report({
          code: POD_RESOURCES_HUGEPAGES_INVALID,
          path: entry.path,
          target: 'value',
          message: invalidMessage(
            entry.path,
            entry.text,
            `${entry.text} is not positive integer multiple of ${entry.name}`,
          ),
        });
      }
    }
  },
};
