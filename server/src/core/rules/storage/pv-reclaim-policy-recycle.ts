// pkg/apis/core/validation/validation.go ValidatePersistentVolumeSpec: Recycle is
// forbidden for a hostPath of '/' ("may not be 'recycle' for a hostPath mount of '/'").
// pkg/api/persistentvolume/util.go GetWarningsForPersistentVolume: the API server warns
// that Recycle is deprecated; only the nfs and hostPath plugins implement recycling, so the
// PV controller fails to recycle any other volume (VolumeFailedRecycle) once released.
import type { CodeInfo } from '../../diagnostics/code-info';
import { getAt } from '../../model/json';
import type { Rule } from '../rule';
import { presentSources } from './pv-sources';

const PV_RECLAIM_POLICY_RECYCLE: CodeInfo = {
  code: 'pv-reclaim-policy-recycle',
  category: 'api-server',
  severity: 'warning',
  title:
    'A PersistentVolume uses the deprecated Recycle policy, which only nfs and hostPath volumes support.',
  example: 'persistentVolumeReclaimPolicy: Recycle\ncsi:\n  driver: ebs.csi.aws.com',
};

const PV_RECYCLE_HOST_PATH_ROOT: CodeInfo = {
  code: 'pv-recycle-host-path-root',
  category: 'api-server',
  severity: 'error',
  title: "A hostPath PersistentVolume of '/' uses the Recycle policy.",
  example: 'persistentVolumeReclaimPolicy: Recycle\nhostPath:\n  path: /',
};

const RECYCLABLE = new Set(['nfs', 'hostPath']);

/** Go's path.Clean for an absolute path: is it the root? */
function isRoot(path: string): boolean {
  if (!path.startsWith('/')) return false;
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.length === 0;
}

export const pvReclaimPolicyRecycle: Rule = {
  codes: [PV_RECLAIM_POLICY_RECYCLE, PV_RECYCLE_HOST_PATH_ROOT],
  kinds: ['/PersistentVolume'],
  check(context) {
    const { manifest } = context;
    const path = ['spec', 'persistentVolumeReclaimPolicy'];
    if (getAt(manifest.body, path) !== 'Recycle') return;
    const hostPath = getAt(manifest.body, ['spec', 'hostPath', 'path']);
    if (typeof hostPath === 'string' && isRoot(hostPath)) {
      context.report({
        code: PV_RECYCLE_HOST_PATH_ROOT,
        path,
        target: 'value',
        message: `spec.persistentVolumeReclaimPolicy: Forbidden: may not be 'recycle' for a hostPath mount of '/'; use Retain`,
      });
      return;
    }
    const source = presentSources(manifest)[0];
    if (source === undefined) return; // no source: pv-volume-source-invalid reports it
    const deprecated =
      'The Recycle reclaim policy is deprecated (the API server warns about it); the recommended approach is dynamic provisioning, or Retain/Delete';
    const message = RECYCLABLE.has(source)
      ? `spec.persistentVolumeReclaimPolicy: ${deprecated}`
      : `spec.persistentVolumeReclaimPolicy: Recycle is supported only by nfs and hostPath volumes, and this volume is ${source}: the API server accepts it, but once the claim is released the PV controller cannot recycle the volume (VolumeFailedRecycle) and the PV turns Failed. ${deprecated}`;
    context.report({ code: PV_RECLAIM_POLICY_RECYCLE, path, target: 'value', message });
  },
};
