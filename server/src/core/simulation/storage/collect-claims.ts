/**
 * The claims of a scope: PersistentVolumeClaim documents, the claims the
 * StatefulSet controller makes from volumeClaimTemplates for each pod
 * (`<template>-<sts>-<ordinal>`, the template's spec; an existing claim of that
 * name is used as it is: pkg/controller/statefulset/stateful_pod_control.go
 * createPersistentVolumeClaims) and the claims of generic ephemeral volumes.
 */
import { getAt, isJsonObject, type JsonObject, type JsonPath } from '../../model/json';
import { keyOf, namespaceOf, type SimObject } from '../model/sim-object';
import type { SimPod } from '../model/sim-pod';
import type { ClaimOrigin, SimClaim } from './claim-state';
import { BETA_CLASS_ANNOTATION } from './collect-volumes';
import { compareDocumentOrder, compareText } from './document-order';
import { podClaimRefs } from './pod-claim-refs';
import { readAccessModes, readStorageSize, readVolumeMode } from './storage-size';

interface ClaimSource {
  name: string;
  namespace: string;
  origin: ClaimOrigin;
  object: SimObject;
  specPath: JsonPath;
  sourcePath: JsonPath;
  metadataPath: JsonPath;
}

/**
 * Reads one claim. The class is the beta annotation, else `storageClassName`;
 * a claim with neither gets the default class when there is one (the
 * DefaultStorageClass admission plugin, and since 1.28 the PV controller's
 * retroactive assignment), else it asks for no class (GetPersistentVolumeClaimClass).
 */
function readClaim(source: ClaimSource, defaultClass: string | undefined): SimClaim {
  const { metadataPath, ...placement } = source;
  const body = source.object.manifest.body;
  const rawSpec = getAt(body, source.specPath);
  const spec: JsonObject = isJsonObject(rawSpec) ? rawSpec : {};
  const annotated = getAt(body, [...metadataPath, 'annotations', BETA_CLASS_ANNOTATION]);
  const written =
    typeof annotated === 'string'
      ? annotated
      : typeof spec.storageClassName === 'string'
        ? spec.storageClassName
        : undefined;
  const classRequest = written === undefined ? 'unset' : written === '' ? 'empty' : 'named';
  const claim: SimClaim = {
    ...placement,
    spec,
    classRequest,
    className: written ?? defaultClass ?? '',
    request: readStorageSize(getAt(spec, ['resources', 'requests', 'storage'])),
    accessModes: readAccessModes(spec.accessModes),
    volumeMode: readVolumeMode(spec.volumeMode),
    selector: spec.selector === null ? undefined : spec.selector,
  };
  if (typeof spec.volumeName === 'string' && spec.volumeName !== '') {
    claim.volumeName = spec.volumeName;
  }
  return claim;
}

function isClaim(object: SimObject): boolean {
  const { gvk } = object.manifest;
  return gvk.group === '' && gvk.kind === 'PersistentVolumeClaim';
}

/** Every claim of the scope and of the pods, sorted by namespace then name. */
export function collectClaims(
  objects: readonly SimObject[],
  pods: readonly SimPod[],
  defaultClass: string | undefined,
): SimClaim[] {
  const byKey = new Map<string, SimClaim>();
  // A later document of the same name replaces an earlier one, as a later apply would.
  for (const object of objects.filter(isClaim).sort(compareDocumentOrder)) {
    const name = object.manifest.name;
    if (name === undefined || name === '') continue;
    const namespace = namespaceOf(object);
    byKey.set(
      keyOf(namespace, name),
      readClaim(
        {
          name,
          namespace,
          origin: 'manifest',
          object,
          specPath: ['spec'],
          sourcePath: [],
          metadataPath: ['metadata'],
        },
        defaultClass,
      ),
    );
  }
  for (const pod of pods) {
    for (const ref of podClaimRefs(pod)) {
      const key = keyOf(pod.namespace, ref.claim);
      if (byKey.has(key) || ref.origin === 'manifest' || !ref.path) continue;
      byKey.set(
        key,
        readClaim(
          {
            name: ref.claim,
            namespace: pod.namespace,
            origin: ref.origin,
            object: pod.from,
            specPath:
              ref.origin === 'ephemeral'
                ? [...ref.path, 'volumeClaimTemplate', 'spec']
                : [...ref.path, 'spec'],
            sourcePath: ref.path,
            metadataPath:
              ref.origin === 'ephemeral'
                ? [...ref.path, 'volumeClaimTemplate', 'metadata']
                : [...ref.path, 'metadata'],
          },
          defaultClass,
        ),
      );
    }
  }
  return [...byKey.values()].sort(
    (a, b) => compareText(a.namespace, b.namespace) || compareText(a.name, b.name),
  );
}
