import type { SchemaRegistry } from '../schema/schema-registry';

/** One kind the schema serves, under one apiVersion. */
export interface KindEntry {
  apiVersion: string;
  kind: string;
  /** The bundle's definition name (`io.k8s.api.core.v1.Service`). */
  definition: string;
}

/** The registry's kinds arranged for look-up in both directions, built once per registry. */
export interface KindIndex {
  /** Every served kind, by kind name, and for one kind the preferred apiVersion first. */
  entries: readonly KindEntry[];
  /** apiVersion → its kinds, by name. */
  byApiVersion: ReadonlyMap<string, readonly KindEntry[]>;
  /** kind → its apiVersions, preferred first (GA before beta before alpha, newer first). */
  byKind: ReadonlyMap<string, readonly KindEntry[]>;
  /** Every served apiVersion: by group (core first), preferred version first. */
  apiVersions: readonly string[];
}

/** How much Kubernetes prefers a version: GA over beta over alpha, then newer first. */
function versionRank(version: string): [number, number, number] {
  const match = /^v(\d+)(?:(alpha|beta)(\d+))?$/.exec(version);
  if (!match) return [0, 0, 0];
  const stability = match[2] === undefined ? 3 : match[2] === 'beta' ? 2 : 1;
  return [stability, Number(match[1]), Number(match[3] ?? 0)];
}

/** Orders two versions (`v1`, `v2beta1`): negative when `a` is the preferred one. */
export function compareVersions(a: string, b: string): number {
  const ra = versionRank(a);
  const rb = versionRank(b);
  for (let i = 0; i < 3; i++) {
    const diff = (rb[i] ?? 0) - (ra[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

function splitApiVersion(apiVersion: string): [string, string] {
  const slash = apiVersion.lastIndexOf('/');
  return slash === -1
    ? ['', apiVersion]
    : [apiVersion.slice(0, slash), apiVersion.slice(slash + 1)];
}

/** Orders apiVersions: by group (core first), then preferred version first. */
export function compareApiVersions(a: string, b: string): number {
  const [groupA, versionA] = splitApiVersion(a);
  const [groupB, versionB] = splitApiVersion(b);
  if (groupA !== groupB) return groupA < groupB ? -1 : 1;
  return compareVersions(versionA, versionB);
}

function buildIndex(registry: SchemaRegistry): KindIndex {
  const entries: KindEntry[] = [];
  for (const key of registry.catalog.allKinds()) {
    const slash = key.lastIndexOf('/');
    const definition = registry.bundle.kinds[key];
    if (slash === -1 || definition === undefined) continue;
    entries.push({ apiVersion: key.slice(0, slash), kind: key.slice(slash + 1), definition });
  }
  entries.sort((a, b) =>
    a.kind !== b.kind
      ? a.kind < b.kind
        ? -1
        : 1
      : compareVersions(splitApiVersion(a.apiVersion)[1], splitApiVersion(b.apiVersion)[1]) ||
        compareApiVersions(a.apiVersion, b.apiVersion),
  );
  const byApiVersion = new Map<string, KindEntry[]>();
  const byKind = new Map<string, KindEntry[]>();
  const add = (map: Map<string, KindEntry[]>, key: string, entry: KindEntry): void => {
    const list = map.get(key);
    if (list) list.push(entry);
    else map.set(key, [entry]);
  };
  for (const entry of entries) {
    add(byApiVersion, entry.apiVersion, entry);
    add(byKind, entry.kind, entry);
  }
  const apiVersions = [...byApiVersion.keys()].sort(compareApiVersions);
  return { entries, byApiVersion, byKind, apiVersions };
}

const cache = new WeakMap<SchemaRegistry, KindIndex>();

/** The kind index of a registry, computed on first use and kept as long as the registry lives. */
export function kindIndex(registry: SchemaRegistry): KindIndex {
  let index = cache.get(registry);
  if (!index) {
    index = buildIndex(registry);
    cache.set(registry, index);
  }
  return index;
}

/**
 * The definition that describes an object with this apiVersion and kind:
 * the served one; for a removed apiVersion, its replacement's (the fields
 * are what the user will need); with no apiVersion yet, the preferred
 * version's. Undefined for unknown and custom kinds.
 */
export function definitionFor(
  registry: SchemaRegistry,
  apiVersion: string | undefined,
  kind: string | undefined,
): string | undefined {
  if (!kind) return undefined;
  if (apiVersion === undefined || apiVersion === '') {
    return kindIndex(registry).byKind.get(kind)?.[0]?.definition;
  }
  const lookup = registry.catalog.lookup(apiVersion, kind);
  if (lookup.status === 'known') return lookup.definition;
  if (lookup.status === 'removed' && lookup.replacementKnown && lookup.removed.replacement) {
    return registry.bundle.kinds[`${lookup.removed.replacement}/${kind}`];
  }
  return undefined;
}
