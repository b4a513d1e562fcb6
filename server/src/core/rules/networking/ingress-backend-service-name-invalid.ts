// Follows pkg/apis/networking/validation/validation.go validateIngressBackend:
// the backend service name is checked with ValidateServiceName (a DNS-1035
// label) — or, from Kubernetes 1.36 (RelaxedServiceNameValidation),
// NameIsDNSLabel (an RFC 1123 label, which may start with a digit).
import type { CodeInfo } from '../../diagnostics/code-info';
import { formatPath, getAt } from '../../model/json';
import { checkDns1035Label, checkDns1123Label } from '../../validation/name-validators';
import type { Rule } from '../rule';
import { ingressBackends } from './ingress-spec';

const SERVICE_NAME_INVALID: CodeInfo = {
  code: 'ingress-backend-service-name-invalid',
  category: 'api-server',
  severity: 'error',
  title:
    'An Ingress backend names a Service with a name no Service can have (a DNS-1035 label: lowercase letters, digits and -, starting with a letter).',
  example: 'backend:\n  service:\n    name: rootSvc\n    port:\n      number: 80',
};

/** Backend service names follow the Service name rule. */
export const ingressBackendServiceNameInvalid: Rule = {
  codes: [SERVICE_NAME_INVALID],
  kinds: ['networking.k8s.io/Ingress'],
  check(context) {
    const { manifest } = context;
    for (const { backend, at } of ingressBackends(manifest)) {
      const path = [...at, 'service', 'name'];
      const name = getAt(backend, ['service', 'name']);
      if (typeof name !== 'string') continue;
      if (name === '') {
        context.report({
          code: SERVICE_NAME_INVALID,
          path,
          target: 'value',
          message: `${formatPath(path)}: Required value: the backend needs the name of a Service`,
        });
        continue;
      }
      const problems = checkDns1035Label(name);
      if (problems.length === 0) continue;
      if (checkDns1123Label(name).length === 0) {
        context.report({
          code: SERVICE_NAME_INVALID,
          path,
          target: 'value',
          severity: 'warning',
          message: `${formatPath(path)}: ${JSON.stringify(name)} is a valid Service name only from Kubernetes 1.36 (an RFC 1123 label may start with a digit); Kubernetes 1.35 and earlier reject it: ${problems.join('; ')}`,
        });
        continue;
      }
      context.report({
        code: SERVICE_NAME_INVALID,
        path,
        target: 'value',
        message: `${formatPath(path)}: Invalid value: ${JSON.stringify(name)}: a Service name must be a DNS-1035 label, so no Service can be named this: ${problems.join('; ')}`,
      });
    }
  },
};
