// Follows pkg/apis/networking/validation/validation.go ValidateIngressSpec
// ("either `defaultBackend` or `rules` must be specified") and
// validateHTTPIngressRuleValue (an `http` rule needs at least one path).
import type { CodeInfo } from '../../diagnostics/code-info';
import { getAt } from '../../model/json';
import type { Rule } from '../rule';

const RULES_REQUIRED: CodeInfo = {
  code: 'ingress-rules-required',
  category: 'api-server',
  severity: 'error',
  title: 'An Ingress has neither rules nor a defaultBackend, so it routes nothing.',
  example: 'kind: Ingress\nspec:\n  ingressClassName: nginx',
};
const PATHS_REQUIRED: CodeInfo = {
  code: 'ingress-paths-required',
  category: 'api-server',
  severity: 'error',
  title: 'An Ingress rule has an `http` section with no paths.',
  example: 'rules:\n  - host: example.com\n    http:\n      paths: []',
};

/** An Ingress routes something: rules or a default backend; http rules have paths. */
export const ingressRulesRequired: Rule = {
  codes: [RULES_REQUIRED, PATHS_REQUIRED],
  kinds: ['networking.k8s.io/Ingress'],
  check(context) {
    const { manifest } = context;
    const rules = getAt(manifest.body, ['spec', 'rules']);
    const fallback = getAt(manifest.body, ['spec', 'defaultBackend']);
    const noRules =
      rules === undefined || rules === null || (Array.isArray(rules) && rules.length === 0);
    if (noRules && (fallback === undefined || fallback === null)) {
      const at =
        rules !== undefined
          ? ['spec', 'rules']
          : manifest.body.spec !== undefined
            ? ['spec']
            : ['kind'];
      context.report({
        code: RULES_REQUIRED,
        path: at,
        message: 'spec: Invalid value: either `defaultBackend` or `rules` must be specified',
      });
    }
    if (!Array.isArray(rules)) return;
    rules.forEach((_, i) => {
      const paths = getAt(manifest.body, ['spec', 'rules', i, 'http', 'paths']);
      if (!Array.isArray(paths) || paths.length > 0) return;
      context.report({
        code: PATHS_REQUIRED,
        path: ['spec', 'rules', i, 'http', 'paths'],
        message: `spec.rules[${i}].http.paths: Required value: an http rule needs at least one path`,
      });
    });
  },
};
