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
import { simulate } from '../core/simulation/simulate';
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

  constructor(
    private readonly index: WorkspaceIndex,
    private readonly settings: () => { scope: ScopeMode; clusterFile: string },
  ) {}

  /** The cluster a workspace folder simulates on: its cluster file when it exists, else the default. */
  private clusterFor(folder: string | undefined): { cluster: Cluster; key: string } {
    if (!folder) return { cluster: resolveCluster(undefined), key: 'default' };
    const path = joinPath(folder, this.settings().clusterFile);
    const file = this.index.get(path);
    if (!file) return { cluster: resolveCluster(undefined), key: 'default' };
    const result = validateClusterFile(file.text);
    this.clusterFindings.set(file.uri, result.findings);
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
    const { cluster, key: clusterKey } = this.clusterFor(this.folderOf(scope.files[0] ?? scope.id));
    const files = scope.files.flatMap((path) => {
      const file = this.index.get(path);
      return file ? [file] : [];
    });
    const key = `${clusterKey}|${files.map((file) => `${file.path}@${file.revision}`).join('|')}`;
    const memoKey = `${scope.kind}:${scope.id}`;
    const cached = this.memo.get(memoKey);
    if (cached && cached.key === key) return cached.simulation;
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
    const simulation: ScopeSimulation = {
      scope,
      report: simulate(objects, cluster),
      objects,
      parseProblems,
    };
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
    const seenScopes = new Set<string>();
    const next = new Map<string, ReportDiagnostic[]>();
    const nextClusterFindings = new Map<string, Finding[]>();
    const previousClusterFindings = this.clusterFindings;
    this.clusterFindings = nextClusterFindings;
    for (const file of this.index.all()) {
      if (!/\.ya?ml$/i.test(file.path) || !file.check.kubernetes) continue;
      const scope = this.scopeOf(file.path);
      const id = `${scope.kind}:${scope.id}`;
      if (seenScopes.has(id)) continue;
      seenScopes.add(id);
      for (const diagnostic of this.simulateScope(scope).report.diagnostics) {
        const list = next.get(diagnostic.uri) ?? [];
        // A file in two scopes (a base under two overlays) gets each finding once.
        if (!list.some((other) => JSON.stringify(other) === JSON.stringify(diagnostic)))
          list.push(diagnostic);
        next.set(diagnostic.uri, list);
      }
    }
    for (const key of [...this.memo.keys()]) if (!seenScopes.has(key)) this.memo.delete(key);
    const changed = new Set<string>();
    for (const uri of new Set([...this.crossByUri.keys(), ...next.keys()])) {
      if (JSON.stringify(this.crossByUri.get(uri) ?? []) !== JSON.stringify(next.get(uri) ?? []))
        changed.add(uri);
    }
    for (const uri of new Set([...previousClusterFindings.keys(), ...nextClusterFindings.keys()])) {
      if (
        JSON.stringify(previousClusterFindings.get(uri) ?? []) !==
        JSON.stringify(nextClusterFindings.get(uri) ?? [])
      ) {
        changed.add(uri);
      }
    }
    this.crossByUri = next;
    return changed;
  }

  /** The cross-resource findings (and cluster-file problems) last computed for a file. */
  findingsFor(uri: string): Finding[] {
    const cross = (this.crossByUri.get(uri) ?? []).map(({ severity, code, message, range }) => ({
      severity,
      code,
      message,
      range,
    }));
    return [...cross, ...(this.clusterFindings.get(uri) ?? [])];
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
