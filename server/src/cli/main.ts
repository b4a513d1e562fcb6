import { parseArgs } from 'node:util';
import { createCheckContext } from '../node/create-check-context';
import { SLIPWAY_VERSION } from '../node/version';
import { runCheck } from './check-command';
import type { CliIo } from './cli-io';

const USAGE = `Usage: slipway <command> [options]

Check Kubernetes manifests as the API server would, before they reach a cluster.

Commands:
  check [--format text|json] [--cluster FILE|none] PATH...
                      Check manifests (files or folders); exit 1 when any error is found.
  lsp --stdio         Start the language server on standard input/output (for any LSP editor).

Options:
  -h, --help          Show this help.
  -v, --version       Print the version.
  --json              Same as --format json.

Exit codes: 0 no errors, 1 errors found, 2 usage error.
`;

/** Runs the CLI with the given arguments; resolves to the exit code (the lsp command never resolves). */
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
          options: {
            format: { type: 'string', default: 'text' },
            json: { type: 'boolean', default: false },
            cluster: { type: 'string' },
            help: { type: 'boolean', short: 'h', default: false },
          },
        });
        if (values.help) {
          io.stdout(USAGE);
          return 0;
        }
        const format = values.json ? 'json' : values.format;
        if (format !== 'text' && format !== 'json')
          throw new Error(`--format must be text or json, not ${format}`);
        if (positionals.length === 0) throw new Error('check needs at least one PATH');
        return runCheck(
          { paths: positionals, format, cluster: values.cluster },
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
        if (!values.stdio) throw new Error('lsp needs --stdio');
        // The server reads its transport from process.argv (`--stdio`).
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        (require('../server-main') as typeof import('../server-main')).main();
        return 'serving';
      }
      default:
        throw new Error(`unknown command "${command}"`);
    }
  } catch (error) {
    io.stderr(`slipway: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
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
