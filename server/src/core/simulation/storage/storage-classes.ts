/**
 * The StorageClasses a simulation works with: the cluster's, each replaced by
 * a StorageClass of the same name in the scope (as `kubectl apply` would), and
 * the scope's others. A class is the default when the cluster file says so or
 * its annotation `storageclass.kubernetes.io/is-default-class` (or the beta
 * one) is exactly "true" (k8s.io/component-helpers/storage/volume IsDefaultAnnotation).
 */
import { getAt, isJsonObject, type JsonValue } from '../../model/json';
import type { Cluster } from '../report';
import type { SimObject } from '../model/sim-object';
import { compareDocumentOrder, compareText } from './document-order';
import { objectsOfKind } from '../model/object-kinds';

/** One StorageClass in effect. */
export interface StorageClassInfo {
  name: string;
  provisioner: string;
  default: boolean;
  volumeBindingMode: 'Immediate' | 'WaitForFirstConsumer';
  /** `allowedTopologies` as written (StorageClass documents only). */
  allowedTopologies?: JsonValue;
  /** The StorageClass document, when the scope defines the class. */
  object?: SimObject;
}

/** The provisioner name of classes that cannot provision (volume.NotSupportedProvisioner). */
export const NO_PROVISIONER = 'kubernetes.io/no-provisioner';

const DEFAULT_ANNOTATIONS = [
  'storageclass.kubernetes.io/is-default-class',
  'storageclass.beta.kubernetes.io/is-default-class',
];

function isStorageClass(object: SimObject): boolean {
  const { gvk } = object.manifest;
  return gvk.group === 'storage.k8s.io' && gvk.kind === 'StorageClass';
}

function fromDocument(object: SimObject, name: string): StorageClassInfo {
  const body = object.manifest.body;
  const annotations = getAt(body, ['metadata', 'annotations']);
  const isDefault =
    isJsonObject(annotations) && DEFAULT_ANNOTATIONS.some((key) => annotations[key] === 'true');
  const info: StorageClassInfo = {
    name,
    provisioner: typeof body.provisioner === 'string' ? body.provisioner : '',
    default: isDefault,
    // The API server defaults volumeBindingMode to Immediate (pkg/apis/storage/v1/defaults.go).
    volumeBindingMode:
      body.volumeBindingMode === 'WaitForFirstConsumer' ? 'WaitForFirstConsumer' : 'Immediate',
    object,
  };
  if (body.allowedTopologies !== undefined && body.allowedTopologies !== null) {
    info.allowedTopologies = body.allowedTopologies;
  }
  return info;
}

/** The classes in effect, sorted by name, and the default class's name. */
export function resolveStorageClasses(
  objects: readonly SimObject[],
  cluster: Cluster,
): { classes: StorageClassInfo[]; defaultClass?: string } {
  const byName = new Map<string, StorageClassInfo>();
  for (const storageClass of cluster.storageClasses) {
    if (storageClass.name === '') continue;
    byName.set(storageClass.name, { ...storageClass });
  }
  // Later documents win, as a later `kubectl apply` of the same name would.
  const documents = objectsOfKind(objects, 'storage.k8s.io', 'StorageClass')
    .filter(isStorageClass)
    .sort(compareDocumentOrder);
  for (const object of documents) {
    const name = object.manifest.name;
    if (name === undefined || name === '') continue;
    byName.set(name, fromDocument(object, name));
  }
  const classes = [...byName.values()].sort((a, b) => compareText(a.name, b.name));
  // GetDefaultClass (pkg/volume/util/storageclass.go): with
  // several defaults the newest wins, then the smallest name. Classes applied
  // from the scope are newer than the cluster's.
  const defaults = classes
    .filter((storageClass) => storageClass.default)
    .sort((a, b) => {
      const newer = Number(b.object !== undefined) - Number(a.object !== undefined);
      return newer !== 0 ? newer : compareText(a.name, b.name);
    });
  const defaultClass = defaults[0]?.name;
  return defaultClass === undefined ? { classes } : { classes, defaultClass };
}
