import { randomBytes } from 'node:crypto';
import {
  Uri,
  ViewColumn,
  window,
  workspace,
  type Disposable,
  type TextEditor,
  type WebviewPanel,
  type WebviewOptions,
  type WebviewPanelOptions,
} from 'vscode';
import { SIMULATION_PANEL_VIEW_TYPE } from '../../../server/src/protocol/ids';
import {
  ROUTE_REQUEST,
  SIMULATE_REQUEST,
  type RouteParams,
  type RouteResult,
  type SimulateParams,
  type SimulateResult,
} from '../../../server/src/protocol/requests';
import { isServedDocument } from '../served-documents';
import type { ServerState } from '../server-controller';
import { revealInEditor } from './editor-reveal';
import {
  parsePageMessage,
  readPersistedTarget,
  type CursorPosition,
  type HostToPageMessage,
  type PageToHostMessage,
  type PanelTarget,
} from './messages';
import { buildPanelHtml } from './panel-html';
import { chooseReport, type GoodReport } from './report-choice';
import type { PanelServices } from './panel-services';

/** How long the panel waits after an edit before it simulates again. */
export const EDIT_DEBOUNCE_MS = 150;

const TITLE_PREFIX = 'Simulation';

/** Why no report can be had while the server is in a given state. */
const UNAVAILABLE: Readonly<Partial<Record<ServerState, string>>> = {
  disabled: 'Slipway is disabled. Turn on the "slipway.enable" setting to simulate.',
  idle: 'The Slipway language server starts when a Kubernetes manifest is open.',
  stopped: 'The Slipway language server is stopped. Run "Slipway: Restart Language Server".',
  crashed: 'The Slipway language server crashed. Run "Slipway: Restart Language Server".',
};

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The options of the panel's webview: scripts from `dist/` only, no command links. */
function webviewOptions(extensionUri: Uri): WebviewOptions & WebviewPanelOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    enableFindWidget: true,
    localResourceRoots: [Uri.joinPath(extensionUri, 'dist')],
  };
}

/**
 * The controller of the simulation panel: asks the language server for the simulation of the
 * target's scope (`slipway/simulate`), posts it to the page, follows edits (debounced), the active
 * editor and the cursor, and serves the page's requests (reveal, trace, scope switch).
 *
 * There is one panel at a time. The page keeps its own state (`vscode.setState`), so the panel
 * does not retain its context when hidden; it says `ready` when shown again.
 */
export class SimulationPanel implements Disposable {
  private static current: SimulationPanel | undefined;

  private readonly subscriptions: Disposable[] = [];
  private target: PanelTarget | undefined;
  private good: GoodReport | undefined;
  /** What the page shows (or will be sent when it is ready). */
  private shown: HostToPageMessage | undefined;
  private cursor: CursorPosition | null = null;
  private scopeFiles: ReadonlySet<string> = new Set();
  private lastEditorColumn: ViewColumn | undefined;
  private requestSeq = 0;
  private pageReady = false;
  /** Edits happened while the page could not be told. */
  private dirty = true;
  private debounce: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;

  /** Opens the panel beside the editor for `uri` (or retargets the open one). */
  static show(services: PanelServices, uri: Uri, line?: number): SimulationPanel {
    const cursor = line === undefined ? undefined : { uri: uri.toString(), line };
    const existing = SimulationPanel.current;
    if (existing !== undefined) {
      existing.panel.reveal(undefined, true);
      existing.retarget({ uri: uri.toString(), scope: existing.target?.scope ?? 'scope' }, cursor);
      return existing;
    }
    const panel = window.createWebviewPanel(
      SIMULATION_PANEL_VIEW_TYPE,
      TITLE_PREFIX,
      { viewColumn: ViewColumn.Beside, preserveFocus: true },
      webviewOptions(services.extensionUri),
    );
    const created = new SimulationPanel(panel, services, { uri: uri.toString(), scope: 'scope' });
    if (cursor !== undefined) created.cursor = cursor;
    return created;
  }

  /** Takes over a panel VS Code restored after a reload, with the page's persisted state. */
  static restore(panel: WebviewPanel, state: unknown, services: PanelServices): SimulationPanel {
    SimulationPanel.current?.dispose();
    panel.webview.options = webviewOptions(services.extensionUri);
    const activeUri = window.activeTextEditor?.document.uri.toString();
    const target =
      readPersistedTarget(state) ??
      (activeUri === undefined ? undefined : { uri: activeUri, scope: 'scope' });
    return new SimulationPanel(panel, services, target);
  }

