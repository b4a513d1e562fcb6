/**
 * The API server treats `field: null` as an absent field (`creationTimestamp:
 * null`, `data: null` from `kubectl create --dry-run -o yaml`), so nulls of
 * object properties are dropped before validation; a required field that is
 * null is then reported as missing.
 */
export function stripNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripNulls);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      if (child !== null) out[key] = stripNulls(child);
    }
    return out;
  }
  return value;
}
