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
 * Creates (does not start) the client of the Slipway language server: the server runs in a
 * Node process over IPC and serves every YAML file and unsaved YAML document of every
 * workspace folder.
 */
export function createLanguageClient(parts: LanguageClientParts): LanguageClient {
  const module = parts.context.asAbsolutePath(SERVER_MODULE);
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: {
      module,
      transport: TransportKind.ipc,
      options: { execArgv: ['--nolazy', `--inspect=${SERVER_DEBUG_PORT}`] },
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
