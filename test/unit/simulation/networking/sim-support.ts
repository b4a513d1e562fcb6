/**
 * Helpers for the networking and ingress simulation tests: SimObjects from
 * YAML text or example files, and SimPods built directly (the workload
 * simulator that makes real ones is tested on its own).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkText } from '../../../../server/src/core/check/check-text';
import { isJsonObject } from '../../../../server/src/core/model/json';
import { podMetadataPath, podSpecPath } from '../../../../server/src/core/model/pod-template';
import { getAt } from '../../../../server/src/core/model/json';
import { defaultCluster } from '../../../../server/src/core/simulation/cluster/default-cluster';
import type { SimObject } from '../../../../server/src/core/simulation/model/sim-object';
import type { SimPod } from '../../../../server/src/core/simulation/model/sim-pod';
import type { Cluster, WorkloadKind } from '../../../../server/src/core/simulation/report';
import { coreContext, REPO_ROOT } from '../../../support/core-context';

/** The manifests of a YAML text as SimObjects of `uri`. */
export function objectsFrom(text: string, uri = 'file:///test/manifests.yaml'): SimObject[] {
  return checkText(text, coreContext()).manifests.map(({ manifest, lineOffset }) => ({
    manifest,
    uri,
    lineOffset,
  }));
}

/** The manifests of a file under examples/ (`seed/np-svc.yaml`). */
export function exampleObjects(...files: string[]): SimObject[] {
  return files.flatMap((file) => {
    const path = join(REPO_ROOT, 'examples', file);
    return objectsFrom(readFileSync(path, 'utf8'), `file://${path}`);
  });
}

/** The default cluster of the contract (control-plane, worker-1, worker-2). */
export function cluster(overrides: Partial<Cluster> = {}): Cluster {
  return { ...defaultCluster(), ...overrides };
}

/** Finds an object by kind and name. */
export function objectNamed(objects: readonly SimObject[], kind: string, name: string): SimObject {
  const found = objects.find((o) => o.manifest.kind === kind && o.manifest.name === name);
  if (!found) throw new Error(`no ${kind} ${name}`);
  return found;
}

/** A pod of the workload `from` (its template's labels and spec), Running on worker-1 unless told. */
export function simPod(
  from: SimObject,
  name: string,
  overrides: Partial<Omit<SimPod, 'name' | 'from'>> = {},
): SimPod {
  const specPath = podSpecPath(from.manifest) ?? ['spec'];
  const metadataPath = podMetadataPath(from.manifest) ?? ['metadata'];
  const spec = getAt(from.manifest.body, specPath);
  const labels = getAt(from.manifest.body, [...metadataPath, 'labels']);
  const labelMap: Record<string, string> = {};
  if (isJsonObject(labels)) {
    for (const [key, value] of Object.entries(labels))
      if (typeof value === 'string') labelMap[key] = value;
  }
  return {
    name,
    namespace: from.manifest.namespace ?? 'default',
    owner: { kind: from.manifest.kind as WorkloadKind, name: from.manifest.name ?? '' },
    labels: labelMap,
    spec: isJsonObject(spec) ? spec : {},
    from,
    specPath,
    claims: [],
    node: 'worker-1',
    ip: '10.244.1.2',
    phase: 'Running',
    ...overrides,
  };
}
