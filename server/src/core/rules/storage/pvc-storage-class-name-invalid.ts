// pkg/apis/core/validation/validation.go ValidatePersistentVolumeClaimSpec:
// a non-empty storageClassName or volumeAttributesClassName must pass
// ValidateClassName (a DNS-1123 subdomain). "" is valid: it means "no class".
import type { CodeInfo } from '../../diagnostics/code-info';
import type { Rule } from '../rule';
import { CLAIM_SPEC_KINDS, findClaimSpecs } from './claim-specs';
import { classNameProblem } from './class-name';

const PVC_STORAGE_CLASS_NAME_INVALID: CodeInfo = {
  code: 'pvc-storage-class-name-invalid',
  category: 'api-server',
  severity: 'error',
  title: "A claim's storageClassName is not a DNS-1123 subdomain.",
  example: 'storageClassName: Fast_SSD',
};

const PVC_VOLUME_ATTRIBUTES_CLASS_INVALID: CodeInfo = {
  code: 'pvc-volume-attributes-class-invalid',
  category: 'api-server',
  severity: 'error',
  title: "A claim's volumeAttributesClassName is not a DNS-1123 subdomain.",
  example: 'volumeAttributesClassName: Gold_IOPS',
};

export const pvcStorageClassNameInvalid: Rule = {
  codes: [PVC_STORAGE_CLASS_NAME_INVALID, PVC_VOLUME_ATTRIBUTES_CLASS_INVALID],
  kinds: CLAIM_SPEC_KINDS,
  check(context) {
    const { manifest } = context;
    for (const { path, spec } of findClaimSpecs(manifest)) {
      const fields = [
        ['storageClassName', PVC_STORAGE_CLASS_NAME_INVALID],
        ['volumeAttributesClassName', PVC_VOLUME_ATTRIBUTES_CLASS_INVALID],
      ] as const;
      for (const [field, code] of fields) {
        const value = spec[field];
        if (typeof value !== 'string' || value === '') continue;
        const message = classNameProblem(value, [...path, field]);
        if (message) context.report({ code, path: [...path, field], target: 'value', message });
      }
    }
  },
};
