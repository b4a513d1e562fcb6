// pkg/apis/core/validation/validation.go ValidateConfigMap: the values of data (UTF-8
// bytes) and binaryData (decoded bytes) may hold at most core.MaxSecretSize = 1 MiB in
// total; keys are not counted. field.TooLong: "may not be more than 1048576 bytes".
import type { CodeInfo } from '../../diagnostics/code-info';
import { isJsonObject } from '../../model/json';
import { decodeBase64 } from '../../validation/base64';
import { utf8ByteLength } from '../../validation/byte-length';
import type { Rule } from '../rule';

const CONFIGMAP_TOO_LARGE: CodeInfo = {
  code: 'configmap-too-large',
  category: 'api-server',
  severity: 'error',
  title: 'A ConfigMap holds more than 1 MiB of data (data values plus decoded binaryData values).',
  example: 'data:\n  dump.json: "… 2 MiB of text …"',
};

/** core.MaxSecretSize, the limit for ConfigMaps and Secrets alike. */
export const MAX_CONFIG_SIZE = 1024 * 1024;

export const configMapTooLarge: Rule = {
  codes: [CONFIGMAP_TOO_LARGE],
  kinds: ['/ConfigMap'],
  check(context) {
    const { manifest } = context;
    const data = manifest.body.data;
    const binaryData = manifest.body.binaryData;
    let total = 0;
    if (isJsonObject(data)) {
      for (const value of Object.values(data))
        if (typeof value === 'string') total += utf8ByteLength(value);
    }
    if (isJsonObject(binaryData)) {
      for (const value of Object.values(binaryData)) {
        if (typeof value !== 'string') continue;
        const decoded = decodeBase64(value);
        if (decoded.ok) total += decoded.bytes;
      }
    }
    if (total <= MAX_CONFIG_SIZE) return;
    context.report({
      code: CONFIGMAP_TOO_LARGE,
      path: isJsonObject(data) ? ['data'] : ['binaryData'],
      message: `Too long: the ConfigMap's values hold ${total} bytes (data values plus decoded binaryData values); may not be more than ${MAX_CONFIG_SIZE} bytes (1 MiB). Mount large files from a volume or an image instead`,
    });
  },
};
