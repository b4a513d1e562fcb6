/**
 * Dynamic provisioning of a claim that no volume matches: the PV controller's
 * provisionClaim (pkg/controller/volume/persistentvolume/pv_controller.go) for
 * Immediate claims, the scheduler's checkVolumeProvisions
 * (pkg/scheduler/framework/plugins/volumebinding/binder.go) for delayed ones.
 */
import type { ClusterNode } from '../report';
import {
  bindVolume,
  findClass,
  NO_CLASS_MESSAGE,
  unbindableStatus,
  type BindingContext,
} from './binding-context';
import { rejectionFocus, specFocus } from './claim-focus';
import type { ClaimStatus, SimClaim, SimVolume } from './claim-state';
import { dynamicVolumeName } from './dynamic-volume-name';
import { describeRejections, type VolumeRejection } from './match-volume';
import { allowedTopologiesMatch } from './node-affinity';
import { NO_PROVISIONER } from './storage-classes';

function noMatch(rejections: readonly VolumeRejection[]): string {
  return `no PersistentVolume matches: ${describeRejections(rejections)}`;
}

function withVolumes(rejections: readonly VolumeRejection[], reason: string): string {
  return rejections.length > 0 ? `${noMatch(rejections)}; ${reason}` : reason;
}

/** Why a claim that asks for no class cannot bind. */
export function classlessStatus(
  claim: SimClaim,
  rejections: readonly VolumeRejection[],
): ClaimStatus {
  const reason = rejections.length > 0 ? noMatch(rejections) : NO_CLASS_MESSAGE;
  const why =
    claim.classRequest === 'empty'
      ? 'it sets storageClassName: "" so only a PersistentVolume without class can bind it, and none fits'
      : 'it sets no storageClassName and the cluster has no default StorageClass, so only a PersistentVolume without class can bind it, and none fits';
  return unbindableStatus(reason, rejectionFocus(claim, rejections), `${why}: ${reason}`);
}

/**
 * Provisions a volume through the claim's class, or says why it cannot: the
 * class does not exist (`storageclass.storage.k8s.io "fast" not found`), it
 * has no provisioner (`kubernetes.io/no-provisioner`), the claim has a
 * selector (external provisioners refuse those), or the node is outside the
 * class's allowedTopologies.
 */
export function provisionClaim(
  context: BindingContext,
  claim: SimClaim,
  passedOver: () => readonly VolumeRejection[],
  node?: ClusterNode,
): ClaimStatus {
  // Why the volumes did not fit: worked out only for a claim that cannot be provisioned.
  let read: readonly VolumeRejection[] | undefined;
  const rejections = (): readonly VolumeRejection[] => (read ??= passedOver());
  const delayed = node !== undefined;
  const storageClass = findClass(context, claim.className);
  if (!storageClass) {
    const notFound = `storageclass.storage.k8s.io "${claim.className}" not found`;
    const known = context.classes.map((known) => known.name).join(', ') || 'none';
    // Volumes of the class show static provisioning is meant: then the
    // volumes are what to fix, and the missing class is only why nothing
    // else can step in.
    const staticClass = context.volumes.some(
      (volume) => !volume.dynamic && volume.className === claim.className,
    );
    if (staticClass) {
      const reason = withVolumes(rejections(), notFound);
      const fits = rejections().length > 0 ? ` (${describeRejections(rejections())})` : '';
      const detail = `no PersistentVolume fits${fits}, and no StorageClass "${claim.className}" exists to provision one (StorageClasses: ${known})`;
      return unbindableStatus(reason, rejectionFocus(claim, rejections()), detail, delayed);
    }
    const detail = `it asks for StorageClass "${claim.className}", which does not exist (StorageClasses: ${known})${
      rejections().length > 0 ? `, and ${noMatch(rejections())}` : ''
    }: ${notFound}`;
    return unbindableStatus(notFound, specFocus(claim, ['storageClassName']), detail, delayed);
  }
  const provisioner = storageClass.provisioner;
  if (provisioner === '' || provisioner === NO_PROVISIONER) {
    const reason = withVolumes(
      rejections(),
      `no volume plugin matched name: ${provisioner || NO_PROVISIONER}`,
    );
    const detail = `StorageClass "${storageClass.name}" cannot provision volumes (provisioner ${provisioner || 'unset'}), so a PersistentVolume of that class must match: ${reason}`;
    return unbindableStatus(reason, rejectionFocus(claim, rejections()), detail, delayed);
  }
  if (claim.selector !== undefined) {
    const reason = withVolumes(
      rejections(),
      `failed to provision volume with StorageClass "${storageClass.name}": claim Selector is not supported`,
    );
    const detail = `a claim with a selector is never provisioned dynamically, and ${
      rejections().length > 0 ? noMatch(rejections()) : 'no PersistentVolume matches it'
    }`;
    return unbindableStatus(reason, specFocus(claim, ['selector'], 'key'), detail, delayed);
  }
  if (node && !allowedTopologiesMatch(storageClass.allowedTopologies, node)) {
    const reason = withVolumes(
      rejections(),
      `StorageClass "${storageClass.name}" cannot provision on node ${node.name} (allowedTopologies)`,
    );
    return unbindableStatus(reason, specFocus(claim, ['storageClassName']), reason, delayed);
  }
  const volume = provisionedVolume(claim);
  context.volumes.push(volume);
  return bindVolume(context, claim, volume);
}

/** The volume a provisioner makes for the claim: its class, size, modes, and a claimRef to it. */
export function provisionedVolume(claim: SimClaim): SimVolume {
  return {
    name: dynamicVolumeName(claim.namespace, claim.name),
    className: claim.className,
    capacity: claim.request,
    accessModes: [...claim.accessModes],
    volumeMode: claim.volumeMode,
    labels: {},
    claimRef: { namespace: claim.namespace, name: claim.name },
    dynamic: true,
  };
}
