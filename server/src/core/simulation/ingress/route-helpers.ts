import type { ServicePortReport } from '../report';
import type { RoutePod, RouteResult } from './route-result';

/** A route that reaches nothing, with the reason why. */
export function nowhere(url: string, reason: string): RouteResult {
  return { url, via: null, ingress: null, rule: null, service: null, port: null, pods: [], reason };
}

/** A Service port's endpoints as the pods a request may land on. */
export function podsOf(port: ServicePortReport | undefined): RoutePod[] {
  return (port?.endpoints ?? []).map((endpoint) => ({
    name: endpoint.pod,
    ip: endpoint.ip,
    port: endpoint.port,
  }));
}
