// Follows pkg/apis/core/validation/validation.go validateServicePort: port is
// IsValidPortNum, targetPort ValidatePortNumOrName (after SetDefaults_Service
// turns 0 or "" into the port), appProtocol a qualified name.
import type { CodeInfo } from '../../diagnostics/code-info';
import { formatPath } from '../../model/json';
import {
  checkPortName,
  checkPortNumber,
  checkQualifiedName,
} from '../../validation/name-validators';
import type { Rule } from '../rule';
import { integerAt, servicePorts, serviceSpec } from './service-spec';

const SERVICE_PORT_INVALID: CodeInfo = {
  code: 'service-port-invalid',
  category: 'api-server',
  severity: 'error',
  title:
    'A Service port or numeric targetPort is outside 1-65535, a named targetPort is not an IANA service name, or appProtocol is not a qualified name.',
  example: 'ports:\n  - port: 80\n    targetPort: 70000',
};

/** Service port numbers and target ports. */
export const servicePortInvalid: Rule = {
  codes: [SERVICE_PORT_INVALID],
  kinds: ['/Service'],
  check(context) {
    const { manifest } = context;
    for (const { port, index } of servicePorts(serviceSpec(manifest))) {
      const base = ['spec', 'ports', index];
      const number = integerAt(port, 'port');
      if (number !== undefined) {
        const problems = checkPortNumber(number);
        if (problems.length > 0) {
          context.report({
            code: SERVICE_PORT_INVALID,
            path: [...base, 'port'],
            target: 'value',
            message: `${formatPath([...base, 'port'])}: Invalid value: ${number}: ${problems.join('; ')}`,
          });
        }
      }
      const target = port.targetPort;
      let problems: string[] = [];
      if (typeof target === 'number' && Number.isInteger(target) && target !== 0) {
        problems = checkPortNumber(target);
      } else if (typeof target === 'string' && target !== '') {
        problems = checkPortName(target);
        if (/^[0-9]+$/.test(target)) {
          problems.push(
            'a quoted number is a port name, not a port number: write it without quotes',
          );
        }
      }
      if (problems.length > 0) {
        context.report({
          code: SERVICE_PORT_INVALID,
          path: [...base, 'targetPort'],
          target: 'value',
          message: `${formatPath([...base, 'targetPort'])}: Invalid value: ${JSON.stringify(target)}: ${problems.join('; ')}`,
        });
      }
      const appProtocol = port.appProtocol;
      if (typeof appProtocol === 'string') {
        const appProblems = checkQualifiedName(appProtocol);
        if (appProblems.length > 0) {
          context.report({
            code: SERVICE_PORT_INVALID,
            path: [...base, 'appProtocol'],
            target: 'value',
            message: `${formatPath([...base, 'appProtocol'])}: Invalid value: ${JSON.stringify(appProtocol)}: ${appProblems.join('; ')}`,
          });
        }
      }
    }
  },
};
