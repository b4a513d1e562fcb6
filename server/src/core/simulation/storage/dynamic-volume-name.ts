import { fnv1a32 } from '../model/stable-hash';

const VARIANTS = ['8', '9', 'a', 'b'];

/**
 * The name of a volume provisioned for a claim: `pvc-<claim UID>`
 * (PersistentVolumeController.getProvisionedVolumeNameForClaim). A real UID is
 * random; here it is a version-4-shaped UUID hashed from the claim's
 * namespace and name, so the same claim always gets the same volume name.
 */
export function dynamicVolumeName(namespace: string, claim: string): string {
  const seed = `${namespace}/${claim}`;
  let hex = '';
  for (let part = 0; part < 4; part++) {
    hex += fnv1a32(`${seed}#${part}`).toString(16).padStart(8, '0');
  }
  const variant = VARIANTS[parseInt(hex.charAt(16), 16) % 4] ?? '8';
  return `pvc-${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
