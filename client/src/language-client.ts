import type { ExtensionContext, LogOutputChannel } from 'vscode';
import {
  LanguageClient,
  RevealOutputChannelOn,
  TransportKind,
  type ErrorHandler,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import {
  CONFIGURATION_SECTION,
  DIAGNOSTIC_SOURCE,
  LANGUAGE_CLIENT_ID,
  LANGUAGE_CLIENT_NAME,
} from '../../server/src/protocol/ids';
import { DOCUMENT_SELECTOR } from './served-documents';

/** The bundled language server, relative to the extension's root. */
export const SERVER_MODULE = 'dist/server.js';

/** The port the server's inspector listens on when the extension is debugged. */
const SERVER_DEBUG_PORT = 6009;

export interface LanguageClientParts {
  readonly context: ExtensionContext;
  readonly outputChannel: LogOutputChannel;
  readonly traceOutputChannel: LogOutputChannel;
  readonly errorHandler: ErrorHandler;
}

/**
 * Node flags of the server process: its young generation capped at 8 MB from
 * the start (server-main.ts caps it at run time when it is not given, as for
 * `slipway lsp --stdio`); large simulations otherwise grow it to 32 MB.
 */
const SERVER_NODE_FLAGS = ['--max-semi-space-size=8'];

/**
 * Creates (does not start) the client of the Slipway language server: the server runs in a
 * Node process over IPC and serves every YAML file and unsaved YAML document of every
 * workspace folder.
 */
export function createLanguageClient(parts: LanguageClientParts): LanguageClient {
  const module = parts.context.asAbsolutePath(SERVER_MODULE);
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: SERVER_NODE_FLAGS } },
    debug: {
      module,
      transport: TransportKind.ipc,
      options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', `--inspect=${SERVER_DEBUG_PORT}`] },
    },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    synchronize: { configurationSection: CONFIGURATION_SECTION },
    diagnosticCollectionName: DIAGNOSTIC_SOURCE,
    outputChannel: parts.outputChannel,
    traceOutputChannel: parts.traceOutputChannel,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    errorHandler: parts.errorHandler,
  };
  return new LanguageClient(LANGUAGE_CLIENT_ID, LANGUAGE_CLIENT_NAME, serverOptions, clientOptions);
}
