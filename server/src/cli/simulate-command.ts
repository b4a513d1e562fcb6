import { fileURLToPath } from 'node:url';
import { relative } from 'node:path';
import type { CheckContext } from '../core/check/check-context';
import { simulate } from '../core/simulation/simulate';
import type { CliIo } from './cli-io';
import { formatReport } from './format-report';
import { loadScope } from './load-scope';

/** Shows a file URI relative to the working directory. */
export function displayUri(uri: string, cwd: string): string {
  try {
    return relative(cwd, fileURLToPath(uri)) || uri;
  } catch {
    return uri;
  }
}

/** `slipway simulate [--json] [--cluster FILE] PATH…`: the report, as JSON or as a readable summary. */
export function runSimulate(
  options: { paths: string[]; json: boolean; cluster: string | undefined },
  context: CheckContext,
  io: CliIo,
): number {
  const scope = loadScope(options.paths, options.cluster, context, io);
  if (scope.clusterFindings && scope.clusterFindings.findings.length > 0) {
    for (const f of scope.clusterFindings.findings) {
      io.stderr(
        `${scope.clusterFindings.display}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.code} ${f.message}\n`,
      );
    }
    return 1;
  }
  const report = simulate(scope.objects, scope.cluster);
  io.stdout(
    options.json
      ? `${JSON.stringify(report, null, 2)}\n`
      : formatReport(report, (uri) => displayUri(uri, io.cwd)),
  );
  return 0;
}
