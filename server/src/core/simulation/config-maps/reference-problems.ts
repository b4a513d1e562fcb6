/**
 * What goes wrong when the kubelet follows one reference, in its words:
 * - a missing object: the watch-based managers' NotFound, `configmap "x" not
 *   found` / `secret "x" not found` (pkg/kubelet/configmap, pkg/kubelet/secret);
 * - a missing env key: `couldn't find key K in ConfigMap ns/x` / `… in Secret
 *   ns/x` (pkg/kubelet/kubelet_pods.go makeEnvironmentVariables);
 * - a missing volume item key: `configmap references non-existent config key:
 *   K` (pkg/volume/configmap MakePayload) / `references non-existent secret
 *   key: K` (pkg/volume/secret MakePayload).
 * An `optional: true` reference never fails: a missing object or key is skipped.
 */
import type { CodeInfo } from '../../diagnostics/code-info';
import type { JsonPath } from '../../model/json';
import {
  CONFIGMAP_KEY_NOT_FOUND,
  CONFIGMAP_NOT_FOUND,
  SECRET_KEY_NOT_FOUND,
  SECRET_NOT_FOUND,
} from './config-codes';
import type { ConfigReference } from './config-references';
import { findSource, type ConfigKind, type ConfigSource } from './config-sources';
import { appendTo } from '../model/append-to';
import { listNames, listNearest } from '../model/list-names';

/** One failing reference. */
export interface ReferenceProblem {
  code: CodeInfo;
  /** The value at fault (the name or the key), relative to the pod spec. */
  path: JsonPath;
  /** The kubelet's error. */
  kubeletError: string;
  /** What is wrong and what exists, for a finding. */
  explanation: string;
}

/** The kubelet's NotFound message for a ConfigMap or Secret. */
export function notFoundMessage(kind: ConfigKind, name: string): string {
  return `${kind === 'ConfigMap' ? 'configmap' : 'secret'} "${name}" not found`;
}

function describeKeys(source: ConfigSource): string {
  return source.keys.length > 0 ? `it has: ${listNames(source.keys, 10)}` : 'it has no keys';
}

interface NamesIndex {
  size: number;
  /** `kind/namespace` → the names of the sources there, in the map's order. */
  byNamespace: Map<string, string[]>;
}

const namesIndexes = new WeakMap<ReadonlyMap<string, ConfigSource>, NamesIndex>();

/** The names of the sources of a kind in a namespace, in the map's order (indexed once per map). */
function sourceNames(
  sources: ReadonlyMap<string, ConfigSource>,
  kind: ConfigKind,
  namespace: string,
): readonly string[] {
  let index = namesIndexes.get(sources);
  if (!index || index.size !== sources.size) {
    const byNamespace = new Map<string, string[]>();
    for (const source of sources.values()) {
      appendTo(byNamespace, `${source.kind}/${source.namespace}`, source.name);
    }
    index = { size: sources.size, byNamespace };
    namesIndexes.set(sources, index);
  }
  return index.byNamespace.get(`${kind}/${namespace}`) ?? [];
}

function missingObject(
  ref: ConfigReference,
  namespace: string,
  sources: ReadonlyMap<string, ConfigSource>,
): ReferenceProblem {
  // What exists instead is only worked out for a finding: the kubelet's
  // verdict on each pod reads the kubelet's error alone.
  let explanation: string | undefined;
  return {
    code: ref.kind === 'ConfigMap' ? CONFIGMAP_NOT_FOUND : SECRET_NOT_FOUND,
    path: ref.namePath,
    kubeletError: notFoundMessage(ref.kind, ref.name),
    get explanation(): string {
      if (explanation === undefined) {
        const others = sourceNames(sources, ref.kind, namespace);
        const exists =
          others.length > 0
            ? `${ref.kind}s there: ${listNearest(ref.name, others)}`
            : `no ${ref.kind} is defined there`;
        explanation = `${ref.kind} "${ref.name}" does not exist in namespace ${namespace} (${exists})`;
      }
      return explanation;
    },
  };
}

function missingKey(
  ref: ConfigReference,
  source: ConfigSource,
  key: string,
  path: JsonPath,
  kubeletError: string,
): ReferenceProblem {
  const binaryOnly = ref.via === 'env' && source.keys.includes(key);
  return {
    code: ref.kind === 'ConfigMap' ? CONFIGMAP_KEY_NOT_FOUND : SECRET_KEY_NOT_FOUND,
    path,
    kubeletError,
    explanation: binaryOnly
      ? `${ref.kind} ${source.namespace}/${source.name} has "${key}" only in binaryData, which configMapKeyRef cannot read`
      : `${ref.kind} ${source.namespace}/${source.name} has no key "${key}"; ${describeKeys(source)}`,
  };
}

/** The problems of one reference in a pod of `namespace` (none when it is optional). */
export function referenceProblems(
  ref: ConfigReference,
  namespace: string,
  sources: ReadonlyMap<string, ConfigSource>,
): ReferenceProblem[] {
  if (ref.optional) return [];
  const source = findSource(sources, ref.kind, namespace, ref.name);
  if (!source) return [missingObject(ref, namespace, sources)];
  if (ref.via === 'env' && ref.key !== undefined && ref.keyPath && !source.envKeys.has(ref.key)) {
    return [
      missingKey(
        ref,
        source,
        ref.key,
        ref.keyPath,
        `couldn't find key ${ref.key} in ${ref.kind} ${namespace}/${ref.name}`,
      ),
    ];
  }
  const problems: ReferenceProblem[] = [];
  for (const item of ref.items ?? []) {
    if (source.keys.includes(item.key)) continue;
    const kubeletError =
      ref.kind === 'ConfigMap'
        ? `configmap references non-existent config key: ${item.key}`
        : `references non-existent secret key: ${item.key}`;
    problems.push(missingKey(ref, source, item.key, item.keyPath, kubeletError));
  }
  return problems;
}
