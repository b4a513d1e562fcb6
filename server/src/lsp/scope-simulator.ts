import { fileURLToPath, pathToFileURL } from 'node:url';
import type { FileCheck } from '../core/check/check-text';
import { validateClusterFile } from '../core/cluster/validate-cluster-file';
import type { Finding } from '../core/diagnostics/finding';
import { CORE_CODES } from '../core/diagnostics/core-codes';
import { joinPath } from '../core/scope/posix-path';
import { resolveScope, type Scope, type ScopeMode } from '../core/scope/resolve-scope';
import { resolveCluster } from '../core/simulation/cluster/resolve-cluster';
import type { SimObject } from '../core/simulation/model/sim-object';
import type { Cluster, ReportDiagnostic, SimulationReport } from '../core/simulation/report';
import { simulate, simulateSteps } from '../core/simulation/simulate';
import { runSteps } from '../core/steps/run-steps';
import type { ParseProblem, ScopeInfo } from '../protocol/requests';
import type { WorkspaceIndex } from './workspace-index';

/** A scope's simulation, remembered until one of its inputs changes. */
export interface ScopeSimulation {
  scope: Scope;
  report: SimulationReport;
  objects: SimObject[];
  parseProblems: ParseProblem[];
}

/** `file:` URI → absolute path, or undefined for other schemes (untitled documents). */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri).replace(/\\/g, '/');
  } catch {
    return undefined;
  }
}

/** Two lists of report diagnostics with the same content (as their JSON would tell), without making the JSON. */
function sameDiagnostics(
  before: readonly ReportDiagnostic[],
  after: readonly ReportDiagnostic[],
): boolean {
  if (before === after) return true;
  if (before.length !== after.length) return false;
  for (let i = 0; i < before.length; i++) {
    const a = before[i];
    const b = after[i];
    if (a === b) continue;
    if (!a || !b || !sameDiagnostic(a, b)) return false;
  }
  return true;
}

function sameDiagnostic(a: ReportDiagnostic, b: ReportDiagnostic): boolean {
  const { start: aStart, end: aEnd } = a.range;
  const { start: bStart, end: bEnd } = b.range;
  if (
    a.severity !== b.severity ||
    a.code !== b.code ||
    a.message !== b.message ||
    a.uri !== b.uri ||
    aStart.line !== bStart.line ||
    aStart.character !== bStart.character ||
    aEnd.line !== bEnd.line ||
    aEnd.character !== bEnd.character
  ) {
    return false;
  }
  // Anything else a diagnostic carries (none does today) is compared as JSON.
  return (
    (Object.keys(a).length === 5 && Object.keys(b).length === 5) ||
    JSON.stringify(a) === JSON.stringify(b)
  );
}

/**
 * Simulates scopes of the workspace index and keeps, per file, the
 * cross-resource diagnostics of every scope it belongs to. Memoized per
 * scope on the revisions of its files and the cluster file, so an edit
 * re-simulates only the scopes that hold the edited file.
 */
export class ScopeSimulator {
  private readonly memo = new Map<string, { key: string; simulation: ScopeSimulation }>();
  /** Cross-resource diagnostics by file URI, from the last `refreshAll`. */
  private crossByUri = new Map<string, ReportDiagnostic[]>();
  /** Problems of each cluster file, by URI. */
  private clusterFindings = new Map<string, Finding[]>();
  /** `findingsFor` results, kept until they change (publishes compare them by identity). */
  private readonly findingsByUri = new Map<string, readonly Finding[]>();

  constructor(
    private readonly index: WorkspaceIndex,
    private readonly settings: () => { scope: ScopeMode; clusterFile: string },
  ) {}

