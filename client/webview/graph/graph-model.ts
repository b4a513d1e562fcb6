/**
 * The graph of a simulation report: Ingress → Service → Pods ← Workload, Pod → Claim → Volume,
 * ConfigMap/Secret → Pods. Pure (no DOM, no layout): the layout and the drawing take it from
 * here, and the unit tests check it without a browser.
 */
import type {
  ConfigObjectReport,
  IngressBackendReport,
  SimulationReport,
  SourceRef,
} from '../../../server/src/core/simulation/report';
import type { RouteResult } from '../../../server/src/protocol/requests';

export type GraphNodeKind =
  'ingress' | 'service' | 'workload' | 'pod' | 'claim' | 'volume' | 'configMap' | 'secret';

/** How a node is doing: `missing` is referenced but not defined in the manifests. */
export type GraphNodeStatus = 'ok' | 'warning' | 'error' | 'missing';

export interface GraphNode {
  /** `kind:namespace/name` (`volume:name`, `workload:Kind:namespace/name`). */
  id: string;
  kind: GraphNodeKind;
  /** What the node shows first: the object's name. */
  label: string;
  /** What it shows below: its kind and a detail (type, IP, phase). */
  detail: string;
  status: GraphNodeStatus;
  /** Where the object is defined; absent for objects the manifests only reference. */
  source?: SourceRef;
  /** The pod's `namespace/name` (pod nodes only). */
  pod?: string;
}

export type GraphEdgeKind = 'route' | 'endpoint' | 'owns' | 'mounts' | 'binds' | 'config';

export interface GraphEdge {
  /** `from->to`. */
  id: string;
  from: string;
  to: string;
  kind: GraphEdgeKind;
  /** Shown on the edge: the Ingress rule, the port, the key. */
  label?: string;
}

export interface GraphModel {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** Node ids, one place. */
export const nodeId = {
  ingress: (namespace: string, name: string): string => `ingress:${namespace}/${name}`,
  service: (namespace: string, name: string): string => `service:${namespace}/${name}`,
  workload: (kind: string, namespace: string, name: string): string =>
    `workload:${kind}:${namespace}/${name}`,
  pod: (namespace: string, name: string): string => `pod:${namespace}/${name}`,
  claim: (namespace: string, name: string): string => `claim:${namespace}/${name}`,
  volume: (name: string): string => `volume:${name}`,
  configMap: (namespace: string, name: string): string => `configMap:${namespace}/${name}`,
  secret: (namespace: string, name: string): string => `secret:${namespace}/${name}`,
};

/** The id of the edge from `from` to `to`. */
export function edgeId(from: string, to: string): string {
  return `${from}->${to}`;
}

class GraphBuilder {
  private readonly nodes = new Map<string, GraphNode>();
  private readonly edges = new Map<string, GraphEdge>();

  hasNode(id: string): boolean {
    return this.nodes.has(id);
  }

  addNode(node: GraphNode): void {
    if (!this.nodes.has(node.id)) this.nodes.set(node.id, node);
  }

  /** Adds an edge between two known nodes; a second edge between them adds to its label. */
  addEdge(from: string, to: string, kind: GraphEdgeKind, label?: string): void {
    if (!this.nodes.has(from) || !this.nodes.has(to)) return;
    const id = edgeId(from, to);
    const existing = this.edges.get(id);
    if (existing === undefined) {
      this.edges.set(
        id,
        label === undefined ? { id, from, to, kind } : { id, from, to, kind, label },
      );
    } else if (
      label !== undefined &&
      existing.label !== undefined &&
      !existing.label.includes(label)
    ) {
      existing.label = `${existing.label}, ${label}`;
    }
  }

