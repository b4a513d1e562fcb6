import {
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CheckContext } from '../core/check/check-context';
import type { FileCheck } from '../core/check/check-text';
import { applySeverityOverrides } from '../core/diagnostics/apply-overrides';
import type { Finding } from '../core/diagnostics/finding';
import { routeRequest } from '../core/simulation/ingress/route-request';
import { CONFIGURATION_SECTION } from '../protocol/ids';
import {
  ROUTE_REQUEST,
  SIMULATE_REQUEST,
  type RouteParams,
  type RouteResult,
  type SimulateParams,
  type SimulateResult,
} from '../protocol/requests';
import { DEFAULT_SETTINGS, normalizeSettings, type SlipwaySettings } from '../protocol/settings';
import { findingToDiagnostic } from './convert';
import { DocumentChecker } from './document-checker';
import { createExcludeFilter } from './exclude-filter';
import { registerLanguageFeatures } from './language-features';
import { runSafe, type ServerLog } from './run-safe';
import { ScopeSimulator, uriToPath, type ScopeSimulation } from './scope-simulator';
import { WorkspaceIndex } from './workspace-index';
import { joinPath } from '../core/scope/posix-path';

/** What the server needs from its host process. */
export interface ServerRuntime {
  /** Builds the check context (reads the schema bundle); called once, at initialize. */
  createContext(): CheckContext;
  /** Defers work to the next turn of the event loop, after pending messages. */
  defer(callback: () => void): void;
  version: string;
}

/** How long after the last change the scopes are simulated again. */
const SIMULATION_DELAY_MS = 120;

/**
 * Wires the Slipway language server to a connection: each file's own checks
 * are published at once; the cross-resource findings of simulating its scope
 * follow once typing pauses, for every file of the scope (indexed at start,
 * kept current by editor changes and file events).
 */
