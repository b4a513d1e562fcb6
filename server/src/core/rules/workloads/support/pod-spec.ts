/**
 * Where a workload keeps its pod spec. The API server runs ValidatePodSpec (pkg/apis/core/validation)
 * on Pods and on every pod template; a StatefulSet's template is validated
 * on create since Kubernetes 1.34 (kubernetes/kubernetes#131790), with one
 * persistentVolumeClaim volume per volumeClaimTemplate added first
 * (pkg/apis/apps/validation volumesToAddForTemplates), so its containers may
 * mount the claim templates by name.
 */
import { getAt, isJsonObject, type JsonObject, type JsonPath } from '../../../model/json';
import type { Manifest } from '../../../model/manifest';
import { POD_SPEC_KINDS, podSpecPath } from '../../../model/pod-template';

/** Every kind that carries a pod spec, as `group/Kind`. */
export const POD_KINDS: readonly string[] = POD_SPEC_KINDS;

/** A pod spec found in a manifest. */
export interface PodSpecTarget {
  /** Path of the pod spec in the manifest body. */
  path: JsonPath;
  spec: JsonObject;
  /** `group/Kind` of the manifest. */
  kind: string;
  /** True for a Pod (not a template): a few checks apply only to Pods. */
  isPod: boolean;
  /** Names a volume mount may use besides `volumes` (a StatefulSet's volumeClaimTemplates). */
  extraVolumeNames: readonly string[];
}

/** The manifest's pod spec, when it has one and it is an object. */
export function podSpecTarget(manifest: Manifest): PodSpecTarget | undefined {
  const path = podSpecPath(manifest);
  if (!path) return undefined;
  const spec = getAt(manifest.body, path);
  if (!isJsonObject(spec)) return undefined;
  const kind = manifest.groupKind;
  const statefulSet = kind === 'apps/StatefulSet';
  const extraVolumeNames: string[] = [];
  if (statefulSet) {
    const templates = getAt(manifest.body, ['spec', 'volumeClaimTemplates']);
    if (Array.isArray(templates)) {
      for (const template of templates) {
        const name = getAt(template, ['metadata', 'name']);
        if (typeof name === 'string') extraVolumeNames.push(name);
      }
    }
  }
  return {
    path,
    spec,
    kind,
    isPod: kind === '/Pod',
    extraVolumeNames,
  };
}

/** The three container lists of a pod spec. */
export type ContainerList = 'containers' | 'initContainers' | 'ephemeralContainers';

export const CONTAINER_LISTS: readonly ContainerList[] = [
  'containers',
  'initContainers',
  'ephemeralContainers',
];

/** One container of a pod spec, with its path. */
export interface ContainerEntry {
  container: JsonObject;
  path: JsonPath;
  list: ContainerList;
  index: number;
}

/** The containers of the given lists (default: all three), in document order per list. */
export function containersOf(
  target: PodSpecTarget,
  lists: readonly ContainerList[] = CONTAINER_LISTS,
): ContainerEntry[] {
  const entries: ContainerEntry[] = [];
  for (const list of lists) {
    const items = target.spec[list];
    if (!Array.isArray(items)) continue;
    items.forEach((container, index) => {
      if (isJsonObject(container)) {
        entries.push({ container, path: [...target.path, list, index], list, index });
      }
    });
  }
  return entries;
}

/** The items of an array field that are objects, with their paths. */
export function objectItems(
  parent: JsonObject,
  parentPath: JsonPath,
  key: string,
): { item: JsonObject; path: JsonPath; index: number }[] {
  const items = parent[key];
  if (!Array.isArray(items)) return [];
  const result: { item: JsonObject; path: JsonPath; index: number }[] = [];
  items.forEach((item, index) => {
    if (isJsonObject(item)) result.push({ item, path: [...parentPath, key, index], index });
  });
  return result;
}

/** The value of an object field, when it is an object. */
export function objectAt(parent: unknown, key: string): JsonObject | undefined {
  const value = isJsonObject(parent) ? parent[key] : undefined;
  return isJsonObject(value) ? value : undefined;
}

/** The value of a string field, or undefined. */
export function stringAt(parent: unknown, key: string): string | undefined {
  const value = isJsonObject(parent) ? parent[key] : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** The value of an integer field, or undefined (a wrong type is the schema's finding). */
export function integerAt(parent: unknown, key: string): number | undefined {
  const value = isJsonObject(parent) ? parent[key] : undefined;
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

/** True when a field is present and not null. */
export function isSet(parent: unknown, key: string): boolean {
  if (!isJsonObject(parent)) return false;
  const value = parent[key];
  return value !== undefined && value !== null;
}
