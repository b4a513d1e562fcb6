// Follows pkg/apis/core/validation/validation.go ValidateService:
// "may not be used when `type` is 'ClusterIP'" (type defaults to ClusterIP).
import type { CodeInfo } from '../../diagnostics/code-info';
import { formatPath } from '../../model/json';
import type { Rule } from '../rule';
import { integerAt, servicePorts, serviceSpec, serviceType } from './service-spec';

const NODE_PORT_NOT_ALLOWED: CodeInfo = {
  code: 'service-node-port-not-allowed',
  category: 'api-server',
  severity: 'error',
  title:
    'A ClusterIP Service (the default type) sets nodePort; only NodePort and LoadBalancer Services have node ports.',
  example: 'spec:\n  ports:\n    - port: 80\n      nodePort: 30080   # no type: NodePort',
};

/** nodePort is forbidden on ClusterIP Services. */
export const serviceNodePortNotAllowed: Rule = {
  codes: [NODE_PORT_NOT_ALLOWED],
  kinds: ['/Service'],
  check(context) {
    const { manifest } = context;
    const spec = serviceSpec(manifest);
    if (serviceType(spec) !== 'ClusterIP') return;
    const implicit = spec.type === undefined || spec.type === null || spec.type === '';
    for (const { port, index } of servicePorts(spec)) {
      const nodePort = integerAt(port, 'nodePort');
      if (nodePort === undefined || nodePort === 0) continue;
      const path = ['spec', 'ports', index, 'nodePort'];
      context.report({
        code: NODE_PORT_NOT_ALLOWED,
        path,
        message: `${formatPath(path)}: Forbidden: may not be used when \`type\` is 'ClusterIP'${implicit ? ' (the default when spec.type is not set)' : ''}; set type: NodePort or LoadBalancer`,
      });
    }
  },
};