  build(): GraphModel {
    return { nodes: [...this.nodes.values()], edges: [...this.edges.values()] };
  }
}

function backendStatus(backend: IngressBackendReport): GraphNodeStatus {
  return backend.endpoints.length > 0 ? 'ok' : 'warning';
}

function addConfigObjects(
  graph: GraphBuilder,
  objects: readonly ConfigObjectReport[],
  kind: 'configMap' | 'secret',
): void {
  for (const object of objects) {
    const id = nodeId[kind](object.namespace, object.name);
    const broken = object.usedBy.some((use) => !use.found && !use.optional);
    graph.addNode({
      id,
      kind,
      label: object.name,
      detail: `${kind === 'configMap' ? 'ConfigMap' : 'Secret'} · ${object.defined ? `${object.keys.length} keys` : 'not defined'}`,
      status: !object.defined ? 'missing' : broken ? 'error' : 'ok',
      ...(object.source === undefined ? {} : { source: object.source }),
    });
    for (const use of object.usedBy) {
      graph.addEdge(id, nodeId.pod(object.namespace, use.pod), 'config', use.key ?? use.via);
    }
  }
}

/** Builds the graph of a report. Objects referenced but not defined appear as `missing` nodes. */
export function buildGraphModel(report: SimulationReport): GraphModel {
  const graph = new GraphBuilder();

  for (const workload of report.workloads) {
    if (workload.kind === 'Pod') continue; // a bare Pod is its own node
    graph.addNode({
      id: nodeId.workload(workload.kind, workload.namespace, workload.name),
      kind: 'workload',
      label: workload.name,
      detail: `${workload.kind} · ${workload.scheduled}/${workload.desired} scheduled`,
      status: workload.scheduled < workload.desired ? 'warning' : 'ok',
      source: workload.source,
    });
  }

  for (const pod of report.pods) {
    const id = nodeId.pod(pod.namespace, pod.name);
    graph.addNode({
      id,
      kind: 'pod',
      label: pod.name,
      detail: pod.phase === 'Running' ? `Pod · ${pod.ip ?? ''}` : 'Pod · Pending',
      status: pod.phase === 'Running' ? 'ok' : 'error',
      source: pod.source,
      pod: `${pod.namespace}/${pod.name}`,
    });
    const slash = pod.owner.indexOf('/');
    const ownerKind = pod.owner.slice(0, slash);
    const ownerName = pod.owner.slice(slash + 1);
    if (slash > 0 && ownerKind !== 'Pod') {
      const owner = nodeId.workload(ownerKind, pod.namespace, ownerName);
      graph.addNode({
        id: owner,
        kind: 'workload',
        label: ownerName,
        detail: ownerKind,
        status: 'ok',
      });
      graph.addEdge(owner, id, 'owns');
    }
  }

  for (const service of report.services) {
    const id = nodeId.service(service.namespace, service.name);
    const endpoints = service.ports.reduce((sum, port) => sum + port.endpoints.length, 0);
    graph.addNode({
      id,
      kind: 'service',
      label: service.name,
      detail: `Service · ${service.type}${service.clusterIP === null ? '' : ` · ${service.clusterIP}`}`,
      status: service.type !== 'ExternalName' && endpoints === 0 ? 'warning' : 'ok',
      source: service.source,
    });
    for (const port of service.ports) {
      for (const endpoint of port.endpoints) {
        graph.addEdge(
          id,
          nodeId.pod(service.namespace, endpoint.pod),
          'endpoint',
          `${endpoint.port}`,
        );
      }
    }
  }

  for (const ingress of report.ingresses) {
    const id = nodeId.ingress(ingress.namespace, ingress.name);
    const backends = [
      ...ingress.rules,
      ...(ingress.defaultBackend ? [ingress.defaultBackend] : []),
    ];
    graph.addNode({
      id,
      kind: 'ingress',
      label: ingress.name,
      detail: `Ingress${ingress.className === undefined ? '' : ` · ${ingress.className}`}`,
      status: backends.some((backend) => backendStatus(backend) !== 'ok') ? 'warning' : 'ok',
      source: ingress.source,
    });
    const routes: { backend: IngressBackendReport; label: string }[] = [
      ...ingress.rules.map((rule) => ({
        backend: rule,
        label: `${rule.host === '*' ? '' : rule.host}${rule.path}`,
      })),
      ...(ingress.defaultBackend ? [{ backend: ingress.defaultBackend, label: 'default' }] : []),
    ];
    for (const { backend, label } of routes) {
      const service = nodeId.service(ingress.namespace, backend.service);
      if (!graph.hasNode(service)) {
        graph.addNode({
          id: service,
          kind: 'service',
          label: backend.service,
          detail: 'Service · not defined',
          status: 'missing',
        });
      }
      graph.addEdge(id, service, 'route', label);
    }
  }

  for (const claim of report.volumeClaims) {
    const id = nodeId.claim(claim.namespace, claim.name);
    graph.addNode({
      id,
      kind: 'claim',
      label: claim.name,
      detail: `PersistentVolumeClaim · ${claim.phase} · ${claim.request}`,
      status: claim.phase === 'Bound' ? 'ok' : 'warning',
      ...(claim.source === undefined ? {} : { source: claim.source }),
    });
    if (claim.volume !== undefined) {
      const volume = nodeId.volume(claim.volume);
      graph.addNode({
        id: volume,
        kind: 'volume',
        label: claim.volume,
        detail: claim.dynamic === true ? 'PersistentVolume · provisioned' : 'PersistentVolume',
        status: 'ok',
      });
      graph.addEdge(id, volume, 'binds');
    }
  }

  for (const pod of report.pods) {
    for (const volume of pod.volumes ?? []) {
      const claim = nodeId.claim(pod.namespace, volume.claim);
      if (!graph.hasNode(claim)) {
        graph.addNode({
          id: claim,
          kind: 'claim',
          label: volume.claim,
          detail: 'PersistentVolumeClaim · not defined',
          status: 'missing',
        });
      }
      graph.addEdge(nodeId.pod(pod.namespace, pod.name), claim, 'mounts', volume.name);
    }
  }

  addConfigObjects(graph, report.configMaps, 'configMap');
  addConfigObjects(graph, report.secrets, 'secret');
  return graph.build();
}

/** The nodes and edges a request takes: what the Trace view highlights. */
export interface GraphPath {
  nodes: Set<string>;
  edges: Set<string>;
}

function splitQualified(value: string): [string, string] {
  const slash = value.indexOf('/');
  return slash < 0 ? ['default', value] : [value.slice(0, slash), value.slice(slash + 1)];
}

/** The path of a `slipway/route` answer through the graph: Ingress → Service → pods. */
export function buildRoutePath(model: GraphModel, route: RouteResult): GraphPath {
  const nodes = new Set<string>();
  const edges = new Set<string>();
  const known = new Set(model.nodes.map((node) => node.id));
  const edgeIds = new Set(model.edges.map((edge) => edge.id));
  const addNode = (id: string): void => {
    if (known.has(id)) nodes.add(id);
  };
  const addEdge = (from: string, to: string): void => {
    const id = edgeId(from, to);
    if (edgeIds.has(id)) edges.add(id);
  };
  let ingress: string | undefined;
  if (route.ingress !== null) {
    ingress = nodeId.ingress(...splitQualified(route.ingress));
    addNode(ingress);
  }
  if (route.service !== null) {
    const [namespace, name] = splitQualified(route.service);
    const service = nodeId.service(namespace, name);
    addNode(service);
    if (ingress !== undefined) addEdge(ingress, service);
    for (const pod of route.pods) {
      const podNode = nodeId.pod(namespace, pod.name);
      addNode(podNode);
      addEdge(service, podNode);
    }
  }
  return { nodes, edges };
}
