import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CheckContext } from '../core/check/check-context';
import { checkText } from '../core/check/check-text';
import { validateClusterFile } from '../core/cluster/validate-cluster-file';
import { applySeverityOverrides } from '../core/diagnostics/apply-overrides';
import type { Finding } from '../core/diagnostics/finding';
import { collectYamlFiles } from './collect-files';
import type { CliIo } from './cli-io';
import { findUp, readProjectConfig } from './project-config';

/** A finding with the file it belongs to. */
export interface FileFinding extends Finding {
  uri: string;
  /** The path as the user gave it (relative to the working directory). */
  file: string;
}

export interface CheckOptions {
  paths: string[];
  format: 'text' | 'json';
  /** A cluster file, `none` for the default cluster, or undefined to look for `.slipway/cluster.yaml`. */
  cluster: string | undefined;
}

/** Checks the files, as the language server would; returns the exit code. */
export function runCheck(options: CheckOptions, context: CheckContext, io: CliIo): number {
  const { files, missing } = collectYamlFiles(options.paths);
  if (missing.length > 0) {
    io.stderr(`slipway: no such file or folder: ${missing.join(', ')}\n`);
    return 2;
  }
  let config;
  try {
    config = readProjectConfig(options.paths[0] ?? '.');
  } catch (error) {
    io.stderr(`slipway: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const results: FileFinding[] = [];
  const clusterPath =
    options.cluster === 'none'
      ? undefined
      : (options.cluster ?? findUp(options.paths[0] ?? '.', 'cluster.yaml'));
  if (clusterPath) {
    let text: string;
    try {
      text = readFileSync(clusterPath, 'utf8');
    } catch {
      io.stderr(`slipway: cannot read cluster file ${clusterPath}\n`);
      return 2;
    }
    const uri = pathToFileURL(clusterPath).href;
    for (const finding of validateClusterFile(text).findings) {
      results.push({ ...finding, uri, file: relative(io.cwd, clusterPath) || clusterPath });
    }
  }
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const uri = pathToFileURL(file).href;
    const findings = applySeverityOverrides(checkText(text, context).findings, config.rules);
    for (const finding of findings)
      results.push({ ...finding, uri, file: relative(io.cwd, file) || file });
  }
  if (options.format === 'json') {
    const diagnostics = results.map(({ severity, code, message, uri, range }) => ({
      severity,
      code,
      message,
      uri,
      range,
    }));
    io.stdout(`${JSON.stringify({ files: files.length, diagnostics }, null, 2)}\n`);
  } else {
    for (const f of results) {
      io.stdout(
        `${f.file}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.code} ${f.message}\n`,
      );
    }
    const count = (severity: string): number =>
      results.filter((f) => f.severity === severity).length;
    const errors = count('error');
    const warnings = count('warning');
    io.stdout(
      `${files.length} file${files.length === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}\n`,
    );
  }
  return results.some((f) => f.severity === 'error') ? 1 : 0;
}
