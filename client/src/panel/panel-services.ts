import type { Event, LogOutputChannel, Uri } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ServerState } from '../server-controller';

/** The language server as the simulation panel sees it (the ServerController). */
export interface SimulationServer {
  readonly state: ServerState;
  readonly onDidChangeState: Event<ServerState>;
  /** The client while the server is starting or running. */
  readonly languageClient: LanguageClient | undefined;
}

/** What the simulation panel works with. */
export interface PanelServices {
  readonly server: SimulationServer;
  readonly output: LogOutputChannel;
  /** The extension's root: the page's script and stylesheet are under `dist/`. */
  readonly extensionUri: Uri;
}
