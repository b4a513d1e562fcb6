import type { CheckContext } from '../core/check/check-context';
import { applySeverityOverrides } from '../core/diagnostics/apply-overrides';
import type { Finding } from '../core/diagnostics/finding';
import { simulate } from '../core/simulation/simulate';
import { SLIPWAY_VERSION } from '../node/version';
import { listCodes } from '../core/diagnostics/code-registry';
import type { CliIo } from './cli-io';
import { failsRun, formatJunit, type FailOn } from './format-junit';
import { formatSarif } from './format-sarif';
import { loadScope } from './load-scope';

/** A finding with the file it belongs to. */
export interface FileFinding extends Finding {
  uri: string;
  /** The path as the user gave it (relative to the working directory). */
  file: string;
}

export interface CheckOptions {
  paths: string[];
  format: 'text' | 'json' | 'sarif' | 'junit';
  /** The least severity that makes the exit code 1 (`--fail-on`); `error` when absent. */
  failOn?: FailOn;
  /** A cluster file, `none` for the default cluster, or undefined to look for `.slipway/cluster.yaml`. */
  cluster: string | undefined;
}

/**
 * Checks the files as the language server does: each file's own findings,
 * then the cross-resource findings of simulating them together. Returns the exit code.
 */
export function runCheck(options: CheckOptions, context: CheckContext, io: CliIo): number {
  const scope = loadScope(options.paths, options.cluster, context, io);
  const results: FileFinding[] = [];
  if (scope.clusterFindings) {
    const { display, uri, findings } = scope.clusterFindings;
    for (const finding of findings) results.push({ ...finding, uri, file: display });
  }
  const report = simulate(scope.objects, scope.cluster);
  const crossByUri = new Map<string, Finding[]>();
  for (const { uri, severity, code, message, range } of report.diagnostics) {
    const list = crossByUri.get(uri) ?? [];
    list.push({ severity, code, message, range });
    crossByUri.set(uri, list);
  }
  for (const file of scope.files) {
    const findings = applySeverityOverrides(
      [...file.check.findings, ...(crossByUri.get(file.uri) ?? [])],
      scope.config.rules,
    ).sort(
      (a, b) =>
        a.range.start.line - b.range.start.line ||
        a.range.start.character - b.range.start.character,
    );
    for (const finding of findings) results.push({ ...finding, uri: file.uri, file: file.display });
  }
  const checked = scope.files.map(({ display, uri }) => ({ display, uri }));
  const failOn = options.failOn ?? 'error';
  if (options.format === 'sarif') {
    io.stdout(
      formatSarif({
        version: SLIPWAY_VERSION,
        codes: listCodes(),
        files: checked,
        findings: results,
        cwd: io.cwd,
      }),
    );
  } else if (options.format === 'junit') {
    io.stdout(formatJunit({ files: checked, findings: results, failOn }));
  } else if (options.format === 'json') {
    const diagnostics = results.map(({ severity, code, message, uri, range }) => ({
      severity,
      code,
      message,
      uri,
      range,
    }));
    io.stdout(`${JSON.stringify({ files: scope.files.length, diagnostics }, null, 2)}\n`);
  } else {
    for (const f of results) {
      io.stdout(
        `${f.file}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.code} ${f.message}\n`,
      );
    }
    const count = (severity: string): number =>
      results.filter((f) => f.severity === severity).length;
    const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
    io.stdout(
      `${plural(scope.files.length, 'file')} checked: ${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}\n`,
    );
  }
  return results.some((f) => failsRun(f.severity, failOn)) ? 1 : 0;
}
