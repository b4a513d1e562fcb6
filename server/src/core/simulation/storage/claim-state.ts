/**
 * The storage side of a simulation: every claim of the scope, every volume
 * (written and dynamically provisioned) and how each claim ended up, as
 * `bindClaims` works it out before and after scheduling.
 */
import type { JsonObject, JsonPath, JsonValue } from '../../model/json';
import type { SimObject } from '../model/sim-object';
import type { StorageClassInfo } from './storage-classes';

/** A storage size as written and in bytes (0 when absent or invalid). */
export interface StorageSize {
  text: string;
  bytes: number;
}

/** Where a claim comes from. */
export type ClaimOrigin = 'manifest' | 'statefulset' | 'ephemeral';

/** A PersistentVolumeClaim of the scope, written or made by a controller. */
export interface SimClaim {
  name: string;
  namespace: string;
  /**
   * `manifest`: a PersistentVolumeClaim document; `statefulset`: made from a
   * volumeClaimTemplate (`<template>-<sts>-<ordinal>`); `ephemeral`: a generic
   * ephemeral volume's claim (`<pod>-<volume>`).
   */
  origin: ClaimOrigin;
  /** The object the claim's spec is written in (the claim, the StatefulSet, the pod's owner). */
  object: SimObject;
  /** The path of the claim's spec in `object`. */
  specPath: JsonPath;
  /** The path of the report source in `object`: `[]` for the whole document. */
  sourcePath: JsonPath;
  spec: JsonObject;
  /** How the claim asks for a class: not at all, `""` (no class) or by name. */
  classRequest: 'unset' | 'empty' | 'named';
  /** The class it asks for once the DefaultStorageClass admission has run: `''` for none. */
  className: string;
  request: StorageSize;
  /** Requested access modes, deduplicated. */
  accessModes: string[];
  /** `Filesystem` unless `Block` is asked for. */
  volumeMode: string;
  /** `spec.selector` as written (undefined when absent or null). */
  selector: JsonValue | undefined;
  /** `spec.volumeName`: the PersistentVolume the claim asks for by name. */
  volumeName?: string;
}

/** A PersistentVolume: written in the scope, or provisioned for a claim. */
export interface SimVolume {
  name: string;
  /** The PersistentVolume document (absent for a provisioned volume). */
  object?: SimObject;
  /** `''` for a volume without class. */
  className: string;
  capacity: StorageSize;
  accessModes: string[];
  volumeMode: string;
  labels: Record<string, string>;
  /** `spec.claimRef`: the claim the volume is reserved for. */
  claimRef?: { namespace: string; name: string };
  /** `spec.nodeAffinity` as written. */
  nodeAffinity?: JsonValue;
  /** True for a volume the simulation provisioned through a StorageClass. */
  dynamic: boolean;
}

/** Where a diagnostic about a claim points, inside its `object`. */
export interface ClaimFocus {
  path: JsonPath;
  target: 'key' | 'value';
}

/** What happened to one claim. */
export interface ClaimStatus {
  phase: 'Bound' | 'Pending';
  volume?: string;
  /** True when the volume was provisioned through the claim's StorageClass. */
  dynamic?: boolean;
  /** Why the claim is Pending, in the PV controller's words where it has them. */
  reason?: string;
  /**
   * True when the claim waits for a pod to be scheduled (WaitForFirstConsumer
   * without a volume asked for by name): the scheduler binds it, so it does
   * not keep a pod from being scheduled.
   */
  delayed: boolean;
  /** True when nothing in the scope can bind the claim (a pvc-unbound finding). */
  unbindable: boolean;
  /** Where a pvc-unbound finding points and what it explains. */
  focus?: ClaimFocus;
  detail?: string;
}

/** A pod template volume that names a claim which does not exist. */
export interface MissingClaimReference {
  object: SimObject;
  /** The path of `persistentVolumeClaim.claimName` in `object`. */
  path: JsonPath;
  namespace: string;
  volume: string;
  claim: string;
}

/** The two passes of the binding: the PV controller's, then the scheduler's. */
export type BindingStage = 'before-scheduling' | 'after-scheduling';

/** Claims, volumes and how each claim ended up. */
export interface ClaimState {
  stage: BindingStage;
  /** The StorageClasses in effect: the cluster's, replaced by the scope's of the same name. */
  classes: StorageClassInfo[];
  /** The class a claim without storageClassName gets, if any. */
  defaultClass?: string;
  /** Every claim, sorted by namespace then name. */
  claims: SimClaim[];
  /** Every volume, sorted by name; provisioned volumes included. */
  volumes: SimVolume[];
  /** Status by `namespace/name` of the claim. */
  status: Map<string, ClaimStatus>;
  /** Pod template volumes that name claims which do not exist. */
  missing: MissingClaimReference[];
}
