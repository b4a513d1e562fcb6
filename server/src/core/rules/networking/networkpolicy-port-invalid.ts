// Follows pkg/apis/networking/validation/validation.go ValidateNetworkPolicyPort:
// a numeric port is IsValidPortNum, a named port IsValidPortName; endPort
// needs a numeric port, is a valid port and is not below port.
import type { CodeInfo } from '../../diagnostics/code-info';
import { formatPath, getAt, isJsonObject, type JsonPath } from '../../model/json';
import { checkPortName, checkPortNumber } from '../../validation/name-validators';
import type { Rule, RuleContext } from '../rule';

const PORT_INVALID: CodeInfo = {
  code: 'networkpolicy-port-invalid',
  category: 'api-server',
  severity: 'error',
  title:
    'A NetworkPolicy port is outside 1-65535 or not an IANA port name, or endPort is set with a named or missing port, or below port.',
  example: 'ports:\n  - port: http\n    endPort: 8090',
};

function checkPort(context: RuleContext, at: JsonPath, entry: unknown): void {
  if (!isJsonObject(entry)) return;
  const { port, endPort } = entry;
  const report = (path: JsonPath, message: string, target: 'key' | 'value' = 'value'): void =>
    context.report({
      code: PORT_INVALID,
      path,
      target,
      message: `${formatPath(path)}: ${message}`,
    });
  const endPortSet = typeof endPort === 'number' && Number.isInteger(endPort);
  if (typeof port === 'number' && Number.isInteger(port)) {
    const problems = checkPortNumber(port);
    if (problems.length > 0)
      report([...at, 'port'], `Invalid value: ${port}: ${problems.join('; ')}`);
    if (endPortSet) {
      if (endPort < port) {
        report(
          [...at, 'endPort'],
          `Invalid value: ${endPort}: must be greater than or equal to \`port\` (${port})`,
        );
      }
      const endProblems = checkPortNumber(endPort);
      if (endProblems.length > 0)
        report([...at, 'endPort'], `Invalid value: ${endPort}: ${endProblems.join('; ')}`);
    }
  } else if (typeof port === 'string') {
    if (endPortSet) {
      report(
        [...at, 'endPort'],
        `Invalid value: ${endPort}: may not be specified when \`port\` is non-numeric`,
        'key',
      );
    }
    const problems = checkPortName(port);
    if (problems.length > 0)
      report([...at, 'port'], `Invalid value: ${JSON.stringify(port)}: ${problems.join('; ')}`);
  } else if ((port === undefined || port === null) && endPortSet) {
    report(
      [...at, 'endPort'],
      `Invalid value: ${endPort}: may not be specified when \`port\` is not specified`,
      'key',
    );
  }
}

/** NetworkPolicy ingress/egress ports. */
export const networkpolicyPortInvalid: Rule = {
  codes: [PORT_INVALID],
  kinds: ['networking.k8s.io/NetworkPolicy'],
  check(context) {
    for (const direction of ['ingress', 'egress']) {
      const rules = getAt(context.manifest.body, ['spec', direction]);
      if (!Array.isArray(rules)) continue;
      rules.forEach((rule, i) => {
        const ports = isJsonObject(rule) ? rule.ports : undefined;
        if (!Array.isArray(ports)) return;
        ports.forEach((entry, j) => checkPort(context, ['spec', direction, i, 'ports', j], entry));
      });
    }
  },
};
