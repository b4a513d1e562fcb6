/**
 * `kubectl expose … -o json` prints the Service in Go struct field order
 * (k8s.io/api/core/v1 types.go: TypeMeta kind before apiVersion; ObjectMeta
 * name, namespace, labels; ServiceSpec ports, selector, type; ServicePort
 * name, protocol, port, targetPort), while `-o yaml` sorts the keys.
 */
import { isJsonObject, type JsonObject, type JsonValue } from '../../model/json';

function pick(source: JsonObject, keys: readonly string[]): JsonObject {
  const out: JsonObject = {};
  for (const key of keys) {
    const value = source[key];
    if (value !== undefined) out[key] = value;
  }
  for (const [key, value] of Object.entries(source)) if (!(key in out)) out[key] = value;
  return out;
}

/** The Service of exposeService with its keys in `kubectl … -o json` order. */
export function kubectlJsonOrder(service: JsonObject): JsonObject {
  const metadata = isJsonObject(service.metadata)
    ? pick(service.metadata, ['name', 'namespace', 'labels'])
    : undefined;
  let spec: JsonObject | undefined;
  if (isJsonObject(service.spec)) {
    const ports: JsonValue | undefined = Array.isArray(service.spec.ports)
      ? service.spec.ports.map((port) =>
          isJsonObject(port) ? pick(port, ['name', 'protocol', 'port', 'targetPort']) : port,
        )
      : service.spec.ports;
    spec = pick(ports === undefined ? service.spec : { ...service.spec, ports }, [
      'ports',
      'selector',
      'type',
    ]);
  }
  const out = pick(service, ['kind', 'apiVersion', 'metadata', 'spec', 'status']);
  if (metadata) out.metadata = metadata;
  if (spec) out.spec = spec;
  return out;
}
