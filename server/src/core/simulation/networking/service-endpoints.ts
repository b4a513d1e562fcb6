/**
 * A Service port's endpoints, as the EndpointSlice controller
 * (pkg/controller/endpointslice, staging/src/k8s.io/endpointslice) lists
 * them: every pod of the Service's namespace that the selector matches, that
 * runs and has an IP, at the port FindPort resolves the targetPort to; a pod
 * without that port is left out of that port's endpoints.
 */
import type { EndpointReport, ReportDiagnostic } from '../report';
import type { SimPod } from '../model/sim-pod';
import { rangeOf } from '../model/sim-object';
import { listNames } from '../model/list-names';
import { makeDiagnostic } from './make-diagnostic';
import { SERVICE_TARGET_PORT_UNRESOLVED } from './networking-codes';
import { declaredPorts, findTargetPort } from './pod-ports';
import { isServing } from './select-pods';
import type { ServicePortView, ServiceView } from './service-view';

function compareEndpoints(a: EndpointReport, b: EndpointReport): number {
  if (a.pod !== b.pod) return a.pod < b.pod ? -1 : 1;
  if (a.ip !== b.ip) return a.ip < b.ip ? -1 : 1;
  return a.port - b.port;
}

/** The endpoints of one Service port, sorted by pod name. */
export function portEndpoints(
  port: ServicePortView,
  selected: readonly SimPod[],
): EndpointReport[] {
  const out: EndpointReport[] = [];
  for (const pod of selected) {
    if (!isServing(pod)) continue;
    const target = findTargetPort(pod, port);
    if (target === undefined) continue;
    out.push({ pod: pod.name, ip: pod.ip, port: target });
  }
  return out.sort(compareEndpoints);
}

/**
 * service-target-port-unresolved: a named targetPort that no selected pod
 * declares (with the port's protocol). Nothing when no pod is selected: the
 * selector diagnostics say so.
 */
export function checkTargetPort(
  view: ServiceView,
  port: ServicePortView,
  selected: readonly SimPod[],
): ReportDiagnostic | undefined {
  if (typeof port.targetPort !== 'string' || selected.length === 0) return undefined;
  const name = port.targetPort;
  if (selected.some((pod) => findTargetPort(pod, port) !== undefined)) return undefined;
  const declared = new Set<string>();
  for (const pod of selected) {
    for (const entry of declaredPorts(pod.spec)) {
      declared.add(
        `${entry.name ?? '(unnamed)'}/${entry.containerPort}${entry.protocol === 'TCP' ? '' : `/${entry.protocol}`}`,
      );
    }
  }
  const sameNameOtherProtocol = selected.some((pod) =>
    declaredPorts(pod.spec).some((entry) => entry.name === name),
  );
  const podNames = listNames([...new Set(selected.map((pod) => pod.name))].sort());
  const what =
    declared.size > 0 ? `they declare ${[...declared].sort().join(', ')}` : 'they declare no ports';
  const hint = sameNameOtherProtocol
    ? ` (a port named "${name}" exists, but not for ${port.protocol})`
    : '';
  const label = port.name ? `port ${port.name} (${port.port})` : `port ${port.port}`;
  return makeDiagnostic(
    SERVICE_TARGET_PORT_UNRESOLVED,
    view.object,
    rangeOf(view.object, ['spec', 'ports', port.index, 'targetPort'], 'value'),
    `Service ${view.key} ${label} sends to targetPort "${name}", but no container of the selected pods (${podNames}) declares a ${port.protocol} port named "${name}"${hint}; ${what}, so this port has no endpoints.`,
  );
}
