import { getAt, isJsonObject, type JsonPath } from '../../model/json';
import type { SimPod } from '../model/sim-pod';
import type { ClaimOrigin } from './claim-state';

/** A claim one pod uses, and where its pod template names it. */
export interface PodClaimRef {
  volume: string;
  claim: string;
  origin: ClaimOrigin;
  /**
   * Where the claim's name or spec is written in `pod.from`:
   * `…volumes[i].persistentVolumeClaim.claimName`, `…volumes[i].ephemeral`
   * or `spec.volumeClaimTemplates[i]`.
   */
  path?: JsonPath;
}

/** The StatefulSet's volumeClaimTemplates names, by index (non-strings left out). */
export function claimTemplateNames(pod: SimPod): Map<string, number> {
  const names = new Map<string, number>();
  if (pod.owner.kind !== 'StatefulSet') return names;
  const templates = getAt(pod.from.manifest.body, ['spec', 'volumeClaimTemplates']);
  if (!Array.isArray(templates)) return names;
  templates.forEach((template, index) => {
    const name = getAt(template, ['metadata', 'name']);
    if (typeof name === 'string' && name !== '' && !names.has(name)) names.set(name, index);
  });
  return names;
}

/**
 * The claims a pod uses, in the order the scheduler meets them: a
 * StatefulSet's template claims first (`<template>-<sts>-<ordinal>`, which
 * replace a pod volume of the same name: pkg/controller/statefulset
 * stateful_set_utils.go updateStorage), then the pod's
 * `persistentVolumeClaim` volumes, then generic ephemeral volumes
 * (`<pod>-<volume>`: k8s.io/component-helpers/storage/ephemeral VolumeClaimName),
 * then any other claim the pod lists in `claims`.
 */
export function podClaimRefs(pod: SimPod): PodClaimRef[] {
  const refs: PodClaimRef[] = [];
  // Most pods use no claim: nothing to look for.
  if (pod.ordinal === undefined && pod.claims.length === 0 && !Array.isArray(pod.spec.volumes)) {
    return refs;
  }
  const seen = new Set<string>();
  const add = (ref: PodClaimRef): void => {
    if (ref.claim === '' || seen.has(ref.claim)) return;
    seen.add(ref.claim);
    refs.push(ref);
  };
  const templates = claimTemplateNames(pod);
  if (pod.ordinal !== undefined) {
    for (const [name, index] of templates) {
      add({
        volume: name,
        claim: `${name}-${pod.owner.name}-${pod.ordinal}`,
        origin: 'statefulset',
        path: ['spec', 'volumeClaimTemplates', index],
      });
    }
  }
  const volumes = pod.spec.volumes;
  if (Array.isArray(volumes)) {
    volumes.forEach((volume, index) => {
      if (!isJsonObject(volume) || typeof volume.name !== 'string') return;
      if (templates.has(volume.name)) return;
      const claimName = getAt(volume, ['persistentVolumeClaim', 'claimName']);
      if (typeof claimName === 'string') {
        add({
          volume: volume.name,
          claim: claimName,
          origin: 'manifest',
          path: [...pod.specPath, 'volumes', index, 'persistentVolumeClaim', 'claimName'],
        });
      } else if (isJsonObject(getAt(volume, ['ephemeral', 'volumeClaimTemplate']))) {
        add({
          volume: volume.name,
          claim: `${pod.name}-${volume.name}`,
          origin: 'ephemeral',
          path: [...pod.specPath, 'volumes', index, 'ephemeral'],
        });
      }
    });
  }
  for (const { volume, claim } of pod.claims) {
    const templateIndex = templates.get(volume);
    add(
      templateIndex !== undefined && claim.startsWith(`${volume}-${pod.owner.name}-`)
        ? {
            volume,
            claim,
            origin: 'statefulset',
            path: ['spec', 'volumeClaimTemplates', templateIndex],
          }
        : { volume, claim, origin: 'manifest' },
    );
  }
  return refs;
}