export function startServer(connection: Connection, runtime: ServerRuntime): void {
  const documents = new TextDocuments(TextDocument);
  const log: ServerLog = {
    error: (message) => connection.console.error(message),
    info: (message) => connection.console.info(message),
  };
  let context: CheckContext | undefined;
  let checker: DocumentChecker | undefined;
  let index: WorkspaceIndex | undefined;
  let simulator: ScopeSimulator | undefined;
  let settings: SlipwaySettings = DEFAULT_SETTINGS;
  let isExcluded = createExcludeFilter(settings.exclude);
  let canPullConfiguration = false;
  let canWatchFiles = false;
  const scheduled = new Set<string>();
  let simulationTimer: NodeJS.Timeout | undefined;
  // Settled once the workspace has been indexed: panel requests wait for it,
  // diagnostics of open files do not.
  let indexed: Promise<void> = Promise.resolve();
  // What each document's last publish was computed from: publishing the same
  // thing twice is skipped.
  const published = new Map<string, string>();

  connection.onInitialize((params): InitializeResult => {
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    canWatchFiles =
      params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    const options: unknown = params.initializationOptions;
    if (typeof options === 'object' && options !== null && 'settings' in options) {
      settings = normalizeSettings(options.settings);
      isExcluded = createExcludeFilter(settings.exclude);
    }
    const started = performance.now();
    context = runtime.createContext();
    checker = new DocumentChecker(context);
    index = new WorkspaceIndex(context);
    simulator = new ScopeSimulator(index, () => settings);
    const folders = (params.workspaceFolders ?? [])
      .map((folder) => uriToPath(folder.uri))
      .concat(
        params.workspaceFolders ? [] : [params.rootUri ? uriToPath(params.rootUri) : undefined],
      )
      .filter((path): path is string => path !== undefined);
    index.setFolders(folders);
    log.info(
      `Slipway ${runtime.version} ready (schema loaded in ${Math.round(performance.now() - started)} ms)`,
    );
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        completionProvider: { triggerCharacters: [':', ' ', '-'] },
        documentSymbolProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'slipway', version: runtime.version },
    };
  });

  async function pullSettings(): Promise<void> {
    if (!canPullConfiguration) return;
    try {
      const raw: unknown = await connection.workspace.getConfiguration(CONFIGURATION_SECTION);
      settings = normalizeSettings(raw);
      isExcluded = createExcludeFilter(settings.exclude);
    } catch (error) {
      log.error(`reading settings failed: ${String(error)}`);
    }
  }

  /** Indexes the workspace in the background: the open files' diagnostics do not wait for it. */
  async function indexWorkspace(): Promise<void> {
    if (!index) return;
    const started = performance.now();
    const count = await index.scan(
      (path) => isExcluded(`file://${path}`),
      () => new Promise((resolve) => setImmediate(resolve)),
    );
    log.info(`indexed ${count} YAML files in ${Math.round(performance.now() - started)} ms`);
    scheduleSimulation(0);
  }

  connection.onInitialized(() => {
    if (canWatchFiles) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*.{yaml,yml}' }, { globPattern: '**/Kustomization' }],
      });
    }
    indexed = pullSettings()
      .then(() => documents.all().forEach((document) => schedule(document.uri)))
      .then(() => indexWorkspace())
      .catch((error: unknown) => log.error(`indexing failed: ${String(error)}`));
  });

  connection.onDidChangeConfiguration((change) => {
    const raw: unknown = change.settings;
    if (
      !canPullConfiguration &&
      typeof raw === 'object' &&
      raw !== null &&
      CONFIGURATION_SECTION in raw
    ) {
      settings = normalizeSettings((raw as Record<string, unknown>)[CONFIGURATION_SECTION]);
      isExcluded = createExcludeFilter(settings.exclude);
    }
    void (canPullConfiguration ? pullSettings() : Promise.resolve()).then(() => {
      published.clear();
      documents.all().forEach((document) => schedule(document.uri));
      scheduleSimulation(0);
    });
  });

  connection.onDidChangeWatchedFiles((params) => {
    if (!index) return;
    const work = params.changes.map(async (change) => {
      const path = uriToPath(change.uri);
      if (!path || isExcluded(change.uri)) return;
      if (change.type === FileChangeType.Deleted) {
        index?.remove(path);
        publish(change.uri);
      } else {
        await index?.changedOnDisk(path);
      }
    });
    void Promise.all(work).then(() => scheduleSimulation(SIMULATION_DELAY_MS));
  });

  /** The file's own check: from the index for files, from the document checker otherwise. */
  function fileCheck(uri: string): FileCheck | undefined {
    const path = uriToPath(uri);
    const document = documents.get(uri);
    if (path && index) {
      if (document) return index.setText(path, document.getText(), true).check;
      return index.get(path)?.check;
    }
    return document && checker ? checker.check(uri, document.getText()) : undefined;
  }

  /** Publishes a file's diagnostics: its own findings plus its scopes' cross-resource findings. */
  function publish(uri: string): void {
    const document = documents.get(uri);
    const diagnostics = runSafe(log, `checking ${uri}`, [], () => {
      if (!settings.enable || !settings.validation.enable || isExcluded(uri)) return [];
      const own: Finding[] = fileCheck(uri)?.findings ?? [];
      const cross = simulator?.findingsFor(uri) ?? [];
      const lineCount = document?.lineCount ?? Number.POSITIVE_INFINITY;
      // Until the scope is simulated again, keep findings that still fit the edited text.
      const fitting = cross.filter((finding) => finding.range.start.line < lineCount);
      return applySeverityOverrides([...own, ...fitting], settings.rules)
        .sort(
          (a, b) =>
            a.range.start.line - b.range.start.line ||
            a.range.start.character - b.range.start.character,
        )
        .map(findingToDiagnostic);
    });
    const key = `${document?.version ?? 'disk'}|${JSON.stringify(diagnostics)}`;
    if (published.get(uri) === key) return;
    published.set(uri, key);
    void connection.sendDiagnostics({ uri, version: document?.version, diagnostics });
  }

  function schedule(uri: string): void {
    if (scheduled.has(uri)) return;
    scheduled.add(uri);
    runtime.defer(() => {
      scheduled.delete(uri);
      publish(uri);
    });
  }

  /** Simulates the workspace's scopes once typing pauses, then republishes the files whose findings changed. */
  function scheduleSimulation(delay: number): void {
    if (simulationTimer) clearTimeout(simulationTimer);
    simulationTimer = setTimeout(() => {
      simulationTimer = undefined;
      if (!simulator || !settings.enable || !settings.validation.enable) return;
      const changed = runSafe(log, 'simulating the workspace', new Set<string>(), () =>
        simulator!.refreshAll(),
      );
      for (const document of documents.all()) changed.add(document.uri);
      for (const uri of changed) publish(uri);
    }, delay);
  }

  documents.onDidChangeContent((change) => {
    schedule(change.document.uri);
    scheduleSimulation(SIMULATION_DELAY_MS);
  });
  documents.onDidClose((event) => {
    const uri = event.document.uri;
    checker?.forget(uri);
    published.delete(uri);
    const path = uriToPath(uri);
    if (path && index) {
      void index.closed(path).then(() => {
        publish(uri);
        scheduleSimulation(SIMULATION_DELAY_MS);
      });
    } else {
      void connection.sendDiagnostics({ uri, diagnostics: [] });
    }
  });

  /** The simulation a panel request asks for: the file's scope, or the file alone. */
  function simulationFor(uri: string, alone: boolean): ScopeSimulation | undefined {
    if (!simulator || !index) return undefined;
    const document = documents.get(uri);
    const path = uriToPath(uri);
    if (!path) {
      // An untitled document has no scope but itself.
      const check = document && checker?.check(uri, document.getText());
      return check ? simulator.simulateUnsaved(uri, check) : undefined;
    }
    if (document) index.setText(path, document.getText(), true);
    return simulator.simulateScope(simulator.scopeOf(path, alone));
  }

  connection.onRequest(
    SIMULATE_REQUEST,
    async (params: SimulateParams): Promise<SimulateResult | null> => {
      await indexed;
      return runSafe(log, SIMULATE_REQUEST, null, () => {
        const simulation = simulationFor(params.uri, params.scope === 'file');
        if (!simulation || !index) return null;
        return {
          scope: ScopeSimulator.scopeInfo(simulation.scope),
          report: simulation.report,
          parseProblems: simulation.parseProblems,
          snapshot: index.version,
        };
      });
    },
  );

  connection.onRequest(ROUTE_REQUEST, async (params: RouteParams): Promise<RouteResult | null> => {
    await indexed;
    return runSafe(log, ROUTE_REQUEST, null, () => {
      const simulation = simulationFor(params.uri, params.scope === 'file');
      return simulation ? routeRequest(params.url, simulation.report, simulation.objects) : null;
    });
  });

  registerLanguageFeatures(connection, documents, {
    log,
    registry: () => context?.registry,
    settings: () => settings,
    isClusterFile: (uri) => {
      const path = uriToPath(uri);
      return (
        path !== undefined &&
        index !== undefined &&
        index.folders.some((folder) => joinPath(folder, settings.clusterFile) === path)
      );
    },
  });

  documents.listen(connection);
  connection.listen();
}
