// Follows pkg/apis/networking/validation/validation.go validateIngressClassSpec:
// spec.controller is required, at most 250 characters, and a domain-prefixed
// path (apimachinery IsDomainPrefixedPath, e.g. "k8s.io/ingress-nginx").
import type { CodeInfo } from '../../diagnostics/code-info';
import { getAt } from '../../model/json';
import { checkDomainPrefixedPath } from '../../validation/object-name-validators';
import type { Rule } from '../rule';

const MAX_CONTROLLER_LENGTH = 250;

const CONTROLLER_INVALID: CodeInfo = {
  code: 'ingressclass-controller-invalid',
  category: 'api-server',
  severity: 'error',
  title:
    'An IngressClass has no spec.controller, or it is not a domain-prefixed path of at most 250 characters (e.g. k8s.io/ingress-nginx).',
  example: 'kind: IngressClass\nspec:\n  controller: nginx',
};

/** IngressClass spec.controller. */
export const ingressclassControllerInvalid: Rule = {
  codes: [CONTROLLER_INVALID],
  kinds: ['networking.k8s.io/IngressClass'],
  check(context) {
    const { manifest } = context;
    const path = ['spec', 'controller'];
    const controller = getAt(manifest.body, path);
    if (controller !== undefined && controller !== null && typeof controller !== 'string') return;
    if (controller === undefined || controller === null || controller === '') {
      const at = controller === '' ? path : manifest.body.spec !== undefined ? ['spec'] : ['kind'];
      context.report({
        code: CONTROLLER_INVALID,
        path: at,
        message:
          'spec.controller: Required value: an IngressClass names the controller that implements it (e.g. controller: k8s.io/ingress-nginx)',
      });
      return;
    }
    const problems: string[] = [];
    if (controller.length > MAX_CONTROLLER_LENGTH) {
      problems.push(`Too long: may not be more than ${MAX_CONTROLLER_LENGTH} bytes`);
    }
    problems.push(...checkDomainPrefixedPath(controller));
    if (problems.length === 0) return;
    context.report({
      code: CONTROLLER_INVALID,
      path,
      target: 'value',
      message: `spec.controller: Invalid value: ${JSON.stringify(controller)}: ${problems.join('; ')}`,
    });
  },
};
