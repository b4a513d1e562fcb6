// pkg/apis/core/validation/validation.go validateContainerPorts:
// containerPort is required and 1-65535; a hostPort, when set (not 0), is
// 1-65535 (apimachinery IsValidPortNum).
import type { CodeInfo } from '../../diagnostics/code-info';
import { checkPortNumber } from '../../validation/name-validators';
import type { Rule } from '../rule';
import { invalidMessage, requiredMessage } from './support/field-errors';
import { containersOf, objectItems, POD_KINDS, podSpecTarget } from './support/pod-spec';

export const POD_CONTAINER_PORT_INVALID: CodeInfo = {
  code: 'pod-container-port-invalid',
  category: 'api-server',
  severity: 'error',
  title: 'A containerPort or hostPort is outside 1-65535.',
  example: 'ports:\n  - containerPort: 70000',
};

export const podContainerPortInvalid: Rule = {
  codes: [POD_CONTAINER_PORT_INVALID],
  kinds: POD_KINDS,
  check(context) {
    const target = podSpecTarget(context.manifest);
    if (!target) return;
    for (const entry of containersOf(target)) {
      for (const port of objectItems(entry.container, entry.path, 'ports')) {
        const containerPort = port.item.containerPort;
        const containerPath = [...port.path, 'containerPort'];
        if (containerPort === 0) {
          context.report({
            code: POD_CONTAINER_PORT_INVALID,
            path: containerPath,
            target: 'value',
            message: `${requiredMessage(containerPath)}: 0 is not a port; use 1-65535`,
          });
        } else if (typeof containerPort === 'number' && Number.isInteger(containerPort)) {
          for (const problem of checkPortNumber(containerPort)) {
            context.report({
              code: POD_CONTAINER_PORT_INVALID,
              path: containerPath,
              target: 'value',
              message: invalidMessage(containerPath, containerPort, problem),
            });
          }
        }
        const hostPort = port.item.hostPort;
        if (typeof hostPort === 'number' && Number.isInteger(hostPort) && hostPort !== 0) {
          const hostPath = [...port.path, 'hostPort'];
          for (const problem of checkPortNumber(hostPort)) {
            context.report({
              code: POD_CONTAINER_PORT_INVALID,
              path: hostPath,
              target: 'value',
              message: invalidMessage(hostPath, hostPort, problem),
            });
          }
        }
      }
    }
  },
};
