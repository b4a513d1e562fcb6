/**
 * A request through the ingress controller (ingress-nginx, the cluster's
 * IngressClass `nginx`), following how it builds its nginx configuration
 * (internal/ingress/controller/controller.go createServers and
 * getBackendServers, and the nginx template):
 *
 * 1. Only Ingresses whose class a controller of the cluster serves count.
 * 2. The server: the rules whose host equals the request's host; else the
 *    wildcard rules whose `*.suffix` matches it (one DNS label); else the
 *    rules without a host (the catch-all server `_`). Rules with a host
 *    therefore beat rules without one, and a matching host never falls back
 *    to the catch-all rules.
 * 3. The location: among that server's paths (of every Ingress), the ones
 *    that match (match-path.ts); the longest path wins, Exact before Prefix
 *    at equal length, then the first Ingress in namespace/name order (the
 *    real controller keeps the oldest one, which manifests cannot tell).
 * 4. No path matches: the defaultBackend of an Ingress that has rules on that
 *    server ("Using its backend as default upstream for all its rules"), else
 *    that of an Ingress with a defaultBackend and no rules (the catch-all);
 *    else the controller's own default backend answers 404.
 */
import type { IngressReport, IngressRuleReport, ServiceReport, SimulationReport } from '../report';
import { keyOf, type SimObject } from '../model/sim-object';
import { findBackend } from './ingress-backend';
import { ingressClassTable, resolveIngressClass, type IngressClassTable } from './ingress-classes';
import { readIngress, type IngressView } from './ingress-view';
import { matchHost } from './match-host';
import { matchesPath } from './match-path';
import type { ParsedUrl } from './parse-url';
import { rewritePath } from './rewrite-path';
import { nowhere, podsOf } from './route-helpers';
import type { RouteResult } from './route-result';

type RouteReport = Pick<SimulationReport, 'cluster' | 'services' | 'ingresses' | 'pods'>;

interface Location {
  ingress: IngressReport;
  view?: IngressView;
  rule: IngressRuleReport;
  order: number;
}

const TYPE_RANK: Record<IngressRuleReport['pathType'], number> = {
  Exact: 0,
  Prefix: 1,
  ImplementationSpecific: 2,
};

function isServed(
  ingress: IngressReport,
  view: IngressView | undefined,
  table: IngressClassTable,
): boolean {
  if (view) return resolveIngressClass(view, table).served;
  const entry = table.classes.find((candidate) => candidate.name === ingress.className);
  return entry !== undefined && table.controllers.has(entry.controller);
}

/** ingress-nginx needsRewrite: a rewrite-target that differs from the location's path. */
function needsRewrite(location: Location): boolean {
  const target = location.view?.rewriteTarget;
  return target !== undefined && target !== location.rule.path;
}

function describeHost(host: string): string {
  return host === '*' ? 'a rule without host' : `host ${host}`;
}

function describeType(location: Location, regex: boolean): string {
  if (regex)
    return `${location.rule.pathType}, matched as the regular expression ^${location.rule.path} because an Ingress of this host uses rewrite-target or use-regex`;
  if (location.rule.pathType === 'ImplementationSpecific')
    return 'ImplementationSpecific, matched as Prefix';
  return location.rule.pathType;
}

function backendOutcome(
  services: readonly ServiceReport[],
  namespace: string,
  name: string,
  port: number | string,
): { service: string; port: number | null; clause: string; found: boolean } {
  const target = findBackend(services, namespace, name, port);
  const key = keyOf(namespace, name);
  if (!target.service) {
    return {
      service: key,
      port: typeof port === 'number' ? port : null,
      found: false,
      clause: `Service ${key}, which is not defined in these manifests, so the controller answers 503`,
    };
  }
  if (target.service.type === 'ExternalName') {
    return {
      service: key,
      port: typeof port === 'number' ? port : null,
      found: true,
      clause: `ExternalName Service ${key}, which proxies out of the cluster`,
    };
  }
  if (!target.port) {
    return {
      service: key,
      port: typeof port === 'number' ? port : null,
      found: false,
      clause: `Service ${key}, which has no port ${typeof port === 'number' ? port : `named "${port}"`}, so the controller answers 503`,
    };
  }
  const n = target.port.endpoints.length;
  const clause =
    n === 0
      ? `Service ${key} port ${target.port.port}, which has no endpoints, so the controller answers 503`
      : `Service ${key} port ${target.port.port} and its ${n === 1 ? '1 endpoint' : `${n} endpoints`}`;
  return { service: key, port: target.port.port, found: true, clause };
}

