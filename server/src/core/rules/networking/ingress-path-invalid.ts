// Follows pkg/apis/networking/validation/validation.go validateHTTPIngressPath:
// Exact and Prefix paths must be absolute without '//', '/./', '/../', '%2f'
// and may not end in '/..' or '/.'; an ImplementationSpecific path, if set, must be absolute.
import type { CodeInfo } from '../../diagnostics/code-info';
import { formatPath } from '../../model/json';
import type { Rule } from '../rule';
import { ingressHttpPaths } from './ingress-spec';

const INVALID_SEQUENCES = ['//', '/./', '/../', '%2f', '%2F'];
const INVALID_SUFFIXES = ['/..', '/.'];

const PATH_INVALID: CodeInfo = {
  code: 'ingress-path-invalid',
  category: 'api-server',
  severity: 'error',
  title:
    "An Ingress path is not an absolute path ('/…'), or an Exact/Prefix path holds '//', '/./', '/../' or '%2F' or ends in '/.' or '/..'.",
  example: 'paths:\n  - path: api\n    pathType: Prefix',
};

/** Ingress HTTP path values per pathType. */
export const ingressPathInvalid: Rule = {
  codes: [PATH_INVALID],
  kinds: ['networking.k8s.io/Ingress'],
  check(context) {
    const { manifest } = context;
    for (const { path, at } of ingressHttpPaths(manifest)) {
      const pathType = path.pathType;
      if (typeof pathType !== 'string') continue;
      const value = path.path ?? '';
      if (typeof value !== 'string') continue;
      const field = [...at, 'path'];
      const where = path.path === undefined ? [...at, 'pathType'] : field;
      const problems: string[] = [];
      if (pathType === 'Exact' || pathType === 'Prefix') {
        if (!value.startsWith('/')) problems.push("must be an absolute path (start with '/')");
        for (const sequence of INVALID_SEQUENCES) {
          if (value.includes(sequence)) problems.push(`must not contain '${sequence}'`);
        }
        for (const suffix of INVALID_SUFFIXES) {
          if (value.endsWith(suffix)) problems.push(`cannot end with '${suffix}'`);
        }
      } else if (pathType === 'ImplementationSpecific') {
        if (value !== '' && !value.startsWith('/'))
          problems.push("must be an absolute path (start with '/')");
      }
      if (problems.length === 0) continue;
      context.report({
        code: PATH_INVALID,
        path: where,
        target: 'value',
        message: `${formatPath(field)}: Invalid value: ${JSON.stringify(value)}: ${problems.join('; ')}${path.path === undefined ? ` (pathType ${pathType} needs a path)` : ''}`,
      });
    }
  },
};
