import { stringify } from 'yaml';
import type { CheckContext } from '../core/check/check-context';
import { exposeService, type ExposeRequest } from '../core/simulation/networking/expose-service';
import type { CliIo } from './cli-io';
import { loadScope, UsageError } from './load-scope';

const KINDS: Record<string, ExposeRequest['kind']> = {
  deployment: 'deployment',
  deploy: 'deployment',
  statefulset: 'statefulset',
  sts: 'statefulset',
  daemonset: 'daemonset',
  ds: 'daemonset',
  replicaset: 'replicaset',
  rs: 'replicaset',
  pod: 'pod',
  po: 'pod',
};

/**
 * `slipway expose KIND NAME [--type] [--name] [--port] [--target-port] [--protocol] [-o yaml|json] PATH…`:
 * the Service `kubectl expose … --dry-run=client` would print.
 */
export function runExpose(
  options: {
    kind: string;
    name: string;
    paths: string[];
    output: string;
    request: Omit<ExposeRequest, 'kind' | 'name'>;
  },
  context: CheckContext,
  io: CliIo,
): number {
  const kind =
    KINDS[options.kind.toLowerCase().replace(/s$/, '')] ?? KINDS[options.kind.toLowerCase()];
  if (!kind)
    throw new UsageError(
      `cannot expose a ${options.kind}: use deployment, statefulset, daemonset, replicaset or pod`,
    );
  if (options.output !== 'yaml' && options.output !== 'json')
    throw new UsageError('-o must be yaml or json');
  const scope = loadScope(options.paths, 'none', context, io);
  const result = exposeService(scope.objects, { ...options.request, kind, name: options.name });
  if ('error' in result) {
    io.stderr(`error: ${result.error}\n`);
    return 1;
  }
  io.stdout(
    options.output === 'json'
      ? `${JSON.stringify(result.service, null, 4)}\n`
      : stringify(result.service, { indentSeq: false }),
  );
  return 0;
}