/** Routes a request that reached the ingress controller. */
export function routeThroughIngress(
  url: string,
  parsed: ParsedUrl,
  report: RouteReport,
  objects: readonly SimObject[],
): RouteResult {
  const table = ingressClassTable(objects, report.cluster);
  const views = new Map<string, IngressView>();
  for (const object of objects) {
    const view = readIngress(object);
    if (view && !views.has(view.key)) views.set(view.key, view);
  }
  const served: Location[] = [];
  const unserved: Location[] = [];
  let order = 0;
  const servedIngresses: IngressReport[] = [];
  for (const ingress of report.ingresses) {
    const view = views.get(keyOf(ingress.namespace, ingress.name));
    const ok = isServed(ingress, view, table);
    if (ok) servedIngresses.push(ingress);
    for (const rule of ingress.rules) {
      const location: Location = { ingress, rule, order: order++ };
      if (view) location.view = view;
      (ok ? served : unserved).push(location);
    }
  }
  const host = parsed.host;
  const pickServer = (locations: readonly Location[]): { host: string; locations: Location[] } => {
    const exact = locations.filter(
      (l) => l.rule.host !== '*' && matchHost(l.rule.host, host) === 'exact',
    );
    if (exact.length > 0) return { host: exact[0]?.rule.host ?? host, locations: exact };
    const wildcard = locations.filter(
      (l) => l.rule.host !== '*' && matchHost(l.rule.host, host) === 'wildcard',
    );
    if (wildcard.length > 0) return { host: wildcard[0]?.rule.host ?? host, locations: wildcard };
    return { host: '*', locations: locations.filter((l) => l.rule.host === '*') };
  };
  const best = (locations: readonly Location[]): { location?: Location; regex: boolean } => {
    const regex = locations.some((l) => l.view?.useRegex === true || needsRewrite(l));
    const matching = locations
      .filter((l) => matchesPath(l.rule.path, l.rule.pathType, parsed.path, regex))
      .sort(
        (a, b) =>
          b.rule.path.length - a.rule.path.length ||
          TYPE_RANK[a.rule.pathType] - TYPE_RANK[b.rule.pathType] ||
          a.order - b.order,
      );
    const location = matching[0];
    return location ? { location, regex } : { regex };
  };

  const server = pickServer(served);
  const { location, regex } = best(server.locations);
  if (location) {
    const ingressKey = keyOf(location.ingress.namespace, location.ingress.name);
    const outcome = backendOutcome(
      report.services,
      location.ingress.namespace,
      location.rule.service,
      location.rule.port,
    );
    const target = findBackend(
      report.services,
      location.ingress.namespace,
      location.rule.service,
      location.rule.port,
    );
    const others = server.locations.filter((l) =>
      matchesPath(l.rule.path, l.rule.pathType, parsed.path, regex),
    ).length;
    const result: RouteResult = {
      url,
      via: 'ingress',
      ingress: ingressKey,
      rule: {
        host: location.rule.host,
        path: location.rule.path,
        pathType: location.rule.pathType,
      },
      service: outcome.service,
      port: outcome.port,
      pods: target.service?.type === 'ExternalName' ? [] : podsOf(target.port),
      reason: `The request reaches the ingress controller and Ingress ${ingressKey} takes it: ${describeHost(server.host)}, path ${location.rule.path} (${describeType(location, regex)}) is ${others > 1 ? 'the longest matching path' : 'the matching path'}, to ${outcome.clause}.`,
    };
    const rewriteTarget = location.view?.rewriteTarget;
    if (rewriteTarget !== undefined) {
      result.rewrittenPath = rewritePath(location.rule.path, rewriteTarget, parsed.path);
    }
    return result;
  }

  const contributing = [...new Set(server.locations.map((l) => l.ingress))];
  const fallbackIngress =
    contributing.find((ingress) => ingress.defaultBackend !== undefined) ??
    servedIngresses.find(
      (ingress) => ingress.rules.length === 0 && ingress.defaultBackend !== undefined,
    );
  const fallback = fallbackIngress?.defaultBackend;
  if (fallbackIngress && fallback) {
    const ingressKey = keyOf(fallbackIngress.namespace, fallbackIngress.name);
    const outcome = backendOutcome(
      report.services,
      fallbackIngress.namespace,
      fallback.service,
      fallback.port,
    );
    const target = findBackend(
      report.services,
      fallbackIngress.namespace,
      fallback.service,
      fallback.port,
    );
    return {
      url,
      via: 'ingress',
      ingress: ingressKey,
      rule: null,
      service: outcome.service,
      port: outcome.port,
      pods: target.service?.type === 'ExternalName' ? [] : podsOf(target.port),
      reason: `No Ingress rule matches host ${host} and path ${parsed.path}, so the defaultBackend of Ingress ${ingressKey} takes it: ${outcome.clause}.`,
    };
  }

  const wouldMatch = best(pickServer(unserved).locations).location;
  if (wouldMatch) {
    const key = keyOf(wouldMatch.ingress.namespace, wouldMatch.ingress.name);
    const className = wouldMatch.ingress.className;
    return nowhere(
      url,
      `Ingress ${key} has a matching rule (${describeHost(wouldMatch.rule.host)}, path ${wouldMatch.rule.path}), but ${className === undefined ? 'it has no IngressClass' : `its class "${className}"`} is served by no controller of the cluster, so the ingress controller answers 404 Not Found.`,
    );
  }
  if (servedIngresses.length === 0) {
    return nowhere(
      url,
      'No Ingress of these manifests is served by a controller of the cluster, so the ingress controller answers 404 Not Found.',
    );
  }
  return nowhere(
    url,
    `No Ingress rule matches host ${host} and path ${parsed.path}, and no Ingress has a defaultBackend for it, so the ingress controller answers 404 Not Found.`,
  );
}
