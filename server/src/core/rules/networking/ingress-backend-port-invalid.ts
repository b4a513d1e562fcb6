// Follows pkg/apis/networking/validation/validation.go validateIngressBackend:
// service.port.number is IsValidPortNum, service.port.name IsValidPortName.
import type { CodeInfo } from '../../diagnostics/code-info';
import { formatPath, getAt } from '../../model/json';
import { checkPortName, checkPortNumber } from '../../validation/name-validators';
import type { Rule } from '../rule';
import { ingressBackends } from './ingress-spec';

const PORT_INVALID: CodeInfo = {
  code: 'ingress-backend-port-invalid',
  category: 'api-server',
  severity: 'error',
  title:
    'An Ingress backend port number is outside 1-65535, or its port name is not an IANA service name (≤ 15 lowercase characters with a letter).',
  example: 'service:\n  name: web\n  port:\n    number: 70000',
};

/** Backend service port number or name. */
export const ingressBackendPortInvalid: Rule = {
  codes: [PORT_INVALID],
  kinds: ['networking.k8s.io/Ingress'],
  check(context) {
    const { manifest } = context;
    for (const { backend, at } of ingressBackends(manifest)) {
      const name = getAt(backend, ['service', 'port', 'name']);
      const number = getAt(backend, ['service', 'port', 'number']);
      const hasName = typeof name === 'string' && name !== '';
      const hasNumber = typeof number === 'number' && number !== 0;
      // Both set is reported by ingress-backend-invalid.
      if (hasName && !hasNumber) {
        const problems = checkPortName(name);
        if (problems.length === 0) continue;
        const path = [...at, 'service', 'port', 'name'];
        context.report({
          code: PORT_INVALID,
          path,
          target: 'value',
          message: `${formatPath(path)}: Invalid value: ${JSON.stringify(name)}: ${problems.join('; ')}`,
        });
      } else if (hasNumber && !hasName && Number.isInteger(number)) {
        const problems = checkPortNumber(number);
        if (problems.length === 0) continue;
        const path = [...at, 'service', 'port', 'number'];
        context.report({
          code: PORT_INVALID,
          path,
          target: 'value',
          message: `${formatPath(path)}: Invalid value: ${number}: ${problems.join('; ')}`,
        });
      }
    }
  },
};
