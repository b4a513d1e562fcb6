import { compareText } from '../model/compare-text';
/**
 * A Service as the simulation reads it, with the API server's defaults
 * applied (pkg/apis/core/v1/defaults.go SetDefaults_Service: type ClusterIP,
 * port protocol TCP, a zero or empty targetPort becomes the port). Entries of
 * the wrong shape are skipped: the schema checks report them.
 */
import { isJsonObject, type JsonObject, type JsonPath } from '../../model/json';
import type { ServiceReport } from '../report';
import { keyOf, namespaceOf, type SimObject } from '../model/sim-object';

/** One entry of spec.ports. */
export interface ServicePortView {
  /** The entry's index in spec.ports (for ranges). */
  index: number;
  name?: string;
  protocol: string;
  port: number;
  /** The targetPort as written (a number or a name), defaulted to `port`. */
  targetPort: number | string;
  /** True when targetPort was written (not defaulted). */
  targetPortWritten: boolean;
  /** spec.ports[i].nodePort when written as a positive integer. */
  nodePort?: number;
}

/** One `key: value` pair of spec.selector. */
export interface SelectorPair {
  key: string;
  value: string;
}

/** A Service of the scope, read once. */
export interface ServiceView {
  object: SimObject;
  namespace: string;
  name: string;
  /** `namespace/name`. */
  key: string;
  type: ServiceReport['type'];
  /** spec.clusterIP (or spec.clusterIPs[0]) when written and not empty, with its path. */
  clusterIp?: { value: string; path: JsonPath };
  /** clusterIP "None". */
  headless: boolean;
  /** spec.selector's pairs; undefined when the Service has no selector (manual endpoints). */
  selector?: SelectorPair[];
  ports: ServicePortView[];
  /** False for a LoadBalancer with allocateLoadBalancerNodePorts: false. */
  allocateNodePorts: boolean;
  /** spec.healthCheckNodePort when written: it takes a port of the node port range too. */
  healthCheckNodePort?: number;
}

const SERVICE_TYPES: readonly ServiceReport['type'][] = [
  'ClusterIP',
  'NodePort',
  'LoadBalancer',
  'ExternalName',
];

function positiveInteger(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
}

function readPorts(spec: JsonObject): ServicePortView[] {
  if (!Array.isArray(spec.ports)) return [];
  const out: ServicePortView[] = [];
  spec.ports.forEach((entry, index) => {
    if (!isJsonObject(entry)) return;
    const port = positiveInteger(entry.port);
    if (port === undefined || port > 65535) return;
    const protocol =
      typeof entry.protocol === 'string' && entry.protocol !== '' ? entry.protocol : 'TCP';
    let targetPort: number | string = port;
    let targetPortWritten = false;
    if (positiveInteger(entry.targetPort) !== undefined) {
      targetPort = entry.targetPort as number;
      targetPortWritten = true;
    } else if (typeof entry.targetPort === 'string' && entry.targetPort !== '') {
      targetPort = entry.targetPort;
      targetPortWritten = true;
    }
    const view: ServicePortView = { index, protocol, port, targetPort, targetPortWritten };
    if (typeof entry.name === 'string' && entry.name !== '') view.name = entry.name;
    const nodePort = positiveInteger(entry.nodePort);
    if (nodePort !== undefined) view.nodePort = nodePort;
    out.push(view);
  });
  return out;
}

function readSelector(spec: JsonObject): SelectorPair[] | undefined {
  // An empty selector is stored as no selector (protobuf keeps no empty map), and the
  // EndpointSlice controller leaves a Service without one alone.
  if (!isJsonObject(spec.selector)) return undefined;
  const pairs = Object.entries(spec.selector)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
    .map(([key, value]) => ({ key, value }));
  return pairs.length > 0 ? pairs : undefined;
}

function readClusterIp(spec: JsonObject): ServiceView['clusterIp'] {
  if (typeof spec.clusterIP === 'string' && spec.clusterIP !== '') {
    return { value: spec.clusterIP, path: ['spec', 'clusterIP'] };
  }
  // strategy.go NormalizeClusterIPs: clusterIP follows clusterIPs[0] when only the list is written.
  if (
    Array.isArray(spec.clusterIPs) &&
    typeof spec.clusterIPs[0] === 'string' &&
    spec.clusterIPs[0] !== ''
  ) {
    return { value: spec.clusterIPs[0], path: ['spec', 'clusterIPs', 0] };
  }
  return undefined;
}

/** Reads a Service object; undefined when it is not a core/v1 Service with a name. */
export function readService(object: SimObject): ServiceView | undefined {
  const { manifest } = object;
  if (manifest.kind !== 'Service' || manifest.gvk.group !== '' || manifest.name === undefined) {
    return undefined;
  }
  const spec = isJsonObject(manifest.body.spec) ? manifest.body.spec : {};
  const writtenType = typeof spec.type === 'string' && spec.type !== '' ? spec.type : 'ClusterIP';
  const type = SERVICE_TYPES.find((candidate) => candidate === writtenType) ?? 'ClusterIP';
  const namespace = namespaceOf(object);
  const clusterIp = type === 'ExternalName' ? undefined : readClusterIp(spec);
  const view: ServiceView = {
    object,
    namespace,
    name: manifest.name,
    key: keyOf(namespace, manifest.name),
    type,
    headless: clusterIp?.value === 'None',
    ports: readPorts(spec),
    allocateNodePorts: !(type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts === false),
  };
  if (clusterIp) view.clusterIp = clusterIp;
  const selector = type === 'ExternalName' ? undefined : readSelector(spec);
  if (selector) view.selector = selector;
  const healthCheckNodePort = positiveInteger(spec.healthCheckNodePort);
  if (healthCheckNodePort !== undefined) view.healthCheckNodePort = healthCheckNodePort;
  return view;
}

/** Orders Services by namespace, name, then file and line (so duplicates order stably too). */
export function compareServiceViews(a: ServiceView, b: ServiceView): number {
  return (
    compareText(a.namespace, b.namespace) ||
    compareText(a.name, b.name) ||
    compareText(a.object.uri, b.object.uri) ||
    a.object.lineOffset - b.object.lineOffset
  );
}

export { compareText };
