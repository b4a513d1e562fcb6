import { appendTo } from '../model/append-to';
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

const NO_PODS: readonly SimPod[] = [];

/**
 * The pods by namespace and by label, built once per simulation, so that
 * selecting the pods of every Service is not services × pods. Every list
 * keeps the pods' order, so what a lookup returns is what filtering all
 * pods in order would return.
 */
export class PodIndex {
  private readonly byNamespace = new Map<string, SimPod[]>();
  /** `key=value` → the pods with that label, in every namespace. */
  private readonly byLabel = new Map<string, SimPod[]>();

  constructor(readonly pods: readonly SimPod[]) {
    for (const pod of pods) {
      appendTo(this.byNamespace, pod.namespace, pod);
      for (const key of Object.keys(pod.labels)) {
        const value = pod.labels[key];
        if (typeof value === 'string') appendTo(this.byLabel, labelKey(key, value), pod);
      }
    }
  }

  /** The pods of a namespace, in order. */
  inNamespace(namespace: string): readonly SimPod[] {
    return this.byNamespace.get(namespace) ?? NO_PODS;
  }

  /**
   * The pods (of every namespace, in order) that have every pair: a superset
   * of the pods the selector matches, read from its rarest label.
   */
  candidates(selector: readonly SelectorPair[]): readonly SimPod[] {
    if (selector.length === 0) return this.pods;
    let best: readonly SimPod[] | undefined;
    for (const pair of selector) {
      const list = this.byLabel.get(labelKey(pair.key, pair.value)) ?? NO_PODS;
      if (!best || list.length < best.length) best = list;
    }
    return best ?? NO_PODS;
  }

  /** True when some pod of the namespace has the label `key: value`. */
  namespaceHasLabel(namespace: string, key: string, value: string): boolean {
    const list = this.byLabel.get(labelKey(key, value));
    return list !== undefined && list.some((pod) => pod.namespace === namespace);
  }
}

function labelKey(key: string, value: string): string {
  return `${key}\u0000${value}`;
}

/** The pods of the Service's namespace that its selector matches, whatever their phase. */
export function selectedPods(view: ServiceView, pods: readonly SimPod[] | PodIndex): SimPod[] {
  const selector = view.selector;
  if (!selector) return [];
  const candidates = pods instanceof PodIndex ? pods.candidates(selector) : pods;
  return candidates.filter(
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
