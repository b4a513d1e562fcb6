/**
 * Test helpers for the storage and ConfigMap simulation tests: manifests from
 * YAML text as SimObjects, and SimPods made directly from a pod template (the
 * pods engineer's expansion is not needed to test binding or config use).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkText } from '../../../../server/src/core/check/check-text';
import { getAt, isJsonObject, type JsonObject } from '../../../../server/src/core/model/json';
import { podMetadataPath, podSpecPath } from '../../../../server/src/core/model/pod-template';
import type { SimObject } from '../../../../server/src/core/simulation/model/sim-object';
import type { SimPod } from '../../../../server/src/core/simulation/model/sim-pod';
import type { WorkloadKind } from '../../../../server/src/core/simulation/report';
import { coreContext, REPO_ROOT } from '../../../support/core-context';

/** The manifests of a YAML text as SimObjects of one file. */
export function simObjects(text: string, uri = 'file:///test/x.yaml'): SimObject[] {
  return checkText(text, coreContext()).manifests.map(({ manifest, lineOffset }) => ({
    manifest,
    uri,
    lineOffset,
  }));
}

/** The manifests of every YAML file of an examples/ folder. */
export function exampleObjects(folder: string): SimObject[] {
  const directory = join(REPO_ROOT, 'examples', folder);
  return readdirSync(directory)
    .filter((file) => file.endsWith('.yaml'))
    .sort()
    .flatMap((file) =>
      simObjects(readFileSync(join(directory, file), 'utf8'), `file:///examples/${folder}/${file}`),
    );
}

/** The object of that kind and name. */
export function objectNamed(objects: SimObject[], kind: string, name: string): SimObject {
  const found = objects.find(
    (object) => object.manifest.kind === kind && object.manifest.name === name,
  );
  if (!found) throw new Error(`no ${kind} ${name}`);
  return found;
}

export interface PodOptions {
  name?: string;
  ordinal?: number;
  node?: string | null;
}

/**
 * A SimPod made from an object's pod template, as the workload expansion
 * would make it: StatefulSet pods get `<sts>-<ordinal>` and their template
 * claims, others list their `persistentVolumeClaim` volumes.
 */
export function makePod(from: SimObject, options: PodOptions = {}): SimPod {
  const specPath = podSpecPath(from.manifest);
  if (!specPath) throw new Error(`${from.manifest.kind} has no pod template`);
  const rawSpec = getAt(from.manifest.body, specPath);
  const spec: JsonObject = isJsonObject(rawSpec) ? rawSpec : {};
  const labelsValue = getAt(from.manifest.body, [
    ...(podMetadataPath(from.manifest) ?? []),
    'labels',
  ]);
  const labels: Record<string, string> = {};
  if (isJsonObject(labelsValue)) {
    for (const [key, value] of Object.entries(labelsValue)) {
      if (typeof value === 'string') labels[key] = value;
    }
  }
  const kind = from.manifest.kind as WorkloadKind;
  const owner = from.manifest.name ?? '';
  const statefulSet = kind === 'StatefulSet';
  const ordinal = statefulSet ? (options.ordinal ?? 0) : undefined;
  const name =
    options.name ??
    (statefulSet ? `${owner}-${ordinal ?? 0}` : kind === 'Pod' ? owner : `${owner}-abcde`);
  const claims: SimPod['claims'] = [];
  if (statefulSet) {
    const templates = getAt(from.manifest.body, ['spec', 'volumeClaimTemplates']);
    if (Array.isArray(templates)) {
      for (const template of templates) {
        const templateName = getAt(template, ['metadata', 'name']);
        if (typeof templateName === 'string') {
          claims.push({ volume: templateName, claim: `${templateName}-${owner}-${ordinal ?? 0}` });
        }
      }
    }
  }
  const volumes = spec.volumes;
  if (Array.isArray(volumes)) {
    for (const volume of volumes) {
      const claimName = getAt(volume, ['persistentVolumeClaim', 'claimName']);
      const volumeName = getAt(volume, ['name']);
      if (typeof claimName === 'string' && typeof volumeName === 'string') {
        claims.push({ volume: volumeName, claim: claimName });
      }
    }
  }
  const pod: SimPod = {
    name,
    namespace: from.manifest.namespace ?? 'default',
    owner: { kind, name: owner },
    labels,
    spec,
    from,
    specPath,
    claims,
    node: options.node === undefined ? 'worker-1' : options.node,
    ip: null,
    phase: 'Running',
  };
  if (ordinal !== undefined) {
    pod.ordinal = ordinal;
    pod.hostname = name;
  }
  return pod;
}
