/**
 * A claim that names its volume (`spec.volumeName`): syncUnboundClaim's
 * second branch (pkg/controller/volume/persistentvolume/pv_controller.go). The
 * volume must exist and not be claimed by another claim; a volume pre-bound
 * to this claim binds as it is, a free one only if checkVolumeSatisfyClaim
 * passes (size, class, volume mode, access modes). The binding mode of the
 * class does not matter: such a claim binds at once.
 */
import { bindVolume, claimKey, unbindableStatus, type BindingContext } from './binding-context';
import { specFocus } from './claim-focus';
import type { ClaimStatus, SimClaim, SimVolume } from './claim-state';
import { isVolumeBoundToClaim, offersAccessModes } from './match-volume';

function describeClass(name: string): string {
  return name === '' ? 'no class' : `class "${name}"`;
}

/** checkVolumeSatisfyClaim: the controller's error and a longer explanation. */
function satisfyProblem(
  volume: SimVolume,
  claim: SimClaim,
): { error: string; detail: string; field: string[] } | undefined {
  if (volume.capacity.bytes < claim.request.bytes) {
    return {
      error: 'requested PV is too small',
      detail: `${volume.name} has ${volume.capacity.text || '0'}, less than the ${claim.request.text} requested`,
      field: ['resources', 'requests', 'storage'],
    };
  }
  if (volume.className !== claim.className) {
    const defaulted =
      claim.classRequest === 'unset'
        ? ` (the default class, given because storageClassName is not set; write storageClassName: "" to ask for a volume without class)`
        : '';
    return {
      error: 'storageClassName does not match',
      detail: `the claim asks for ${describeClass(claim.className)}${defaulted} but ${volume.name} has ${describeClass(volume.className)}`,
      field: ['storageClassName'],
    };
  }
  if (volume.volumeMode !== claim.volumeMode) {
    return {
      error: 'incompatible volumeMode',
      detail: `${volume.name} is a ${volume.volumeMode} volume and the claim wants ${claim.volumeMode}`,
      field: ['volumeMode'],
    };
  }
  if (!offersAccessModes(volume, claim)) {
    return {
      error: 'incompatible accessMode',
      detail: `${volume.name} offers ${volume.accessModes.join(', ') || 'no access modes'}, not ${claim.accessModes.join(', ')}`,
      field: ['accessModes'],
    };
  }
  return undefined;
}

/** Binds a claim to the volume it names, or says why it cannot. */
export function bindRequestedClaim(
  context: BindingContext,
  claim: SimClaim,
  volumeName: string,
): ClaimStatus {
  const focus = specFocus(claim, ['volumeName']);
  const volume = context.volumes.find((candidate) => candidate.name === volumeName);
  if (!volume) {
    const reason = `volume "${volumeName}" requested by spec.volumeName does not exist`;
    return unbindableStatus(
      reason,
      focus,
      `it asks for PersistentVolume "${volumeName}", which is not in the scope, so the PV controller keeps it Pending`,
    );
  }
  const boundTo = context.boundTo.get(volume.name);
  const takenByOther = boundTo !== undefined && boundTo !== claimKey(claim);
  if (takenByOther || (volume.claimRef && !isVolumeBoundToClaim(volume, claim))) {
    const other = boundTo ?? `${volume.claimRef?.namespace ?? ''}/${volume.claimRef?.name ?? ''}`;
    const reason = `volume "${volume.name}" already bound to a different claim.`;
    return unbindableStatus(reason, focus, `${volume.name} belongs to claim ${other}: ${reason}`);
  }
  if (isVolumeBoundToClaim(volume, claim)) return bindVolume(context, claim, volume);
  const problem = satisfyProblem(volume, claim);
  if (problem) {
    const reason = `Cannot bind to requested volume "${volume.name}": ${problem.error}`;
    return unbindableStatus(
      reason,
      specFocus(claim, problem.field, problem.field[0] === 'accessModes' ? 'key' : 'value'),
      `${problem.detail}: ${reason}`,
    );
  }
  return bindVolume(context, claim, volume);
}
