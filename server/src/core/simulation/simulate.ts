import { compareText } from './model/compare-text';
import { resolveConfigUseSteps } from './config-maps/resolve-config-use';
import { configStartBlocker } from './config-maps/config-start-blocker';
import { collectConfigSources } from './config-maps/config-sources';
import { podConfigMapIndex } from './config-maps/pod-config-maps';
import { simulateIngresses } from './ingress/simulate-ingresses';
import { buildLifecycle } from './lifecycle/build-lifecycle';
import { ITEMS_PER_STEP, runSteps } from '../steps/run-steps';
import type { JsonObject, JsonPath } from '../model/json';
import { memoByObject } from './model/memo';
import type { SimObject } from './model/sim-object';
import type { SimPod } from './model/sim-pod';
import { simulateServicesSteps } from './networking/simulate-services';
import {
  REPORT_VERSION,
  type Cluster,
  type ContainerPortReport,
  type ContainerReport,
  type PodReport,
  type ReportDiagnostic,
  type SimulationReport,
} from './report';
import { schedulePodsSteps } from './scheduling/schedule-pods';
import { bindClaimsSteps } from './storage/bind-claims';
import { claimBlocker } from './storage/claim-blocker';
import { claimDiagnostics, claimReports } from './storage/claim-reports';
import { podClaimRefs } from './storage/pod-claim-refs';
import { sourceAt } from './model/sim-object';
import type { SourceRef } from './report';
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

/** A pod spec's containers as the report shows them (the same for every pod of a template). */
const containerReports = memoByObject((spec: JsonObject): ContainerReport[] => {
  const containers = Array.isArray(spec.containers) ? spec.containers : [];
  return containers.flatMap((container) => {
    if (typeof container !== 'object' || container === null || Array.isArray(container)) return [];
    const ports = Array.isArray(container.ports) ? container.ports : [];
    return [
      {
        name: typeof container.name === 'string' ? container.name : '',
        image: typeof container.image === 'string' ? container.image : '',
        ports: ports.flatMap((port) => {
          if (typeof port !== 'object' || port === null || Array.isArray(port)) return [];
          if (typeof port.containerPort !== 'number') return [];
          const out: ContainerPortReport = {
            containerPort: port.containerPort,
            protocol: typeof port.protocol === 'string' ? port.protocol : 'TCP',
          };
          if (typeof port.name === 'string') out.name = port.name;
          if (typeof port.hostPort === 'number') out.hostPort = port.hostPort;
          return [out];
        }),
      },
    ];
  });
});

/** What the pod reports of one simulation share. */
interface PodReportContext {
  clusterDomain: string;
  /** The ConfigMaps a pod reads (podConfigMaps). */
  configMapsOf: (pod: Pick<SimPod, 'name' | 'namespace'>) => { name: string; found: boolean }[];
  /** The pod template each pod comes from, as a report source, by the object holding it. */
  sources: Map<SimObject, { specPath: JsonPath; source: SourceRef }>;
}

function templateSource(pod: SimPod, context: PodReportContext): SourceRef {
  const known = context.sources.get(pod.from);
  if (known && known.specPath === pod.specPath) return known.source;
  const source = sourceAt(
    pod.from,
    pod.specPath.length > 1 ? pod.specPath.slice(0, -1) : pod.specPath,
  );
  context.sources.set(pod.from, { specPath: pod.specPath, source });
  return source;
}

function podReport(pod: SimPod, context: PodReportContext): PodReport {
  const report: PodReport = {
    name: pod.name,
    namespace: pod.namespace,
    owner: `${pod.owner.kind}/${pod.owner.name}`,
    node: pod.node,
    ip: pod.ip,
    phase: pod.phase,
    labels: pod.labels,
    containers: containerReports(pod.spec),
    source: templateSource(pod, context),
  };
  if (pod.reason !== undefined) report.reason = pod.reason;
  if (pod.hostname !== undefined) report.hostname = pod.hostname;
  if (pod.subdomain !== undefined) report.subdomain = pod.subdomain;
  if (pod.hostname !== undefined && pod.subdomain !== undefined) {
    // Pod DNS through the governing headless Service.
    report.dns = `${pod.hostname}.${pod.subdomain}.${pod.namespace}.svc.${context.clusterDomain}`;
  }
  const volumes = podClaimRefs(pod).map(({ volume, claim }) => ({ name: volume, claim }));
  if (volumes.length > 0) report.volumes = volumes;
  const maps = context.configMapsOf(pod);
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
  const claimsBefore = yield* bindClaimsSteps(objects, created, cluster, 'before-scheduling');
  const configSources = collectConfigSources(objects);
  yield;
  const scheduled = yield* schedulePodsSteps(plans, created, cluster, {
    claimBlocker: (pod) => claimBlocker(claimsBefore, pod),
    startBlocker: configStartBlocker(objects, configSources),
  });
  yield;
  const claimsAfter = yield* bindClaimsSteps(
    objects,
    scheduled.pods,
    cluster,
    'after-scheduling',
    claimsBefore,
  );
  yield;
  const pods = scheduled.pods;
  const config = yield* resolveConfigUseSteps(objects, pods, configSources);
  yield;
  const services = yield* simulateServicesSteps(objects, pods, cluster);
  yield;
  const ingresses = simulateIngresses(objects, services.services, cluster);
  yield;

  const byName = (
    a: { namespace: string; name: string },
    b: { namespace: string; name: string },
  ): number => compareText(a.namespace, b.namespace) || compareText(a.name, b.name);
  const podReports: PodReport[] = [];
  const reportContext: PodReportContext = {
    clusterDomain: cluster.clusterDomain,
    configMapsOf: podConfigMapIndex(config.configMaps),
    sources: new Map(),
  };
  for (const pod of pods) {
    podReports.push(podReport(pod, reportContext));
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
