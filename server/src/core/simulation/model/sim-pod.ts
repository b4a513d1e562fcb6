import type { JsonObject, JsonPath } from '../../model/json';
import type { LifecycleStep, WorkloadKind } from '../report';
import type { SimObject } from './sim-object';

/** A pod the simulation works on, from creation to its final phase. */
export interface SimPod {
  name: string;
  namespace: string;
  owner: { kind: WorkloadKind; name: string };
  labels: Record<string, string>;
  /** The pod spec as written in the owner's template (defaults not applied). */
  spec: JsonObject;
  /** The object that holds the pod template, and the path of its pod spec there. */
  from: SimObject;
  specPath: JsonPath;
  /** StatefulSet pods: ordinal, stable hostname and governing Service. */
  ordinal?: number;
  hostname?: string;
  subdomain?: string;
  /** Claims the pod's volumes use: `volumes[].persistentVolumeClaim.claimName` (and StatefulSet templates). */
  claims: { volume: string; claim: string }[];
  node: string | null;
  ip: string | null;
  phase: 'Running' | 'Pending';
  /** Why the pod is not Running (the scheduler's message, CreateContainerConfigError …). */
  reason?: string;
  /**
   * Where the pod stops on its way to running containers; `container` names the
   * container whose CreateContainer fails (CreateContainerConfigError).
   */
  blocked?: {
    step: LifecycleStep['step'];
    reason: string;
    container?: string;
    /** True when the kubelet refused the pod (spec.nodeName bypassed the scheduler); the pod never ran there. */
    admission?: boolean;
  };
}
