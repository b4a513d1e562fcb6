/**
 * `kubectl expose … --dry-run=client -o yaml`, on the manifests instead of a
 * live cluster. Follows staging/src/k8s.io/kubectl/pkg/cmd/expose/expose.go
 * (RunExpose, createService) and its polymorphichelpers:
 *
 * - only Pods, Deployments and ReplicaSets (and Services and
 *   ReplicationControllers) can be exposed (canbeexposed.go): a StatefulSet
 *   or DaemonSet is refused with "cannot expose a StatefulSet.apps";
 * - the selector is the workload's `spec.selector.matchLabels` (a Pod's
 *   labels); a selector with matchExpressions is refused
 *   (mapbasedselectorforobject.go), the error wrapped as "couldn't retrieve
 *   selectors via --selector flag or introspection: …";
 * - without --port, the ports are the containers' containerPorts, duplicates
 *   dropped (portsforobject.go getPorts); several ports are named `port-1`,
 *   `port-2` …, a single one has no name; a port a container declares for
 *   several protocols becomes one entry per protocol, `port-1-tcp`,
 *   `port-1-udp` (multiprotocolsforobject.go);
 * - the protocol comes from the containers (TCP by default), --protocol
 *   overrides it; targetPort is --target-port, else the port;
 * - the labels are the workload's own metadata.labels;
 * - the name is --name, else the workload's name cut to 63 characters.
 *
 * The object is built with its keys in the order `-o yaml` prints them
 * (sigs.k8s.io/yaml sorts keys); kubectlJsonOrder gives the `-o json` order.
 * kubectl 1.34+ no longer prints `creationTimestamp: null`
 * (kubernetes/kubernetes#130989), so it is absent.
 */
import { isJsonObject, type JsonObject, type JsonValue } from '../../model/json';
import { namespaceOf, type SimObject } from '../model/sim-object';

/** What `slipway expose` was asked for: `kubectl expose KIND NAME` and its flags. */
export interface ExposeRequest {
  kind: 'deployment' | 'statefulset' | 'daemonset' | 'replicaset' | 'pod';
  name: string;
  /** `-n`: the workload's namespace (default "default"); printed in the Service when given. */
  namespace?: string;
  type?: 'ClusterIP' | 'NodePort' | 'LoadBalancer';
  /** `--name`. */
  serviceName?: string;
  /** `--port`. */
  port?: number;
  /** `--target-port`: a number or a port name. */
  targetPort?: string | number;
  /** `--protocol`. */
  protocol?: string;
}

const KINDS: Record<ExposeRequest['kind'], { kind: string; group: string; resource: string }> = {
  deployment: { kind: 'Deployment', group: 'apps', resource: 'deployments.apps' },
  statefulset: { kind: 'StatefulSet', group: 'apps', resource: 'statefulsets.apps' },
  daemonset: { kind: 'DaemonSet', group: 'apps', resource: 'daemonsets.apps' },
  replicaset: { kind: 'ReplicaSet', group: 'apps', resource: 'replicasets.apps' },
  pod: { kind: 'Pod', group: '', resource: 'pods' },
};

const DNS1035_LABEL_MAX_LENGTH = 63;

function stringMap(value: unknown): Record<string, string> {
  if (!isJsonObject(value)) return {};
  const out: Record<string, string> = {};
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry === 'string') out[key] = entry;
    else if (typeof entry === 'number' || typeof entry === 'boolean') out[key] = String(entry);
  }
  return out;
}

function sortedMap(map: Record<string, string>): JsonObject {
  const out: JsonObject = {};
  for (const key of Object.keys(map).sort()) out[key] = map[key] ?? '';
  return out;
}

/** Go's `%+v` of a []metav1.LabelSelectorRequirement: `[{Key:k Operator:In Values:[a b]}]`. */
function formatRequirements(expressions: readonly JsonValue[]): string {
  const items = expressions.map((entry) => {
    const requirement = isJsonObject(entry) ? entry : {};
    const text = (value: JsonValue | undefined): string =>
      typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
        ? String(value)
        : '';
    const values = Array.isArray(requirement.values) ? requirement.values.map(text).join(' ') : '';
    return `{Key:${text(requirement.key)} Operator:${text(requirement.operator)} Values:[${values}]}`;
  });
  return `[${items.join(' ')}]`;
}

/** mapBasedSelectorForObject: the selector as a map, or kubectl's error. */
function selectorOf(object: SimObject, kind: string): Record<string, string> | string {
  const body = object.manifest.body;
  if (kind === 'Pod') {
    const labels = stringMap(isJsonObject(body.metadata) ? body.metadata.labels : undefined);
    return Object.keys(labels).length > 0 ? labels : 'the pod has no labels and cannot be exposed';
  }
  const spec = isJsonObject(body.spec) ? body.spec : {};
  const selector = isJsonObject(spec.selector) ? spec.selector : undefined;
  const matchLabels = stringMap(selector?.matchLabels);
  if (!selector || Object.keys(matchLabels).length === 0) {
    return `invalid ${kind.toLowerCase()}: no selectors, therefore cannot be exposed`;
  }
  if (Array.isArray(selector.matchExpressions) && selector.matchExpressions.length > 0) {
    return `couldn't convert expressions - "${formatRequirements(selector.matchExpressions)}" to map-based selector format`;
  }
  return matchLabels;
}

