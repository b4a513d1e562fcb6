import { getAt } from '../../model/json';
import type { ClaimFocus, SimClaim } from './claim-state';
import type { VolumeRejection } from './match-volume';

/** The spec field a finding about the claim points at, when it is written. */
export function specFocus(
  claim: SimClaim,
  field: string[],
  target: 'key' | 'value' = 'value',
): ClaimFocus {
  const path = [...claim.specPath, ...field];
  if (getAt(claim.object.manifest.body, path) !== undefined) return { path, target };
  return { path: claim.specPath, target: 'key' };
}

/**
 * Where a "no volume matches" finding points: at the field every relevant
 * volume fails on (the storage request when they are all too small, the
 * access modes, the selector, the volume mode), else at storageClassName.
 */
export function rejectionFocus(
  claim: SimClaim,
  rejections: readonly VolumeRejection[],
): ClaimFocus {
  const relevant = rejections.filter(
    (rejection) => rejection.kind !== 'class' && rejection.kind !== 'bound',
  );
  const only = (kind: VolumeRejection['kind']): boolean =>
    relevant.length > 0 && relevant.every((rejection) => rejection.kind === kind);
  if (only('size')) return specFocus(claim, ['resources', 'requests', 'storage']);
  if (only('access')) return specFocus(claim, ['accessModes'], 'key');
  if (only('selector')) return specFocus(claim, ['selector'], 'key');
  if (only('mode')) return specFocus(claim, ['volumeMode']);
  return specFocus(claim, ['storageClassName']);
}
