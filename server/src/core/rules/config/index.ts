import type { Rule } from '../rule';
import { configMapBinaryDataInvalidBase64 } from './configmap-binary-data-invalid-base64';
import { configMapKeyInvalid } from './configmap-key-invalid';
import { configMapTooLarge } from './configmap-too-large';
import { secretDataInvalidBase64 } from './secret-data-invalid-base64';
import { secretDockerConfigInvalid } from './secret-docker-config-invalid';
import { secretKeyInvalid } from './secret-key-invalid';
import { secretTooLarge } from './secret-too-large';
import { secretTypeKeysMissing } from './secret-type-keys-missing';

/** The config rules, one file each. */
export const CONFIG_RULES: readonly Rule[] = [
  configMapKeyInvalid,
  configMapBinaryDataInvalidBase64,
  configMapTooLarge,
  secretKeyInvalid,
  secretDataInvalidBase64,
  secretTooLarge,
  secretTypeKeysMissing,
  secretDockerConfigInvalid,
];
