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
import { objectsOfKind } from '../model/object-kinds';
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
  const { metadataPath } = source;
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
    name: source.name,
    namespace: source.namespace,
    origin: source.origin,
    object: source.object,
    specPath: source.specPath,
    sourcePath: source.sourcePath,
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

/**
 * Every claim of the scope and of the pods, sorted by namespace then name.
 * Claims whose `namespace/name` is in `skip` are left out (not read).
 */
export function collectClaims(
  objects: readonly SimObject[],
  pods: readonly SimPod[],
  defaultClass: string | undefined,
  skip?: ReadonlySet<string>,
): SimClaim[] {
  // Where each claim is read from; a claim is read once its source is settled.
  const byKey = new Map<string, ClaimSource>();
  // A later document of the same name replaces an earlier one, as a later apply would.
  const documents = objectsOfKind(objects, '', 'PersistentVolumeClaim').filter(isClaim);
  for (const object of documents.sort(compareDocumentOrder)) {
    const name = object.manifest.name;
    if (name === undefined || name === '') continue;
    const namespace = namespaceOf(object);
    byKey.set(keyOf(namespace, name), {
      name,
      namespace,
      origin: 'manifest',
      object,
      specPath: ['spec'],
      sourcePath: [],
      metadataPath: ['metadata'],
    });
  }
  for (const pod of pods) {
    for (const ref of podClaimRefs(pod)) {
      if (ref.origin === 'manifest' || !ref.path) continue;
      const key = keyOf(pod.namespace, ref.claim);
      if (byKey.has(key)) continue;
      byKey.set(key, {
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
      });
    }
  }
  const claims: SimClaim[] = [];
  for (const [key, source] of byKey) {
    if (!skip?.has(key)) claims.push(readClaim(source, defaultClass));
  }
  return claims.sort(
    (a, b) => compareText(a.namespace, b.namespace) || compareText(a.name, b.name),
  );
}
