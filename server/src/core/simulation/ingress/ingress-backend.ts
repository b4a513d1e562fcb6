/**
 * Where an Ingress backend leads: the Service of the Ingress's namespace and
 * its port, looked up by number (`port.number` = the Service's `port`) or by
 * name (`port.name` = the Service port's `name`), as ingress-nginx resolves
 * upstreams.
 */
import type { ServicePortReport, ServiceReport } from '../report';
import { keyOf } from '../model/sim-object';

/** The Service a backend names, and its port when it has it. */
export interface BackendTarget {
  service?: ServiceReport;
  port?: ServicePortReport;
}

/** Looks a backend up among the simulated Services. */
export function findBackend(
  services: readonly ServiceReport[],
  namespace: string,
  name: string,
  port: number | string,
): BackendTarget {
  const service = services.find(
    (candidate) => keyOf(candidate.namespace, candidate.name) === keyOf(namespace, name),
  );
  if (!service) return {};
  const match = service.ports.find((candidate) =>
    typeof port === 'number' ? candidate.port === port : candidate.name === port,
  );
  return match ? { service, port: match } : { service };
}
