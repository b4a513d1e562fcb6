/**
 * The ConfigMaps and Secrets a pod can read: those of the scope, plus the
 * `kube-root-ca.crt` ConfigMap the root-CA publisher puts in every namespace
 * (pkg/controller/certificates/rootcacertpublisher). A Secret of type
 * `kubernetes.io/service-account-token` gets `token`, `ca.crt` and
 * `namespace` from the token controller, so those keys count as present.
 */
import { isJsonObject } from '../../model/json';
import { mergedSecretData } from '../../rules/config/secret-data';
import { objectsOfKind } from '../model/object-kinds';
import { keyOf, namespaceOf, type SimObject } from '../model/sim-object';
import { compareDocumentOrder, compareText } from '../storage/document-order';

/** The two kinds a pod reads configuration from. */
export type ConfigKind = 'ConfigMap' | 'Secret';

/** One ConfigMap or Secret a pod can read. */
export interface ConfigSource {
  kind: ConfigKind;
  name: string;
  namespace: string;
  /** Every key, sorted: a ConfigMap's data and binaryData, a Secret's data and stringData. */
  keys: string[];
  /**
   * The keys environment variables see: a ConfigMap's `data` only (the
   * kubelet reads `configMap.Data[key]` for configMapKeyRef and ranges over
   * Data for envFrom), every key of a Secret.
   */
  envKeys: Set<string>;
  /** The document, when the scope defines the object. */
  object?: SimObject;
}

/** The root CA ConfigMap of every namespace. */
export const ROOT_CA_CONFIGMAP = 'kube-root-ca.crt';

const TOKEN_SECRET_TYPE = 'kubernetes.io/service-account-token';
const TOKEN_KEYS = ['ca.crt', 'namespace', 'token'];

/** `ConfigMap/namespace/name`: how sources are looked up. */
export function sourceKey(kind: ConfigKind, namespace: string, name: string): string {
  return `${kind}/${keyOf(namespace, name)}`;
}

function objectKeys(value: unknown): string[] {
  return isJsonObject(value) ? Object.keys(value) : [];
}

function fromDocument(object: SimObject, kind: ConfigKind, name: string): ConfigSource {
  const body = object.manifest.body;
  let keys: string[];
  let envKeys: Set<string>;
  if (kind === 'ConfigMap') {
    const data = objectKeys(body.data);
    keys = [...new Set([...data, ...objectKeys(body.binaryData)])];
    envKeys = new Set(data);
  } else {
    keys = [...mergedSecretData(object.manifest).keys()];
    if (body.type === TOKEN_SECRET_TYPE) keys = [...new Set([...keys, ...TOKEN_KEYS])];
    envKeys = new Set(keys);
  }
  return {
    kind,
    name,
    namespace: namespaceOf(object),
    keys: keys.sort(compareText),
    envKeys,
    object,
  };
}

/** A source every namespace has without it being written: `kube-root-ca.crt`. */
export function builtinSource(
  kind: ConfigKind,
  namespace: string,
  name: string,
): ConfigSource | undefined {
  if (kind !== 'ConfigMap' || name !== ROOT_CA_CONFIGMAP) return undefined;
  return { kind, name, namespace, keys: ['ca.crt'], envKeys: new Set(['ca.crt']) };
}

/** The ConfigMaps and Secrets of the scope by sourceKey (a later document of a name wins). */
export function collectConfigSources(objects: readonly SimObject[]): Map<string, ConfigSource> {
  const sources = new Map<string, ConfigSource>();
  for (const kind of ['ConfigMap', 'Secret'] as const) {
    for (const object of [...objectsOfKind(objects, '', kind)].sort(compareDocumentOrder)) {
      const { name } = object.manifest;
      if (name === undefined || name === '') continue;
      const source = fromDocument(object, kind, name);
      sources.set(sourceKey(source.kind, source.namespace, name), source);
    }
  }
  return sources;
}

/** The source a reference resolves to: the scope's, else a built-in one. */
export function findSource(
  sources: ReadonlyMap<string, ConfigSource>,
  kind: ConfigKind,
  namespace: string,
  name: string,
): ConfigSource | undefined {
  return sources.get(sourceKey(kind, namespace, name)) ?? builtinSource(kind, namespace, name);
}
