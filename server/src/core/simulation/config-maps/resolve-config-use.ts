/**
 * The report's `configMaps` and `secrets`: every ConfigMap and Secret the
 * scope defines or its pods read, who reads which key and whether it is
 * there; the findings for references that would keep pods from starting; and
 * the kubelet's verdict on each scheduled pod (a pod that cannot start is set
 * Pending with the kubelet's reason and the lifecycle step it stops at).
 */
import { getAt, isJsonObject, type JsonPath } from '../../model/json';
import { ITEMS_PER_STEP, runSteps } from '../../steps/run-steps';
import { podSpecHolders } from '../model/object-kinds';
import type { ConfigObjectReport, ConfigUseReport, ReportDiagnostic } from '../report';
import { namespaceOf, rangeOf, sourceOf, type SimObject } from '../model/sim-object';
import type { SimPod } from '../model/sim-pod';
import { compareDocumentOrder, compareText } from '../storage/document-order';
import { configReferences, podContainers, type ConfigReference } from './config-references';
import {
  collectConfigSources,
  findSource,
  sourceKey,
  type ConfigKind,
  type ConfigSource,
} from './config-sources';
import { configBlocker } from './config-start-blocker';
import { mountFailure } from './kubelet-config-failure';
import { referenceProblems, type ReferenceProblem } from './reference-problems';

/** The configuration side of the report. */
export interface ConfigUseResult {
  configMaps: ConfigObjectReport[];
  secrets: ConfigObjectReport[];
  diagnostics: ReportDiagnostic[];
}

function describeReader(ref: ConfigReference): string {
  if (ref.container) {
    return `container "${ref.container.name}"${ref.container.init ? ' (init)' : ''}`;
  }
  return `volume "${ref.volume ?? ''}"`;
}

function consequence(ref: ConfigReference, problem: ReferenceProblem): string {
  if (ref.volume !== undefined) {
    return `the kubelet cannot mount volume "${ref.volume}": ${mountFailure(ref.volume, problem.kubeletError)}`;
  }
  return `the kubelet cannot create ${describeReader(ref)}: CreateContainerConfigError: ${problem.kubeletError}`;
}

/** Containers that mount the volume (init containers first), by volumeMounts. */
function mountingContainers(pod: SimPod, volume: string): string[] {
  return podContainers(pod.spec)
    .filter(({ container }) => {
      const mounts = container.volumeMounts;
      return Array.isArray(mounts) && mounts.some((mount) => getAt(mount, ['name']) === volume);
    })
    .map(({ ref }) => ref.name);
}

function usesOf(
  pod: SimPod,
  ref: ConfigReference,
  source: ConfigSource | undefined,
): ConfigUseReport[] {
  const exists = source !== undefined;
  const base = { pod: pod.name, via: ref.via, optional: ref.optional };
  if (ref.container) {
    if (ref.key !== undefined) {
      const found = exists && source.envKeys.has(ref.key);
      return [{ ...base, container: ref.container.name, key: ref.key, found }];
    }
    return [{ ...base, container: ref.container.name, found: exists }];
  }
  const containers = mountingContainers(pod, ref.volume ?? '');
  // A volume no container mounts is still set up by the kubelet.
  return (containers.length > 0 ? containers : ['']).flatMap((container) =>
    ref.items
      ? ref.items.map((item) => ({
          ...base,
          container,
          key: item.key,
          found: exists && source.keys.includes(item.key),
        }))
      : [{ ...base, container, found: exists }],
  );
}

function compareUse(a: ConfigUseReport, b: ConfigUseReport): number {
  return (
    compareText(a.pod, b.pod) ||
    compareText(a.container, b.container) ||
    compareText(a.via, b.via) ||
    compareText(a.key ?? '', b.key ?? '')
  );
}

function compareReport(a: ConfigObjectReport, b: ConfigObjectReport): number {
  return compareText(a.namespace, b.namespace) || compareText(a.name, b.name);
}

