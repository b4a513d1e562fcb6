/**
 * A Service's spec as the API server sees it after defaulting
 * (pkg/apis/core/v1/defaults.go SetDefaults_Service: type ClusterIP,
 * sessionAffinity None) and create normalisation
 * (pkg/registry/core/service/strategy.go NormalizeClusterIPs: clusterIPs
 * starts from clusterIP).
 */
import { isJsonObject, type JsonObject, type JsonValue } from '../../model/json';
import type { Manifest } from '../../model/manifest';

/** The Service's spec, or an empty object. */
export function serviceSpec(manifest: Manifest): JsonObject {
  const spec = manifest.body.spec;
  return isJsonObject(spec) ? spec : {};
}

/** spec.type with its default (ClusterIP); undefined when it is not a string. */
export function serviceType(spec: JsonObject): string | undefined {
  const type = spec.type;
  if (type === undefined || type === null || type === '') return 'ClusterIP';
  return typeof type === 'string' ? type : undefined;
}

/** The clusterIPs the validation sees: spec.clusterIPs, or [spec.clusterIP]. */
export function effectiveClusterIps(spec: JsonObject): string[] {
  const list = spec.clusterIPs;
  if (Array.isArray(list) && list.length > 0) {
    return list.filter((ip): ip is string => typeof ip === 'string');
  }
  return typeof spec.clusterIP === 'string' && spec.clusterIP !== '' ? [spec.clusterIP] : [];
}

/** pkg/apis/core/validation isHeadlessService: clusterIPs is exactly ["None"]. */
export function isHeadless(spec: JsonObject): boolean {
  const ips = effectiveClusterIps(spec);
  return ips.length === 1 && ips[0] === 'None';
}

/** The ports as objects with their index (other entries were reported by the schema). */
export function servicePorts(spec: JsonObject): { port: JsonObject; index: number }[] {
  const ports: JsonValue | undefined = spec.ports;
  if (!Array.isArray(ports)) return [];
  return ports.flatMap((port, index) => (isJsonObject(port) ? [{ port, index }] : []));
}

/** An integer field's value, or undefined when absent or not an integer. */
export function integerAt(object: JsonObject, key: string): number | undefined {
  const value = object[key];
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}
