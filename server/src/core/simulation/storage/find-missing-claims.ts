import { getAt, isJsonObject } from '../../model/json';
import { podSpecHolders } from '../model/object-kinds';
import { keyOf, namespaceOf, type SimObject } from '../model/sim-object';
import type { MissingClaimReference, SimClaim } from './claim-state';
import { compareDocumentOrder } from './document-order';

/**
 * Pod template volumes (`persistentVolumeClaim.claimName`) of every workload
 * and Pod in the scope that name a claim the scope does not have in the
 * template's namespace. A StatefulSet volume named like one of its
 * volumeClaimTemplates is replaced by the template's claim, so it is skipped.
 */
export function findMissingClaims(
  objects: readonly SimObject[],
  claims: readonly SimClaim[],
): MissingClaimReference[] {
  const known = new Set(claims.map((claim) => keyOf(claim.namespace, claim.name)));
  const missing: MissingClaimReference[] = [];
  const withVolumes = podSpecHolders(objects).flatMap(({ object, specPath }) => {
    const volumes = getAt(object.manifest.body, [...specPath, 'volumes']);
    return Array.isArray(volumes) ? [{ object, specPath, volumes }] : [];
  });
  withVolumes.sort((a, b) => compareDocumentOrder(a.object, b.object));
  for (const { object, specPath, volumes } of withVolumes) {
    const templateNames = new Set<string>();
    if (object.manifest.gvk.group === 'apps' && object.manifest.kind === 'StatefulSet') {
      const templates = getAt(object.manifest.body, ['spec', 'volumeClaimTemplates']);
      if (Array.isArray(templates)) {
        for (const template of templates) {
          const name = getAt(template, ['metadata', 'name']);
          if (typeof name === 'string') templateNames.add(name);
        }
      }
    }
    const namespace = namespaceOf(object);
    volumes.forEach((volume, index) => {
      if (!isJsonObject(volume) || typeof volume.name !== 'string') return;
      if (templateNames.has(volume.name)) return;
      const claim = getAt(volume, ['persistentVolumeClaim', 'claimName']);
      if (typeof claim !== 'string' || claim === '') return;
      if (known.has(keyOf(namespace, claim))) return;
      missing.push({
        object,
        path: [...specPath, 'volumes', index, 'persistentVolumeClaim', 'claimName'],
        namespace,
        volume: volume.name,
        claim,
      });
    });
  }
  return missing;
}
