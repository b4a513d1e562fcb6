import { appendTo } from '../model/append-to';
import type { ConfigObjectReport } from '../report';
import type { SimPod } from '../model/sim-pod';
import { compareText } from '../storage/document-order';

/**
 * The PodReport's `configMaps`: the ConfigMaps the pod reads, by name, and
 * whether each exists. Pass the `configMaps` of resolveConfigUse's result.
 */
export function podConfigMaps(
  configMaps: readonly ConfigObjectReport[],
  pod: Pick<SimPod, 'name' | 'namespace'>,
): { name: string; found: boolean }[] {
  return configMaps
    .filter(
      (entry) =>
        entry.namespace === pod.namespace && entry.usedBy.some((use) => use.pod === pod.name),
    )
    .map((entry) => ({ name: entry.name, found: entry.defined }))
    .sort((a, b) => compareText(a.name, b.name));
}

/**
 * `podConfigMaps` for every pod at once: the ConfigMaps are indexed by the
 * pods that use them, so each pod's list is not a search of them all.
 */
export function podConfigMapIndex(
  configMaps: readonly ConfigObjectReport[],
): (pod: Pick<SimPod, 'name' | 'namespace'>) => { name: string; found: boolean }[] {
  const byPod = new Map<string, ConfigObjectReport[]>();
  for (const entry of configMaps) {
    const seen = new Set<string>();
    for (const use of entry.usedBy) {
      if (seen.has(use.pod)) continue;
      seen.add(use.pod);
      appendTo(byPod, `${entry.namespace}\u0000${use.pod}`, entry);
    }
  }
  return (pod) =>
    (byPod.get(`${pod.namespace}\u0000${pod.name}`) ?? [])
      .map((entry) => ({ name: entry.name, found: entry.defined }))
      .sort((a, b) => compareText(a.name, b.name));
}
