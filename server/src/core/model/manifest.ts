import type { Range } from '../text/range';
import type { JsonObject, JsonPath } from './json';
import type { SourceMap } from './source-map';

/** Group, version and kind of a manifest (core group: group `''`). */
export interface GroupVersionKind {
  group: string;
  version: string;
  kind: string;
}

/**
 * One Kubernetes object read from a document (or from the `items` of a
 * `kind: List`). Ranges are relative to the document's chunk.
 */
export interface Manifest {
  apiVersion: string;
  kind: string;
  gvk: GroupVersionKind;
  /**
   * `group/Kind` (`apps/Deployment`, core group empty: `/Service`), made once:
   * the key of the rule, pod-spec and simulation tables, looked up by every rule.
   */
  groupKind: string;
  /** `metadata.name`, when it is a string. */
  name: string | undefined;
  /** `metadata.namespace`, when it is a string (no default applied here). */
  namespace: string | undefined;
  /** The object as plain data (nulls kept). */
  body: JsonObject;
  /** Where this object sits in its document: `[]`, or `['items', 3]` inside a List. */
  basePath: JsonPath;
  /** Source ranges for paths inside `body` (paths relative to `body`). */
  locate(path: JsonPath, target?: 'key' | 'value'): Range;
  /** True when the path exists in the source (false for keys that came from a merge key). */
  hasSource(path: JsonPath): boolean;
  /** The scalar's source text at a path (`yes`, `0644`), to explain YAML 1.1 conversions. */
  scalarSource(path: JsonPath): string | undefined;
  /** The whole document's range. */
  documentRange: Range;
}

/** Splits `apps/v1` into group and version; `v1` is the core group. */
export function parseApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.lastIndexOf('/');
  if (slash === -1) return { group: '', version: apiVersion };
  return { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

/** Creates the Manifest view of an object at `basePath` in a document. */
export function createManifest(
  body: JsonObject,
  basePath: JsonPath,
  sourceMap: SourceMap,
  documentRange: Range,
): Manifest {
  const apiVersion = typeof body.apiVersion === 'string' ? body.apiVersion : '';
  const kind = typeof body.kind === 'string' ? body.kind : '';
  const metadata = body.metadata;
  const meta =
    typeof metadata === 'object' && metadata !== null && !Array.isArray(metadata) ? metadata : {};
  const gvk = { ...parseApiVersion(apiVersion), kind };
  return {
    apiVersion,
    kind,
    gvk,
    groupKind: `${gvk.group}/${kind}`,
    name: typeof meta.name === 'string' ? meta.name : undefined,
    namespace: typeof meta.namespace === 'string' ? meta.namespace : undefined,
    body,
    basePath,
    locate: (path, target = 'key') => sourceMap.range([...basePath, ...path], target),
    hasSource: (path) => sourceMap.has([...basePath, ...path]),
    scalarSource: (path) => sourceMap.scalarSource([...basePath, ...path]),
    documentRange,
  };
}
