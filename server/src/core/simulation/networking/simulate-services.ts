/**
 * The Services of a scope on a cluster: ClusterIPs, nodePorts, endpoints,
 * DNS names and external access, with the cross-resource findings.
 */
import { ITEMS_PER_STEP, runSteps } from '../../steps/run-steps';
import type { Cluster, ReportDiagnostic, ServicePortReport, ServiceReport } from '../report';
import type { SimObject } from '../model/sim-object';
import { sourceOf } from '../model/sim-object';
import { objectsOfKind } from '../model/object-kinds';
import type { SimPod } from '../model/sim-pod';
import { assignClusterIps } from './assign-cluster-ips';
import { assignNodePorts } from './assign-node-ports';
import { checkServiceSelector } from './check-service-selector';
import { compareDiagnostics } from './make-diagnostic';
import { PodIndex, selectedPods } from './select-pods';
import { checkTargetPort, portEndpoints } from './service-endpoints';
import { compareServiceViews, readService, type ServiceView } from './service-view';

/** The DNS name of a Service: `<name>.<namespace>.svc.<clusterDomain>`. */
export function serviceDnsName(namespace: string, name: string, clusterDomain: string): string {
  return `${name}.${namespace}.svc.${clusterDomain}`;
}

/**
 * Simulates every Service of `objects` against the simulated `pods`:
 * ClusterIP (deterministic, see assign-cluster-ips.ts), nodePorts
 * (assign-node-ports.ts), endpoints (service-endpoints.ts), the DNS name and,
 * for NodePort and LoadBalancer Services, every node IP with each nodePort
 * (kube-proxy opens a nodePort on every node). Services are sorted by
 * namespace and name; the result does not depend on the order of `objects`.
 */
export function simulateServices(
  objects: readonly SimObject[],
  pods: readonly SimPod[],
  cluster: Cluster,
): ServicesResult {
  return runSteps(simulateServicesSteps(objects, pods, cluster));
}

/** What `simulateServices` gives. */
export interface ServicesResult {
  services: ServiceReport[];
  diagnostics: ReportDiagnostic[];
}

/** `simulateServices` a slice of Services at a time (see `simulateSteps`). */
export function* simulateServicesSteps(
  objects: readonly SimObject[],
  pods: readonly SimPod[],
  cluster: Cluster,
): Generator<void, ServicesResult, void> {
  const views = objectsOfKind(objects, '', 'Service')
    .map(readService)
    .filter((view): view is ServiceView => view !== undefined)
    .sort(compareServiceViews);
  const clusterIps = assignClusterIps(views, cluster.serviceCIDR);
  const nodePorts = assignNodePorts(views, cluster.nodePortRange);
  const diagnostics: ReportDiagnostic[] = [...clusterIps.diagnostics, ...nodePorts.diagnostics];
  const services: ServiceReport[] = [];
  const podIndex = new PodIndex(pods);

  for (const [index, view] of views.entries()) {
    if ((index + 1) % ITEMS_PER_STEP === 0) yield;
    const selected = selectedPods(view, podIndex);
    const selectorFinding = checkServiceSelector(view, selected, podIndex);
    if (selectorFinding) diagnostics.push(selectorFinding);
    const assigned = nodePorts.nodePorts.get(view);
    const ports: ServicePortReport[] = view.ports.map((port) => {
      // Keys in the contract's order, so the JSON reads like simulation-report.md.
      const report = {} as ServicePortReport;
      if (port.name !== undefined) report.name = port.name;
      report.protocol = port.protocol;
      report.port = port.port;
      report.targetPort = port.targetPort;
      const nodePort = assigned?.get(port.index);
      if (nodePort) {
        report.nodePort = nodePort.nodePort;
        if (nodePort.assigned) report.nodePortAssigned = true;
      }
      report.endpoints = view.type === 'ExternalName' ? [] : portEndpoints(port, selected);
      const targetFinding = checkTargetPort(view, port, selected);
      if (targetFinding) diagnostics.push(targetFinding);
      return report;
    });
    const external = externalAccess(ports, cluster);
    services.push({
      name: view.name,
      namespace: view.namespace,
      type: view.type,
      clusterIP: view.headless ? 'None' : (clusterIps.ips.get(view) ?? null),
      dns: serviceDnsName(view.namespace, view.name, cluster.clusterDomain),
      ports,
      ...(external.length > 0 ? { externalAccess: external } : {}),
      source: sourceOf(view.object),
    });
  }
  return { services, diagnostics: diagnostics.sort(compareDiagnostics) };
}

/** `nodeIP:nodePort` for every nodePort of the Service (in port order) on every node (in node order). */
function externalAccess(ports: readonly ServicePortReport[], cluster: Cluster): string[] {
  const out: string[] = [];
  for (const port of ports) {
    if (port.nodePort === undefined) continue;
    for (const node of cluster.nodes) {
      const address = `${node.ip}:${port.nodePort}`;
      if (!out.includes(address)) out.push(address);
    }
  }
  return out;
}
