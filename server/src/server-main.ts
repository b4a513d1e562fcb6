import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/start-server';
import { createCheckContext } from './node/create-check-context';
import { SLIPWAY_VERSION } from './node/version';

/** The language server process: `--stdio`, `--node-ipc` or `--socket` picked from argv by the library. */
export function main(): void {
  const connection = createConnection(ProposedFeatures.all);
  startServer(connection, {
    createContext: createCheckContext,
    defer: (callback) => setImmediate(callback),
    version: SLIPWAY_VERSION,
  });
}

if (require.main === module) main();
