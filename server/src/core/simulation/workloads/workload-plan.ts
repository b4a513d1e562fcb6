import type { JsonObject, JsonPath } from '../../model/json';
import type { SimObject } from '../model/sim-object';
import type { SourceRef, WorkloadKind } from '../report';

/** How a StatefulSet creates its pods (`spec.podManagementPolicy`). */
export type PodManagementPolicy = 'OrderedReady' | 'Parallel';

/**
 * One workload of the scope and what its controller makes of it: the data the
 * orchestrator needs for the report's `WorkloadReport` (desired and scheduled
 * pods come from `buildWorkloadReports`) and what scheduling needs to create
 * the pods that depend on the cluster.
 */
export interface WorkloadPlan {
  kind: WorkloadKind;
  namespace: string;
  name: string;
  /**
   * Pods the controller wants: replicas, a Job's pods running at once, 0 for a
   * CronJob (no pods until its schedule fires). For a DaemonSet it is only known
   * once the nodes are (one per eligible node), so it is 0 here.
   */
  desired: number;
  /** The workload's whole document. */
  source: SourceRef;
  /** The object holding the pod template, and the path of its pod spec. */
  object: SimObject;
  specPath: JsonPath;
  /** Deployment: the ReplicaSet it creates (`<deployment>-<pod-template-hash>`). */
  replicaSet?: string;
  /** StatefulSet: how pods are created, and their names in ordinal order. */
  podManagementPolicy?: PodManagementPolicy;
  orderedPods?: string[];
  /** DaemonSet: the pod template the controller instantiates on every eligible node. */
  daemonTemplate?: { labels: Record<string, string>; spec: JsonObject };
  /** CronJob: `spec.schedule` as written. */
  schedule?: string;
}
