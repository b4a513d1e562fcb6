/**
 * Every place a pod spec reads a ConfigMap or Secret, in the order the kubelet
 * meets them: volumes first (they are mounted before any container starts:
 * kubelet SyncPod → WaitForAttachAndMount), then init containers and
 * containers, each with its envFrom before its env
 * (kubelet_pods.go makeEnvironmentVariables).
 */
import { getAt, isJsonObject, type JsonObject, type JsonPath } from '../../model/json';
import { memoByObject } from '../model/memo';
import type { ConfigKind } from './config-sources';

/** A container of the pod spec. */
export interface ContainerRef {
  name: string;
  init: boolean;
}

/** One item of a volume's `items`. */
export interface VolumeItemRef {
  key: string;
  /** Path of the `key` value, relative to the pod spec. */
  keyPath: JsonPath;
}

/** One read of a ConfigMap or Secret. */
export interface ConfigReference {
  kind: ConfigKind;
  name: string;
  via: 'env' | 'envFrom' | 'volume' | 'projected';
  optional: boolean;
  /** Path of the name value, relative to the pod spec. */
  namePath: JsonPath;
  /** env and envFrom: the container that reads it. */
  container?: ContainerRef;
  /** env: the key read, and the path of its value. */
  key?: string;
  keyPath?: JsonPath;
  /** volume and projected: the volume, and its `items` if any. */
  volume?: string;
  items?: VolumeItemRef[];
}

function optionalOf(value: unknown): boolean {
  return getAt(value, ['optional']) === true;
}

function volumeItems(source: JsonObject, sourcePath: JsonPath): VolumeItemRef[] | undefined {
  const items = source.items;
  if (!Array.isArray(items) || items.length === 0) return undefined;
  const refs: VolumeItemRef[] = [];
  items.forEach((item, index) => {
    const key = getAt(item, ['key']);
    if (typeof key === 'string')
      refs.push({ key, keyPath: [...sourcePath, 'items', index, 'key'] });
  });
  return refs;
}

function volumeSourceRef(
  kind: ConfigKind,
  source: unknown,
  sourcePath: JsonPath,
  nameField: string,
  via: 'volume' | 'projected',
  volume: string,
): ConfigReference | undefined {
  if (!isJsonObject(source)) return undefined;
  const name = source[nameField];
  if (typeof name !== 'string' || name === '') return undefined;
  const ref: ConfigReference = {
    kind,
    name,
    via,
    optional: optionalOf(source),
    namePath: [...sourcePath, nameField],
    volume,
  };
  const items = volumeItems(source, sourcePath);
  if (items) ref.items = items;
  return ref;
}

function volumeReferences(spec: JsonObject): ConfigReference[] {
  const refs: ConfigReference[] = [];
  const volumes = spec.volumes;
  if (!Array.isArray(volumes)) return refs;
  volumes.forEach((volume, index) => {
    if (!isJsonObject(volume) || typeof volume.name !== 'string') return;
    const volumeName = volume.name;
    const path = ['volumes', index];
    const push = (ref: ConfigReference | undefined): void => {
      if (ref) refs.push(ref);
    };
    push(
      volumeSourceRef(
        'ConfigMap',
        volume.configMap,
        [...path, 'configMap'],
        'name',
        'volume',
        volume.name,
      ),
    );
    push(
      volumeSourceRef(
        'Secret',
        volume.secret,
        [...path, 'secret'],
        'secretName',
        'volume',
        volume.name,
      ),
    );
    const sources = getAt(volume, ['projected', 'sources']);
    if (!Array.isArray(sources)) return;
    sources.forEach((source, sourceIndex) => {
      const sourcePath = [...path, 'projected', 'sources', sourceIndex];
      push(
        volumeSourceRef(
          'ConfigMap',
          getAt(source, ['configMap']),
          [...sourcePath, 'configMap'],
          'name',
          'projected',
          volumeName,
        ),
      );
      push(
        volumeSourceRef(
          'Secret',
          getAt(source, ['secret']),
          [...sourcePath, 'secret'],
          'name',
          'projected',
          volumeName,
        ),
      );
    });
  });
  return refs;
}

function containerReferences(
  container: JsonObject,
  path: JsonPath,
  ref: ContainerRef,
): ConfigReference[] {
  const refs: ConfigReference[] = [];
  const envFrom = container.envFrom;
  if (Array.isArray(envFrom)) {
    envFrom.forEach((entry, index) => {
      for (const [field, kind] of [
        ['configMapRef', 'ConfigMap'],
        ['secretRef', 'Secret'],
      ] as const) {
        const source = getAt(entry, [field]);
        const name = getAt(source, ['name']);
        if (typeof name !== 'string' || name === '') continue;
        refs.push({
          kind,
          name,
          via: 'envFrom',
          optional: optionalOf(source),
          namePath: [...path, 'envFrom', index, field, 'name'],
          container: ref,
        });
      }
    });
  }
  const env = container.env;
  if (Array.isArray(env)) {
    env.forEach((entry, index) => {
      for (const [field, kind] of [
        ['configMapKeyRef', 'ConfigMap'],
        ['secretKeyRef', 'Secret'],
      ] as const) {
        const selector = getAt(entry, ['valueFrom', field]);
        if (!isJsonObject(selector)) continue;
        const { name, key } = selector;
        if (typeof name !== 'string' || name === '' || typeof key !== 'string') continue;
        const selectorPath = [...path, 'env', index, 'valueFrom', field];
        refs.push({
          kind,
          name,
          via: 'env',
          optional: optionalOf(selector),
          namePath: [...selectorPath, 'name'],
          container: ref,
          key,
          keyPath: [...selectorPath, 'key'],
        });
      }
    });
  }
  return refs;
}

/** A container of a pod spec, where it is, and its name. */
export interface PodContainer {
  container: JsonObject;
  path: JsonPath;
  ref: ContainerRef;
}

/** The containers of a pod spec in start order: init containers, then containers (shared: not to be changed). */
export function podContainers(spec: JsonObject): readonly PodContainer[] {
  return containersOf(spec);
}

const containersOf = memoByObject((spec: JsonObject): readonly PodContainer[] => {
  const found: { container: JsonObject; path: JsonPath; ref: ContainerRef }[] = [];
  for (const [field, init] of [
    ['initContainers', true],
    ['containers', false],
  ] as const) {
    const list = spec[field];
    if (!Array.isArray(list)) continue;
    list.forEach((container, index) => {
      if (!isJsonObject(container) || typeof container.name !== 'string') return;
      found.push({ container, path: [field, index], ref: { name: container.name, init } });
    });
  }
  return found;
});

/** Every ConfigMap and Secret read of a pod spec, in the kubelet's order (shared: not to be changed). */
export function configReferences(spec: JsonObject): readonly ConfigReference[] {
  return referencesOf(spec);
}

// By spec: asked for each pod, and again for each pod the kubelet starts.
const referencesOf = memoByObject((spec: JsonObject): readonly ConfigReference[] => {
  const refs = volumeReferences(spec);
  for (const { container, path, ref } of podContainers(spec)) {
    refs.push(...containerReferences(container, path, ref));
  }
  return refs;
});