interface ContainerPort {
  containerPort: number;
  protocol: string;
}

function containerPorts(object: SimObject, kind: string): ContainerPort[] {
  const body = object.manifest.body;
  const spec =
    kind === 'Pod'
      ? body.spec
      : isJsonObject(body.spec) && isJsonObject(body.spec.template)
        ? body.spec.template.spec
        : undefined;
  if (!isJsonObject(spec) || !Array.isArray(spec.containers)) return [];
  const out: ContainerPort[] = [];
  for (const container of spec.containers) {
    if (!isJsonObject(container) || !Array.isArray(container.ports)) continue;
    for (const port of container.ports) {
      if (!isJsonObject(port) || typeof port.containerPort !== 'number') continue;
      const protocol =
        typeof port.protocol === 'string' && port.protocol !== '' ? port.protocol : 'TCP';
      out.push({ containerPort: port.containerPort, protocol });
    }
  }
  return out;
}

/** intstr.Parse: a string of digits is a number, anything else a name. */
function parseTargetPort(value: string | number): JsonValue {
  if (typeof value === 'number') return value;
  return /^-?\d+$/.test(value) ? Number(value) : value;
}

/** The Service `kubectl expose … --dry-run=client -o yaml` prints, or kubectl's error. */
export function exposeService(
  objects: readonly SimObject[],
  request: ExposeRequest,
): { service: JsonObject } | { error: string } {
  const target = KINDS[request.kind];
  const namespace = request.namespace ?? 'default';
  const object = objects.find(
    (candidate) =>
      candidate.manifest.kind === target.kind &&
      candidate.manifest.gvk.group === target.group &&
      candidate.manifest.name === request.name &&
      namespaceOf(candidate) === namespace,
  );
  if (!object) return { error: `${target.resource} "${request.name}" not found` };
  if (target.kind === 'StatefulSet' || target.kind === 'DaemonSet') {
    return { error: `cannot expose a ${target.kind}.${target.group}` };
  }
  const selector = selectorOf(object, target.kind);
  if (typeof selector === 'string') {
    return {
      error: `couldn't retrieve selectors via --selector flag or introspection: ${selector}`,
    };
  }

  let portList: string[];
  if (request.port !== undefined) {
    portList = [String(request.port)];
  } else {
    portList = [
      ...new Set(containerPorts(object, target.kind).map((port) => String(port.containerPort))),
    ];
    if (portList.length === 0)
      return { error: "couldn't find port via --port flag or introspection" };
  }
  const protocols = new Map<string, string[]>();
  for (const port of containerPorts(object, target.kind)) {
    const key = String(port.containerPort);
    protocols.set(key, [...(protocols.get(key) ?? []), port.protocol]);
  }

  const ports: JsonObject[] = [];
  portList.forEach((portText, i) => {
    const port = Number(portText);
    const name = portList.length > 1 ? `port-${i + 1}` : undefined;
    let protocol = request.protocol ?? '';
    if (protocol === '') {
      protocol = 'TCP';
      const exposed = protocols.get(portText);
      if (exposed && exposed.length === 1 && exposed[0] !== undefined) {
        protocol = exposed[0];
      } else if (exposed && exposed.length > 1) {
        for (const each of exposed) {
          ports.push({ name: `port-${i + 1}-${each.toLowerCase()}`, port, protocol: each });
        }
        return;
      }
    }
    const entry: JsonObject = {};
    if (name !== undefined) entry.name = name;
    entry.port = port;
    entry.protocol = protocol;
    ports.push(entry);
  });
  const targetPort = request.targetPort;
  for (const entry of ports) {
    entry.targetPort =
      targetPort !== undefined && targetPort !== ''
        ? parseTargetPort(targetPort)
        : (entry.port as number);
  }

  const metadata: JsonObject = {};
  const labels = stringMap(
    isJsonObject(object.manifest.body.metadata) ? object.manifest.body.metadata.labels : undefined,
  );
  if (Object.keys(labels).length > 0) metadata.labels = sortedMap(labels);
  metadata.name = (request.serviceName ?? request.name).slice(
    0,
    request.serviceName ? undefined : DNS1035_LABEL_MAX_LENGTH,
  );
  if (request.namespace !== undefined) metadata.namespace = request.namespace;
  const spec: JsonObject = { ports, selector: sortedMap(selector) };
  if (request.type !== undefined) spec.type = request.type;
  return {
    service: {
      apiVersion: 'v1',
      kind: 'Service',
      metadata,
      spec,
      status: { loadBalancer: {} },
    },
  };
}
