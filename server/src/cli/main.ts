import { parseArgs } from 'node:util';
import { createCheckContext } from '../node/create-check-context';
import { SLIPWAY_VERSION } from '../node/version';
import { runCheck } from './check-command';
import type { CliIo } from './cli-io';
import { runExpose } from './expose-command';
import { UsageError } from './load-scope';
import { runRoute } from './route-command';
import { parseUrl } from '../core/simulation/ingress/parse-url';
import { runSimulate } from './simulate-command';

const USAGE = `Usage: slipway <command> [options]

Check Kubernetes manifests as the API server would, and see what they would do
in a cluster, before they reach one.

Commands:
  check [--format text|json] [--cluster FILE|none] [--fail-on LEVEL] PATH...
      Check manifests (files or folders) and what they do together.
      For CI: --format sarif (SARIF 2.1.0) or --format junit (JUnit XML);
      --fail-on error|warning|never sets what exits 1 (default: error).
  simulate [--json] [--cluster FILE|none] PATH...
      Show the pods, IPs, Services, routes and claims the manifests would make.
  route [--json] [--cluster FILE|none] URL PATH...
      Show where one request goes (Ingress rule, Service, pods) and why.
  expose (deployment|statefulset|daemonset|replicaset|pod) NAME
         [--type=ClusterIP|NodePort|LoadBalancer] [--name=N] [--port=P]
         [--target-port=T] [--protocol=TCP] [-o yaml|json] PATH...
      Print the Service 'kubectl expose ... --dry-run=client' would create.
  lsp --stdio
      Start the language server on standard input/output (for any LSP editor).

Options:
  --cluster FILE      The cluster to simulate on (default: .slipway/cluster.yaml
                      above the first PATH, else the default cluster; 'none'
                      forces the default cluster).
  --json, --format json
                      Machine-readable output.
  -h, --help          Show this help.
  -v, --version       Print the version.

Exit codes: 0 success; 1 errors found (check; see --fail-on), a request that
reaches no pod (route) or a refused expose; 2 usage error (a bad URL too).
`;

const COMMON = {
  format: { type: 'string', default: 'text' },
  json: { type: 'boolean', default: false },
  cluster: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

function wantsJson(values: { format?: string; json?: boolean }): boolean {
  if (values.format !== undefined && values.format !== 'text' && values.format !== 'json') {
    throw new UsageError(`--format must be text or json, not ${values.format}`);
  }
  return values.json === true || values.format === 'json';
}

function needPaths(positionals: string[], command: string): string[] {
  if (positionals.length === 0) throw new UsageError(`${command} needs at least one PATH`);
  return positionals;
}

function parsePort(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new UsageError(`${flag} must be a port number`);
  return port;
}

/** Runs the CLI with the given arguments; returns the exit code ('serving' for lsp). */
export function runCli(argv: string[], io: CliIo): number | 'serving' {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    io.stdout(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === '-v' || command === '--version') {
    io.stdout(`${SLIPWAY_VERSION}\n`);
    return 0;
  }
  try {
    switch (command) {
      case 'check': {
        const { values, positionals } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: { ...COMMON, 'fail-on': { type: 'string', default: 'error' } },
        });
        if (values.help) return help(io);
        const failOn = values['fail-on'];
        if (failOn !== 'error' && failOn !== 'warning' && failOn !== 'never')
          throw new UsageError(`--fail-on must be error, warning or never, not ${failOn}`);
        const ci =
          values.format === 'sarif' || values.format === 'junit' ? values.format : undefined;
        const format = ci ?? (wantsJson(values) ? 'json' : 'text');
        return runCheck(
          { paths: needPaths(positionals, 'check'), format, failOn, cluster: values.cluster },
          createCheckContext(),
          io,
        );
      }
      case 'simulate': {
        const { values, positionals } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: COMMON,
        });
        if (values.help) return help(io);
        return runSimulate(
          {
            paths: needPaths(positionals, 'simulate'),
            json: wantsJson(values),
            cluster: values.cluster,
          },
          createCheckContext(),
          io,
        );
      }
      case 'route': {
        const { values, positionals } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: COMMON,
        });
        if (values.help) return help(io);
        const [url, ...paths] = positionals;
        if (url === undefined) throw new UsageError('route needs a URL and at least one PATH');
        if (!parseUrl(url))
          throw new UsageError(`"${url}" is not a URL with a host (http://host[:port]/path)`);
        return runRoute(
          {
            url,
            paths: needPaths(paths, 'route'),
            json: wantsJson(values),
            cluster: values.cluster,
          },
          createCheckContext(),
          io,
        );
      }
      case 'expose': {
        const { values, positionals } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: {
            ...COMMON,
            type: { type: 'string' },
            name: { type: 'string' },
            port: { type: 'string' },
            'target-port': { type: 'string' },
            protocol: { type: 'string' },
            namespace: { type: 'string', short: 'n' },
            output: { type: 'string', short: 'o' },
          },
        });
        if (values.help) return help(io);
        const [kind, name, ...paths] = positionals;
        if (kind === undefined || name === undefined)
          throw new UsageError('expose needs a kind, a name and at least one PATH');
        const type = values.type;
        if (
          type !== undefined &&
          type !== 'ClusterIP' &&
          type !== 'NodePort' &&
          type !== 'LoadBalancer'
        ) {
          throw new UsageError(`--type must be ClusterIP, NodePort or LoadBalancer, not ${type}`);
        }
        const targetPort = values['target-port'];
        return runExpose(
          {
            kind,
            name,
            paths: needPaths(paths, 'expose'),
            output: values.output ?? (wantsJson(values) ? 'json' : 'yaml'),
            request: {
              ...(type ? { type } : {}),
              ...(values.name ? { serviceName: values.name } : {}),
              ...(values.port ? { port: parsePort(values.port, '--port') } : {}),
              ...(targetPort !== undefined
                ? { targetPort: /^\d+$/.test(targetPort) ? Number(targetPort) : targetPort }
                : {}),
              ...(values.protocol ? { protocol: values.protocol } : {}),
              ...(values.namespace ? { namespace: values.namespace } : {}),
            },
          },
          createCheckContext(),
          io,
        );
      }
      case 'lsp': {
        const { values } = parseArgs({
          args: rest,
          options: { stdio: { type: 'boolean', default: false } },
          strict: false,
        });
        if (!values.stdio) throw new UsageError('lsp needs --stdio');
        // The server reads its transport from process.argv (`--stdio`).
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        (require('../server-main') as typeof import('../server-main')).main();
        return 'serving';
      }
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error)) {
      io.stderr(`slipway: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
}

function help(io: CliIo): number {
  io.stdout(USAGE);
  return 0;
}

if (require.main === module) {
  const io: CliIo = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
  };
  const code = runCli(process.argv.slice(2), io);
  if (code !== 'serving') process.exitCode = code;
}
