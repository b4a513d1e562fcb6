import {
  CompletionItemKind,
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
  SymbolKind,
  type CompletionItem,
  type Connection,
  type DocumentSymbol,
  type Hover,
  type TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { completeAt, type CompletionEntry } from '../core/language/completion';
import { hoverAt } from '../core/language/hover';
import { documentSymbols, type DocumentSymbolEntry } from '../core/language/symbols';
import type { SchemaRegistry } from '../core/schema/schema-registry';
import type { SlipwaySettings } from '../protocol/settings';
import { clusterFileCompletion, clusterFileHover } from './cluster-file-language';
import { runSafe, type ServerLog } from './run-safe';

interface FeatureDeps {
  log: ServerLog;
  registry(): SchemaRegistry | undefined;
  settings(): SlipwaySettings;
  /** True for a workspace's cluster file (`slipway.clusterFile`): served from its own schema. */
  isClusterFile(uri: string): boolean;
}

const COMPLETION_KIND: Record<CompletionEntry['kind'], CompletionItemKind> = {
  property: CompletionItemKind.Property,
  value: CompletionItemKind.EnumMember,
  kind: CompletionItemKind.Class,
  apiVersion: CompletionItemKind.Module,
  snippet: CompletionItemKind.Snippet,
};

function toCompletionItem(entry: CompletionEntry): CompletionItem {
  const item: CompletionItem = {
    label: entry.label,
    kind: COMPLETION_KIND[entry.kind],
    textEdit: { range: entry.range, newText: entry.insertText },
    insertTextFormat: entry.isSnippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    // Lines after the first are relative to the cursor line's indentation.
    insertTextMode: InsertTextMode.adjustIndentation,
    sortText: entry.sortText,
  };
  if (entry.detail) item.detail = entry.detail;
  if (entry.documentation)
    item.documentation = { kind: MarkupKind.Markdown, value: entry.documentation };
  if (entry.filterText) item.filterText = entry.filterText;
  return item;
}

/** Outline icons: a workload is a class, a Service an interface, config a constant … */
const SYMBOL_KIND: Record<string, SymbolKind> = {
  Deployment: SymbolKind.Class,
  StatefulSet: SymbolKind.Class,
  DaemonSet: SymbolKind.Class,
  ReplicaSet: SymbolKind.Class,
  Job: SymbolKind.Event,
  CronJob: SymbolKind.Event,
  Pod: SymbolKind.Struct,
  Service: SymbolKind.Interface,
  Ingress: SymbolKind.Interface,
  ConfigMap: SymbolKind.Constant,
  Secret: SymbolKind.Constant,
  PersistentVolume: SymbolKind.File,
  PersistentVolumeClaim: SymbolKind.File,
  Namespace: SymbolKind.Namespace,
  List: SymbolKind.Array,
};

function toDocumentSymbol(entry: DocumentSymbolEntry): DocumentSymbol {
  const symbol: DocumentSymbol = {
    name: entry.name,
    kind: SYMBOL_KIND[entry.kubernetesKind] ?? SymbolKind.Object,
    range: entry.range,
    selectionRange: entry.selectionRange,
  };
  if (entry.detail) symbol.detail = entry.detail;
  if (entry.children && entry.children.length > 0)
    symbol.children = entry.children.map(toDocumentSymbol);
  return symbol;
}

/** Hover, completion and document symbols: thin maps from LSP to the core's language features. */
export function registerLanguageFeatures(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  deps: FeatureDeps,
): void {
  connection.onHover((params): Hover | null => {
    const document = documents.get(params.textDocument.uri);
    const registry = deps.registry();
    if (!document || !registry || !deps.settings().enable || !deps.settings().hover.enable)
      return null;
    return runSafe(deps.log, 'hover', null, () => {
      const hover = deps.isClusterFile(document.uri)
        ? clusterFileHover(document.getText(), params.position)
        : hoverAt(document.getText(), params.position, registry);
      return hover
        ? { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, range: hover.range }
        : null;
    });
  });

  connection.onCompletion((params): CompletionItem[] => {
    const document = documents.get(params.textDocument.uri);
    const registry = deps.registry();
    if (!document || !registry || !deps.settings().enable || !deps.settings().completion.enable)
      return [];
    return runSafe(deps.log, 'completion', [], () =>
      (deps.isClusterFile(document.uri)
        ? clusterFileCompletion(document.getText(), params.position)
        : completeAt(document.getText(), params.position, registry)
      ).map(toCompletionItem),
    );
  });

  connection.onDocumentSymbol((params): DocumentSymbol[] => {
    const document = documents.get(params.textDocument.uri);
    if (!document || !deps.settings().enable) return [];
    return runSafe(deps.log, 'documentSymbol', [], () =>
      documentSymbols(document.getText()).map(toDocumentSymbol),
    );
  });
}
