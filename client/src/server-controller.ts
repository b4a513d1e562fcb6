import {
  EventEmitter,
  window,
  workspace,
  type Disposable,
  type Event,
  type ExtensionContext,
  type LogOutputChannel,
  type TextDocument,
} from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { CONFIGURATION_SECTION } from '../../server/src/protocol/ids';
import { normalizeSettings } from '../../server/src/protocol/settings';
import { createLanguageClient } from './language-client';
import { createRestartingErrorHandler, type RestartingErrorHandler } from './restart-error-handler';
import { isKubernetesManifest } from './served-documents';

/**
 * Where the language server is in its life:
 * - `disabled`: `slipway.enable` is off;
 * - `idle`: enabled, but no Kubernetes manifest has been opened yet, so not started;
 * - `starting`, `running`: as named;
 * - `stopped`: stopped without a crash (e.g. the server declined to start);
 * - `crashed`: failed to start, or crashed too often and was not restarted.
 */
export type ServerState = 'disabled' | 'idle' | 'starting' | 'running' | 'stopped' | 'crashed';

/** How long a stopping server gets to shut down, and a starting one to settle first. */
const STOP_TIMEOUT_MS = 2000;

const ENABLE_SETTING = `${CONFIGURATION_SECTION}.enable`;

export interface ServerControllerParts {
  readonly context: ExtensionContext;
  readonly output: LogOutputChannel;
  readonly traceOutput: LogOutputChannel;
}

/**
 * Owns the language client's life: starts it once a Kubernetes manifest is open (never for
 * other YAML), follows `slipway.enable`, restarts on request, and reports its state.
 *
 * Start, stop and restart run one after another on a queue, so quick toggles of
 * `slipway.enable` cannot interleave.
 */
export class ServerController implements Disposable {
  private readonly stateEmitter = new EventEmitter<ServerState>();
  private readonly subscriptions: Disposable[] = [this.stateEmitter];
  private readonly errorHandler: RestartingErrorHandler;
  private client: LanguageClient | undefined;
  private clientListener: Disposable | undefined;
  private currentState: ServerState = 'idle';
  private enabled = false;
  /** A Kubernetes manifest was opened (or the user asked for a restart) since enabling. */
  private wanted = false;
  private gaveUp = false;
  private queue: Promise<void> = Promise.resolve();

  /** Fires whenever {@link state} changes. */
  readonly onDidChangeState: Event<ServerState> = this.stateEmitter.event;

  constructor(private readonly parts: ServerControllerParts) {
    this.errorHandler = createRestartingErrorHandler({
      onGiveUp: () => {
        this.gaveUp = true;
      },
    });
  }

  get state(): ServerState {
    return this.currentState;
  }

  /** The language client while there is one (starting or running); custom requests go through it. */
  get languageClient(): LanguageClient | undefined {
    return this.client;
  }

  /** Starts following settings and documents; starts the server if a manifest is open. */
  watch(): void {
    this.subscriptions.push(
      workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(ENABLE_SETTING)) this.applyEnablement();
      }),
      workspace.onDidOpenTextDocument((document) => this.noticeDocument(document)),
      // An untitled document becomes a manifest as it is typed.
      workspace.onDidChangeTextDocument((event) => this.noticeDocument(event.document)),
    );
    this.applyEnablement();
  }

  /** Stops the server (if any) and starts it again, forgetting earlier crashes. */
  async restart(): Promise<void> {
    if (!this.enabled) {
      void window.showInformationMessage(
        `Slipway is disabled. Turn on the "${ENABLE_SETTING}" setting to start it.`,
      );
      return;
    }
    this.parts.output.info('restarting the language server');
    this.wanted = true;
    this.gaveUp = false;
    this.errorHandler.reset();
    await this.enqueue(async () => {
      await this.disposeClient();
      await this.reconcile();
    });
  }

  /** Stops the server; used when the extension is deactivated. */
  stop(): Promise<void> {
    return this.enqueue(() => this.disposeClient());
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.subscriptions.length = 0;
    void this.stop();
  }

  private applyEnablement(): void {
    this.enabled = normalizeSettings(
      workspace.getConfiguration().get(CONFIGURATION_SECTION),
    ).enable;
    this.wanted = this.enabled && workspace.textDocuments.some(isKubernetesManifest);
    void this.enqueue(() => this.reconcile());
  }

  private noticeDocument(document: TextDocument): void {
    // Cheap checks first: this runs on every keystroke until the server is wanted.
    if (!this.enabled || this.wanted || !isKubernetesManifest(document)) return;
    this.parts.output.info(`Kubernetes manifest opened: ${document.uri.toString(true)}`);
    this.wanted = true;
    void this.enqueue(() => this.reconcile());
  }

  /** Brings the client in line with {@link enabled} and {@link wanted}. */
  private async reconcile(): Promise<void> {
    if (!this.enabled) {
      await this.disposeClient();
      this.setState('disabled');
    } else if (this.client === undefined) {
      if (this.wanted) await this.startClient();
      else this.setState('idle');
    }
  }

  private async startClient(): Promise<void> {
    let client: LanguageClient;
    try {
      client = createLanguageClient({
        context: this.parts.context,
        outputChannel: this.parts.output,
        traceOutputChannel: this.parts.traceOutput,
        errorHandler: this.errorHandler,
      });
    } catch (error) {
      this.parts.output.error(`cannot create the language client: ${describe(error)}`);
      this.setState('crashed');
      return;
    }
    this.client = client;
    this.clientListener = client.onDidChangeState(({ newState }) => {
      if (this.client === client) this.setState(this.toServerState(newState));
    });
    this.setState('starting');
    try {
      await client.start();
    } catch (error) {
      this.parts.output.error(`the language server did not start: ${describe(error)}`);
      if (this.client === client) this.setState('crashed');
    }
  }

  private async disposeClient(): Promise<void> {
    const client = this.client;
    if (client === undefined) return;
    this.client = undefined;
    this.clientListener?.dispose();
    this.clientListener = undefined;
    try {
      // A client that is (re)starting cannot be stopped; let it settle first.
      await waitUntilSettled(client, STOP_TIMEOUT_MS);
      // A client whose start failed has no connection left to shut down.
      if (client.state !== State.StartFailed) await client.dispose(STOP_TIMEOUT_MS);
    } catch (error) {
      this.parts.output.warn(`stopping the language server: ${describe(error)}`);
    }
    this.setState('stopped');
  }

  private toServerState(state: State): ServerState {
    switch (state) {
      case State.Starting:
        return 'starting';
      case State.Running:
        return 'running';
      case State.StartFailed:
        return 'crashed';
      case State.Stopped:
        return this.gaveUp ? 'crashed' : 'stopped';
    }
  }

  private setState(state: ServerState): void {
    if (state === this.currentState) return;
    this.currentState = state;
    this.stateEmitter.fire(state);
  }

  private enqueue(operation: () => Promise<void>): Promise<void> {
    const next = this.queue.then(operation).catch((error: unknown) => {
      this.parts.output.error(`language server lifecycle: ${describe(error)}`);
    });
    this.queue = next;
    return next;
  }
}

function waitUntilSettled(client: LanguageClient, timeoutMs: number): Promise<void> {
  if (client.state !== State.Starting) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      listener.dispose();
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    const listener = client.onDidChangeState(({ newState }) => {
      if (newState !== State.Starting) done();
    });
  });
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
