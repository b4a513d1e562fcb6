import { getAt, isJsonObject } from '../../model/json';
import { stringLabels } from '../../rules/workloads/support/label-selector';
import type { SimObject } from '../model/sim-object';
import { objectsOfKind } from '../model/object-kinds';
import type { SimVolume } from './claim-state';
import { compareDocumentOrder, compareText } from './document-order';
import { readAccessModes, readStorageSize, readVolumeMode } from './storage-size';

/** The beta class annotation, read before `storageClassName` (GetPersistentVolumeClass). */
export const BETA_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class';

function isPersistentVolume(object: SimObject): boolean {
  const { gvk } = object.manifest;
  return gvk.group === '' && gvk.kind === 'PersistentVolume';
}

/**
 * The PersistentVolumes of the scope, sorted by name (a later document of the
 * same name replaces an earlier one). The class is the beta annotation, else
 * `spec.storageClassName`, else none (GetPersistentVolumeClass,
 * k8s.io/component-helpers/storage/volume/helpers.go).
 */
export function collectVolumes(objects: readonly SimObject[]): SimVolume[] {
  const byName = new Map<string, SimVolume>();
  const documents = objectsOfKind(objects, '', 'PersistentVolume').filter(isPersistentVolume);
  for (const object of documents.sort(compareDocumentOrder)) {
    const name = object.manifest.name;
    if (name === undefined || name === '') continue;
    const body = object.manifest.body;
    const spec = isJsonObject(body.spec) ? body.spec : {};
    const annotations = getAt(body, ['metadata', 'annotations']);
    const annotated = isJsonObject(annotations) ? annotations[BETA_CLASS_ANNOTATION] : undefined;
    const className =
      typeof annotated === 'string'
        ? annotated
        : typeof spec.storageClassName === 'string'
          ? spec.storageClassName
          : '';
    const volume: SimVolume = {
      name,
      object,
      className,
      capacity: readStorageSize(getAt(spec, ['capacity', 'storage'])),
      accessModes: readAccessModes(spec.accessModes),
      volumeMode: readVolumeMode(spec.volumeMode),
      labels: stringLabels(getAt(body, ['metadata', 'labels'])),
      dynamic: false,
    };
    const claimRef = spec.claimRef;
    if (isJsonObject(claimRef)) {
      volume.claimRef = {
        namespace: typeof claimRef.namespace === 'string' ? claimRef.namespace : '',
        name: typeof claimRef.name === 'string' ? claimRef.name : '',
      };
    }
    if (spec.nodeAffinity !== undefined && spec.nodeAffinity !== null) {
      volume.nodeAffinity = spec.nodeAffinity;
    }
    byName.set(name, volume);
  }
  return [...byName.values()].sort((a, b) => compareText(a.name, b.name));
}
