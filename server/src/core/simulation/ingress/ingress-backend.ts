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

const indexes = new WeakMap<
  readonly ServiceReport[],
  { length: number; byKey: Map<string, ServiceReport> }
>();

/** The first Service of each `namespace/name`, indexed once per list (and again if it grew). */
function servicesByKey(services: readonly ServiceReport[]): Map<string, ServiceReport> {
  let index = indexes.get(services);
  if (!index || index.length !== services.length) {
    const byKey = new Map<string, ServiceReport>();
    for (const service of services) {
      const key = keyOf(service.namespace, service.name);
      if (!byKey.has(key)) byKey.set(key, service);
    }
    index = { length: services.length, byKey };
    indexes.set(services, index);
  }
  return index.byKey;
}

/** Looks a backend up among the simulated Services. */
export function findBackend(
  services: readonly ServiceReport[],
  namespace: string,
  name: string,
  port: number | string,
): BackendTarget {
  const service = servicesByKey(services).get(keyOf(namespace, name));
  if (!service) return {};
  const match = service.ports.find((candidate) =>
    typeof port === 'number' ? candidate.port === port : candidate.name === port,
  );
  return match ? { service, port: match } : { service };
}
