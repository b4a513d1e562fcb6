// pkg/apis/core/validation/validation.go ValidateVolumeMounts and
// ValidateVolumeDevices: a volumeMount (or volumeDevice) must name a volume of
// the pod; a volumeDevice needs a persistentVolumeClaim or ephemeral volume.
// In a StatefulSet, the volumeClaimTemplates count as volumes.
import type { CodeInfo } from '../../diagnostics/code-info';
import { isJsonObject } from '../../model/json';
import type { Rule } from '../rule';
import { invalidMessage, notFoundMessage } from './support/field-errors';
import { containersOf, objectItems, POD_KINDS, podSpecTarget } from './support/pod-spec';

export const POD_VOLUME_MOUNT_UNKNOWN_VOLUME: CodeInfo = {
  code: 'pod-volume-mount-unknown-volume',
  category: 'api-server',
  severity: 'error',
  title: 'A volumeMount or volumeDevice names a volume the pod does not define.',
  example: 'volumeMounts:\n  - name: data   # no volume "data"\n    mountPath: /data',
};

export const podVolumeMountUnknownVolume: Rule = {
  codes: [POD_VOLUME_MOUNT_UNKNOWN_VOLUME],
  kinds: POD_KINDS,
  check(context) {
    const target = podSpecTarget(context.manifest);
    if (!target) return;
    const volumes = new Map<string, boolean>();
    for (const volume of objectItems(target.spec, target.path, 'volumes')) {
      const name = volume.item.name;
      if (typeof name !== 'string') continue;
      const blockCapable =
        isJsonObject(volume.item.persistentVolumeClaim) || isJsonObject(volume.item.ephemeral);
      volumes.set(name, blockCapable);
    }
    for (const name of target.extraVolumeNames) volumes.set(name, true);
    const known = [...volumes.keys()];
    const detail =
      known.length === 0
        ? 'the pod defines no volumes'
        : `the pod's volumes are ${known.map((name) => JSON.stringify(name)).join(', ')}`;
    for (const entry of containersOf(target)) {
      for (const mount of objectItems(entry.container, entry.path, 'volumeMounts')) {
        const name = mount.item.name;
        if (typeof name !== 'string' || name.length === 0 || volumes.has(name)) continue;
        const path = [...mount.path, 'name'];
        context.report({
          code: POD_VOLUME_MOUNT_UNKNOWN_VOLUME,
          path,
          target: 'value',
          message: notFoundMessage(path, name, detail),
        });
      }
      for (const device of objectItems(entry.container, entry.path, 'volumeDevices')) {
        const name = device.item.name;
        if (typeof name !== 'string' || name.length === 0) continue;
        const path = [...device.path, 'name'];
        const blockCapable = volumes.get(name);
        if (blockCapable === undefined) {
          context.report({
            code: POD_VOLUME_MOUNT_UNKNOWN_VOLUME,
            path,
            target: 'value',
            message: notFoundMessage(path, name, detail),
          });
        } else if (!blockCapable) {
          context.report({
            code: POD_VOLUME_MOUNT_UNKNOWN_VOLUME,
            path,
            target: 'value',
            message: invalidMessage(
              path,
              name,
              'can only use volume source type of PersistentVolumeClaim or Ephemeral for block mode',
            ),
          });
        }
      }
    }
  },
};
