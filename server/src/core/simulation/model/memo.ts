/**
 * Remembers what a function computes from a piece of a manifest's parsed data
 * (a pod spec, a template), by that object's identity. A manifest's data is
 * never changed once parsed, and the server keeps the manifests of unchanged
 * documents across edits: a simulation computes these once per template
 * instead of once per pod (and node), and a re-simulation after an edit only
 * for the documents it touched. Entries go when their object is collected.
 *
 * The results are shared: callers read them and never change them.
 */
export function memoByObject<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, { value: V }>();
  return (key) => {
    const known = cache.get(key);
    if (known) return known.value;
    const value = compute(key);
    cache.set(key, { value });
    return value;
  };
}

/** `memoByObject` for a function of any value: objects are remembered, other values computed each time. */
export function memoByValue<V>(compute: (value: unknown) => V): (value: unknown) => V {
  const remembered = memoByObject<object, V>(compute);
  return (value) =>
    typeof value === 'object' && value !== null ? remembered(value) : compute(value);
}
