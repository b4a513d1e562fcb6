// pkg/apis/core/validation/validation.go validateSecretVolumeSource,
// validateConfigMapVolumeSource, validateKeyToPath, validateDownwardAPIVolumeSource,
// validateDownwardAPIVolumeFile and validateProjectedVolumeSource: defaultMode
// and item modes are 0-0777 (octal), i.e. 0-511. YAML 1.1 reads `0644` as
// octal (420, valid); a bare `644` is decimal and too large.
import type { CodeInfo } from '../../diagnostics/code-info';
import { isJsonObject, type JsonObject, type JsonPath } from '../../model/json';
import { MAX_FILE_MODE } from '../../validation/workload-validators';
import type { Rule } from '../rule';
import { invalidMessage } from './support/field-errors';
import { objectItems, POD_KINDS, podSpecTarget } from './support/pod-spec';

export const POD_VOLUME_FILE_MODE_INVALID: CodeInfo = {
  code: 'pod-volume-file-mode-invalid',
  category: 'api-server',
  severity: 'error',
  title:
    'A volume defaultMode or item mode is outside 0-0777 (octal); 644 without the leading 0 is decimal.',
  example: 'configMap:\n  name: app\n  defaultMode: 644',
};

const FILE_MODE_MESSAGE = 'must be a number between 0 and 0777 (octal), both inclusive';

export const podVolumeFileModeInvalid: Rule = {
  codes: [POD_VOLUME_FILE_MODE_INVALID],
  kinds: POD_KINDS,
  check(context) {
    const target = podSpecTarget(context.manifest);
    if (!target) return;
    const { manifest } = context;
    const checkMode = (parent: JsonObject, parentPath: JsonPath, key: string): void => {
      const mode = parent[key];
      if (typeof mode !== 'number' || !Number.isInteger(mode)) return;
      if (mode >= 0 && mode <= MAX_FILE_MODE) return;
      const path = [...parentPath, key];
      const source = manifest.scalarSource(path);
      const octalDigits = /^[0-7]{3,4}$/.test(String(mode));
      const hint =
        octalDigits && mode > MAX_FILE_MODE && source !== undefined && !source.startsWith('0')
          ? ` (${source} is read as a decimal number; write 0${String(mode)} for octal, or ${parseInt(String(mode), 8)})`
          : '';
      context.report({
        code: POD_VOLUME_FILE_MODE_INVALID,
        path,
        target: 'value',
        message: invalidMessage(path, mode, FILE_MODE_MESSAGE) + hint,
      });
    };
    const checkItems = (parent: JsonObject, parentPath: JsonPath): void => {
      for (const item of objectItems(parent, parentPath, 'items'))
        checkMode(item.item, item.path, 'mode');
    };
    for (const volume of objectItems(target.spec, target.path, 'volumes')) {
      for (const key of ['configMap', 'secret', 'downwardAPI', 'projected']) {
        const source = volume.item[key];
        if (!isJsonObject(source)) continue;
        const sourcePath = [...volume.path, key];
        checkMode(source, sourcePath, 'defaultMode');
        checkItems(source, sourcePath);
        if (key !== 'projected') continue;
        for (const projection of objectItems(source, sourcePath, 'sources')) {
          for (const inner of ['configMap', 'secret', 'downwardAPI']) {
            const innerSource = projection.item[inner];
            if (isJsonObject(innerSource)) checkItems(innerSource, [...projection.path, inner]);
          }
        }
      }
    }
  },
};
