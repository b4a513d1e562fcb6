// pkg/apis/core/validation/validation.go ValidateVolumeMounts: mountPath is
// required; subPath and subPathExpr are relative paths without '..'
// (validateLocalDescendingPath), may not both be set, and may not be used
// with an image volume.
import type { CodeInfo } from '../../diagnostics/code-info';
import { isJsonObject } from '../../model/json';
import { checkLocalDescendingPath } from '../../validation/workload-validators';
import type { Rule } from '../rule';
import { invalidMessage, requiredMessage } from './support/field-errors';
import { containersOf, objectItems, POD_KINDS, podSpecTarget } from './support/pod-spec';

export const POD_VOLUME_MOUNT_PATH_INVALID: CodeInfo = {
  code: 'pod-volume-mount-path-invalid',
  category: 'api-server',
  severity: 'error',
  title: "A volumeMount has an empty mountPath, or a subPath that is absolute or contains '..'.",
  example: 'volumeMounts:\n  - name: config\n    mountPath: /etc/app\n    subPath: ../secrets',
};

export const podVolumeMountPathInvalid: Rule = {
  codes: [POD_VOLUME_MOUNT_PATH_INVALID],
  kinds: POD_KINDS,
  check(context) {
    const target = podSpecTarget(context.manifest);
    if (!target) return;
    const imageVolumes = new Set<string>();
    for (const volume of objectItems(target.spec, target.path, 'volumes')) {
      if (typeof volume.item.name === 'string' && isJsonObject(volume.item.image))
        imageVolumes.add(volume.item.name);
    }
    for (const entry of containersOf(target)) {
      for (const mount of objectItems(entry.container, entry.path, 'volumeMounts')) {
        const report = (key: string, message: string): void =>
          context.report({
            code: POD_VOLUME_MOUNT_PATH_INVALID,
            path: [...mount.path, key],
            target: 'value',
            message,
          });
        const { mountPath, subPath, subPathExpr, name } = mount.item;
        if (mountPath === '') report('mountPath', requiredMessage([...mount.path, 'mountPath']));
        for (const [key, value] of [
          ['subPath', subPath],
          ['subPathExpr', subPathExpr],
        ] as const) {
          if (typeof value !== 'string' || value.length === 0) continue;
          const problems = checkLocalDescendingPath(value);
          if (problems.length > 0)
            report(key, invalidMessage([...mount.path, key], value, problems.join('; ')));
          if (typeof name === 'string' && imageVolumes.has(name)) {
            report(
              key,
              invalidMessage([...mount.path, key], value, 'not allowed in image volume sources'),
            );
          }
        }
        if (
          typeof subPath === 'string' &&
          subPath.length > 0 &&
          typeof subPathExpr === 'string' &&
          subPathExpr.length > 0
        ) {
          report(
            'subPathExpr',
            invalidMessage(
              [...mount.path, 'subPathExpr'],
              subPathExpr,
              'subPathExpr and subPath are mutually exclusive',
            ),
          );
        }
      }
    }
  },
};
