/**
 * A minimal LSP client for protocol tests: starts the BUILT server
 * (`dist/cli.js lsp --stdio`) as an editor would and speaks JSON-RPC to it.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
} from 'vscode-languageserver-protocol/node';
import { REPO_ROOT } from './core-context';

export const BUILT_CLI = join(REPO_ROOT, 'dist/cli.js');

export class TestLspClient {
  readonly connection: ProtocolConnection;
  private readonly process: ChildProcessWithoutNullStreams;
  private readonly published = new Map<string, PublishDiagnosticsParams>();
  private readonly waiters: {
    uri: string;
    minVersion: number;
    resolve: (p: PublishDiagnosticsParams) => void;
  }[] = [];
  private readonly watchers = new Set<(params: PublishDiagnosticsParams) => void>();
  readonly stderr: string[] = [];
  exited = false;

  constructor(extraArgs: string[] = []) {
    if (!existsSync(BUILT_CLI)) throw new Error(`${BUILT_CLI} is missing: run npm run build first`);
    this.process = spawn(process.execPath, [BUILT_CLI, 'lsp', '--stdio', ...extraArgs], {
      stdio: 'pipe',
    });
    this.process.stderr.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString()));
    this.process.on('exit', () => (this.exited = true));
    this.connection = createProtocolConnection(
      new StreamMessageReader(this.process.stdout),
      new StreamMessageWriter(this.process.stdin),
    );
    this.connection.onNotification(
      'textDocument/publishDiagnostics',
      (params: PublishDiagnosticsParams) => {
        this.published.set(params.uri, params);
        for (const watcher of [...this.watchers]) watcher(params);
        const version = params.version ?? Number.MAX_SAFE_INTEGER;
        for (const waiter of this.waiters.filter(
          (w) => w.uri === params.uri && version >= w.minVersion,
        )) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(params);
        }
      },
    );
    this.connection.onRequest('workspace/configuration', () => [null]);
    this.connection.listen();
  }

  /** Initializes; `workspaceFolder` (a path) is indexed by the server, none by default. */
  async initialize(workspaceFolder?: string): Promise<void> {
    await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: workspaceFolder ? pathToFileURL(workspaceFolder).href : null,
      capabilities: {
        workspace: { configuration: false },
        textDocument: { hover: {}, completion: {} },
      },
      workspaceFolders: null,
    });
    await this.connection.sendNotification('initialized', {});
  }

  /** The diagnostics last published for `uri`, if any. */
  latest(uri: string): Diagnostic[] | undefined {
    return this.published.get(uri)?.diagnostics;
  }

  /**
   * Resolves once the diagnostics published for `uri` satisfy `accept` (checking
   * the latest publish first); rejects after `timeoutMs` with what was seen.
   */
  waitForDiagnostics(
    uri: string,
    accept: (diagnostics: Diagnostic[]) => boolean,
    timeoutMs = 15000,
  ): Promise<Diagnostic[]> {
    const current = this.published.get(uri);
    if (current && accept(current.diagnostics)) return Promise.resolve(current.diagnostics);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.watchers.delete(watcher);
        reject(
          new Error(
            `timed out waiting for diagnostics of ${uri}; last: ${JSON.stringify(this.published.get(uri)?.diagnostics ?? null)}`,
          ),
        );
      }, timeoutMs);
      const watcher = (params: PublishDiagnosticsParams): void => {
        if (params.uri !== uri || !accept(params.diagnostics)) return;
        clearTimeout(timer);
        this.watchers.delete(watcher);
        resolve(params.diagnostics);
      };
      this.watchers.add(watcher);
    });
  }

  /** Resolves with the next diagnostics published for `uri` at `minVersion` or later. */
  nextDiagnostics(uri: string, minVersion = 0): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve) => this.waiters.push({ uri, minVersion, resolve }));
  }

  async open(uri: string, text: string, version = 1): Promise<Diagnostic[]> {
    const next = this.nextDiagnostics(uri, version);
    await this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'yaml', version, text },
    });
    return (await next).diagnostics;
  }

  async change(uri: string, version: number, text: string): Promise<Diagnostic[]> {
    const next = this.nextDiagnostics(uri, version);
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ text }],
    });
    return (await next).diagnostics;
  }

  /**
   * Sends incremental changes (each range in the text the ones before it
   * left), as VS Code does while typing, and resolves with the next publish.
   */
  async edit(
    uri: string,
    version: number,
    changes: { range: Range; text: string }[],
  ): Promise<Diagnostic[]> {
    const next = this.nextDiagnostics(uri, version);
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: changes,
    });
    return (await next).diagnostics;
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      // already gone
    }
    this.connection.dispose();
    if (!this.exited) this.process.kill();
  }
}
