// pkg/apis/storage/validation/validation.go validateParameters: at most 512 parameters,
// no empty key, and keys plus values at most 256 KiB in total (UTF-8 bytes).
import type { CodeInfo } from '../../diagnostics/code-info';
import { isJsonObject } from '../../model/json';
import { utf8ByteLength } from '../../validation/byte-length';
import type { Rule } from '../rule';

const STORAGECLASS_PARAMETERS_INVALID: CodeInfo = {
  code: 'storageclass-parameters-invalid',
  category: 'api-server',
  severity: 'error',
  title:
    "A StorageClass's parameters have an empty key, more than 512 entries or more than 256 KiB.",
  example: 'parameters:\n  "": gp3',
};

const MAX_PARAMETERS = 512;
const MAX_PARAMETERS_SIZE = 256 * 1024;

export const storageClassParametersInvalid: Rule = {
  codes: [STORAGECLASS_PARAMETERS_INVALID],
  kinds: ['storage.k8s.io/StorageClass'],
  check(context) {
    const { manifest } = context;
    const parameters = manifest.body.parameters;
    if (!isJsonObject(parameters)) return;
    const entries = Object.entries(parameters);
    if (entries.length > MAX_PARAMETERS) {
      context.report({
        code: STORAGECLASS_PARAMETERS_INVALID,
        path: ['parameters'],
        message: `parameters: Too long: ${entries.length} entries; a StorageClass may have at most ${MAX_PARAMETERS} parameters`,
      });
      return;
    }
    let size = 0;
    for (const [key, value] of entries) {
      if (key === '') {
        context.report({
          code: STORAGECLASS_PARAMETERS_INVALID,
          path: ['parameters', key],
          message: 'parameters: Invalid value: "": field can not be empty.',
        });
      }
      size += utf8ByteLength(key) + (typeof value === 'string' ? utf8ByteLength(value) : 0);
    }
    if (size > MAX_PARAMETERS_SIZE) {
      context.report({
        code: STORAGECLASS_PARAMETERS_INVALID,
        path: ['parameters'],
        message: `parameters: Too long: the keys and values hold ${size} bytes; may not be more than ${MAX_PARAMETERS_SIZE} bytes`,
      });
    }
  },
};
