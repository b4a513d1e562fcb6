// Follows pkg/apis/core/validation/validation.go
// ValidateServiceClusterIPsRelatedFields: clusterIP and clusterIPs hold
// "None" (first and only) or IP addresses, at most two, and clusterIPs[0]
// matches clusterIP. Not checked for ExternalName Services.
import type { CodeInfo } from '../../diagnostics/code-info';
import { checkIp } from '../../validation/ip-validators';
import type { Rule } from '../rule';
import { serviceSpec, serviceType } from './service-spec';

const CLUSTER_IP_INVALID: CodeInfo = {
  code: 'service-cluster-ip-invalid',
  category: 'api-server',
  severity: 'error',
  title: 'spec.clusterIP or spec.clusterIPs is not "None" or an IP address, or the two disagree.',
  example: 'spec:\n  clusterIP: none',
};

/** clusterIP / clusterIPs values. */
export const serviceClusterIpInvalid: Rule = {
  codes: [CLUSTER_IP_INVALID],
  kinds: ['/Service'],
  check(context) {
    const { manifest } = context;
    const spec = serviceSpec(manifest);
    const type = serviceType(spec);
    if (type === undefined || type === 'ExternalName') return;
    const clusterIp = typeof spec.clusterIP === 'string' ? spec.clusterIP : '';
    const list = Array.isArray(spec.clusterIPs) ? spec.clusterIPs : [];
    if (list.length === 0) {
      if (clusterIp !== '' && clusterIp !== 'None') {
        const problems = checkIp(clusterIp);
        if (problems.length > 0) {
          context.report({
            code: CLUSTER_IP_INVALID,
            path: ['spec', 'clusterIP'],
            target: 'value',
            message: `spec.clusterIPs[0]: Invalid value: ${JSON.stringify(clusterIp)}: ${problems.join('; ')}${clusterIp.toLowerCase() === 'none' ? ' (a headless Service writes "None" with a capital N)' : ''}`,
          });
        }
      }
      return;
    }
    if (clusterIp === '') {
      context.report({
        code: CLUSTER_IP_INVALID,
        path: ['spec', 'clusterIPs'],
        message: 'spec.clusterIPs: Invalid value: must be empty when `clusterIP` is not specified',
      });
      return;
    }
    if (list[0] !== clusterIp) {
      context.report({
        code: CLUSTER_IP_INVALID,
        path: ['spec', 'clusterIPs'],
        message: `spec.clusterIPs: Invalid value: first value must match \`clusterIP\` (${JSON.stringify(clusterIp)})`,
      });
    }
    list.forEach((ip, index) => {
      if (typeof ip !== 'string') return;
      if (index === 0 && ip === 'None') {
        if (list.length > 1) {
          context.report({
            code: CLUSTER_IP_INVALID,
            path: ['spec', 'clusterIPs'],
            message: "spec.clusterIPs: Invalid value: 'None' must be the first and only value",
          });
        }
        return;
      }
      const problems = checkIp(ip);
      if (problems.length === 0) return;
      context.report({
        code: CLUSTER_IP_INVALID,
        path: ['spec', 'clusterIPs', index],
        target: 'value',
        message: `spec.clusterIPs[${index}]: Invalid value: ${JSON.stringify(ip)}: ${problems.join('; ')}`,
      });
    });
    if (list.length > 2) {
      context.report({
        code: CLUSTER_IP_INVALID,
        path: ['spec', 'clusterIPs'],
        message: 'spec.clusterIPs: Invalid value: may only hold up to 2 values',
      });
    }
  },
};
