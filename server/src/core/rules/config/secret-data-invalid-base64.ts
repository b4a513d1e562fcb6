// The API server decodes Secret data ([]byte) with Go's base64.StdEncoding; invalid
// text fails the request ("illegal base64 data at input byte N") before
// ValidateSecret (pkg/apis/core/validation/validation.go) runs.
import type { CodeInfo } from '../../diagnostics/code-info';
import { isJsonObject } from '../../model/json';
import { decodeBase64 } from '../../validation/base64';
import type { Rule } from '../rule';

const SECRET_DATA_INVALID_BASE64: CodeInfo = {
  code: 'secret-data-invalid-base64',
  category: 'api-server',
  severity: 'error',
  title: 'A Secret data value is not valid base64 (plain text belongs in stringData).',
  example: 'data:\n  password: s3cr3t!',
};

export const secretDataInvalidBase64: Rule = {
  codes: [SECRET_DATA_INVALID_BASE64],
  kinds: ['/Secret'],
  check(context) {
    const { manifest } = context;
    const data = manifest.body.data;
    if (!isJsonObject(data)) return;
    for (const [key, value] of Object.entries(data)) {
      if (typeof value !== 'string') continue;
      const decoded = decodeBase64(value);
      if (decoded.ok) continue;
      context.report({
        code: SECRET_DATA_INVALID_BASE64,
        path: ['data', key],
        target: 'value',
        message: `data[${key}]: illegal base64 data at input byte ${decoded.offset}; data values must be base64-encoded (e.g. echo -n 'value' | base64), or move plain text to stringData`,
      });
    }
  },
};
