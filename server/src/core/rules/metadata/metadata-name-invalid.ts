// Follows k8s.io/apimachinery/pkg/api/validation/objectmeta.go ValidateObjectMeta
// with each kind's name function (pkg/apis/core/validation ValidatePodName,
// ValidateServiceName, ValidateNamespaceName; pkg/apis/rbac/validation
// ValidateRBACName; pkg/apis/batch/validation ValidateCronJobCreate's 52-character limit).
import type { CodeInfo } from '../../diagnostics/code-info';
import { formatPath, getAt, type JsonPath } from '../../model/json';
import type { Manifest } from '../../model/manifest';
import { nameIsDnsLabel } from '../../validation/object-name-validators';
import type { Rule, RuleContext } from '../rule';
import { objectNameRule, type ObjectNameRule } from './object-names';

const NAME_INVALID: CodeInfo = {
  code: 'metadata-name-invalid',
  category: 'api-server',
  severity: 'error',
  title:
    "metadata.name (or generateName) breaks the kind's name rule: a DNS-1123 subdomain for most kinds, a DNS-1035 label for a Service, a DNS-1123 label for a Namespace.",
  example: 'kind: Service\nmetadata:\n  name: rootSvc',
};

function isService(manifest: Manifest): boolean {
  return manifest.gvk.group === '' && manifest.kind === 'Service';
}

function checkName(
  context: RuleContext,
  rule: ObjectNameRule,
  path: JsonPath,
  value: string,
  prefix: boolean,
): void {
  const { manifest } = context;
  const where = formatPath(path);
  const problems = rule.validate(value, prefix);
  if (problems.length > 0) {
    // RelaxedServiceNameValidation: Kubernetes 1.36 accepts any RFC 1123 label as a Service name.
    if (isService(manifest) && nameIsDnsLabel(value, prefix).length === 0) {
      context.report({
        code: NAME_INVALID,
        path,
        target: 'value',
        severity: 'warning',
        message: `${where}: ${JSON.stringify(value)} is a valid Service name only from Kubernetes 1.36 (an RFC 1123 label may start with a digit); Kubernetes 1.35 and earlier reject it: ${problems.join('; ')}`,
      });
      return;
    }
    context.report({
      code: NAME_INVALID,
      path,
      target: 'value',
      message: `${where}: Invalid value: ${JSON.stringify(value)}: a ${manifest.kind} name must be ${rule.description}: ${problems.join('; ')}`,
    });
    return;
  }
  if (!prefix && rule.maxLength !== undefined && value.length > rule.maxLength) {
    context.report({
      code: NAME_INVALID,
      path,
      target: 'value',
      message: `${where}: Invalid value: ${JSON.stringify(value)}: must be no more than ${rule.maxLength} characters (this ${manifest.kind} name has ${value.length}; the Job names it creates add 11)`,
    });
  }
}

/** metadata.name and metadata.generateName follow the kind's name function. */
export const metadataNameInvalid: Rule = {
  codes: [NAME_INVALID],
  kinds: '*',
  check(context) {
    const rule = objectNameRule(context.manifest);
    if (!rule) return;
    const body = context.manifest.body;
    const generateName = getAt(body, ['metadata', 'generateName']);
    if (typeof generateName === 'string' && generateName !== '') {
      checkName(context, rule, ['metadata', 'generateName'], generateName, true);
    }
    const name = getAt(body, ['metadata', 'name']);
    if (typeof name === 'string' && name !== '') {
      checkName(context, rule, ['metadata', 'name'], name, false);
    }
  },
};
