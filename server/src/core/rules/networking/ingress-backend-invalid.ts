// Follows pkg/apis/networking/validation/validation.go validateIngressBackend:
// exactly one of `service` and `resource`; a service backend names a port by
// number or by name, not both; a resource backend's kind and name are path
// segments and its apiGroup a DNS-1123 subdomain.
import type { CodeInfo } from '../../diagnostics/code-info';
import { formatPath, isJsonObject, type JsonPath } from '../../model/json';
import { checkDns1123Subdomain } from '../../validation/name-validators';
import { checkPathSegmentName } from '../../validation/object-name-validators';
import type { Rule } from '../rule';
import { ingressBackends } from './ingress-spec';

const BACKEND_INVALID: CodeInfo = {
  code: 'ingress-backend-invalid',
  category: 'api-server',
  severity: 'error',
  title:
    'An Ingress backend sets both or neither of service and resource, or its service port has both or neither of number and name.',
  example: 'backend:\n  service:\n    name: web\n    port: {}',
};

function isSet(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/** Backend shape: service xor resource; port number xor name. */
export const ingressBackendInvalid: Rule = {
  codes: [BACKEND_INVALID],
  kinds: ['networking.k8s.io/Ingress'],
  check(context) {
    const { manifest } = context;
    for (const { backend, at } of ingressBackends(manifest)) {
      const where = formatPath(at);
      const hasService = isSet(backend.service);
      const hasResource = isSet(backend.resource);
      if (hasService && hasResource) {
        context.report({
          code: BACKEND_INVALID,
          path: [...at, 'resource'],
          message: `${where}: Invalid value: cannot set both resource and service backends`,
        });
        continue;
      }
      if (!hasService && !hasResource) {
        context.report({
          code: BACKEND_INVALID,
          path: at,
          message: `${where}: Invalid value: resource or service backend is required`,
        });
        continue;
      }
      if (hasService) {
        const service = backend.service;
        if (!isJsonObject(service)) continue;
        const port = service.port;
        const portObject = isJsonObject(port) ? port : {};
        if (isSet(port) && !isJsonObject(port)) continue;
        const name = portObject.name;
        const number = portObject.number;
        const hasName = typeof name === 'string' && name !== '';
        const hasNumber = typeof number === 'number' && number !== 0;
        if (hasName && hasNumber) {
          context.report({
            code: BACKEND_INVALID,
            path: [...at, 'service', 'port'],
            message: `${where}: Invalid value: cannot set both port name & port number`,
          });
        } else if (!hasName && !hasNumber) {
          const hasOtherType =
            (isSet(name) && typeof name !== 'string') ||
            (isSet(number) && typeof number !== 'number');
          if (hasOtherType) continue;
          context.report({
            code: BACKEND_INVALID,
            path: isSet(port) ? [...at, 'service', 'port'] : [...at, 'service'],
            message: `${where}: Required value: port name or number is required (service.port.number or service.port.name)`,
          });
        }
        continue;
      }
      const resource = backend.resource;
      if (!isJsonObject(resource)) continue;
      const checks: [string, (value: string) => string[]][] = [
        ['apiGroup', checkDns1123Subdomain],
        ['kind', checkPathSegmentName],
        ['name', checkPathSegmentName],
      ];
      for (const [field, validate] of checks) {
        const value = resource[field];
        if (typeof value !== 'string' || (field === 'apiGroup' && value === '')) continue;
        const path: JsonPath = [...at, 'resource', field];
        const problems = validate(value);
        if (value !== '' && problems.length === 0) continue;
        context.report({
          code: BACKEND_INVALID,
          path,
          target: 'value',
          message:
            value === ''
              ? `${formatPath(path)}: Required value: a resource backend needs a ${field}`
              : `${formatPath(path)}: Invalid value: ${JSON.stringify(value)}: ${problems.join('; ')}`,
        });
      }
    }
  },
};
