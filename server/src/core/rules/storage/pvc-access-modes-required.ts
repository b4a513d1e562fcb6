// pkg/apis/core/validation/validation.go ValidatePersistentVolumeClaimSpec:
// "at least 1 access mode is required"; "may not use ReadWriteOncePod with other access modes".
import type { CodeInfo } from '../../diagnostics/code-info';
import type { Rule } from '../rule';
import { checkAccessModes } from './access-modes';
import { CLAIM_SPEC_KINDS, findClaimSpecs } from './claim-specs';
import { nearestPath } from './nearest-path';

const PVC_ACCESS_MODES_REQUIRED: CodeInfo = {
  code: 'pvc-access-modes-required',
  category: 'api-server',
  severity: 'error',
  title: 'A PersistentVolumeClaim spec (or claim template) has no access modes.',
  example: 'spec:\n  resources:\n    requests:\n      storage: 1Gi',
};

const PVC_ACCESS_MODES_CONFLICT: CodeInfo = {
  code: 'pvc-access-modes-conflict',
  category: 'api-server',
  severity: 'error',
  title: 'A claim combines ReadWriteOncePod with other access modes.',
  example: 'accessModes: [ReadWriteOncePod, ReadWriteOnce]',
};

export const pvcAccessModesRequired: Rule = {
  codes: [PVC_ACCESS_MODES_REQUIRED, PVC_ACCESS_MODES_CONFLICT],
  kinds: CLAIM_SPEC_KINDS,
  check(context) {
    const { manifest } = context;
    for (const { path, spec } of findClaimSpecs(manifest)) {
      const problem = checkAccessModes(
        spec.accessModes,
        path,
        'at least 1 access mode is required (ReadWriteOnce, ReadOnlyMany, ReadWriteMany or ReadWriteOncePod)',
      );
      if (!problem) continue;
      if (problem.kind === 'missing') {
        context.report({
          code: PVC_ACCESS_MODES_REQUIRED,
          path: nearestPath(manifest, problem.path),
          message: problem.message,
        });
      } else {
        context.report({
          code: PVC_ACCESS_MODES_CONFLICT,
          path: problem.path,
          message: problem.message,
        });
      }
    }
  },
};
