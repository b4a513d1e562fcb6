// Follows pkg/apis/core/validation/validation.go ValidateService, case
// ServiceTypeExternalName: externalName is required and a DNS-1123 subdomain
// (a trailing '.' allowed); clusterIP(s), ipFamilies and ipFamilyPolicy may not be set.
import type { CodeInfo } from '../../diagnostics/code-info';
import { checkDns1123Subdomain } from '../../validation/name-validators';
import type { Rule } from '../rule';
import { effectiveClusterIps, serviceSpec, serviceType } from './service-spec';

const EXTERNAL_NAME_REQUIRED: CodeInfo = {
  code: 'service-external-name-required',
  category: 'api-server',
  severity: 'error',
  title: 'An ExternalName Service needs spec.externalName.',
  example: 'spec:\n  type: ExternalName',
};
const EXTERNAL_NAME_INVALID: CodeInfo = {
  code: 'service-external-name-invalid',
  category: 'api-server',
  severity: 'error',
  title: 'spec.externalName is not a lowercase DNS name (an RFC 1123 subdomain).',
  example: 'type: ExternalName\nexternalName: https://db.example.com',
};
const EXTERNAL_NAME_FIELD: CodeInfo = {
  code: 'service-external-name-field-not-allowed',
  category: 'api-server',
  severity: 'error',
  title: 'An ExternalName Service sets clusterIP, clusterIPs, ipFamilies or ipFamilyPolicy.',
  example: 'type: ExternalName\nexternalName: db.example.com\nclusterIP: None',
};

/** ExternalName Services: a valid externalName and no cluster IP fields. */
export const serviceExternalNameRequired: Rule = {
  codes: [EXTERNAL_NAME_REQUIRED, EXTERNAL_NAME_INVALID, EXTERNAL_NAME_FIELD],
  kinds: ['/Service'],
  check(context) {
    const { manifest } = context;
    const spec = serviceSpec(manifest);
    if (serviceType(spec) !== 'ExternalName') return;
    if (effectiveClusterIps(spec).length > 0) {
      const field =
        Array.isArray(spec.clusterIPs) && spec.clusterIPs.length > 0 ? 'clusterIPs' : 'clusterIP';
      context.report({
        code: EXTERNAL_NAME_FIELD,
        path: ['spec', field],
        message: `spec.clusterIPs: Forbidden: may not be set for ExternalName services (remove spec.${field})`,
      });
    }
    if (Array.isArray(spec.ipFamilies) && spec.ipFamilies.length > 0) {
      context.report({
        code: EXTERNAL_NAME_FIELD,
        path: ['spec', 'ipFamilies'],
        message: 'spec.ipFamilies: Forbidden: may not be set for ExternalName services',
      });
    }
    if (spec.ipFamilyPolicy !== undefined && spec.ipFamilyPolicy !== null) {
      context.report({
        code: EXTERNAL_NAME_FIELD,
        path: ['spec', 'ipFamilyPolicy'],
        message: 'spec.ipFamilyPolicy: Forbidden: may not be set for ExternalName services',
      });
    }
    const externalName = spec.externalName;
    if (externalName !== undefined && externalName !== null && typeof externalName !== 'string')
      return;
    const cname = (externalName ?? '').replace(/\.$/, '');
    if (cname === '') {
      context.report({
        code: EXTERNAL_NAME_REQUIRED,
        path:
          externalName === undefined || externalName === null
            ? ['spec', 'type']
            : ['spec', 'externalName'],
        message:
          'spec.externalName: Required value: an ExternalName Service needs the DNS name it aliases (e.g. externalName: db.example.com)',
      });
      return;
    }
    const problems = checkDns1123Subdomain(cname);
    if (problems.length > 0) {
      context.report({
        code: EXTERNAL_NAME_INVALID,
        path: ['spec', 'externalName'],
        target: 'value',
        message: `spec.externalName: Invalid value: ${JSON.stringify(cname)}: ${problems.join('; ')}`,
      });
    }
  },
};
