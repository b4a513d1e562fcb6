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
 * The scheduler's `startBlocker` hook for a scope: call it for a pod bound to
 * a node, so a pod that cannot start stays Pending (and an OrderedReady
 * StatefulSet waits for it).
 */
export function configStartBlocker(
  objects: readonly SimObject[],
): (pod: SimPod) => SimPod['blocked'] | undefined {
  const sources = collectConfigSources(objects);
  return (pod) => configBlockerFor(pod, sources);
}
