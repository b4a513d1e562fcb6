// Follows pkg/apis/core/validation/validation.go ValidateService: spec.ports
// is required unless the Service is headless (clusterIP: None) or ExternalName.
import type { CodeInfo } from '../../diagnostics/code-info';
import type { Rule } from '../rule';
import { isHeadless, serviceSpec, serviceType } from './service-spec';

const PORTS_REQUIRED: CodeInfo = {
  code: 'service-ports-required',
  category: 'api-server',
  severity: 'error',
  title:
    'A Service needs at least one port unless it is headless (clusterIP: None) or ExternalName.',
  example: 'spec:\n  selector:\n    app: web   # no ports',
};

/** spec.ports is required on ClusterIP, NodePort and LoadBalancer Services that are not headless. */
export const servicePortsRequired: Rule = {
  codes: [PORTS_REQUIRED],
  kinds: ['/Service'],
  check(context) {
    const { manifest } = context;
    const spec = serviceSpec(manifest);
    const type = serviceType(spec);
    if (type === undefined || type === 'ExternalName' || isHeadless(spec)) return;
    const ports = spec.ports;
    if (Array.isArray(ports) && ports.length > 0) return;
    if (ports !== undefined && ports !== null && !Array.isArray(ports)) return;
    const at =
      ports !== undefined
        ? ['spec', 'ports']
        : manifest.body.spec !== undefined
          ? ['spec']
          : ['kind'];
    context.report({
      code: PORTS_REQUIRED,
      path: at,
      message: `spec.ports: Required value: a ${type} Service needs at least one port (only a headless Service, clusterIP: None, or an ExternalName Service may have none)`,
    });
  },
};
