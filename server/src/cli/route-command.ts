import type { CheckContext } from '../core/check/check-context';
import { routeRequest } from '../core/simulation/ingress/route-request';
import { simulate } from '../core/simulation/simulate';
import type { CliIo } from './cli-io';
import { loadScope } from './load-scope';

/** `slipway route [--json] [--cluster FILE] URL PATH…`: where one request goes. Exits 1 when it goes nowhere. */
export function runRoute(
  options: { url: string; paths: string[]; json: boolean; cluster: string | undefined },
  context: CheckContext,
  io: CliIo,
): number {
  const scope = loadScope(options.paths, options.cluster, context, io);
  const report = simulate(scope.objects, scope.cluster);
  const result = routeRequest(options.url, report, scope.objects);
  if (options.json) {
    io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  } else {
    const lines = [`${result.url}`];
    if (result.via) {
      lines.push(
        `  via        ${result.via}${result.ingress ? ` (Ingress ${result.ingress})` : ''}`,
      );
      if (result.rule)
        lines.push(
          `  rule       ${result.rule.host} ${result.rule.path} (${result.rule.pathType})`,
        );
      if (result.service)
        lines.push(
          `  service    ${result.service}${result.port !== null ? `:${result.port}` : ''}`,
        );
      if (result.rewrittenPath !== undefined) lines.push(`  rewritten  ${result.rewrittenPath}`);
      lines.push(
        `  pods       ${result.pods.length === 0 ? '(none)' : result.pods.map((p) => `${p.name} ${p.ip}:${p.port}`).join(', ')}`,
      );
    }
    lines.push(`  ${result.reason}`);
    io.stdout(`${lines.join('\n')}\n`);
  }
  return result.via !== null && result.pods.length > 0 ? 0 : 1;
}