  /**
   * The cluster a workspace folder simulates on: its cluster file when it
   * exists, else the default. The file's problems go to `findings`.
   */
  private clusterFor(
    folder: string | undefined,
    findings: Map<string, Finding[]> = this.clusterFindings,
  ): { cluster: Cluster; key: string } {
    if (!folder) return { cluster: resolveCluster(undefined), key: 'default' };
    const path = joinPath(folder, this.settings().clusterFile);
    const file = this.index.get(path);
    if (!file) return { cluster: resolveCluster(undefined), key: 'default' };
    const result = validateClusterFile(file.text);
    if (findings === this.clusterFindings) {
      const before = findings.get(file.uri);
      if (JSON.stringify(before ?? []) !== JSON.stringify(result.findings)) {
        findings.set(file.uri, result.findings);
        this.findingsByUri.delete(file.uri);
      }
    } else {
      findings.set(file.uri, result.findings);
    }
    return { cluster: resolveCluster(result.value), key: `${path}@${file.revision}` };
  }

  private folderOf(path: string): string | undefined {
    return [...this.index.folders]
      .sort((a, b) => b.length - a.length)
      .find((folder) => path === folder || path.startsWith(`${folder}/`));
  }

  /** The scope of a file (by the setting, or the file alone). */
  scopeOf(path: string, alone = false): Scope {
    const mode: ScopeMode = alone ? 'file' : this.settings().scope;
    return resolveScope(path, this.index.view(), mode);
  }

  /** Simulates a scope, or returns the remembered simulation when nothing it reads has changed. */
  simulateScope(scope: Scope): ScopeSimulation {
    return runSteps(this.simulateScopeSteps(scope));
  }

  /** `simulateScope` a stage at a time (see `simulateSteps`). */
  private *simulateScopeSteps(
    scope: Scope,
    clusterFindings?: Map<string, Finding[]>,
  ): Generator<void, ScopeSimulation, void> {
    const { cluster, key: clusterKey } = this.clusterFor(
      this.folderOf(scope.files[0] ?? scope.id),
      clusterFindings,
    );
    const files = scope.files.flatMap((path) => {
      const file = this.index.get(path);
      return file ? [file] : [];
    });
    const key = `${clusterKey}|${files.map((file) => `${file.path}@${file.revision}`).join('|')}`;
    const memoKey = `${scope.kind}:${scope.id}`;
    const cached = this.memo.get(memoKey);
    if (cached && cached.key === key) return cached.simulation;
    // The remembered simulation is out of date: let it go before the new one
    // is built, so two reports of a large scope are not held at once.
    if (cached) this.memo.delete(memoKey);
    const objects: SimObject[] = files.flatMap((file) =>
      file.check.manifests.map(({ manifest, lineOffset }) => ({
        manifest,
        uri: file.uri,
        lineOffset,
      })),
    );
    const parseProblems: ParseProblem[] = files.flatMap((file) =>
      file.check.findings
        .filter((finding) => finding.code === CORE_CODES.yamlSyntax.code)
        .slice(0, 1)
        .map((finding) => ({ uri: file.uri, range: finding.range, message: finding.message })),
    );
    const report = yield* simulateSteps(objects, cluster);
    const simulation: ScopeSimulation = { scope, report, objects, parseProblems };
    this.memo.set(memoKey, { key, simulation });
    return simulation;
  }

  /** Simulates an unsaved document on its own, on the default cluster. */
  simulateUnsaved(uri: string, check: FileCheck): ScopeSimulation {
    const objects: SimObject[] = check.manifests.map(({ manifest, lineOffset }) => ({
      manifest,
      uri,
      lineOffset,
    }));
    const scope: Scope = {
      id: uri,
      kind: 'file',
      label: uri.slice(uri.lastIndexOf('/') + 1),
      files: [],
    };
    return {
      scope,
      report: simulate(objects, resolveCluster(undefined)),
      objects,
      parseProblems: [],
    };
  }

  /**
   * Re-simulates every scope of the workspace (memoized) and returns the URIs
   * whose cross-resource diagnostics changed.
   */
  refreshAll(): Set<string> {
    return runSteps(this.refreshAllSteps());
  }

