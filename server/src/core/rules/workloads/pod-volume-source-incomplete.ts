// pkg/apis/core/validation/validation.go validateConfigMapVolumeSource
// (name), validateSecretVolumeSource (secretName),
// validatePersistentClaimVolumeSource (claimName), validateHostPathVolumeSource
// (path), validateNFSVolumeSource (server, path), validateEphemeralVolumeSource
// (volumeClaimTemplate) and validateKeyToPath (key, path): fields the API
// server requires although the OpenAPI schema leaves them optional or allows "".
import type { CodeInfo } from '../../diagnostics/code-info';
import { isJsonObject, type JsonObject, type JsonPath } from '../../model/json';
import type { Rule } from '../rule';
import { requiredMessage } from './support/field-errors';
import { objectItems, POD_KINDS, podSpecTarget } from './support/pod-spec';

export const POD_VOLUME_SOURCE_INCOMPLETE: CodeInfo = {
  code: 'pod-volume-source-incomplete',
  category: 'api-server',
  severity: 'error',
  title:
    'A volume source lacks a field the API server requires (configMap.name, secret.secretName, …).',
  example: 'volumes:\n  - name: config\n    configMap:\n      defaultMode: 0644',
};

/**
 * Volume source → the string fields it requires. Fields the schema already
 * requires (`true`) are only reported here when they are empty strings.
 */
const REQUIRED_FIELDS: Record<string, readonly (readonly [string, boolean])[]> = {
  configMap: [['name', false]],
  secret: [['secretName', false]],
  persistentVolumeClaim: [['claimName', true]],
  hostPath: [['path', true]],
  nfs: [
    ['server', true],
    ['path', true],
  ],
  csi: [['driver', true]],
  gitRepo: [['repository', true]],
};

export const podVolumeSourceIncomplete: Rule = {
  codes: [POD_VOLUME_SOURCE_INCOMPLETE],
  kinds: POD_KINDS,
  check(context) {
    const target = podSpecTarget(context.manifest);
    if (!target) return;
    const require = (
      parent: JsonObject,
      parentPath: JsonPath,
      key: string,
      detail: string,
      schemaRequired: boolean,
    ): void => {
      const value = parent[key];
      if (value !== '' && (schemaRequired || (value !== undefined && value !== null))) return;
      const path = [...parentPath, key];
      context.report({
        code: POD_VOLUME_SOURCE_INCOMPLETE,
        path: value === undefined || value === null ? parentPath : path,
        target: value === '' ? 'value' : 'key',
        message: requiredMessage(path, detail),
      });
    };
    for (const volume of objectItems(target.spec, target.path, 'volumes')) {
      for (const [key, fields] of Object.entries(REQUIRED_FIELDS)) {
        const source = volume.item[key];
        if (!isJsonObject(source)) continue;
        for (const [field, schemaRequired] of fields) {
          require(source, [...volume.path, key], field, `${key} needs ${field}`, schemaRequired);
        }
      }
      const ephemeral = volume.item.ephemeral;
      if (isJsonObject(ephemeral) && !isJsonObject(ephemeral.volumeClaimTemplate)) {
        const path = [...volume.path, 'ephemeral', 'volumeClaimTemplate'];
        context.report({
          code: POD_VOLUME_SOURCE_INCOMPLETE,
          path: [...volume.path, 'ephemeral'],
          message: requiredMessage(path, 'an ephemeral volume needs a volumeClaimTemplate'),
        });
      }
      for (const key of ['configMap', 'secret']) {
        const source = volume.item[key];
        if (!isJsonObject(source)) continue;
        for (const item of objectItems(source, [...volume.path, key], 'items')) {
          const owner = key === 'secret' ? 'Secret' : 'ConfigMap';
          require(item.item, item.path, 'key', `each item names a key of the ${owner}`, true);
          require(item.item, item.path, 'path', 'each item needs the file path to write the key to', true);
        }
      }
    }
  },
};
