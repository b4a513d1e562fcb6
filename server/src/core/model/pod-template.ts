import type { JsonPath } from './json';
import type { Manifest } from './manifest';

/** Where each workload kind keeps its pod spec (`group/Kind` → path). */
const POD_SPEC_PATHS: Record<string, JsonPath> = {
  '/Pod': ['spec'],
  '/PodTemplate': ['template', 'spec'],
  '/ReplicationController': ['spec', 'template', 'spec'],
  'apps/Deployment': ['spec', 'template', 'spec'],
  'apps/ReplicaSet': ['spec', 'template', 'spec'],
  'apps/StatefulSet': ['spec', 'template', 'spec'],
  'apps/DaemonSet': ['spec', 'template', 'spec'],
  'batch/Job': ['spec', 'template', 'spec'],
  'batch/CronJob': ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

/** Kinds that carry a pod spec, as `group/Kind`. */
export const POD_SPEC_KINDS: readonly string[] = Object.keys(POD_SPEC_PATHS);

/** The path of the manifest's pod spec (`spec.template.spec` …), or undefined for other kinds. */
export function podSpecPath(manifest: Manifest): JsonPath | undefined {
  return POD_SPEC_PATHS[manifest.groupKind];
}

/** The path of the pod metadata (labels) for the manifest's pods: `spec.template.metadata` or `metadata` for a Pod. */
export function podMetadataPath(manifest: Manifest): JsonPath | undefined {
  const spec = podSpecPath(manifest);
  if (!spec) return undefined;
  return spec.length === 1 ? ['metadata'] : [...spec.slice(0, -1), 'metadata'];
}
