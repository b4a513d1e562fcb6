// Follows pkg/apis/networking/validation/validation.go ValidateIngressSpec
// (ingressClassName is ValidateIngressClassName, a DNS-1123 subdomain) and
// ValidateIngressCreate (the kubernetes.io/ingress.class annotation must match
// ingressClassName when both are set).
import type { CodeInfo } from '../../diagnostics/code-info';
import { getAt } from '../../model/json';
import { checkDns1123Subdomain } from '../../validation/name-validators';
import type { Rule } from '../rule';

const INGRESS_CLASS_ANNOTATION = 'kubernetes.io/ingress.class';

const CLASS_NAME_INVALID: CodeInfo = {
  code: 'ingress-class-name-invalid',
  category: 'api-server',
  severity: 'error',
  title: 'spec.ingressClassName is not a valid IngressClass name (a lowercase RFC 1123 subdomain).',
  example: 'spec:\n  ingressClassName: NGINX',
};
const CLASS_ANNOTATION_MISMATCH: CodeInfo = {
  code: 'ingress-class-annotation-mismatch',
  category: 'api-server',
  severity: 'error',
  title:
    'The kubernetes.io/ingress.class annotation and spec.ingressClassName name different classes.',
  example:
    'metadata:\n  annotations:\n    kubernetes.io/ingress.class: nginx\nspec:\n  ingressClassName: traefik',
};

/** ingressClassName format and agreement with the legacy annotation. */
export const ingressClassNameInvalid: Rule = {
  codes: [CLASS_NAME_INVALID, CLASS_ANNOTATION_MISMATCH],
  kinds: ['networking.k8s.io/Ingress'],
  check(context) {
    const { manifest } = context;
    const className = getAt(manifest.body, ['spec', 'ingressClassName']);
    if (typeof className !== 'string') return;
    const problems = checkDns1123Subdomain(className);
    if (problems.length > 0) {
      context.report({
        code: CLASS_NAME_INVALID,
        path: ['spec', 'ingressClassName'],
        target: 'value',
        message: `spec.ingressClassName: Invalid value: ${JSON.stringify(className)}: ${problems.join('; ')}`,
      });
    }
    const annotationPath = ['metadata', 'annotations', INGRESS_CLASS_ANNOTATION];
    const annotation = getAt(manifest.body, annotationPath);
    if (typeof annotation !== 'string' || annotation === className) return;
    context.report({
      code: CLASS_ANNOTATION_MISMATCH,
      path: annotationPath,
      target: 'value',
      message: `annotations.${INGRESS_CLASS_ANNOTATION}: Invalid value: ${JSON.stringify(annotation)}: must match \`ingressClassName\` when both are specified (spec.ingressClassName is ${JSON.stringify(className)}); keep one of them`,
    });
  },
};
