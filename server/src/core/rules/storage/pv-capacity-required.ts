// pkg/apis/core/validation/validation.go ValidatePersistentVolumeSpec:
// capacity is required, holds exactly the key "storage" (field.NotSupported otherwise),
// and every quantity must be positive (ValidatePositiveQuantityValue).
import type { CodeInfo } from '../../diagnostics/code-info';
import { formatPath, getAt, isJsonObject } from '../../model/json';
import { parseQuantity } from '../../quantity/parse-quantity';
import type { Rule } from '../rule';
import { nearestPath } from './nearest-path';

const PV_CAPACITY_REQUIRED: CodeInfo = {
  code: 'pv-capacity-required',
  category: 'api-server',
  severity: 'error',
  title: 'A PersistentVolume has no spec.capacity.storage.',
  example: 'spec:\n  accessModes: [ReadWriteOnce]\n  hostPath:\n    path: /mnt/data',
};

const PV_CAPACITY_INVALID: CodeInfo = {
  code: 'pv-capacity-invalid',
  category: 'api-server',
  severity: 'error',
  title:
    "A PersistentVolume's capacity has a key other than storage, or a quantity that is not positive.",
  example: 'capacity:\n  storage: 0',
};

export const pvCapacityRequired: Rule = {
  codes: [PV_CAPACITY_REQUIRED, PV_CAPACITY_INVALID],
  kinds: ['/PersistentVolume'],
  check(context) {
    const { manifest } = context;
    const path = ['spec', 'capacity'];
    const capacity = getAt(manifest.body, path);
    if (
      capacity === undefined ||
      capacity === null ||
      (isJsonObject(capacity) && Object.keys(capacity).length === 0)
    ) {
      context.report({
        code: PV_CAPACITY_REQUIRED,
        path: nearestPath(manifest, path),
        message: `${formatPath(path)}: Required value: a PersistentVolume needs capacity.storage (e.g. storage: 10Gi)`,
      });
      return;
    }
    if (!isJsonObject(capacity)) return; // wrong type: the schema reports it
    const storage = capacity.storage;
    const hasStorage = storage !== undefined && storage !== null;
    if (!hasStorage) {
      context.report({
        code: PV_CAPACITY_REQUIRED,
        path,
        message: `${formatPath(path)}: Unsupported value: no "storage" key (found ${Object.keys(
          capacity,
        )
          .map((k) => JSON.stringify(k))
          .join(', ')}); supported values: "storage"`,
      });
    }
    for (const [key, value] of Object.entries(capacity)) {
      const keyPath = [...path, key];
      // Without storage, the other keys are most likely a misnamed storage: one finding.
      if (key !== 'storage' && hasStorage) {
        context.report({
          code: PV_CAPACITY_INVALID,
          path: keyPath,
          message: `${formatPath(path)}: Unsupported value: ${JSON.stringify(key)}: supported values: "storage"; a PersistentVolume's capacity holds only storage`,
        });
      }
      const quantity = parseQuantity(value);
      if (quantity && quantity.value <= 0) {
        context.report({
          code: PV_CAPACITY_INVALID,
          path: keyPath,
          target: 'value',
          message: `${formatPath(path)}[${key}]: Invalid value: ${JSON.stringify(quantity.text)}: must be greater than zero`,
        });
      }
    }
  },
};
