import { parseQuantity } from '../../quantity/parse-quantity';
import type { StorageSize } from './claim-state';

/** A storage size from a `storage` quantity; `''` / 0 bytes when absent or invalid. */
export function readStorageSize(value: unknown): StorageSize {
  const quantity = parseQuantity(value);
  if (!quantity) return { text: typeof value === 'string' ? value : '', bytes: 0 };
  return { text: quantity.text, bytes: quantity.value };
}

/** The access modes of a PV or claim spec: known strings, deduplicated, in written order. */
export function readAccessModes(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const modes: string[] = [];
  for (const mode of value) {
    if (typeof mode === 'string' && !modes.includes(mode)) modes.push(mode);
  }
  return modes;
}

/**
 * A spec's volumeMode: `Filesystem` unless written otherwise. The API server
 * defaults it, and CheckVolumeModeMismatches
 * (k8s.io/component-helpers/storage/volume/pv_helpers.go) treats nil as Filesystem.
 */
export function readVolumeMode(value: unknown): string {
  return typeof value === 'string' && value !== '' ? value : 'Filesystem';
}
