import type { CodeInfo } from '../../diagnostics/code-info';

/** A claim that the PV controller (or the scheduler, for WaitForFirstConsumer) cannot bind. */
export const PVC_UNBOUND: CodeInfo = {
  code: 'pvc-unbound',
  category: 'cross-resource',
  severity: 'warning',
  title:
    'A PersistentVolumeClaim cannot be bound: no PersistentVolume matches it and no StorageClass can provision one, so it stays Pending.',
  example:
    'kind: PersistentVolumeClaim\nspec:\n  storageClassName: manual\n  resources: {requests: {storage: 8Gi}}  # the only "manual" PV has 5Gi',
};

/** A pod volume names a claim that does not exist in the pod's namespace. */
export const POD_CLAIM_NOT_FOUND: CodeInfo = {
  code: 'pod-claim-not-found',
  category: 'cross-resource',
  severity: 'error',
  title:
    'A pod volume names a PersistentVolumeClaim that does not exist in its namespace; the scheduler keeps the pod Pending.',
  example: 'volumes:\n- name: data\n  persistentVolumeClaim:\n    claimName: data  # no such claim',
};

/** The storage codes of the simulation, for the code registry. */
export const STORAGE_CODES: readonly CodeInfo[] = [PVC_UNBOUND, POD_CLAIM_NOT_FOUND];
