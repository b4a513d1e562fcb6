import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/start-server';
import { createCheckContext } from './node/create-check-context';
import { SLIPWAY_VERSION } from './node/version';

/**
 * Starts the language server in this process: `--stdio`, `--node-ipc` or
 * `--socket` are picked from argv by the library. Called by dist/server.js
 * (server-entry.ts) and by `slipway lsp --stdio`.
 */
export function main(): void {
  const connection = createConnection(ProposedFeatures.all);
  startServer(connection, {
    createContext: createCheckContext,
    defer: (callback) => setImmediate(callback),
    version: SLIPWAY_VERSION,
  });
}
