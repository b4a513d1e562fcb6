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
