/**
 * Resource names as pkg/apis/core/helper (helpers.go) classifies them, and
 * the resource lists of a pod spec's containers.
 */
import { isJsonObject, type JsonObject, type JsonPath } from '../../../model/json';
import { parseQuantity } from '../../../quantity/parse-quantity';
import { checkQualifiedName } from '../../../validation/name-validators';
import { containersOf, type PodSpecTarget } from './pod-spec';

const STANDARD_RESOURCES = new Set([
  'cpu',
  'memory',
  'ephemeral-storage',
  'requests.cpu',
  'requests.memory',
  'requests.ephemeral-storage',
  'limits.cpu',
  'limits.memory',
  'limits.ephemeral-storage',
  'pods',
  'resourcequotas',
  'services',
  'replicationcontrollers',
  'secrets',
  'configmaps',
  'persistentvolumeclaims',
  'storage',
  'requests.storage',
  'services.nodeports',
  'services.loadbalancers',
]);

const STANDARD_CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);

/** IsHugePageResourceName: `hugepages-<size>`. */
export function isHugePages(name: string): boolean {
  return name.startsWith('hugepages-');
}

/** IsNativeResource: unprefixed, or in the kubernetes.io/ namespace. */
export function isNativeResource(name: string): boolean {
  return !name.includes('/') || name.includes('kubernetes.io/');
}

/** IsExtendedResourceName: prefixed outside kubernetes.io, and `requests.<name>` is a qualified name. */
export function isExtendedResource(name: string): boolean {
  if (isNativeResource(name) || name.startsWith('requests.')) return false;
  return checkQualifiedName(`requests.${name}`).length === 0;
}

/** IsOvercommitAllowed: native and not hugepages (so requests may be below limits). */
export function isOvercommitAllowed(name: string): boolean {
  return isNativeResource(name) && !isHugePages(name);
}

/** validateContainerResourceName: the problems with a container resource name. */
export function containerResourceNameProblems(name: string): string[] {
  const qualified = checkQualifiedName(name);
  if (qualified.length > 0) return qualified;
  if (!name.includes('/')) {
    const problems: string[] = [];
    const standard =
      STANDARD_RESOURCES.has(name) || isHugePages(name) || name.startsWith('requests.hugepages-');
    if (!standard) problems.push('must be a standard resource type or fully qualified');
    if (!STANDARD_CONTAINER_RESOURCES.has(name) && !isHugePages(name)) {
      problems.push('must be a standard resource for containers');
    }
    return problems;
  }
  if (!isNativeResource(name) && !isExtendedResource(name)) {
    return ["doesn't follow extended resource name standard"];
  }
  return [];
}

/** Quantity comparison with a tolerance for float rounding: -1, 0 or 1. */
export function compareQuantities(a: number, b: number): number {
  const scale = Math.max(Math.abs(a), Math.abs(b));
  if (Math.abs(a - b) <= scale * 1e-12) return 0;
  return a < b ? -1 : 1;
}

/** One resource entry of a container's limits or requests. */
export interface ResourceEntry {
  name: string;
  /** The quantity as written (string or number). */
  text: string;
  value: number;
  path: JsonPath;
}

/** The requirements (`resources`) of one container. */
export interface ContainerResources {
  containerPath: JsonPath;
  resourcesPath: JsonPath;
  resources: JsonObject;
  limits: ResourceEntry[];
  requests: ResourceEntry[];
}

function entries(
  resources: JsonObject,
  resourcesPath: JsonPath,
  key: 'limits' | 'requests',
): ResourceEntry[] {
  const list = resources[key];
  if (!isJsonObject(list)) return [];
  const result: ResourceEntry[] = [];
  for (const [name, raw] of Object.entries(list)) {
    // Unparsable quantities are the schema's finding.
    const quantity = parseQuantity(raw);
    if (!quantity) continue;
    result.push({
      name,
      text: quantity.text,
      value: quantity.value,
      path: [...resourcesPath, key, name],
    });
  }
  return result;
}

/** The resources of the regular and init containers (ephemeral containers may not set any). */
export function containerResources(target: PodSpecTarget): ContainerResources[] {
  const result: ContainerResources[] = [];
  for (const entry of containersOf(target, ['containers', 'initContainers'])) {
    const resources = entry.container.resources;
    if (!isJsonObject(resources)) continue;
    const resourcesPath = [...entry.path, 'resources'];
    result.push({
      containerPath: entry.path,
      resourcesPath,
      resources,
      limits: entries(resources, resourcesPath, 'limits'),
      requests: entries(resources, resourcesPath, 'requests'),
    });
  }
  return result;
}
