import {
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CheckContext } from '../core/check/check-context';
import { applySeverityOverrides } from '../core/diagnostics/apply-overrides';
import { CONFIGURATION_SECTION } from '../protocol/ids';
import { DEFAULT_SETTINGS, normalizeSettings, type SlipwaySettings } from '../protocol/settings';
import { findingToDiagnostic } from './convert';
import { DocumentChecker } from './document-checker';
import { createExcludeFilter } from './exclude-filter';
import { registerLanguageFeatures } from './language-features';
import { runSafe, type ServerLog } from './run-safe';

/** What the server needs from its host process. */
export interface ServerRuntime {
  /** Builds the check context (reads the schema bundle); called once, at initialize. */
  createContext(): CheckContext;
  /** Defers work to the next turn of the event loop, after pending messages. */
  defer(callback: () => void): void;
  version: string;
}

/** Wires the Slipway language server to a connection. */
export function startServer(connection: Connection, runtime: ServerRuntime): void {
  const documents = new TextDocuments(TextDocument);
  const log: ServerLog = {
    error: (message) => connection.console.error(message),
    info: (message) => connection.console.info(message),
  };
  let context: CheckContext | undefined;
  let checker: DocumentChecker | undefined;
  let settings: SlipwaySettings = DEFAULT_SETTINGS;
  let isExcluded = createExcludeFilter(settings.exclude);
  let canPullConfiguration = false;
  const scheduled = new Set<string>();
  // What each document's last publish was computed from: a re-check of the
  // same version under the same settings would publish the same thing.
  const published = new Map<string, { version: number; settings: SlipwaySettings }>();

  connection.onInitialize((params): InitializeResult => {
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    const options: unknown = params.initializationOptions;
    if (typeof options === 'object' && options !== null && 'settings' in options) {
      settings = normalizeSettings(options.settings);
      isExcluded = createExcludeFilter(settings.exclude);
    }
    const started = performance.now();
    context = runtime.createContext();
    checker = new DocumentChecker(context);
    log.info(
      `Slipway ${runtime.version} ready (schema loaded in ${Math.round(performance.now() - started)} ms)`,
    );
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        completionProvider: { triggerCharacters: [':', ' ', '-'] },
        documentSymbolProvider: true,
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

  connection.onInitialized(() => {
    void pullSettings().then(() => documents.all().forEach((document) => schedule(document.uri)));
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
    void (canPullConfiguration ? pullSettings() : Promise.resolve()).then(() =>
      documents.all().forEach((document) => schedule(document.uri)),
    );
  });

  /** Publishes the current document's diagnostics; a later edit supersedes a pending check. */
  function validate(uri: string): void {
    const document = documents.get(uri);
    if (!document || !checker) return;
    const last = published.get(uri);
    if (last && last.version === document.version && last.settings === settings) return;
    published.set(uri, { version: document.version, settings });
    const diagnostics = runSafe(log, `checking ${uri}`, [], () => {
      if (!settings.enable || !settings.validation.enable || isExcluded(uri)) return [];
      const result = checker!.check(uri, document.getText());
      return applySeverityOverrides(result.findings, settings.rules).map(findingToDiagnostic);
    });
    void connection.sendDiagnostics({ uri, version: document.version, diagnostics });
  }

  function schedule(uri: string): void {
    if (scheduled.has(uri)) return;
    scheduled.add(uri);
    runtime.defer(() => {
      scheduled.delete(uri);
      validate(uri);
    });
  }

  documents.onDidChangeContent((change) => schedule(change.document.uri));
  documents.onDidClose((event) => {
    checker?.forget(event.document.uri);
    published.delete(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  registerLanguageFeatures(connection, documents, {
    log,
    registry: () => context?.registry,
    settings: () => settings,
  });

  documents.listen(connection);
  connection.listen();
}
