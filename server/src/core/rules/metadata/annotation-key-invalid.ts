// Follows k8s.io/apimachinery/pkg/api/validation/objectmeta.go ValidateAnnotations:
// each key, lowercased, must be a qualified name (IsQualifiedName).
import type { CodeInfo } from '../../diagnostics/code-info';
import { formatPath, getAt, isJsonObject } from '../../model/json';
import { checkQualifiedName } from '../../validation/name-validators';
import type { Rule } from '../rule';
import { annotationMapPaths } from './label-paths';

const ANNOTATION_KEY_INVALID: CodeInfo = {
  code: 'annotation-key-invalid',
  category: 'api-server',
  severity: 'error',
  title:
    "An annotation key is not a qualified name: an optional DNS subdomain prefix and '/', then ≤ 63 alphanumerics, '-', '_' or '.'.",
  example: 'annotations:\n  "description of app": web',
};

/** Annotation keys are qualified names (case-insensitive). */
export const annotationKeyInvalid: Rule = {
  codes: [ANNOTATION_KEY_INVALID],
  kinds: '*',
  check(context) {
    const { manifest } = context;
    for (const mapPath of annotationMapPaths(manifest)) {
      const annotations = getAt(manifest.body, mapPath);
      if (!isJsonObject(annotations)) continue;
      for (const key of Object.keys(annotations)) {
        const problems = checkQualifiedName(key.toLowerCase());
        if (problems.length === 0) continue;
        context.report({
          code: ANNOTATION_KEY_INVALID,
          path: [...mapPath, key],
          target: 'key',
          message: `${formatPath(mapPath)}: Invalid value: ${JSON.stringify(key)}: ${problems.join('; ')}`,
        });
      }
    }
  },
};
