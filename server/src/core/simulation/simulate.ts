import { compareText } from './model/compare-text';
import { resolveConfigUse } from './config-maps/resolve-config-use';
import { configStartBlocker } from './config-maps/config-start-blocker';
import { podConfigMaps } from './config-maps/pod-config-maps';
import { simulateIngresses } from './ingress/simulate-ingresses';
import { buildLifecycle } from './lifecycle/build-lifecycle';
import { ITEMS_PER_STEP, runSteps } from './model/run-steps';
import type { SimObject } from './model/sim-object';
import type { SimPod } from './model/sim-pod';
import { simulateServices } from './networking/simulate-services';
import {
  REPORT_VERSION,
  type Cluster,
  type ConfigObjectReport,
  type PodReport,
  type ReportDiagnostic,
  type SimulationReport,
} from './report';
import { schedulePodsSteps } from './scheduling/schedule-pods';
import { bindClaims } from './storage/bind-claims';
import { claimBlocker } from './storage/claim-blocker';
import { claimDiagnostics, claimReports } from './storage/claim-reports';
import { podClaimRefs } from './storage/pod-claim-refs';
import { sourceAt } from './model/sim-object';
import { expandWorkloadsSteps } from './workloads/expand-workloads';
import { sortReportDiagnostics } from './sort-report';

/** A canonical input order, so the report does not depend on file or document order. */
function canonicalOrder(objects: readonly SimObject[]): SimObject[] {
  return [...objects].sort(
    (a, b) =>
      compareText(a.manifest.namespace ?? '', b.manifest.namespace ?? '') ||
      compareText(a.manifest.kind, b.manifest.kind) ||
      compareText(a.manifest.name ?? '', b.manifest.name ?? '') ||
      compareText(a.uri, b.uri) ||
      a.lineOffset - b.lineOffset,
  );
}

function podReport(
  pod: SimPod,
  configMaps: readonly ConfigObjectReport[],
  clusterDomain: string,
): PodReport {
  const containers = Array.isArray(pod.spec.containers) ? pod.spec.containers : [];
  const report: PodReport = {
    name: pod.name,
    namespace: pod.namespace,
    owner: `${pod.owner.kind}/${pod.owner.name}`,
    node: pod.node,
    ip: pod.ip,
    phase: pod.phase,
    labels: pod.labels,
    containers: containers.flatMap((container) => {
      if (typeof container !== 'object' || container === null || Array.isArray(container))
        return [];
      const ports = Array.isArray(container.ports) ? container.ports : [];
      return [
        {
          name: typeof container.name === 'string' ? container.name : '',
          image: typeof container.image === 'string' ? container.image : '',
          ports: ports.flatMap((port) => {
            if (typeof port !== 'object' || port === null || Array.isArray(port)) return [];
            if (typeof port.containerPort !== 'number') return [];
            const out: PodReport['containers'][number]['ports'][number] = {
              containerPort: port.containerPort,
              protocol: typeof port.protocol === 'string' ? port.protocol : 'TCP',
            };
            if (typeof port.name === 'string') out.name = port.name;
            if (typeof port.hostPort === 'number') out.hostPort = port.hostPort;
            return [out];
          }),
        },
      ];
    }),
    source: sourceAt(pod.from, pod.specPath.length > 1 ? pod.specPath.slice(0, -1) : pod.specPath),
  };
  if (pod.reason !== undefined) report.reason = pod.reason;
  if (pod.hostname !== undefined) report.hostname = pod.hostname;
  if (pod.subdomain !== undefined) report.subdomain = pod.subdomain;
  if (pod.hostname !== undefined && pod.subdomain !== undefined) {
    // Pod DNS through the governing headless Service.
    report.dns = `${pod.hostname}.${pod.subdomain}.${pod.namespace}.svc.${clusterDomain}`;
  }
  const volumes = podClaimRefs(pod).map(({ volume, claim }) => ({ name: volume, claim }));
  if (volumes.length > 0) report.volumes = volumes;
  const maps = podConfigMaps(configMaps, pod);
  if (maps.length > 0) report.configMaps = maps;
  report.lifecycle = buildLifecycle(pod);
  return report;
}

/**
 * Simulates a scope's manifests on a cluster: workloads → claims bound →
 * pods scheduled (with their IPs) → late claims bound → ConfigMap and Secret
 * use → Services and endpoints → Ingress routes → lifecycle → findings.
 * Pure and deterministic: the same objects in any order give the same report.
 */
export function simulate(input: readonly SimObject[], cluster: Cluster): SimulationReport {
  return runSteps(simulateSteps(input, cluster));
}

/**
 * `simulate` one stage at a time: it yields between stages, so a caller can
 * spread a large scope over several turns of the event loop and drop it when
 * its input changes. Driven to the end, it is `simulate`.
 */
export function* simulateSteps(
  input: readonly SimObject[],
  cluster: Cluster,
): Generator<void, SimulationReport, void> {
  const objects = canonicalOrder(input);
  yield;
  const { workloads: plans, pods: created } = yield* expandWorkloadsSteps(objects);
  yield;
  const claimsBefore = bindClaims(objects, created, cluster, 'before-scheduling');
  yield;
  const scheduled = yield* schedulePodsSteps(plans, created, cluster, {
    claimBlocker: (pod) => claimBlocker(claimsBefore, pod),
    startBlocker: configStartBlocker(objects),
  });
  yield;
  const claimsAfter = bindClaims(
    objects,
    scheduled.pods,
    cluster,
    'after-scheduling',
    claimsBefore,
  );
  yield;
  const pods = scheduled.pods;
  const config = resolveConfigUse(objects, pods);
  yield;
  const services = simulateServices(objects, pods, cluster);
  yield;
  const ingresses = simulateIngresses(objects, services.services, cluster);
  yield;

  const byName = (
    a: { namespace: string; name: string },
    b: { namespace: string; name: string },
  ): number => compareText(a.namespace, b.namespace) || compareText(a.name, b.name);
  const podReports: PodReport[] = [];
  for (const pod of pods) {
    podReports.push(podReport(pod, config.configMaps, cluster.clusterDomain));
    if (podReports.length % ITEMS_PER_STEP === 0) yield;
  }
  podReports.sort(byName);
  yield;
  const diagnostics: ReportDiagnostic[] = [
    ...scheduled.diagnostics,
    ...claimDiagnostics(claimsAfter),
    ...config.diagnostics,
    ...services.diagnostics,
    ...ingresses.diagnostics,
  ];
  return {
    reportVersion: REPORT_VERSION,
    cluster,
    workloads: [...scheduled.workloads].sort((a, b) => byName(a, b) || compareText(a.kind, b.kind)),
    pods: podReports,
    services: [...services.services].sort(byName),
    ingresses: [...ingresses.ingresses].sort(byName),
    configMaps: [...config.configMaps].sort(byName),
    secrets: [...config.secrets].sort(byName),
    volumeClaims: claimReports(claimsAfter).sort(byName),
    diagnostics: sortReportDiagnostics(diagnostics),
  };
}
