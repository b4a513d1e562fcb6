// Follows pkg/apis/core/validation/validation.go validateServicePort: with
// more than one port each needs a name; names are DNS-1123 labels and unique.
import type { CodeInfo } from '../../diagnostics/code-info';
import { formatPath } from '../../model/json';
import { checkDns1123Label } from '../../validation/name-validators';
import type { Rule } from '../rule';
import { servicePorts, serviceSpec } from './service-spec';

const NAME_REQUIRED: CodeInfo = {
  code: 'service-port-name-required',
  category: 'api-server',
  severity: 'error',
  title: 'A Service with more than one port needs a name on every port.',
  example: 'ports:\n  - port: 80\n  - port: 443',
};
const NAME_DUPLICATE: CodeInfo = {
  code: 'service-port-name-duplicate',
  category: 'api-server',
  severity: 'error',
  title: 'Two ports of a Service share a name.',
  example: 'ports:\n  - name: web\n    port: 80\n  - name: web\n    port: 443',
};
const NAME_INVALID: CodeInfo = {
  code: 'service-port-name-invalid',
  category: 'api-server',
  severity: 'error',
  title: 'A Service port name is not a lowercase RFC 1123 label.',
  example: 'ports:\n  - name: HTTP\n    port: 80',
};

/** Service port names: required with several ports, valid, unique. */
export const servicePortNameRequired: Rule = {
  codes: [NAME_REQUIRED, NAME_DUPLICATE, NAME_INVALID],
  kinds: ['/Service'],
  check(context) {
    const { manifest } = context;
    const spec = serviceSpec(manifest);
    const ports = servicePorts(spec);
    const several = Array.isArray(spec.ports) && spec.ports.length > 1;
    const seen = new Map<string, number>();
    for (const { port, index } of ports) {
      const base = ['spec', 'ports', index];
      const name = port.name;
      if (name === undefined || name === null || name === '') {
        if (several) {
          context.report({
            code: NAME_REQUIRED,
            path: port.name === undefined ? base : [...base, 'name'],
            message: `${formatPath([...base, 'name'])}: Required value: a Service with ${String((spec.ports as unknown[]).length)} ports needs a name on each`,
          });
        }
        continue;
      }
      if (typeof name !== 'string') continue;
      const problems = checkDns1123Label(name);
      if (problems.length > 0) {
        context.report({
          code: NAME_INVALID,
          path: [...base, 'name'],
          target: 'value',
          message: `${formatPath([...base, 'name'])}: Invalid value: ${JSON.stringify(name)}: ${problems.join('; ')}`,
        });
      }
      const first = seen.get(name);
      if (first !== undefined) {
        context.report({
          code: NAME_DUPLICATE,
          path: [...base, 'name'],
          target: 'value',
          message: `${formatPath([...base, 'name'])}: Duplicate value: ${JSON.stringify(name)} (already used by spec.ports[${first}])`,
        });
      } else {
        seen.set(name, index);
      }
    }
  },
};
