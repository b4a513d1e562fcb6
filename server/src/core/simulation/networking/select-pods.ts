import type { SimPod } from '../model/sim-pod';
import type { SelectorPair, ServiceView } from './service-view';

/** A Service selector matches a pod when the pod has every `key: value` pair (labels.SelectorFromSet). */
export function selectorMatches(
  selector: readonly SelectorPair[],
  labels: Record<string, string>,
): boolean {
  return selector.every(
    (pair) => Object.hasOwn(labels, pair.key) && labels[pair.key] === pair.value,
  );
}

/** The pods of the Service's namespace that its selector matches, whatever their phase. */
export function selectedPods(view: ServiceView, pods: readonly SimPod[]): SimPod[] {
  const selector = view.selector;
  if (!selector) return [];
  return pods.filter(
    (pod) => pod.namespace === view.namespace && selectorMatches(selector, pod.labels),
  );
}

/**
 * A pod the EndpointSlice controller lists: it runs and has an IP
 * (endpointslice util ShouldPodBeInEndpoints leaves out pods without an IP).
 */
export function isServing(pod: SimPod): pod is SimPod & { ip: string } {
  return pod.phase === 'Running' && pod.ip !== null;
}
