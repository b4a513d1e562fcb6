import {
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import type { CheckContext } from '../core/check/check-context';
import type { FileCheck } from '../core/check/check-text';
import { isEditOf } from '../core/check/recheck-edit';
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
import { EditTracker } from './edit-tracker';
import { createExcludeFilter } from './exclude-filter';
import { registerLanguageFeatures } from './language-features';
import { runSafe, type ServerLog } from './run-safe';
import { ScopeSimulator, uriToPath, type ScopeSimulation } from './scope-simulator';
import { WorkspaceIndex, type IndexedFile } from './workspace-index';
import { joinPath } from '../core/scope/posix-path';
import { movePosition } from '../core/text/text-edit';

/** What the server needs from its host process. */
export interface ServerRuntime {
  /** Builds the check context (reads the schema bundle); called once, at initialize. */
  createContext(): CheckContext;
  /** Defers work to the next turn of the event loop, after pending messages. */
  defer(callback: () => void): void;
  /**
   * Called once, when the workspace has first settled (indexed, its open
   * files checked, simulated): the host may tune itself for the steady state.
   */
  workspaceSettled?(): void;
  version: string;
}

/** How long after the last change the scopes are simulated again. */
const SIMULATION_DELAY_MS = 120;
/** The longest pause waited for before simulating (for a workspace whose simulation takes long). */
const MAX_SIMULATION_DELAY_MS = 500;
/**
 * How long the workspace simulation runs before pending messages (an edit, a
 * hover) go first: an edit that arrives meanwhile waits for the rest of the
 * slice. Each slice ends with three turns of deferred work (well under a
 * millisecond), so short slices cost the simulation little.
 */
const SIMULATION_SLICE_MS = 4;
/** From this size on, an opened file is checked in slices, answering messages meanwhile. */
const SLICED_CHECK_CHARS = 256 * 1024;
/** `fileCheck` of a file being checked in slices. */
const CHECKING = Symbol('checking');

/** What one publish of a file was computed from (compared by identity: the caches keep them). */
interface PublishInputs {
  version: number | undefined;
  own: readonly Finding[];
  cross: readonly Finding[];
  settings: SlipwaySettings;
  isExcluded: unknown;
}

function samePublish(
  last: PublishInputs | { version: number | undefined; empty: true } | undefined,
  next: PublishInputs,
): boolean {
  return (
    last !== undefined &&
    !('empty' in last) &&
    last.version === next.version &&
    last.own === next.own &&
    last.cross === next.cross &&
    last.settings === next.settings &&
    last.isExcluded === next.isExcluded
  );
}

function byPosition(a: Finding, b: Finding): number {
  return (
    a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character
  );
}

function isSorted(findings: readonly Finding[]): boolean {
  for (let i = 1; i < findings.length; i++) {
    if (byPosition(findings[i - 1] as Finding, findings[i] as Finding) > 0) return false;
  }
  return true;
}

/**
 * The two lists in position order, `a` first among equals: what a stable
 * sort of `[...a, ...b]` gives, merged in one pass when both are in order
 * (a file's own findings are; a scope's findings of one file mostly are).
 */
function mergeByPosition(a: readonly Finding[], b: readonly Finding[]): Finding[] {
  if (b.length === 0) return isSorted(a) ? [...a] : [...a].sort(byPosition);
  if (!isSorted(a) || !isSorted(b)) return [...a, ...b].sort(byPosition);
  const out: Finding[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (byPosition(b[j] as Finding, a[i] as Finding) < 0) out.push(b[j++] as Finding);
    else out.push(a[i++] as Finding);
  }
  while (i < a.length) out.push(a[i++] as Finding);
  while (j < b.length) out.push(b[j++] as Finding);
  return out;
}

/**
 * Wires the Slipway language server to a connection: each file's own checks
 * are published at once; the cross-resource findings of simulating its scope
 * follow once typing pauses, for every file of the scope (indexed at start,
 * kept current by editor changes and file events).
 */
export function startServer(connection: Connection, runtime: ServerRuntime): void {
  const edits = new EditTracker();
  const documents = new TextDocuments(edits.configuration);
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
  // The workspace simulation under way, run a slice at a time; replaced or cleared when superseded.
  let refresh: Generator<void, Set<string>, void> | undefined;
  // Time spent on the refresh under way, and on the last one that finished.
  let refreshSpentMs = 0;
  let lastRefreshMs = 0;
  // Whether a workspace simulation has finished once (runtime.workspaceSettled).
  let settledOnce = false;
  // Settled once the workspace has been indexed: panel requests wait for it,
  // diagnostics of open files do not.
  let indexed: Promise<void> = Promise.resolve();
  // What each document's last publish was computed from: publishing the same
  // thing twice is skipped.
  const published = new Map<string, PublishInputs | { version: number | undefined; empty: true }>();
  // Each file's index revision when its cross-resource findings were last computed.
  const simulatedRevision = new Map<string, number>();
  // Cross-resource findings moved to where their lines are after later edits, per URI.
  const movedCross = new Map<
    string,
    { from: readonly Finding[]; revision: number; findings: readonly Finding[] }
  >();

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
      () => new Promise((resolve) => afterPendingMessages(() => resolve(undefined))),
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

  /**
   * The file's own check: from the index for files, from the document
   * checker otherwise; CHECKING while a large file is checked in slices (it
   * publishes when done).
   */
  function fileCheck(uri: string): FileCheck | undefined | typeof CHECKING {
    const path = uriToPath(uri);
    const document = documents.get(uri);
    if (path && index) {
      if (document) return syncOpenFile(path, document, true)?.check ?? CHECKING;
      return index.get(path)?.check;
    }
    if (!document || !checker) return undefined;
    const text = document.getText();
    return checker.check(uri, text, edits.take(uri, text));
  }

  /**
   * Gives the index an open document's current text, with where it was
   * edited since last time. A large text that cannot be checked as an edit
   * (just opened, replaced) is checked in slices when `inSlices`, so the
   * server keeps answering meanwhile: undefined until then.
   */
  function syncOpenFile(
    path: string,
    document: { uri: string; getText(): string },
    inSlices: boolean,
  ): IndexedFile | undefined {
    // `index` is set at initialize, before any document is open.
    const workspace = index as WorkspaceIndex;
    const text = document.getText();
    const current = workspace.get(path);
    if (current?.text === text) return current;
    const change = edits.take(document.uri, text);
    const asEdit = isEditOf(current?.text, change);
    if (!inSlices || asEdit || text.length < SLICED_CHECK_CHARS) {
      return workspace.setText(path, text, true, change);
    }
    void workspace
      .setOpenTextInSlices(
        path,
        text,
        () => new Promise((resolve) => afterPendingMessages(() => resolve())),
      )
      // Done, or dropped for a newer text: publish what is current (a newer check publishes too).
      .then(() => {
        schedule(document.uri);
        if (!workspace.checkingEditorText) scheduleSimulation(SIMULATION_DELAY_MS);
      })
      .catch((error: unknown) => log.error(`checking ${document.uri} failed: ${String(error)}`));
    return undefined;
  }

  /** Publishes a file's diagnostics: its own findings plus its scopes' cross-resource findings. */
  function publish(uri: string): void {
    const document = documents.get(uri);
    const version = document?.version;
    const last = published.get(uri);
    let inputs: PublishInputs | undefined;
    const diagnostics = runSafe(log, `checking ${uri}`, [], () => {
      if (!settings.enable || !settings.validation.enable || isExcluded(uri)) return [];
      const check = fileCheck(uri);
      // Checked in slices: published when done.
      if (check === CHECKING) return undefined;
      const own: readonly Finding[] = check?.findings ?? [];
      const cross = crossFindings(uri);
      inputs = { version, own, cross, settings, isExcluded };
      // The same findings under the same settings for the same version: nothing to send.
      if (samePublish(last, inputs)) return undefined;
      // Until the scope is simulated again, keep findings that still fit the edited text.
      // (Asked only when there are such findings: the first `lineCount` of a text splits
      // all of it into lines, about 10 ms of opening a 1,000-document file.)
      const lineCount =
        cross.length > 0 && document ? document.lineCount : Number.POSITIVE_INFINITY;
      const fitting = cross.every((finding) => finding.range.start.line < lineCount)
        ? cross
        : cross.filter((finding) => finding.range.start.line < lineCount);
      return applySeverityOverrides(mergeByPosition(own, fitting), settings.rules).map(
        findingToDiagnostic,
      );
    });
    if (!diagnostics) return;
    // Nothing checked (disabled, excluded, failed): an empty publish, sent once per version.
    const next = inputs ?? { version, empty: true as const };
    if (!inputs && diagnostics.length === 0 && last && 'empty' in last && last.version === version)
      return;
    published.set(uri, next);
    void connection.sendDiagnostics({ uri, version, diagnostics });
  }

  /**
   * A file's cross-resource findings, moved with the lines edits inserted or
   * removed since they were computed (until the scope is simulated again),
   * so that typing above them does not leave them on the wrong lines.
   */
  function crossFindings(uri: string): readonly Finding[] {
    const cross = simulator?.findingsFor(uri) ?? [];
    const path = uriToPath(uri);
    if (cross.length === 0 || !path || !index) return cross;
    const file = index.get(path);
    const at = simulatedRevision.get(path);
    if (!file || at === undefined || at === file.revision) return cross;
    const memo = movedCross.get(uri);
    if (memo && memo.from === cross && memo.revision === file.revision) return memo.findings;
    // Not known how the text moved: the publish keeps the findings that still fit.
    const moves = index.movesSince(path, at) ?? [];
    const findings = cross.map((finding) => {
      let { start, end } = finding.range;
      for (const move of moves) {
        start = movePosition(start, move);
        end = movePosition(end, move);
      }
      return start === finding.range.start && end === finding.range.end
        ? finding
        : { ...finding, range: { start, end } };
    });
    movedCross.set(uri, { from: cross, revision: file.revision, findings });
    return findings;
  }

  function schedule(uri: string): void {
    if (scheduled.has(uri)) return;
    scheduled.add(uri);
    runtime.defer(() => {
      scheduled.delete(uri);
      publish(uri);
    });
  }

  /**
   * Simulates the workspace's scopes once typing pauses, then republishes the
   * files whose findings changed. The simulation runs a stage at a time
   * (SIMULATION_SLICE_MS, then pending messages go first), and a change
   * meanwhile drops it: the next one starts after the next pause.
   */
  function scheduleSimulation(delay: number): void {
    if (simulationTimer) clearTimeout(simulationTimer);
    refresh = undefined;
    // A pause long enough for typing to have stopped: the longer the last
    // simulation took, the surer it should be (a dropped one is wasted work).
    const wait =
      delay === 0 ? 0 : Math.min(MAX_SIMULATION_DELAY_MS, Math.max(delay, lastRefreshMs));
    simulationTimer = setTimeout(() => {
      simulationTimer = undefined;
      if (!simulator || !settings.enable || !settings.validation.enable) return;
      // An open file is being checked: simulate once it is in the index (its check schedules it).
      if (index?.checkingEditorText) return;
      const steps = simulator.refreshAllSteps();
      refresh = steps;
      refreshSpentMs = 0;
      continueRefresh(steps);
    }, wait);
  }

  /**
   * Runs `callback` once a message that arrived meanwhile has been handled. The
   * JSON-RPC connection hands a message on in two turns of deferred work (one
   * to decode it, one to dispatch it), each queued behind what was deferred
   * before: waiting three turns lets an edit or a hover overtake the next slice
   * of background work, instead of waiting behind several of them.
   */
  function afterPendingMessages(callback: () => void): void {
    runtime.defer(() => runtime.defer(() => runtime.defer(callback)));
  }

  function continueRefresh(steps: Generator<void, Set<string>, void>): void {
    const sliceStart = performance.now();
    for (;;) {
      if (refresh !== steps) return; // superseded by a change
      const step = runSafe(log, 'simulating the workspace', undefined, () => steps.next());
      if (!step) {
        refresh = undefined;
        return;
      }
      if (step.done) {
        refresh = undefined;
        lastRefreshMs = refreshSpentMs + (performance.now() - sliceStart);
        const changed = step.value;
        if (!settledOnce) {
          settledOnce = true;
          runtime.workspaceSettled?.();
        }
        if (index) for (const file of index.all()) simulatedRevision.set(file.path, file.revision);
        movedCross.clear();
        for (const document of documents.all()) changed.add(document.uri);
        for (const uri of changed) publish(uri);
        return;
      }
      if (performance.now() - sliceStart >= SIMULATION_SLICE_MS) {
        refreshSpentMs += performance.now() - sliceStart;
        afterPendingMessages(() => continueRefresh(steps));
        return;
      }
    }
  }

  documents.onDidChangeContent((change) => {
    schedule(change.document.uri);
    scheduleSimulation(SIMULATION_DELAY_MS);
  });
  documents.onDidClose((event) => {
    const uri = event.document.uri;
    checker?.forget(uri);
    edits.forget(uri);
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
      const check = document && fileCheck(uri);
      return check && check !== CHECKING ? simulator.simulateUnsaved(uri, check) : undefined;
    }
    if (document) syncOpenFile(path, document, false);
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
