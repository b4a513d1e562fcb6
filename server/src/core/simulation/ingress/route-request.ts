/**
 * Where one HTTP request goes in the simulated cluster: the `slipway route`
 * answer (contract: simulation-report.md).
 *
 * - A host that is a node IP or node name, on a port that is a nodePort,
 *   goes straight to that Service: kube-proxy opens every nodePort on every
 *   node.
 * - A host that is a ClusterIP or a Service DNS name
 *   (`name.namespace.svc[.clusterDomain]`) goes to that Service's port.
 * - Ingress traffic arrives at the ingress controller, which listens on every
 *   node IP on ports 80 and 443: a node IP on 80/443, or any other hostname,
 *   goes through the Ingress rules (route-ingress.ts).
 */
import type { ServicePortReport, ServiceReport, SimulationReport } from '../report';
import { keyOf, type SimObject } from '../model/sim-object';
import { parseIpv4 } from '../networking/ipv4';
import { parseUrl, type ParsedUrl } from './parse-url';
import { nowhere, podsOf } from './route-helpers';
import { routeThroughIngress } from './route-ingress';
import type { RouteResult } from './route-result';

type RouteReport = Pick<SimulationReport, 'cluster' | 'services' | 'ingresses' | 'pods'>;

/** The ports the ingress controller listens on, on every node. */
const INGRESS_PORTS: readonly number[] = [80, 443];

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function endpointsClause(port: ServicePortReport, via: string): string {
  const n = port.endpoints.length;
  if (n === 0) return `${via}, but the Service has no endpoints, so the connection is refused`;
  const targets = [...new Set(port.endpoints.map((endpoint) => endpoint.port))].join('/');
  return `${via} to ${count(n, 'endpoint')} on port ${targets}`;
}

function serviceResult(
  url: string,
  via: 'nodePort' | 'clusterIP',
  service: ServiceReport,
  port: ServicePortReport,
  reason: string,
): RouteResult {
  return {
    url,
    via,
    ingress: null,
    rule: null,
    service: keyOf(service.namespace, service.name),
    port: port.port,
    pods: podsOf(port),
    reason,
  };
}

function routeNodePort(
  url: string,
  parsed: ParsedUrl,
  report: RouteReport,
  nodeName: string,
): RouteResult | undefined {
  // One node port range serves every protocol: every Service that asks for the port contends for it.
  const claimers = report.services.filter(
    (service) =>
      (service.type === 'NodePort' || service.type === 'LoadBalancer') &&
      service.ports.some((p) => p.nodePort === parsed.port),
  );
  for (const service of claimers) {
    const port = service.ports.find((p) => p.nodePort === parsed.port && p.protocol === 'TCP');
    if (!port) continue;
    const key = keyOf(service.namespace, service.name);
    let reason = `${parsed.host} is node ${nodeName} and ${parsed.port} is the nodePort of Service ${key} (port ${port.port}), which kube-proxy opens on every node and ${endpointsClause(port, 'forwards')}.`;
    const rivals = claimers
      .filter((other) => other !== service)
      .map((other) => `Service ${keyOf(other.namespace, other.name)}`);
    if (rivals.length > 0) {
      reason += ` ${rivals.join(', ')} also ${rivals.length === 1 ? 'asks' : 'ask'} for nodePort ${parsed.port} (service-node-port-conflict): the API server gives it to the Service created first and rejects the others, so this route holds only if ${key} is created first.`;
    }
    return serviceResult(url, 'nodePort', service, port, reason);
  }
  return undefined;
}

