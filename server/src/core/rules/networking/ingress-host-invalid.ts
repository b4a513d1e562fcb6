// Follows pkg/apis/networking/validation/validation.go validateIngressRules
// and validateIngressTLS: a host is a DNS-1123 subdomain, or with '*' a
// wildcard subdomain ('*.' then a subdomain); a rule host may not be an IP address.
import type { CodeInfo } from '../../diagnostics/code-info';
import { formatPath, getAt, type JsonPath } from '../../model/json';
import { parseIp } from '../../validation/ip-validators';
import {
  checkDns1123Subdomain,
  checkWildcardDns1123Subdomain,
} from '../../validation/name-validators';
import type { Rule } from '../rule';

const HOST_INVALID: CodeInfo = {
  code: 'ingress-host-invalid',
  category: 'api-server',
  severity: 'error',
  title:
    "An Ingress host (rule or TLS) is not a lowercase DNS name or a '*.'-wildcard of one, or a rule host is an IP address.",
  example: 'rules:\n  - host: 192.168.1.10',
};

function hostProblems(host: string): string[] {
  return host.includes('*') ? checkWildcardDns1123Subdomain(host) : checkDns1123Subdomain(host);
}

/** Rule hosts and TLS hosts. */
export const ingressHostInvalid: Rule = {
  codes: [HOST_INVALID],
  kinds: ['networking.k8s.io/Ingress'],
  check(context) {
    const { manifest } = context;
    const flag = (path: JsonPath, host: string, problems: string[]): void => {
      if (problems.length === 0) return;
      context.report({
        code: HOST_INVALID,
        path,
        target: 'value',
        message: `${formatPath(path)}: Invalid value: ${JSON.stringify(host)}: ${problems.join('; ')}`,
      });
    };
    const rules = getAt(manifest.body, ['spec', 'rules']);
    if (Array.isArray(rules)) {
      rules.forEach((_, i) => {
        const path = ['spec', 'rules', i, 'host'];
        const host = getAt(manifest.body, path);
        if (typeof host !== 'string' || host === '') return;
        const problems = parseIp(host)
          ? ['must be a DNS name, not an IP address']
          : hostProblems(host);
        flag(path, host, problems);
      });
    }
    const tls = getAt(manifest.body, ['spec', 'tls']);
    if (Array.isArray(tls)) {
      tls.forEach((_, i) => {
        const hosts = getAt(manifest.body, ['spec', 'tls', i, 'hosts']);
        if (!Array.isArray(hosts)) return;
        hosts.forEach((host, j) => {
          if (typeof host !== 'string') return;
          flag(['spec', 'tls', i, 'hosts', j], host, hostProblems(host));
        });
      });
    }
  },
};
