/**
 * The Ingresses of a scope: for every host and path, the Service port it
 * sends to and that port's endpoints; the class that serves it; and the
 * cross-resource findings (a class no controller serves, a backend Service
 * or port that does not exist, two Ingresses claiming one path).
 */
import { checkDns1123Label } from '../../validation/name-validators';
import type {
  Cluster,
  EndpointReport,
  IngressBackendReport,
  IngressReport,
  IngressRuleReport,
  ReportDiagnostic,
  ServiceReport,
} from '../report';
import { objectsOfKind } from '../model/object-kinds';
import { rangeOf, sourceOf, type SimObject } from '../model/sim-object';
import { compareDiagnostics, makeDiagnostic } from '../networking/make-diagnostic';
import {
  INGRESS_BACKEND_PORT_NOT_FOUND,
  INGRESS_BACKEND_SERVICE_NOT_FOUND,
  INGRESS_CLASS_NOT_FOUND,
  INGRESS_PATH_CONFLICT,
} from '../networking/networking-codes';
import { findBackend } from './ingress-backend';
import { ingressClassTable, resolveIngressClass } from './ingress-classes';
import {
  compareIngressViews,
  readIngress,
  type IngressBackendView,
  type IngressPathView,
  type IngressView,
} from './ingress-view';

/** The host of a rule as the report shows it: `*` for a rule without a host. */
export function reportHost(host: string | undefined): string {
  return host ?? '*';
}

function describePath(path: IngressPathView): string {
  return path.host !== undefined
    ? `${path.host}${path.path} (${path.pathType})`
    : `path ${path.path} (${path.pathType})`;
}

function checkBackend(
  view: IngressView,
  backend: IngressBackendView,
  what: string,
  services: readonly ServiceReport[],
): { endpoints: EndpointReport[]; diagnostic?: ReportDiagnostic } {
  const target = findBackend(services, view.namespace, backend.service, backend.port);
  // A name no Service can have (rootSvc) is already an API-server error on the
  // same value: one root cause, one diagnostic.
  if (!target.service && checkDns1123Label(backend.service).length > 0) return { endpoints: [] };
  if (!target.service) {
    const nearly = services.find(
      (service) =>
        service.namespace === view.namespace &&
        service.name.toLowerCase() === backend.service.toLowerCase(),
    );
    const hint = nearly ? ` (Service names are case-sensitive: did you mean ${nearly.name}?)` : '';
    return {
      endpoints: [],
      diagnostic: makeDiagnostic(
        INGRESS_BACKEND_SERVICE_NOT_FOUND,
        view.object,
        rangeOf(view.object, [...backend.at, 'service', 'name'], 'value'),
        `Ingress ${view.key} sends ${what} to Service ${backend.service}, but no Service ${view.namespace}/${backend.service} is defined in these manifests${hint}; the controller answers 503 Service Unavailable for it.`,
      ),
    };
  }
  if (target.service.type === 'ExternalName') return { endpoints: [] };
  if (!target.port) {
    const ports =
      target.service.ports
        .map((port) => (port.name ? `${port.name}/${port.port}` : String(port.port)))
        .join(', ') || 'none';
    const asked =
      typeof backend.port === 'number'
        ? `port ${backend.port}`
        : `the port named "${backend.port}"`;
    return {
      endpoints: [],
      diagnostic: makeDiagnostic(
        INGRESS_BACKEND_PORT_NOT_FOUND,
        view.object,
        rangeOf(view.object, backend.portPath, 'value'),
        `Ingress ${view.key} sends ${what} to ${asked} of Service ${target.service.namespace}/${target.service.name}, which has no such port (ports: ${ports}).`,
      ),
    };
  }
  return { endpoints: target.port.endpoints };
}

/**
 * Simulates every Ingress of `objects` against the simulated Services.
 * Ingresses are sorted by namespace and name; rules keep their written order.
 * An Ingress whose class no controller serves lists its rules with no
 * endpoints: nothing routes them.
 */
export function simulateIngresses(
  objects: readonly SimObject[],
  services: readonly ServiceReport[],
  cluster: Cluster,
): { ingresses: IngressReport[]; diagnostics: ReportDiagnostic[] } {
  const table = ingressClassTable(objects, cluster);
  const views = objectsOfKind(objects, 'networking.k8s.io', 'Ingress')
    .map(readIngress)
    .filter((view): view is IngressView => view !== undefined)
    .sort(compareIngressViews);
  const diagnostics: ReportDiagnostic[] = [];
  const ingresses: IngressReport[] = [];
  const claimed = new Map<string, { view: IngressView; path: IngressPathView }[]>();

  for (const view of views) {
    const resolution = resolveIngressClass(view, table);
    if (!resolution.served) {
      const range = resolution.path
        ? rangeOf(view.object, resolution.path, 'value')
        : rangeOf(view.object, ['metadata', 'name'], 'value');
      diagnostics.push(
        makeDiagnostic(
          INGRESS_CLASS_NOT_FOUND,
          view.object,
          range,
          `Ingress ${view.key} ${resolution.problem ?? 'has no IngressClass'}; no controller picks it up, so it routes nothing.`,
        ),
      );
    }
    const rules: IngressRuleReport[] = view.paths.map((path) => {
      const checked = checkBackend(view, path.backend, describePath(path), services);
      if (checked.diagnostic) diagnostics.push(checked.diagnostic);
      if (resolution.served) {
        const key = `${resolution.name ?? ''}\u0000${path.host ?? ''}\u0000${path.path}\u0000${path.pathType}`;
        const list = claimed.get(key) ?? [];
        list.push({ view, path });
        claimed.set(key, list);
      }
      return {
        host: reportHost(path.host),
        path: path.path,
        pathType: path.pathType,
        service: path.backend.service,
        port: path.backend.port,
        endpoints: resolution.served ? checked.endpoints : [],
      };
    });
    let fallback: IngressBackendReport | undefined;
    if (view.defaultBackend) {
      const checked = checkBackend(view, view.defaultBackend, 'requests no rule matches', services);
      if (checked.diagnostic) diagnostics.push(checked.diagnostic);
      fallback = {
        service: view.defaultBackend.service,
        port: view.defaultBackend.port,
        endpoints: resolution.served ? checked.endpoints : [],
      };
    }
    // Keys in the contract's order.
    ingresses.push({
      name: view.name,
      namespace: view.namespace,
      ...(resolution.name !== undefined ? { className: resolution.name } : {}),
      rules,
      ...(fallback ? { defaultBackend: fallback } : {}),
      source: sourceOf(view.object),
    });
  }

  // ingress-nginx keeps the first location for a host, path and pathType
  // ("Location … already configured for server …") and ignores later ones.
  for (const list of claimed.values()) {
    if (list.length < 2) continue;
    for (const entry of list) {
      const other = list.find((candidate) => candidate !== entry);
      if (!other) continue;
      const same = other.view === entry.view;
      diagnostics.push(
        makeDiagnostic(
          INGRESS_PATH_CONFLICT,
          entry.view.object,
          rangeOf(entry.view.object, [...entry.path.at, 'path'], 'key'),
          same
            ? `Ingress ${entry.view.key} routes ${describePath(entry.path)} twice (to ${entry.path.backend.service} and ${other.path.backend.service}); the controller keeps the first and ignores the other.`
            : `Ingress ${entry.view.key} routes ${describePath(entry.path)}, which Ingress ${other.view.key} also routes; the controller keeps the one created first and ignores the other.`,
        ),
      );
    }
  }
  return { ingresses, diagnostics: diagnostics.sort(compareDiagnostics) };
}
