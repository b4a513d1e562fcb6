// pkg/apis/core/validation/validation.go ValidateSecret: the values of data (after
// stringData is merged in) may hold at most core.MaxSecretSize = 1 MiB in total;
// keys are not counted. field.TooLong: "data: Too long: may not be more than 1048576 bytes".
import type { CodeInfo } from '../../diagnostics/code-info';
import { isJsonObject } from '../../model/json';
import type { Rule } from '../rule';
import { MAX_CONFIG_SIZE } from './configmap-too-large';
import { mergedSecretData } from './secret-data';

const SECRET_TOO_LARGE: CodeInfo = {
  code: 'secret-too-large',
  category: 'api-server',
  severity: 'error',
  title: 'A Secret holds more than 1 MiB of data (decoded data values plus stringData values).',
  example: 'stringData:\n  bundle.pem: "… 2 MiB of certificates …"',
};

export const secretTooLarge: Rule = {
  codes: [SECRET_TOO_LARGE],
  kinds: ['/Secret'],
  check(context) {
    const { manifest } = context;
    let total = 0;
    for (const entry of mergedSecretData(manifest).values()) total += entry.bytes ?? 0;
    if (total <= MAX_CONFIG_SIZE) return;
    context.report({
      code: SECRET_TOO_LARGE,
      path: isJsonObject(manifest.body.data) ? ['data'] : ['stringData'],
      message: `data: Too long: the Secret's values hold ${total} bytes (decoded data plus stringData); may not be more than ${MAX_CONFIG_SIZE} bytes (1 MiB)`,
    });
  },
};
