// Follows pkg/apis/core/validation/validation.go ValidateService:
// clusterIP "None" "may not be set to 'None' for NodePort services" (or LoadBalancer).
import type { CodeInfo } from '../../diagnostics/code-info';
import type { Rule } from '../rule';
import { isHeadless, serviceSpec, serviceType } from './service-spec';

const HEADLESS_NOT_ALLOWED: CodeInfo = {
  code: 'service-headless-not-allowed',
  category: 'api-server',
  severity: 'error',
  title:
    'A NodePort or LoadBalancer Service sets clusterIP: None; only ClusterIP Services can be headless.',
  example: 'type: NodePort\nclusterIP: None',
};

/** Headless NodePort / LoadBalancer Services. */
export const serviceHeadlessNotAllowed: Rule = {
  codes: [HEADLESS_NOT_ALLOWED],
  kinds: ['/Service'],
  check(context) {
    const { manifest } = context;
    const spec = serviceSpec(manifest);
    const type = serviceType(spec);
    if ((type !== 'NodePort' && type !== 'LoadBalancer') || !isHeadless(spec)) return;
    const fromList = Array.isArray(spec.clusterIPs) && spec.clusterIPs.length > 0;
    context.report({
      code: HEADLESS_NOT_ALLOWED,
      path: fromList ? ['spec', 'clusterIPs', 0] : ['spec', 'clusterIP'],
      target: 'value',
      message: `spec.clusterIPs[0]: Invalid value: "None": may not be set to 'None' for ${type} services (a headless Service has type ClusterIP)`,
    });
  },
};
