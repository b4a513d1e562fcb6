// pkg/apis/core/validation/validation.go ValidatePersistentVolumeSpec: exactly one
// volume source ("must specify a volume type"; "may not specify more than 1 volume type").
// As upstream, flexVolume is counted but never itself reported as the extra one.
import type { CodeInfo } from '../../diagnostics/code-info';
import type { Rule } from '../rule';
import { nearestPath } from './nearest-path';
import { presentSources } from './pv-sources';

const PV_VOLUME_SOURCE_INVALID: CodeInfo = {
  code: 'pv-volume-source-invalid',
  category: 'api-server',
  severity: 'error',
  title:
    'A PersistentVolume has no volume source, or more than one (hostPath, nfs, local, csi, …).',
  example:
    'spec:\n  hostPath:\n    path: /mnt/data\n  nfs:\n    server: nfs.example.com\n    path: /exports',
};

export const pvVolumeSourceInvalid: Rule = {
  codes: [PV_VOLUME_SOURCE_INVALID],
  kinds: ['/PersistentVolume'],
  check(context) {
    const { manifest } = context;
    const sources = presentSources(manifest);
    if (sources.length === 0) {
      context.report({
        code: PV_VOLUME_SOURCE_INVALID,
        path: nearestPath(manifest, ['spec']),
        message:
          'spec: Required value: must specify a volume type; a PersistentVolume needs exactly one source, such as csi, nfs, hostPath, local or iscsi',
      });
      return;
    }
    const found = sources.join(', ');
    sources.forEach((source, index) => {
      if (index === 0 || source === 'flexVolume') return;
      context.report({
        code: PV_VOLUME_SOURCE_INVALID,
        path: ['spec', source],
        message: `spec.${source}: Forbidden: may not specify more than 1 volume type (found ${found}); a PersistentVolume has exactly one volume source`,
      });
    });
  },
};
