import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CheckContext } from '../core/check/check-context';
import { checkText, type FileCheck } from '../core/check/check-text';
import { validateClusterFile } from '../core/cluster/validate-cluster-file';
import type { Finding } from '../core/diagnostics/finding';
import { resolveCluster } from '../core/simulation/cluster/resolve-cluster';
import type { SimObject } from '../core/simulation/model/sim-object';
import type { Cluster } from '../core/simulation/report';
import { collectYamlFiles } from './collect-files';
import type { CliIo } from './cli-io';
import { findUp, readProjectConfig, type ProjectConfig } from './project-config';

/** A file of the scope: where it is and what checking it found. */
export interface ScopeFile {
  path: string;
  /** The path as shown to the user (relative to the working directory). */
  display: string;
  uri: string;
  check: FileCheck;
}

/** Everything the commands need about the PATHs given: one scope, as `kubectl apply -f` takes them. */
export interface LoadedScope {
  files: ScopeFile[];
  objects: SimObject[];
  cluster: Cluster;
  /** Problems of the cluster file, with its location. */
  clusterFindings: { display: string; uri: string; findings: Finding[] } | undefined;
  config: ProjectConfig;
}

/** A usage problem: the command prints it and exits 2. */
export class UsageError extends Error {}

/** Reads the PATHs, the project config and the cluster file (`--cluster FILE|none`, else `.slipway/cluster.yaml`). */
export function loadScope(
  paths: readonly string[],
  clusterOption: string | undefined,
  context: CheckContext,
  io: CliIo,
): LoadedScope {
  const { files, missing } = collectYamlFiles(paths);
  if (missing.length > 0) throw new UsageError(`no such file or folder: ${missing.join(', ')}`);
  const first = paths[0] ?? '.';
  let config: ProjectConfig;
  try {
    config = readProjectConfig(first);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const display = (path: string): string => relative(io.cwd, path) || path;
  let clusterValue: Record<string, unknown> | undefined;
  let clusterFindings: LoadedScope['clusterFindings'];
  const clusterPath =
    clusterOption === 'none' ? undefined : (clusterOption ?? findUp(first, 'cluster.yaml'));
  if (clusterPath) {
    let text: string;
    try {
      text = readFileSync(clusterPath, 'utf8');
    } catch {
      throw new UsageError(`cannot read cluster file ${clusterPath}`);
    }
    const result = validateClusterFile(text);
    clusterValue = result.value;
    clusterFindings = {
      display: display(clusterPath),
      uri: pathToFileURL(clusterPath).href,
      findings: result.findings,
    };
  }
  const scopeFiles: ScopeFile[] = files.map((path) => ({
    path,
    display: display(path),
    uri: pathToFileURL(path).href,
    check: checkText(readFileSync(path, 'utf8'), context),
  }));
  const objects: SimObject[] = scopeFiles.flatMap((file) =>
    file.check.manifests.map(({ manifest, lineOffset }) => ({
      manifest,
      uri: file.uri,
      lineOffset,
    })),
  );
  return {
    files: scopeFiles,
    objects,
    cluster: resolveCluster(clusterValue),
    clusterFindings,
    config,
  };
}
