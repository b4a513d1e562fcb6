// Follows the nodePort allocator (pkg/registry/core/service/portallocator:
// "provided port is not in the valid range") and
// pkg/apis/core/validation/validation.go ValidateService's duplicate
// (protocol, nodePort) check, for NodePort and LoadBalancer Services.
import type { CodeInfo } from '../../diagnostics/code-info';
import { formatPath } from '../../model/json';
import type { Rule } from '../rule';
import { integerAt, servicePorts, serviceSpec, serviceType } from './service-spec';

const DEFAULT_NODE_PORT_MIN = 30000;
const DEFAULT_NODE_PORT_MAX = 32767;

const NODE_PORT_RANGE: CodeInfo = {
  code: 'service-node-port-range',
  category: 'api-server',
  severity: 'error',
  title:
    'A nodePort outside the default node port range 30000-32767 (the cluster flag --service-node-port-range).',
  example: 'type: NodePort\nports:\n  - port: 80\n    nodePort: 8080',
};
const NODE_PORT_DUPLICATE: CodeInfo = {
  code: 'service-node-port-duplicate',
  category: 'api-server',
  severity: 'error',
  title: 'Two ports of a Service ask for the same nodePort and protocol.',
  example: 'ports:\n  - port: 80\n    nodePort: 30080\n  - port: 81\n    nodePort: 30080',
};

/** nodePorts lie in the default range and are unique per protocol. */
export const serviceNodePortRange: Rule = {
  codes: [NODE_PORT_RANGE, NODE_PORT_DUPLICATE],
  kinds: ['/Service'],
  check(context) {
    const { manifest } = context;
    const spec = serviceSpec(manifest);
    const type = serviceType(spec);
    if (type !== 'NodePort' && type !== 'LoadBalancer') return;
    const seen = new Map<string, number>();
    for (const { port, index } of servicePorts(spec)) {
      const nodePort = integerAt(port, 'nodePort');
      if (nodePort === undefined || nodePort === 0) continue;
      const path = ['spec', 'ports', index, 'nodePort'];
      if (nodePort < DEFAULT_NODE_PORT_MIN || nodePort > DEFAULT_NODE_PORT_MAX) {
        context.report({
          code: NODE_PORT_RANGE,
          path,
          target: 'value',
          message: `${formatPath(path)}: Invalid value: ${nodePort}: provided port is not in the valid range. The range of valid ports is ${DEFAULT_NODE_PORT_MIN}-${DEFAULT_NODE_PORT_MAX} (the default --service-node-port-range; a cluster may set another)`,
        });
        continue;
      }
      const protocol = typeof port.protocol === 'string' ? port.protocol : 'TCP';
      const key = `${protocol}/${nodePort}`;
      const first = seen.get(key);
      if (first !== undefined) {
        context.report({
          code: NODE_PORT_DUPLICATE,
          path,
          target: 'value',
          message: `${formatPath(path)}: Duplicate value: ${nodePort} (${protocol} nodePort ${nodePort} is already used by spec.ports[${first}])`,
        });
      } else {
        seen.set(key, index);
      }
    }
  },
};
