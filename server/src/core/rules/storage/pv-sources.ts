import { getAt } from '../../model/json';
import type { Manifest } from '../../model/manifest';

/**
 * A PersistentVolume's volume source fields, in the order
 * `ValidatePersistentVolumeSpec` (pkg/apis/core/validation/validation.go)
 * visits them: the first one found is the volume's source.
 */
export const PV_SOURCES = [
  'hostPath',
  'gcePersistentDisk',
  'awsElasticBlockStore',
  'glusterfs',
  'flocker',
  'nfs',
  'rbd',
  'quobyte',
  'cephfs',
  'iscsi',
  'cinder',
  'fc',
  'flexVolume',
  'azureFile',
  'vsphereVolume',
  'photonPersistentDisk',
  'portworxVolume',
  'azureDisk',
  'scaleIO',
  'local',
  'storageos',
  'csi',
] as const;

/** The volume source fields a PersistentVolume sets, in validation order. */
export function presentSources(manifest: Manifest): string[] {
  return PV_SOURCES.filter((source) => {
    const value = getAt(manifest.body, ['spec', source]);
    return value !== undefined && value !== null;
  });
}
