/** Quantities as a person writes them: `500m`, `2` CPUs; `64Mi`, `1Gi` of memory. */

/** Millicores as `2` or `250m`. */
export function formatCpu(milliCpu: number): string {
  return milliCpu % 1000 === 0 ? String(milliCpu / 1000) : `${milliCpu}m`;
}

/** Bytes in the largest binary unit that divides them (`1Gi`, `200Mi`), else bytes. */
export function formatMemory(bytes: number): string {
  const units: [string, number][] = [
    ['Ti', 2 ** 40],
    ['Gi', 2 ** 30],
    ['Mi', 2 ** 20],
    ['Ki', 2 ** 10],
  ];
  for (const [suffix, size] of units) {
    if (bytes >= size && bytes % size === 0) return `${bytes / size}${suffix}`;
  }
  return String(bytes);
}
