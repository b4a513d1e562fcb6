// pkg/apis/core/validation/validation.go ValidatePersistentVolumeClaimSpec:
// resources.requests.storage is required ("spec.resources[storage]: Required value")
// and must be positive (ValidatePositiveQuantityValue: "must be greater than zero").
// Storage limits are not checked by the API server (kubernetes/kubernetes#106637);
// a limit below the request is only a warning here.
import type { CodeInfo } from '../../diagnostics/code-info';
import { formatPath, getAt } from '../../model/json';
import { parseQuantity } from '../../quantity/parse-quantity';
import type { Rule } from '../rule';
import { CLAIM_SPEC_KINDS, findClaimSpecs } from './claim-specs';
import { nearestPath } from './nearest-path';

const PVC_STORAGE_REQUEST_REQUIRED: CodeInfo = {
  code: 'pvc-storage-request-required',
  category: 'api-server',
  severity: 'error',
  title: 'A PersistentVolumeClaim spec (or claim template) does not request storage.',
  example: 'spec:\n  accessModes: [ReadWriteOnce]\n  resources: {}',
};

const PVC_STORAGE_REQUEST_INVALID: CodeInfo = {
  code: 'pvc-storage-request-invalid',
  category: 'api-server',
  severity: 'error',
  title: 'A claim requests zero or negative storage.',
  example: 'resources:\n  requests:\n    storage: 0',
};

const PVC_STORAGE_LIMIT_BELOW_REQUEST: CodeInfo = {
  code: 'pvc-storage-limit-below-request',
  category: 'api-server',
  severity: 'warning',
  title: 'A claim sets a storage limit below its storage request (accepted, but contradictory).',
  example: 'resources:\n  requests:\n    storage: 10Gi\n  limits:\n    storage: 5Gi',
};

function show(value: unknown): string {
  return JSON.stringify(typeof value === 'string' ? value : String(value));
}

export const pvcStorageRequestRequired: Rule = {
  codes: [
    PVC_STORAGE_REQUEST_REQUIRED,
    PVC_STORAGE_REQUEST_INVALID,
    PVC_STORAGE_LIMIT_BELOW_REQUEST,
  ],
  kinds: CLAIM_SPEC_KINDS,
  check(context) {
    const { manifest } = context;
    for (const { path, spec } of findClaimSpecs(manifest)) {
      const requestPath = [...path, 'resources', 'requests', 'storage'];
      const request: unknown = getAt(spec, ['resources', 'requests', 'storage']);
      if (request === undefined || request === null) {
        context.report({
          code: PVC_STORAGE_REQUEST_REQUIRED,
          path: nearestPath(manifest, requestPath),
          message: `${formatPath(requestPath)}: Required value: a claim must request storage (the API server reports spec.resources[storage]); set e.g. storage: 1Gi`,
        });
        continue;
      }
      const requested = parseQuantity(request);
      if (!requested) continue; // not a quantity: the schema reports it
      if (requested.value <= 0) {
        context.report({
          code: PVC_STORAGE_REQUEST_INVALID,
          path: requestPath,
          target: 'value',
          message: `${formatPath(requestPath)}: Invalid value: ${show(request)}: must be greater than zero`,
        });
        continue;
      }
      const limitPath = [...path, 'resources', 'limits', 'storage'];
      const limit = parseQuantity(getAt(spec, ['resources', 'limits', 'storage']));
      if (limit && limit.value < requested.value) {
        context.report({
          code: PVC_STORAGE_LIMIT_BELOW_REQUEST,
          path: limitPath,
          target: 'value',
          message: `${formatPath(limitPath)} (${limit.text}) is less than ${formatPath(requestPath)} (${requested.text}); the API server accepts it, but the claim contradicts itself: most provisioners ignore storage limits and one that honours them cannot provide the requested size`,
        });
      }
    }
  },
};
