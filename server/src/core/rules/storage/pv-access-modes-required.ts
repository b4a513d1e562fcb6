// pkg/apis/core/validation/validation.go ValidatePersistentVolumeSpec:
// accessModes required; "may not use ReadWriteOncePod with other access modes".
import type { CodeInfo } from '../../diagnostics/code-info';
import { getAt } from '../../model/json';
import type { Rule } from '../rule';
import { checkAccessModes } from './access-modes';
import { nearestPath } from './nearest-path';

const PV_ACCESS_MODES_REQUIRED: CodeInfo = {
  code: 'pv-access-modes-required',
  category: 'api-server',
  severity: 'error',
  title: 'A PersistentVolume has no access modes.',
  example: 'spec:\n  capacity:\n    storage: 10Gi\n  hostPath:\n    path: /mnt/data',
};

const PV_ACCESS_MODES_CONFLICT: CodeInfo = {
  code: 'pv-access-modes-conflict',
  category: 'api-server',
  severity: 'error',
  title: 'A PersistentVolume combines ReadWriteOncePod with other access modes.',
  example: 'accessModes: [ReadWriteOncePod, ReadOnlyMany]',
};

export const pvAccessModesRequired: Rule = {
  codes: [PV_ACCESS_MODES_REQUIRED, PV_ACCESS_MODES_CONFLICT],
  kinds: ['/PersistentVolume'],
  check(context) {
    const { manifest } = context;
    const problem = checkAccessModes(
      getAt(manifest.body, ['spec', 'accessModes']),
      ['spec'],
      'a PersistentVolume needs at least 1 access mode (ReadWriteOnce, ReadOnlyMany, ReadWriteMany or ReadWriteOncePod)',
    );
    if (!problem) return;
    if (problem.kind === 'missing') {
      context.report({
        code: PV_ACCESS_MODES_REQUIRED,
        path: nearestPath(manifest, problem.path),
        message: problem.message,
      });
    } else {
      context.report({
        code: PV_ACCESS_MODES_CONFLICT,
        path: problem.path,
        message: problem.message,
      });
    }
  },
};
