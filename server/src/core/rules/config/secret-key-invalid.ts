// pkg/apis/core/validation/validation.go ValidateSecret: every key of data (which
// stringData is merged into) passes IsConfigMapKey.
import type { CodeInfo } from '../../diagnostics/code-info';
import { isJsonObject } from '../../model/json';
import { checkConfigMapKey } from '../../validation/config-map-key';
import type { Rule } from '../rule';

const SECRET_KEY_INVALID: CodeInfo = {
  code: 'secret-key-invalid',
  category: 'api-server',
  severity: 'error',
  title: "A Secret key is not a valid config key (alphanumerics, '-', '_' or '.', at most 253).",
  example: 'stringData:\n  db password: s3cr3t',
};

export const secretKeyInvalid: Rule = {
  codes: [SECRET_KEY_INVALID],
  kinds: ['/Secret'],
  check(context) {
    const { manifest } = context;
    for (const field of ['data', 'stringData'] as const) {
      const map = manifest.body[field];
      if (!isJsonObject(map)) continue;
      for (const key of Object.keys(map)) {
        const problems = checkConfigMapKey(key);
        if (problems.length === 0) continue;
        context.report({
          code: SECRET_KEY_INVALID,
          path: [field, key],
          message: `${field}[${key}]: Invalid value: ${JSON.stringify(key)}: ${problems.join('; ')}`,
        });
      }
    }
  },
};
