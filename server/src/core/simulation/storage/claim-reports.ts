import type { ReportDiagnostic, VolumeClaimReport } from '../report';
import { keyOf, rangeOf, sourceAt, sourceOf } from '../model/sim-object';
import type { ClaimState, SimClaim } from './claim-state';
import { compareText } from './document-order';
import { POD_CLAIM_NOT_FOUND, PVC_UNBOUND } from './storage-codes';

function claimSource(claim: SimClaim): VolumeClaimReport['source'] {
  return claim.sourcePath.length === 0
    ? sourceOf(claim.object)
    : sourceAt(claim.object, claim.sourcePath);
}

/**
 * The report's `volumeClaims`: every claim, sorted by namespace then name,
 * with its phase, its volume (`pvc-…` when provisioned: `dynamic: true`), the
 * class it asks for and, while Pending, why.
 */
export function claimReports(state: ClaimState): VolumeClaimReport[] {
  return state.claims.map((claim): VolumeClaimReport => {
    const status = state.status.get(keyOf(claim.namespace, claim.name));
    const phase = status?.phase ?? 'Pending';
    // Spread in the contract's key order, so the JSON reads as documented.
    return {
      name: claim.name,
      namespace: claim.namespace,
      phase,
      ...(status?.volume !== undefined ? { volume: status.volume } : {}),
      ...(claim.className !== '' ? { storageClass: claim.className } : {}),
      request: claim.request.text,
      ...(status?.dynamic ? { dynamic: true } : {}),
      ...(phase === 'Pending' && status?.reason !== undefined ? { reason: status.reason } : {}),
      source: claimSource(claim),
    };
  });
}

function templateOwner(claim: SimClaim): string {
  const { kind, name } = claim.object.manifest;
  const template = claim.origin === 'statefulset' ? 'claim template' : 'ephemeral volume template';
  return `The ${template} of ${kind} ${claim.namespace}/${name ?? ''}`;
}

/**
 * The storage findings: `pvc-unbound` (warning) on the field that keeps a
 * claim from binding, one per written claim spec (a StatefulSet's claims
 * from one template share it), and `pod-claim-not-found` (error) on each
 * `claimName` that names no claim.
 */
export function claimDiagnostics(state: ClaimState): ReportDiagnostic[] {
  const diagnostics: ReportDiagnostic[] = [];
  const byPlace = new Map<string, { claims: SimClaim[]; diagnostic: ReportDiagnostic }>();
  for (const claim of state.claims) {
    const status = state.status.get(keyOf(claim.namespace, claim.name));
    if (!status?.unbindable || !status.focus) continue;
    const range = rangeOf(claim.object, status.focus.path, status.focus.target);
    const place = `${claim.object.uri}:${JSON.stringify(range)}:${status.reason ?? ''}`;
    const entry = byPlace.get(place);
    if (entry) {
      entry.claims.push(claim);
      continue;
    }
    const diagnostic: ReportDiagnostic = {
      severity: PVC_UNBOUND.severity,
      code: PVC_UNBOUND.code,
      message: '',
      uri: claim.object.uri,
      range,
    };
    byPlace.set(place, { claims: [claim], diagnostic });
    diagnostics.push(diagnostic);
  }
  for (const { claims, diagnostic } of byPlace.values()) {
    const [first] = claims;
    if (!first) continue;
    const status = state.status.get(keyOf(first.namespace, first.name));
    const names = claims.map((claim) => claim.name).sort(compareText);
    const subject =
      first.origin === 'manifest'
        ? `PersistentVolumeClaim ${first.namespace}/${first.name} stays Pending`
        : `${templateOwner(first)} makes claims that stay Pending (${names.join(', ')})`;
    diagnostic.message = `${subject}: ${status?.detail ?? status?.reason ?? 'it cannot be bound'}.`;
  }
  for (const missing of state.missing) {
    const { kind, name } = missing.object.manifest;
    const existing = state.claims
      .filter((claim) => claim.namespace === missing.namespace)
      .map((claim) => claim.name);
    const known =
      existing.length > 0
        ? `claims in ${missing.namespace}: ${existing.join(', ')}`
        : `there is no claim in namespace ${missing.namespace}`;
    diagnostics.push({
      severity: POD_CLAIM_NOT_FOUND.severity,
      code: POD_CLAIM_NOT_FOUND.code,
      message: `${kind} ${missing.namespace}/${name ?? ''} mounts PersistentVolumeClaim "${missing.claim}" (volume "${missing.volume}"), which does not exist in namespace ${missing.namespace} (${known}); its pods stay Pending: persistentvolumeclaim "${missing.claim}" not found.`,
      uri: missing.object.uri,
      range: rangeOf(missing.object, missing.path, 'value'),
    });
  }
  return diagnostics;
}
