import type { Rule } from '../rule';
import { pvAccessModesRequired } from './pv-access-modes-required';
import { pvCapacityRequired } from './pv-capacity-required';
import { pvClaimRefIncomplete } from './pv-claim-ref-incomplete';
import { pvLocalNodeAffinityRequired } from './pv-local-node-affinity-required';
import { pvReclaimPolicyRecycle } from './pv-reclaim-policy-recycle';
import { pvStorageClassNameInvalid } from './pv-storage-class-name-invalid';
import { pvVolumeSourceFieldInvalid } from './pv-volume-source-field-invalid';
import { pvVolumeSourceInvalid } from './pv-volume-source-invalid';
import { pvcAccessModesRequired } from './pvc-access-modes-required';
import { pvcDataSourceInvalid } from './pvc-data-source-invalid';
import { pvcStorageClassNameInvalid } from './pvc-storage-class-name-invalid';
import { pvcStorageRequestRequired } from './pvc-storage-request-required';
import { storageClassAllowedTopologiesInvalid } from './storageclass-allowed-topologies-invalid';
import { storageClassParametersInvalid } from './storageclass-parameters-invalid';
import { storageClassProvisionerInvalid } from './storageclass-provisioner-invalid';

/** The storage rules, one file each. */
export const STORAGE_RULES: readonly Rule[] = [
  pvCapacityRequired,
  pvAccessModesRequired,
  pvVolumeSourceInvalid,
  pvVolumeSourceFieldInvalid,
  pvLocalNodeAffinityRequired,
  pvReclaimPolicyRecycle,
  pvStorageClassNameInvalid,
  pvClaimRefIncomplete,
  pvcAccessModesRequired,
  pvcStorageRequestRequired,
  pvcStorageClassNameInvalid,
  pvcDataSourceInvalid,
  storageClassProvisionerInvalid,
  storageClassParametersInvalid,
  storageClassAllowedTopologiesInvalid,
];