function routeService(
  url: string,
  parsed: ParsedUrl,
  service: ServiceReport,
  byDns: boolean,
): RouteResult {
  const key = keyOf(service.namespace, service.name);
  const what = byDns ? `the DNS name of Service ${key}` : `the ClusterIP of Service ${key}`;
  if (service.type === 'ExternalName') {
    return {
      ...nowhere(
        url,
        `${parsed.host} is ${what}, an ExternalName Service: the cluster DNS answers with a CNAME to its externalName, so the request leaves the cluster.`,
      ),
      service: key,
    };
  }
  if (service.clusterIP === 'None') {
    const port = service.ports.find((p) =>
      p.endpoints.some((endpoint) => endpoint.port === parsed.port),
    );
    if (!port) {
      return {
        ...nowhere(
          url,
          `${parsed.host} is ${what}, a headless Service: DNS answers with its pods' IPs, but none of its endpoints listens on port ${parsed.port}.`,
        ),
        service: key,
      };
    }
    const pods = podsOf(port).filter((pod) => pod.port === parsed.port);
    return {
      ...serviceResult(url, 'clusterIP', service, port, ''),
      pods,
      reason: `${parsed.host} is ${what}, a headless Service: DNS answers with the IPs of its ${count(pods.length, 'pod')}, so the request goes straight to a pod on port ${parsed.port}, without kube-proxy.`,
    };
  }
  const port = service.ports.find((p) => p.port === parsed.port && p.protocol === 'TCP');
  if (!port) {
    const ports = service.ports.map((p) => `${p.port}/${p.protocol}`).join(', ') || 'none';
    return {
      ...nowhere(
        url,
        `${parsed.host} is ${what}, but the Service has no TCP port ${parsed.port} (ports: ${ports}), so the connection is refused.`,
      ),
      service: key,
    };
  }
  const reason = `${parsed.host} is ${what}, and kube-proxy ${endpointsClause(port, `forwards its port ${port.port}`)}.`;
  return serviceResult(url, 'clusterIP', service, port, reason);
}

/**
 * Routes `url` through the simulated cluster. `objects` (the scope's
 * manifests) supply what the report does not carry: the ingress-nginx
 * annotations (rewrite-target, use-regex) and the IngressClasses of the
 * manifests; without them, paths match as the Ingress API defines them.
 */
export function routeRequest(
  url: string,
  report: RouteReport,
  objects: readonly SimObject[] = [],
): RouteResult {
  const parsed = parseUrl(url);
  if (!parsed) return nowhere(url, `"${url}" is not a URL with a host (http://host[:port]/path).`);
  if (parsed.scheme !== 'http' && parsed.scheme !== 'https') {
    return nowhere(url, `Only http and https requests are routed, not ${parsed.scheme}.`);
  }
  const host = parsed.host;
  const node = report.cluster.nodes.find(
    (candidate) => candidate.ip === host || candidate.name.toLowerCase() === host,
  );
  if (node) {
    const viaNodePort = routeNodePort(url, parsed, report, node.name);
    if (viaNodePort) return viaNodePort;
    if (INGRESS_PORTS.includes(parsed.port))
      return routeThroughIngress(url, parsed, report, objects);
    return nowhere(
      url,
      `Nothing listens on ${host}:${parsed.port} (node ${node.name}): it is not the nodePort of any Service (range ${report.cluster.nodePortRange}), and the ingress controller listens on ports 80 and 443 only.`,
    );
  }
  const byIp = report.services.find((service) => service.clusterIP === host);
  if (byIp) return routeService(url, parsed, byIp, false);
  const byDns = report.services.find(
    (service) => service.dns === host || `${service.name}.${service.namespace}.svc` === host,
  );
  if (byDns) return routeService(url, parsed, byDns, true);
  const pod = report.pods.find((candidate) => candidate.ip === host || candidate.dns === host);
  if (pod?.ip) {
    return {
      ...nowhere(
        url,
        `${host} is the ${pod.ip === host ? 'IP' : 'DNS name'} of pod ${pod.namespace}/${pod.name}, so the request goes straight to the pod on port ${parsed.port}, past every Service and Ingress.`,
      ),
      pods: [{ name: pod.name, ip: pod.ip, port: parsed.port }],
    };
  }
  if (parseIpv4(host) !== undefined) {
    return nowhere(
      url,
      `${host} is not a node IP, a ClusterIP or a pod IP of the simulated cluster, so nothing answers.`,
    );
  }
  if (!INGRESS_PORTS.includes(parsed.port)) {
    return nowhere(
      url,
      `${host} is not a node or Service name, so it would reach the ingress controller, which listens on ports 80 and 443 only, not ${parsed.port}.`,
    );
  }
  return routeThroughIngress(url, parsed, report, objects);
}
