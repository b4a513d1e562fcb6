// pkg/apis/core/validation/validation.go validateVolumeSource (at most one
// volume type per volume: "may not specify more than 1 volume type"; a volume
// with none is defaulted to emptyDir by pkg/apis/core/v1 SetDefaults_Volume,
// so that is no error) and validateProjectionSources (one source per item of
// projected.sources).
import type { CodeInfo } from '../../diagnostics/code-info';
import { isJsonObject } from '../../model/json';
import type { Rule } from '../rule';
import { forbiddenMessage } from './support/field-errors';
import { objectItems, POD_KINDS, podSpecTarget } from './support/pod-spec';
import { PROJECTION_SOURCES, VOLUME_SOURCES } from './support/volume-sources';

export const POD_VOLUME_SOURCE_INVALID: CodeInfo = {
  code: 'pod-volume-source-invalid',
  category: 'api-server',
  severity: 'error',
  title: 'A volume sets more than one volume type (configMap, emptyDir, persistentVolumeClaim, …).',
  example: 'volumes:\n  - name: data\n    emptyDir: {}\n    hostPath: {path: /data}',
};

export const podVolumeSourceInvalid: Rule = {
  codes: [POD_VOLUME_SOURCE_INVALID],
  kinds: POD_KINDS,
  check(context) {
    const target = podSpecTarget(context.manifest);
    if (!target) return;
    for (const volume of objectItems(target.spec, target.path, 'volumes')) {
      const sources = VOLUME_SOURCES.filter((key) => isJsonObject(volume.item[key]));
      for (const extra of sources.slice(1)) {
        const path = [...volume.path, extra];
        context.report({
          code: POD_VOLUME_SOURCE_INVALID,
          path,
          message: `${forbiddenMessage(path, 'may not specify more than 1 volume type')} (this volume already uses ${sources[0] ?? ''})`,
        });
      }
      const projected = volume.item.projected;
      if (!isJsonObject(projected)) continue;
      for (const source of objectItems(projected, [...volume.path, 'projected'], 'sources')) {
        const kinds = PROJECTION_SOURCES.filter((key) => isJsonObject(source.item[key]));
        if (kinds.length > 1) {
          context.report({
            code: POD_VOLUME_SOURCE_INVALID,
            path: [...source.path, kinds[1] ?? ''],
            message: forbiddenMessage(
              source.path,
              'may not specify more than 1 volume type per source',
            ),
          });
        }
      }
    }
  },
};
