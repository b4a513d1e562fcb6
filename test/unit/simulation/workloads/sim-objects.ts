/**
 * Test helpers for the simulation's workload, scheduling and lifecycle
 * stages: manifests from YAML text (or the examples folder) as SimObjects,
 * and the expand → schedule pipeline with no claim blockers by default.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkText } from '../../../../server/src/core/check/check-text';
import { defaultCluster } from '../../../../server/src/core/simulation/cluster/default-cluster';
import type { SimObject } from '../../../../server/src/core/simulation/model/sim-object';
import type { SimPod } from '../../../../server/src/core/simulation/model/sim-pod';
import type { Cluster } from '../../../../server/src/core/simulation/report';
import {
  schedulePods,
  type ScheduleResult,
  type SchedulingBlockers,
} from '../../../../server/src/core/simulation/scheduling/schedule-pods';
import { expandWorkloads } from '../../../../server/src/core/simulation/workloads/expand-workloads';
import { coreContext, REPO_ROOT } from '../../../support/core-context';

/** The manifests of a YAML text as SimObjects of `uri`. */
export function loadObjects(text: string, uri = 'file:///test/x.yaml'): SimObject[] {
  return checkText(text, coreContext()).manifests.map(({ manifest, lineOffset }) => ({
    manifest,
    uri,
    lineOffset,
  }));
}

/** The manifests of a file under examples/ (e.g. `seed/fluentd-daemonset.yaml`). */
export function loadExample(path: string): SimObject[] {
  const text = readFileSync(join(REPO_ROOT, 'examples', path), 'utf8');
  return loadObjects(text, `file:///examples/${path}`);
}

const NO_BLOCKERS: SchedulingBlockers = { claimBlocker: () => undefined };

/** Expands and schedules the objects on a cluster (the default one unless given). */
export function simulatePods(
  objects: SimObject[],
  cluster: Cluster = defaultCluster(),
  blockers: SchedulingBlockers = NO_BLOCKERS,
): ScheduleResult {
  const { workloads, pods } = expandWorkloads(objects);
  return schedulePods(workloads, pods, cluster, blockers);
}

/** `name → node` of the pods. */
export function placement(pods: readonly SimPod[]): Record<string, string | null> {
  return Object.fromEntries(pods.map((pod) => [pod.name, pod.node]));
}

/** A cluster of the given nodes (defaults: 4 CPU, 8Gi, 110 pods, kubelet labels, no taints). */
export function clusterOf(
  nodes: {
    name: string;
    cpu?: string;
    memory?: string;
    pods?: string;
    labels?: Record<string, string>;
    taints?: Cluster['nodes'][number]['taints'];
  }[],
): Cluster {
  return {
    ...defaultCluster(),
    nodes: nodes.map((node, index) => ({
      name: node.name,
      ip: `172.18.0.${index + 2}`,
      podCIDR: `10.244.${index}.0/24`,
      labels: {
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': node.name,
        'kubernetes.io/os': 'linux',
        ...(node.labels ?? {}),
      },
      taints: node.taints ?? [],
      allocatable: { cpu: node.cpu ?? '4', memory: node.memory ?? '8Gi', pods: node.pods ?? '110' },
    })),
  };
}
