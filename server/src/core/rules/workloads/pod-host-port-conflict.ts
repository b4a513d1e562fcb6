// pkg/apis/core/validation/validation.go checkHostPortConflicts /
// AccumulateUniqueHostPorts (a protocol/hostIP/hostPort triple is used once
// across the regular containers; each init container is checked on its own)
// and validatePodHostNetworkDeps (with hostNetwork, a hostPort that is set
// must equal its containerPort).
import type { CodeInfo } from '../../diagnostics/code-info';
import type { Rule } from '../rule';
import { duplicateMessage, invalidMessage } from './support/field-errors';
import {
  containersOf,
  objectItems,
  POD_KINDS,
  podSpecTarget,
  type ContainerEntry,
} from './support/pod-spec';

export const POD_HOST_PORT_CONFLICT: CodeInfo = {
  code: 'pod-host-port-conflict',
  category: 'api-server',
  severity: 'error',
  title: 'Two container ports claim the same hostPort (same protocol and hostIP).',
  example:
    'containers:\n  - ports: [{containerPort: 80, hostPort: 8080}]\n  - ports: [{containerPort: 81, hostPort: 8080}]',
};

export const POD_HOST_NETWORK_PORT_MISMATCH: CodeInfo = {
  code: 'pod-host-network-port-mismatch',
  category: 'api-server',
  severity: 'error',
  title: 'With hostNetwork: true, a hostPort differs from its containerPort.',
  example: 'hostNetwork: true\ncontainers:\n  - ports: [{containerPort: 80, hostPort: 8080}]',
};

export const podHostPortConflict: Rule = {
  codes: [POD_HOST_PORT_CONFLICT, POD_HOST_NETWORK_PORT_MISMATCH],
  kinds: POD_KINDS,
  check(context) {
    const target = podSpecTarget(context.manifest);
    if (!target) return;
    const report = (seen: Set<string>, entries: ContainerEntry[]): void => {
      for (const entry of entries) {
        for (const port of objectItems(entry.container, entry.path, 'ports')) {
          const hostPort = port.item.hostPort;
          if (typeof hostPort !== 'number' || hostPort === 0) continue;
          const protocol = typeof port.item.protocol === 'string' ? port.item.protocol : 'TCP';
          const hostIP = typeof port.item.hostIP === 'string' ? port.item.hostIP : '';
          const key = `${protocol}/${hostIP}/${hostPort}`;
          if (seen.has(key)) {
            const path = [...port.path, 'hostPort'];
            context.report({
              code: POD_HOST_PORT_CONFLICT,
              path,
              target: 'value',
              message: duplicateMessage(
                path,
                key,
                'another container port of the pod already uses this hostPort',
              ),
            });
          } else {
            seen.add(key);
          }
        }
      }
    };
    report(new Set(), containersOf(target, ['containers']));
    for (const init of containersOf(target, ['initContainers'])) report(new Set(), [init]);

    if (target.spec.hostNetwork !== true) return;
    for (const entry of containersOf(target, ['containers'])) {
      for (const port of objectItems(entry.container, entry.path, 'ports')) {
        const { hostPort, containerPort } = port.item;
        if (typeof hostPort !== 'number' || typeof containerPort !== 'number') continue;
        if (hostPort !== 0 && hostPort !== containerPort) {
          const path = [...port.path, 'hostPort'];
          context.report({
            code: POD_HOST_NETWORK_PORT_MISMATCH,
            path,
            target: 'value',
            message: invalidMessage(
              path,
              hostPort,
              `must match \`containerPort\` (${containerPort}) when \`hostNetwork\` is true`,
            ),
          });
        }
      }
    }
  },
};
