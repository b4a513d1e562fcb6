// pkg/apis/core/validation/validation.go validateContainerCommon (names are
// DNS-1123 labels), validateInitContainers and validateEphemeralContainers
// (a name may not be used twice across containers, initContainers and
// ephemeralContainers; duplicates inside one list are the schema's finding).
import type { CodeInfo } from '../../diagnostics/code-info';
import { isJsonObject } from '../../model/json';
import { checkDns1123Label } from '../../validation/name-validators';
import type { Rule } from '../rule';
import { duplicateMessage, invalidMessage, requiredMessage } from './support/field-errors';
import { containersOf, POD_KINDS, podSpecTarget } from './support/pod-spec';

export const POD_CONTAINER_NAME_INVALID: CodeInfo = {
  code: 'pod-container-name-invalid',
  category: 'api-server',
  severity: 'error',
  title: 'A container name is not a DNS-1123 label (lowercase letters, digits and -, at most 63).',
  example: 'containers:\n  - name: Web_App',
};

export const POD_CONTAINER_NAME_DUPLICATE: CodeInfo = {
  code: 'pod-container-name-duplicate',
  category: 'api-server',
  severity: 'error',
  title: 'An init or ephemeral container reuses the name of another container of the pod.',
  example: 'containers:\n  - name: app\ninitContainers:\n  - name: app',
};

export const podContainerNameInvalid: Rule = {
  codes: [POD_CONTAINER_NAME_INVALID, POD_CONTAINER_NAME_DUPLICATE],
  kinds: POD_KINDS,
  check(context) {
    const target = podSpecTarget(context.manifest);
    if (!target) return;
    const seen = new Set<string>();
    for (const entry of containersOf(target)) {
      const name = entry.container.name;
      if (typeof name !== 'string') continue;
      const path = [...entry.path, 'name'];
      if (name.length === 0) {
        context.report({
          code: POD_CONTAINER_NAME_INVALID,
          path,
          target: 'value',
          message: requiredMessage(path, 'a container needs a name'),
        });
        continue;
      }
      const problems = checkDns1123Label(name);
      if (problems.length > 0) {
        context.report({
          code: POD_CONTAINER_NAME_INVALID,
          path,
          target: 'value',
          message: invalidMessage(path, name, problems.join('; ')),
        });
      }
      // Duplicates within one list are reported by the schema (list-map key).
      if (
        entry.list !== 'containers' &&
        seen.has(name) &&
        !sameListEarlier(target.spec[entry.list], entry.index, name)
      ) {
        context.report({
          code: POD_CONTAINER_NAME_DUPLICATE,
          path,
          target: 'value',
          message: duplicateMessage(
            path,
            name,
            'container names must be unique across containers, initContainers and ephemeralContainers',
          ),
        });
      }
      seen.add(name);
    }
  },
};

/** True when an earlier item of the same list has the name (the schema reports that one). */
function sameListEarlier(list: unknown, index: number, name: string): boolean {
  if (!Array.isArray(list)) return false;
  return (list as unknown[])
    .slice(0, index)
    .some((item) => isJsonObject(item) && item.name === name);
}
