// The API server decodes binaryData ([]byte) with Go's base64.StdEncoding; invalid
// text fails the request ("illegal base64 data at input byte N") before
// ValidateConfigMap (pkg/apis/core/validation/validation.go) runs.
import type { CodeInfo } from '../../diagnostics/code-info';
import { isJsonObject } from '../../model/json';
import { decodeBase64 } from '../../validation/base64';
import type { Rule } from '../rule';

const CONFIGMAP_BINARY_DATA_INVALID_BASE64: CodeInfo = {
  code: 'configmap-binary-data-invalid-base64',
  category: 'api-server',
  severity: 'error',
  title: 'A ConfigMap binaryData value is not valid base64.',
  example: 'binaryData:\n  logo.png: not base64!',
};

export const configMapBinaryDataInvalidBase64: Rule = {
  codes: [CONFIGMAP_BINARY_DATA_INVALID_BASE64],
  kinds: ['/ConfigMap'],
  check(context) {
    const { manifest } = context;
    const binaryData = manifest.body.binaryData;
    if (!isJsonObject(binaryData)) return;
    for (const [key, value] of Object.entries(binaryData)) {
      if (typeof value !== 'string') continue;
      const decoded = decodeBase64(value);
      if (decoded.ok) continue;
      context.report({
        code: CONFIGMAP_BINARY_DATA_INVALID_BASE64,
        path: ['binaryData', key],
        target: 'value',
        message: `binaryData[${key}]: illegal base64 data at input byte ${decoded.offset}; binaryData values must be standard base64 with '=' padding (put text in data instead)`,
      });
    }
  },
};
