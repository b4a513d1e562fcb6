// Follows pkg/apis/networking/validation/validation.go
// validateIngressClassParametersReference (scope defaults to Cluster in
// pkg/apis/networking/v1 SetDefaults_IngressClass): apiGroup a DNS-1123
// subdomain, kind and name path segments, scope Cluster or Namespace, a
// namespace (a DNS-1123 label) exactly when the scope is Namespace.
import type { CodeInfo } from '../../diagnostics/code-info';
import { formatPath, getAt, isJsonObject, type JsonPath } from '../../model/json';
import { checkDns1123Label, checkDns1123Subdomain } from '../../validation/name-validators';
import { checkPathSegmentName } from '../../validation/object-name-validators';
import type { Rule, RuleContext } from '../rule';

const PARAMETERS_INVALID: CodeInfo = {
  code: 'ingressclass-parameters-invalid',
  category: 'api-server',
  severity: 'error',
  title:
    'IngressClass spec.parameters: an invalid apiGroup, kind, name or scope, or a namespace that does not fit the scope (Namespace needs one, Cluster, the default, forbids it).',
  example:
    'parameters:\n  apiGroup: k8s.example.com\n  kind: IngressParameters\n  name: external-lb\n  namespace: ingress   # scope defaults to Cluster',
};

function invalid(context: RuleContext, path: JsonPath, value: string, problems: string[]): void {
  if (problems.length === 0) return;
  context.report({
    code: PARAMETERS_INVALID,
    path,
    target: 'value',
    message: `${formatPath(path)}: Invalid value: ${JSON.stringify(value)}: ${problems.join('; ')}`,
  });
}

/** IngressClass spec.parameters. */
export const ingressclassParametersInvalid: Rule = {
  codes: [PARAMETERS_INVALID],
  kinds: ['networking.k8s.io/IngressClass'],
  check(context) {
    const base = ['spec', 'parameters'];
    const parameters = getAt(context.manifest.body, base);
    if (!isJsonObject(parameters)) return;
    const { apiGroup, kind, name, scope, namespace } = parameters;
    if (typeof apiGroup === 'string') {
      invalid(context, [...base, 'apiGroup'], apiGroup, checkDns1123Subdomain(apiGroup));
    }
    for (const [field, value] of [
      ['kind', kind],
      ['name', name],
    ] as const) {
      if (typeof value !== 'string') continue;
      if (value === '') {
        context.report({
          code: PARAMETERS_INVALID,
          path: [...base, field],
          target: 'value',
          message: `${formatPath([...base, field])}: Required value`,
        });
        continue;
      }
      invalid(context, [...base, field], value, checkPathSegmentName(value));
    }
    if (scope !== undefined && scope !== null && typeof scope !== 'string') return;
    const effectiveScope = scope ?? 'Cluster';
    const hasNamespace = namespace !== undefined && namespace !== null;
    if (effectiveScope === 'Namespace') {
      if (!hasNamespace) {
        context.report({
          code: PARAMETERS_INVALID,
          path: [...base, 'scope'],
          message: `${formatPath([...base, 'namespace'])}: Required value: \`parameters.scope\` is set to 'Namespace'`,
        });
      } else if (typeof namespace === 'string') {
        invalid(context, [...base, 'namespace'], namespace, checkDns1123Label(namespace));
      }
    } else if (effectiveScope === 'Cluster') {
      if (hasNamespace) {
        context.report({
          code: PARAMETERS_INVALID,
          path: [...base, 'namespace'],
          message: `${formatPath([...base, 'namespace'])}: Forbidden: \`parameters.scope\` is set to 'Cluster'${scope === undefined || scope === null ? ' (the default)' : ''}; set scope: Namespace to use a namespace`,
        });
      }
    } else {
      context.report({
        code: PARAMETERS_INVALID,
        path: [...base, 'scope'],
        target: 'value',
        message: `${formatPath([...base, 'scope'])}: Unsupported value: ${JSON.stringify(effectiveScope)}: supported values: "Cluster", "Namespace"`,
      });
    }
  },
};