  /**
   * `refreshAll` a stage at a time: the caller may stop driving it when the
   * workspace changes (a newer refresh supersedes it); nothing is recorded
   * until it ends, but the simulations of the scopes it finished are
   * remembered for the next one.
   */
  *refreshAllSteps(): Generator<void, Set<string>, void> {
    const seenScopes = new Set<string>();
    const next = new Map<string, ReportDiagnostic[]>();
    // The scope that first gave each file findings, and (once a second scope
    // gives it some too) the findings it has, as JSON.
    const firstScope = new Map<string, string>();
    const nextKeys = new Map<string, Set<string>>();
    const nextClusterFindings = new Map<string, Finding[]>();
    for (const file of this.index.all()) {
      if (!/\.ya?ml$/i.test(file.path) || !file.check.kubernetes) continue;
      const scope = this.scopeOf(file.path);
      const id = `${scope.kind}:${scope.id}`;
      if (seenScopes.has(id)) continue;
      seenScopes.add(id);
      const simulation = yield* this.simulateScopeSteps(scope, nextClusterFindings);
      for (const diagnostic of simulation.report.diagnostics) {
        const uri = diagnostic.uri;
        let list = next.get(uri);
        if (!list) {
          list = [];
          next.set(uri, list);
          firstScope.set(uri, id);
        }
        // A file in two scopes (a base under two overlays) gets each finding
        // once. A report has no duplicates, so only a second scope's are compared.
        if (firstScope.get(uri) !== id) {
          let keys = nextKeys.get(uri);
          if (!keys) {
            keys = new Set(list.map((kept) => JSON.stringify(kept)));
            nextKeys.set(uri, keys);
          }
          const key = JSON.stringify(diagnostic);
          if (keys.has(key)) continue;
          keys.add(key);
        }
        list.push(diagnostic);
      }
    }
    for (const key of [...this.memo.keys()]) if (!seenScopes.has(key)) this.memo.delete(key);
    const previousClusterFindings = this.clusterFindings;
    this.clusterFindings = nextClusterFindings;
    const changed = new Set<string>();
    for (const uri of new Set([...this.crossByUri.keys(), ...next.keys()])) {
      const before = this.crossByUri.get(uri);
      const after = next.get(uri);
      if (!sameDiagnostics(before ?? [], after ?? [])) changed.add(uri);
      // Unchanged: keep the list the last publish was made from (publishes compare identities).
      else if (before && after) next.set(uri, before);
    }
    for (const uri of new Set([...previousClusterFindings.keys(), ...nextClusterFindings.keys()])) {
      const before = previousClusterFindings.get(uri);
      const after = nextClusterFindings.get(uri);
      if (JSON.stringify(before ?? []) !== JSON.stringify(after ?? [])) changed.add(uri);
      else if (before && after) nextClusterFindings.set(uri, before);
    }
    this.crossByUri = next;
    for (const uri of changed) this.findingsByUri.delete(uri);
    return changed;
  }

  /** The cross-resource findings (and cluster-file problems) last computed for a file. */
  findingsFor(uri: string): readonly Finding[] {
    let findings = this.findingsByUri.get(uri);
    if (!findings) {
      const cross = (this.crossByUri.get(uri) ?? []).map(
        ({ severity, code, message, range }): Finding => ({ severity, code, message, range }),
      );
      findings = [...cross, ...(this.clusterFindings.get(uri) ?? [])];
      this.findingsByUri.set(uri, findings);
    }
    return findings;
  }

  /** The scope as the panel shows it. */
  static scopeInfo(scope: Scope): ScopeInfo {
    return {
      id: scope.id.startsWith('/') ? pathToFileURL(scope.id).href : scope.id,
      kind: scope.kind,
      label: scope.label,
      files: scope.files.map((path) => pathToFileURL(path).href),
    };
  }
}
