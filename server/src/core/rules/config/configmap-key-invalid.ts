// pkg/apis/core/validation/validation.go ValidateConfigMap: every key of data and
// binaryData passes IsConfigMapKey, and no key is in both ("duplicate of key present in binaryData").
import type { CodeInfo } from '../../diagnostics/code-info';
import { isJsonObject } from '../../model/json';
import { checkConfigMapKey } from '../../validation/config-map-key';
import type { Rule } from '../rule';

const CONFIGMAP_KEY_INVALID: CodeInfo = {
  code: 'configmap-key-invalid',
  category: 'api-server',
  severity: 'error',
  title: "A ConfigMap key is not a valid config key (alphanumerics, '-', '_' or '.', at most 253).",
  example: 'data:\n  app config.yaml: |\n    debug: true',
};

const CONFIGMAP_KEY_DUPLICATE: CodeInfo = {
  code: 'configmap-key-duplicate',
  category: 'api-server',
  severity: 'error',
  title: 'A ConfigMap key appears in both data and binaryData.',
  example: 'data:\n  logo.svg: <svg/>\nbinaryData:\n  logo.svg: PHN2Zy8+',
};

export const configMapKeyInvalid: Rule = {
  codes: [CONFIGMAP_KEY_INVALID, CONFIGMAP_KEY_DUPLICATE],
  kinds: ['/ConfigMap'],
  check(context) {
    const { manifest } = context;
    const binaryData = manifest.body.binaryData;
    for (const field of ['data', 'binaryData'] as const) {
      const map = manifest.body[field];
      if (!isJsonObject(map)) continue;
      for (const key of Object.keys(map)) {
        const problems = checkConfigMapKey(key);
        if (problems.length > 0) {
          context.report({
            code: CONFIGMAP_KEY_INVALID,
            path: [field, key],
            message: `${field}[${key}]: Invalid value: ${JSON.stringify(key)}: ${problems.join('; ')}`,
          });
        }
        if (field === 'data' && isJsonObject(binaryData) && Object.hasOwn(binaryData, key)) {
          context.report({
            code: CONFIGMAP_KEY_DUPLICATE,
            path: [field, key],
            message: `data[${key}]: Invalid value: ${JSON.stringify(key)}: duplicate of key present in binaryData; a key lives in data (text) or binaryData (base64), not both`,
          });
        }
      }
    }
  },
};
