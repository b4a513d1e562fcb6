/**
 * Where the kubelet stops a pod because of its ConfigMaps and Secrets:
 * - volumes are mounted before any container starts; a configMap, secret or
 *   projected volume that cannot be set up leaves the pod ContainerCreating
 *   (`Init:0/N` with init containers) with the FailedMount event
 *   `MountVolume.SetUp failed for volume "v" : <error>`
 *   (pkg/volume/util/operationexecutor/operation_generator.go; a projected
 *   volume joins its sources' errors as utilerrors.NewAggregate does: one
 *   error as it is, several as `[a, b]`);
 * - then, container by container (init containers first), the environment is
 *   built; a failure is CreateContainerConfigError
 *   (pkg/kubelet/kuberuntime/kuberuntime_container.go startContainer), shown
 *   by kubectl as `Init:CreateContainerConfigError` for an init container.
 */
import type { JsonObject } from '../../model/json';
import { configReferences, podContainers, type ConfigReference } from './config-references';
import type { ConfigSource } from './config-sources';
import { referenceProblems } from './reference-problems';

/** The first thing that stops the pod. */
export interface ConfigFailure {
  step: 'kubelet' | 'cri-runtime';
  /** The pod's status as kubectl shows it: ContainerCreating, CreateContainerConfigError … */
  status: string;
  /** The kubelet's message. */
  message: string;
  /** The container whose creation fails (cri-runtime failures). */
  container?: string;
}

/** The message of a mount failure for one volume. */
export function mountFailure(volume: string, error: string): string {
  return `MountVolume.SetUp failed for volume "${volume}" : ${error}`;
}

function volumeError(
  refs: ConfigReference[],
  namespace: string,
  sources: ReadonlyMap<string, ConfigSource>,
): string | undefined {
  const errors: string[] = [];
  for (const ref of refs) {
    // MakePayload stops at the first missing item of a source.
    const [problem] = referenceProblems(ref, namespace, sources);
    if (problem && !errors.includes(problem.kubeletError)) errors.push(problem.kubeletError);
  }
  if (errors.length === 0) return undefined;
  return errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`;
}

/** Why the kubelet cannot start the pod because of its configuration, or undefined. */
export function kubeletConfigFailure(
  spec: JsonObject,
  namespace: string,
  sources: ReadonlyMap<string, ConfigSource>,
): ConfigFailure | undefined {
  const refs = configReferences(spec);
  const containers = podContainers(spec);
  const initCount = containers.filter(({ ref }) => ref.init).length;
  const volumes: string[] = [];
  for (const ref of refs) {
    if (ref.volume !== undefined && !volumes.includes(ref.volume)) volumes.push(ref.volume);
  }
  for (const volume of volumes) {
    const error = volumeError(
      refs.filter((ref) => ref.volume === volume),
      namespace,
      sources,
    );
    if (error !== undefined) {
      return {
        step: 'kubelet',
        status: initCount > 0 ? `Init:0/${initCount}` : 'ContainerCreating',
        message: mountFailure(volume, error),
      };
    }
  }
  for (const { ref: container } of containers) {
    for (const ref of refs) {
      if (ref.container?.name !== container.name || ref.container.init !== container.init) continue;
      const [problem] = referenceProblems(ref, namespace, sources);
      if (!problem) continue;
      return {
        step: 'cri-runtime',
        status: container.init ? 'Init:CreateContainerConfigError' : 'CreateContainerConfigError',
        message: problem.kubeletError,
        container: container.name,
      };
    }
  }
  return undefined;
}
