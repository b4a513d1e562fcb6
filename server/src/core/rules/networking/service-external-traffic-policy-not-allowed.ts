// Follows pkg/apis/core/validation/validation.go validateServiceExternalTrafficPolicy
// with pkg/api/service ExternallyAccessible: type NodePort or LoadBalancer, or
// ClusterIP with externalIPs.
import type { CodeInfo } from '../../diagnostics/code-info';
import type { Rule } from '../rule';
import { serviceSpec, serviceType } from './service-spec';

const TRAFFIC_POLICY_NOT_ALLOWED: CodeInfo = {
  code: 'service-external-traffic-policy-not-allowed',
  category: 'api-server',
  severity: 'error',
  title:
    'externalTrafficPolicy is set on a Service that is not externally accessible (not NodePort or LoadBalancer, and no externalIPs).',
  example: 'type: ClusterIP\nexternalTrafficPolicy: Local',
};

/** externalTrafficPolicy only on externally accessible Services. */
export const serviceExternalTrafficPolicyNotAllowed: Rule = {
  codes: [TRAFFIC_POLICY_NOT_ALLOWED],
  kinds: ['/Service'],
  check(context) {
    const { manifest } = context;
    const spec = serviceSpec(manifest);
    const policy = spec.externalTrafficPolicy;
    if (typeof policy !== 'string' || policy === '') return;
    const type = serviceType(spec);
    if (type === undefined || type === 'NodePort' || type === 'LoadBalancer') return;
    const externalIps = Array.isArray(spec.externalIPs) && spec.externalIPs.length > 0;
    if (type === 'ClusterIP' && externalIps) return;
    context.report({
      code: TRAFFIC_POLICY_NOT_ALLOWED,
      path: ['spec', 'externalTrafficPolicy'],
      message: `spec.externalTrafficPolicy: Invalid value: ${JSON.stringify(policy)}: may only be set for externally-accessible services (type NodePort or LoadBalancer, or ClusterIP with externalIPs; this one is ${type})`,
    });
  },
};