/**
 * Resolves every ConfigMap and Secret use of the scope. Findings come from
 * the pod templates of every workload and Pod (one per written reference),
 * uses from the simulated pods. Scheduled pods that the kubelet cannot start
 * (and that nothing blocked before) are updated in place: `phase` Pending,
 * `reason` and `blocked` as configBlockerFor gives them.
 */
export function resolveConfigUse(
  objects: readonly SimObject[],
  pods: SimPod[],
  sources: ReadonlyMap<string, ConfigSource> = collectConfigSources(objects),
): ConfigUseResult {
  return runSteps(resolveConfigUseSteps(objects, pods, sources));
}

/** `resolveConfigUse` a slice of templates and pods at a time (see `simulateSteps`). */
export function* resolveConfigUseSteps(
  objects: readonly SimObject[],
  pods: SimPod[],
  sources: ReadonlyMap<string, ConfigSource>,
): Generator<void, ConfigUseResult, void> {
  const blockerFor = configBlocker(sources);
  const entries = new Map<string, ConfigObjectReport>();
  for (const [key, source] of sources) {
    const entry: ConfigObjectReport = {
      name: source.name,
      namespace: source.namespace,
      defined: true,
      keys: source.keys,
      usedBy: [],
    };
    if (source.object) entry.source = sourceOf(source.object);
    entries.set(key, entry);
  }
  const entryFor = (kind: ConfigKind, namespace: string, name: string): ConfigObjectReport => {
    const key = sourceKey(kind, namespace, name);
    let entry = entries.get(key);
    if (!entry) {
      const source = findSource(sources, kind, namespace, name);
      entry = {
        name,
        namespace,
        defined: source !== undefined,
        keys: source?.keys ?? [],
        usedBy: [],
      };
      entries.set(key, entry);
    }
    return entry;
  };

  const diagnostics: ReportDiagnostic[] = [];
  const reported = new Set<string>();
  const templates = [...podSpecHolders(objects)].sort((a, b) =>
    compareDocumentOrder(a.object, b.object),
  );
  for (const [index, { object, specPath }] of templates.entries()) {
    if ((index + 1) % ITEMS_PER_STEP === 0) yield;
    const spec = getAt(object.manifest.body, specPath);
    if (!isJsonObject(spec)) continue;
    const namespace = namespaceOf(object);
    for (const ref of configReferences(spec)) {
      entryFor(ref.kind, namespace, ref.name);
      for (const problem of referenceProblems(ref, namespace, sources)) {
        const path: JsonPath = [...specPath, ...problem.path];
        const range = rangeOf(object, path, 'value');
        const key = `${object.uri}:${JSON.stringify(range)}:${problem.code.code}`;
        if (reported.has(key)) continue;
        reported.add(key);
        diagnostics.push({
          severity: problem.code.severity,
          code: problem.code.code,
          message: `${problem.explanation}; ${consequence(ref, problem)}.`,
          uri: object.uri,
          range,
        });
      }
    }
  }

  for (const [index, pod] of pods.entries()) {
    if ((index + 1) % ITEMS_PER_STEP === 0) yield;
    for (const ref of configReferences(pod.spec)) {
      const source = findSource(sources, ref.kind, pod.namespace, ref.name);
      entryFor(ref.kind, pod.namespace, ref.name).usedBy.push(...usesOf(pod, ref, source));
    }
    if (pod.node === null || pod.blocked) continue;
    const blocked = blockerFor(pod);
    if (!blocked) continue;
    pod.phase = 'Pending';
    pod.reason = blocked.reason;
    pod.blocked = blocked;
  }

  const all = [...entries.entries()];
  const pick = (kind: ConfigKind): ConfigObjectReport[] =>
    all
      .filter(([key]) => key.startsWith(`${kind}/`))
      .map(([, entry]) => ({ ...entry, usedBy: [...entry.usedBy].sort(compareUse) }))
      .sort(compareReport);
  return { configMaps: pick('ConfigMap'), secrets: pick('Secret'), diagnostics };
}