  private constructor(
    private readonly panel: WebviewPanel,
    private readonly services: PanelServices,
    target: PanelTarget | undefined,
  ) {
    SimulationPanel.current = this;
    this.target = target;
    this.lastEditorColumn = window.activeTextEditor?.viewColumn;
    const nonce = randomBytes(18).toString('base64');
    const dist = Uri.joinPath(services.extensionUri, 'dist');
    panel.webview.html = buildPanelHtml({
      cspSource: panel.webview.cspSource,
      nonce,
      scriptUri: panel.webview.asWebviewUri(Uri.joinPath(dist, 'webview.js')).toString(),
      styleUri: panel.webview.asWebviewUri(Uri.joinPath(dist, 'webview.css')).toString(),
    });
    this.subscriptions.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((message: unknown) => this.receive(message)),
      panel.onDidChangeViewState(() => {
        // A hidden page is destroyed; it says `ready` again when shown.
        if (!panel.visible) this.pageReady = false;
      }),
      workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0 && this.isInScope(event.document.uri.toString())) {
          this.schedule(EDIT_DEBOUNCE_MS);
        }
      }),
      window.onDidChangeActiveTextEditor((editor) => this.followEditor(editor)),
      window.onDidChangeTextEditorSelection((event) => this.updateCursor(event.textEditor)),
      services.server.onDidChangeState((state) => {
        if (state === 'running' || UNAVAILABLE[state] !== undefined) this.schedule(0);
      }),
    );
    this.updateTitle();
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (SimulationPanel.current === this) SimulationPanel.current = undefined;
    clearTimeout(this.debounce);
    for (const subscription of this.subscriptions) subscription.dispose();
    this.subscriptions.length = 0;
    this.panel.dispose();
  }

  private retarget(target: PanelTarget, cursor?: CursorPosition): void {
    const changed = target.uri !== this.target?.uri || target.scope !== this.target.scope;
    this.target = target;
    if (cursor !== undefined) this.setCursor(cursor);
    if (changed) this.schedule(0);
  }

  private isInScope(uri: string): boolean {
    return uri === this.target?.uri || this.scopeFiles.has(uri);
  }

  private followEditor(editor: TextEditor | undefined): void {
    // Focusing the panel leaves no active text editor: keep what is shown.
    if (editor === undefined) return;
    this.lastEditorColumn = editor.viewColumn ?? this.lastEditorColumn;
    if (isServedDocument(editor.document) && this.target !== undefined) {
      this.retarget({ uri: editor.document.uri.toString(), scope: this.target.scope });
    }
    this.updateCursor(editor);
  }

  private updateCursor(editor: TextEditor): void {
    const uri = editor.document.uri.toString();
    if (editor.viewColumn !== undefined) this.lastEditorColumn = editor.viewColumn;
    this.setCursor(this.isInScope(uri) ? { uri, line: editor.selection.active.line } : null);
  }

  private setCursor(cursor: CursorPosition | null): void {
    if (cursor?.uri === this.cursor?.uri && cursor?.line === this.cursor?.line) return;
    this.cursor = cursor;
    if (this.pageReady) this.post({ type: 'highlight', cursor });
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.debounce);
    this.debounce = setTimeout(() => void this.simulate(), delayMs);
  }

  /** Asks the server for the target's simulation and shows it; a newer request wins. */
  private async simulate(): Promise<void> {
    const target = this.target;
    if (this.disposed) return;
    if (target === undefined) {
      this.show({
        type: 'showStatus',
        target: null,
        state: 'error',
        message: 'Open a Kubernetes manifest and run "Slipway: Simulate Manifest".',
      });
      return;
    }
    if (!this.pageReady) {
      this.dirty = true;
      return;
    }
    this.dirty = false;
    const seq = ++this.requestSeq;
    const client = this.services.server.languageClient;
    if (client === undefined) {
      const state = this.services.server.state;
      const message = UNAVAILABLE[state] ?? `The Slipway language server is ${state}.`;
      this.showFailure(target, message);
      return;
    }
    if (this.good === undefined) {
      this.show({ type: 'showStatus', target, state: 'loading', message: 'Simulating…' });
    }
    const params: SimulateParams = { uri: target.uri, scope: target.scope };
    let result: SimulateResult | null;
    try {
      result = await client.sendRequest<SimulateResult | null>(SIMULATE_REQUEST, params);
    } catch (error) {
      if (seq !== this.requestSeq || this.disposed) return;
      this.services.output.warn(`${SIMULATE_REQUEST} failed: ${describe(error)}`);
      this.showFailure(target, `The simulation failed: ${describe(error)}`);
      return;
    }
    if (seq !== this.requestSeq || this.disposed) return;
    if (result === null) {
      this.showFailure(target, 'The language server cannot simulate this file.');
      return;
    }
    this.accept(target, result);
  }

  /** Shows a result, or the last good report marked stale when the newest text does not parse. */
  private accept(target: PanelTarget, result: SimulateResult): void {
    this.scopeFiles = collectScopeFiles(result);
    const choice = chooseReport(this.good, target, result);
    this.good = choice.good;
    this.show(choice.message);
    this.updateTitle();
    const editor = window.activeTextEditor;
    if (editor !== undefined) this.updateCursor(editor);
  }

  private showFailure(target: PanelTarget, message: string): void {
    if (this.good !== undefined) {
      // Keep the last report on screen, marked stale, with the reason.
      this.show({ type: 'showReport', target, result: this.good.result, stale: true });
    }
    this.show({ type: 'showStatus', target, state: 'error', message });
  }

  private updateTitle(): void {
    const label = this.good?.result.scope.label;
    this.panel.title = label === undefined ? TITLE_PREFIX : `${TITLE_PREFIX}: ${label}`;
  }

  private show(message: HostToPageMessage): void {
    if (message.type === 'showReport' || this.shown?.type !== 'showReport') this.shown = message;
    this.post(message);
  }

  private post(message: HostToPageMessage): void {
    if (!this.pageReady || this.disposed) return;
    void this.panel.webview.postMessage(message);
  }

  private receive(raw: unknown): void {
    const parsed = parsePageMessage(raw, { scopeFiles: this.scopeFiles });
    if (!parsed.ok) {
      this.services.output.warn(`simulation panel: refused a message: ${parsed.error}`);
      return;
    }
    void this.handle(parsed.value).catch((error: unknown) => {
      this.services.output.error(`simulation panel: ${parsed.value.type}: ${describe(error)}`);
    });
  }

  private async handle(message: PageToHostMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.pageReady = true;
        if (this.shown !== undefined) this.post(this.shown);
        this.post({ type: 'highlight', cursor: this.cursor });
        if (this.dirty || this.good === undefined) await this.simulate();
        return;
      case 'refresh':
        return this.simulate();
      case 'switchScope':
        if (this.target !== undefined) this.retarget({ ...this.target, scope: message.scope });
        return;
      case 'reveal':
        return revealInEditor(
          message.uri,
          message.range,
          this.lastEditorColumn,
          this.panel.viewColumn,
        );
      case 'trace':
        return this.trace(message.url);
    }
  }

  private async trace(url: string): Promise<void> {
    const client = this.services.server.languageClient;
    const target = this.target;
    if (client === undefined || target === undefined) {
      this.post({
        type: 'routeError',
        url,
        message: 'The Slipway language server is not running.',
      });
      return;
    }
    const params: RouteParams = { uri: target.uri, url, scope: target.scope };
    try {
      const result = await client.sendRequest<RouteResult | null>(ROUTE_REQUEST, params);
      this.post(
        result === null
          ? { type: 'routeError', url, message: 'The language server cannot route from this file.' }
          : { type: 'routeResult', result },
      );
    } catch (error) {
      this.post({ type: 'routeError', url, message: describe(error) });
    }
  }
}

/** The files a `reveal` may name: the scope's files as the server wrote them and as VS Code does. */
function collectScopeFiles(result: SimulateResult): ReadonlySet<string> {
  const files = new Set<string>();
  for (const file of result.scope.files) {
    files.add(file);
    try {
      files.add(Uri.parse(file, true).toString());
    } catch {
      // Not a URI VS Code can parse: only the server's spelling is accepted.
    }
  }
  return files;
}
