/**
 * The API server treats `field: null` as an absent field (`creationTimestamp:
 * null`, `data: null` from `kubectl create --dry-run -o yaml`), so nulls of
 * object properties are dropped before validation; a required field that is
 * null is then reported as missing. A value without nulls is returned as it
 * is (nothing is copied): validation does not change it.
 */
export function stripNulls(value: unknown): unknown {
  return hasNullProperty(value) ? copyWithoutNulls(value) : value;
}

function hasNullProperty(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasNullProperty);
  if (typeof value === 'object' && value !== null) {
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      const child = (value as Record<string, unknown>)[key];
      if (child === null || hasNullProperty(child)) return true;
    }
  }
  return false;
}

function copyWithoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyWithoutNulls);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      if (child !== null) out[key] = copyWithoutNulls(child);
    }
    return out;
  }
  return value;
}
