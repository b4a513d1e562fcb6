import type { SimObject } from '../model/sim-object';
import type { SimPod } from '../model/sim-pod';
import { collectConfigSources, type ConfigSource } from './config-sources';
import { kubeletConfigFailure } from './kubelet-config-failure';

/**
 * Where the kubelet stops a pod because of its ConfigMaps and Secrets, as
 * `SimPod['blocked']` (its `reason` is also the pod's reason): the kubelet
 * step for a volume that cannot be mounted (`ContainerCreating: MountVolume.SetUp
 * failed for volume "config" : configmap "app-config" not found`), the
 * cri-runtime CreateContainer of the failing container otherwise
 * (`CreateContainerConfigError: couldn't find key DB_HOST in ConfigMap
 * default/app-config`). Undefined when the pod can start.
 */
export function configBlockerFor(
  pod: Pick<SimPod, 'spec' | 'namespace'>,
  sources: ReadonlyMap<string, ConfigSource>,
): SimPod['blocked'] | undefined {
  const failure = kubeletConfigFailure(pod.spec, pod.namespace, sources);
  if (!failure) return undefined;
  const reason = `${failure.status}: ${failure.message}`;
  if (failure.step === 'kubelet') return { step: 'kubelet', reason };
  return failure.container === undefined
    ? { step: 'cri-runtime', reason }
    : { step: 'cri-runtime', reason, container: failure.container };
}

/**
 * `configBlockerFor` over one set of sources, worked out once per pod spec and
 * namespace (the pods of a workload share both): each pod gets its own copy.
 */
export function configBlocker(
  sources: ReadonlyMap<string, ConfigSource>,
): (pod: Pick<SimPod, 'spec' | 'namespace'>) => SimPod['blocked'] | undefined {
  const known = new Map<object, Map<string, SimPod['blocked'] | undefined>>();
  return (pod) => {
    let byNamespace = known.get(pod.spec);
    if (!byNamespace) {
      byNamespace = new Map();
      known.set(pod.spec, byNamespace);
    }
    let blocked: SimPod['blocked'] | undefined;
    if (byNamespace.has(pod.namespace)) blocked = byNamespace.get(pod.namespace);
    else {
      blocked = configBlockerFor(pod, sources);
      byNamespace.set(pod.namespace, blocked);
    }
    return blocked && { ...blocked };
  };
}

/**
 * The scheduler's `startBlocker` hook for a scope: call it for a pod bound to
 * a node, so a pod that cannot start stays Pending (and an OrderedReady
 * StatefulSet waits for it). Pass the scope's sources when they are at hand.
 */
export function configStartBlocker(
  objects: readonly SimObject[],
  sources: ReadonlyMap<string, ConfigSource> = collectConfigSources(objects),
): (pod: SimPod) => SimPod['blocked'] | undefined {
  return configBlocker(sources);
}
