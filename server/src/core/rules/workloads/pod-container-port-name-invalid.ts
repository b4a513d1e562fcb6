// pkg/apis/core/validation/validation.go validateContainerPorts: a port name
// is an IANA_SVC_NAME (apimachinery IsValidPortName: at most 15 characters,
// lowercase letters, digits and '-', at least one letter, no leading,
// trailing or double '-') and is unique among the ports of its container.
import type { CodeInfo } from '../../diagnostics/code-info';
import { checkPortName } from '../../validation/name-validators';
import type { Rule } from '../rule';
import { duplicateMessage, invalidMessage } from './support/field-errors';
import { containersOf, objectItems, POD_KINDS, podSpecTarget } from './support/pod-spec';

export const POD_CONTAINER_PORT_NAME_INVALID: CodeInfo = {
  code: 'pod-container-port-name-invalid',
  category: 'api-server',
  severity: 'error',
  title: 'A container port name is not an IANA service name (≤ 15 lowercase letters, digits, -).',
  example: 'ports:\n  - name: HTTP\n    containerPort: 80',
};

export const POD_CONTAINER_PORT_NAME_DUPLICATE: CodeInfo = {
  code: 'pod-container-port-name-duplicate',
  category: 'api-server',
  severity: 'error',
  title: 'Two ports of one container have the same name.',
  example: 'ports:\n  - name: web\n    containerPort: 80\n  - name: web\n    containerPort: 8080',
};

export const podContainerPortNameInvalid: Rule = {
  codes: [POD_CONTAINER_PORT_NAME_INVALID, POD_CONTAINER_PORT_NAME_DUPLICATE],
  kinds: POD_KINDS,
  check(context) {
    const target = podSpecTarget(context.manifest);
    if (!target) return;
    for (const entry of containersOf(target)) {
      const names = new Set<string>();
      for (const port of objectItems(entry.container, entry.path, 'ports')) {
        const name = port.item.name;
        if (typeof name !== 'string' || name.length === 0) continue;
        const path = [...port.path, 'name'];
        const problems = checkPortName(name);
        if (problems.length > 0) {
          context.report({
            code: POD_CONTAINER_PORT_NAME_INVALID,
            path,
            target: 'value',
            message: invalidMessage(path, name, problems.join('; ')),
          });
        } else if (names.has(name)) {
          context.report({
            code: POD_CONTAINER_PORT_NAME_DUPLICATE,
            path,
            target: 'value',
            message: duplicateMessage(path, name, 'port names must be unique within a container'),
          });
        } else {
          names.add(name);
        }
      }
    }
  },
};
