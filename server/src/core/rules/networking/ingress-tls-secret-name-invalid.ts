// Follows pkg/apis/networking/validation/validation.go validateIngressTLS /
// validateTLSSecretName: a TLS secretName, when set, is a valid Secret name
// (ValidateSecretName, a DNS-1123 subdomain).
import type { CodeInfo } from '../../diagnostics/code-info';
import { getAt } from '../../model/json';
import { checkDns1123Subdomain } from '../../validation/name-validators';
import type { Rule } from '../rule';

const SECRET_NAME_INVALID: CodeInfo = {
  code: 'ingress-tls-secret-name-invalid',
  category: 'api-server',
  severity: 'error',
  title: 'An Ingress TLS secretName is not a valid Secret name (a lowercase RFC 1123 subdomain).',
  example: 'tls:\n  - secretName: My_Cert',
};

/** spec.tls[*].secretName is a Secret name. */
export const ingressTlsSecretNameInvalid: Rule = {
  codes: [SECRET_NAME_INVALID],
  kinds: ['networking.k8s.io/Ingress'],
  check(context) {
    const { manifest } = context;
    const tls = getAt(manifest.body, ['spec', 'tls']);
    if (!Array.isArray(tls)) return;
    tls.forEach((_, i) => {
      const path = ['spec', 'tls', i, 'secretName'];
      const name = getAt(manifest.body, path);
      if (typeof name !== 'string' || name === '') return;
      const problems = checkDns1123Subdomain(name);
      if (problems.length === 0) return;
      context.report({
        code: SECRET_NAME_INVALID,
        path,
        target: 'value',
        message: `spec.tls[${i}].secretName: Invalid value: ${JSON.stringify(name)}: ${problems.join('; ')}`,
      });
    });
  },
};
