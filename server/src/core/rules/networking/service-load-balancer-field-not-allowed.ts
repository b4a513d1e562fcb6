// Follows pkg/apis/core/validation/validation.go ValidateService,
// validateLoadBalancerClassField and validateServiceExternalTrafficPolicy:
// loadBalancerSourceRanges, allocateLoadBalancerNodePorts and loadBalancerClass
// only with type LoadBalancer (loadBalancerClass a qualified name);
// healthCheckNodePort only with LoadBalancer and externalTrafficPolicy Local.
import type { CodeInfo } from '../../diagnostics/code-info';
import { checkQualifiedName } from '../../validation/name-validators';
import type { Rule } from '../rule';
import { serviceSpec, serviceType } from './service-spec';

const LB_FIELD_NOT_ALLOWED: CodeInfo = {
  code: 'service-load-balancer-field-not-allowed',
  category: 'api-server',
  severity: 'error',
  title:
    'A LoadBalancer-only field (loadBalancerSourceRanges, allocateLoadBalancerNodePorts, loadBalancerClass, healthCheckNodePort) on another Service type, or an invalid loadBalancerClass.',
  example: 'type: NodePort\nloadBalancerSourceRanges:\n  - 10.0.0.0/8',
};

const LB_ONLY = ['loadBalancerSourceRanges', 'allocateLoadBalancerNodePorts', 'loadBalancerClass'];

/** Fields that only a LoadBalancer Service may set. */
export const serviceLoadBalancerFieldNotAllowed: Rule = {
  codes: [LB_FIELD_NOT_ALLOWED],
  kinds: ['/Service'],
  check(context) {
    const { manifest } = context;
    const spec = serviceSpec(manifest);
    const type = serviceType(spec);
    if (type === undefined) return;
    const loadBalancer = type === 'LoadBalancer';
    for (const field of LB_ONLY) {
      const value = spec[field];
      if (value === undefined || value === null) continue;
      if (Array.isArray(value) && value.length === 0) continue;
      if (!loadBalancer) {
        context.report({
          code: LB_FIELD_NOT_ALLOWED,
          path: ['spec', field],
          message: `spec.${field}: Forbidden: may only be used when \`type\` is 'LoadBalancer' (this Service is ${type})`,
        });
      } else if (field === 'loadBalancerClass' && typeof value === 'string') {
        const problems = checkQualifiedName(value);
        if (problems.length > 0) {
          context.report({
            code: LB_FIELD_NOT_ALLOWED,
            path: ['spec', field],
            target: 'value',
            message: `spec.loadBalancerClass: Invalid value: ${JSON.stringify(value)}: ${problems.join('; ')}`,
          });
        }
      }
    }
    const healthCheck = spec.healthCheckNodePort;
    if (typeof healthCheck === 'number' && healthCheck !== 0) {
      if (!loadBalancer || spec.externalTrafficPolicy !== 'Local') {
        context.report({
          code: LB_FIELD_NOT_ALLOWED,
          path: ['spec', 'healthCheckNodePort'],
          message: `spec.healthCheckNodePort: Invalid value: ${healthCheck}: may only be set when \`type\` is 'LoadBalancer' and \`externalTrafficPolicy\` is 'Local'`,
        });
      }
    }
  },
};
