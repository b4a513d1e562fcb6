import type { SchemaRegistry } from '../schema/schema-registry';
import type { Range } from '../text/range';
import type { CompletionEntry } from './completion-entry';
import { kindIndex, type KindEntry } from './kind-index';
import { descriptionMarkdown } from './markdown';

/** An entry before it is placed: the range is the request's. */
type EntryTemplate = Omit<CompletionEntry, 'range'>;

/** Templates that depend only on the registry, built once per registry. */
interface KindTemplates {
  apiVersions: EntryTemplate[];
  pairs: EntryTemplate[];
}

const templateCache = new WeakMap<SchemaRegistry, KindTemplates>();

function place(templates: readonly EntryTemplate[], range: Range): CompletionEntry[] {
  return templates.map((template) => ({ ...template, range }));
}

function sortKey(rank: number, position: number): string {
  return `${rank}${String(position).padStart(4, '0')}`;
}

/** List kinds (`ServiceList`) are rarely written by hand: they sort last. */
function isListKind(entry: KindEntry, registry: SchemaRegistry): boolean {
  return (
    entry.kind.endsWith('List') &&
    kindIndex(registry).byKind.has(entry.kind.slice(0, -'List'.length))
  );
}

function kindDescription(registry: SchemaRegistry, entry: KindEntry): string | undefined {
  const description = registry.definition(entry.definition)?.description;
  return description ? descriptionMarkdown(description) : undefined;
}

function templates(registry: SchemaRegistry): KindTemplates {
  const cached = templateCache.get(registry);
  if (cached) return cached;
  const index = kindIndex(registry);
  const apiVersions = index.apiVersions.map((apiVersion, position): EntryTemplate => {
    const kinds = (index.byApiVersion.get(apiVersion) ?? [])
      .filter((entry) => !isListKind(entry, registry))
      .map((entry) => entry.kind);
    return {
      label: apiVersion,
      kind: 'apiVersion',
      detail: kinds.length === 1 ? kinds[0] : `${kinds.length} kinds`,
      documentation: `Kinds: ${kinds.join(', ')}`,
      insertText: apiVersion,
      isSnippet: false,
      sortText: sortKey(0, position),
    };
  });
  const pairs = index.entries
    .filter((entry) => !isListKind(entry, registry))
    .map((entry, position): EntryTemplate => {
      const documentation = kindDescription(registry, entry);
      return {
        label: entry.kind,
        kind: 'snippet',
        detail: `apiVersion: ${entry.apiVersion}`,
        ...(documentation ? { documentation } : {}),
        insertText: `apiVersion: ${entry.apiVersion}\nkind: ${entry.kind}\n`,
        isSnippet: false,
        sortText: sortKey(1, position),
        filterText: entry.kind,
      };
    });
  const built = { apiVersions, pairs };
  templateCache.set(registry, built);
  return built;
}

/**
 * Values for `apiVersion:`: the apiVersions that serve the document's kind
 * (preferred first), or every apiVersion when the kind is not known.
 */
export function apiVersionCompletions(
  registry: SchemaRegistry,
  kind: string | undefined,
  range: Range,
): CompletionEntry[] {
  const entries = kind ? kindIndex(registry).byKind.get(kind) : undefined;
  if (!entries) return place(templates(registry).apiVersions, range);
  return entries.map((entry, position) => {
    const documentation = kindDescription(registry, entry);
    return {
      label: entry.apiVersion,
      kind: 'apiVersion',
      detail: entry.kind,
      ...(documentation ? { documentation } : {}),
      insertText: entry.apiVersion,
      isSnippet: false,
      sortText: sortKey(0, position),
      range,
    };
  });
}

/**
 * Values for `kind:`: the kinds the document's apiVersion serves, or every
 * kind when it serves none. With `addApiVersion` (the document has no
 * `apiVersion` key yet) each kind also inserts its apiVersion on the next
 * line (`keyIndent`: the `kind` key's column relative to the line's leading
 * whitespace).
 */
export function kindCompletions(
  registry: SchemaRegistry,
  apiVersion: string | undefined,
  addApiVersion: boolean,
  keyIndent: number,
  range: Range,
): CompletionEntry[] {
  const index = kindIndex(registry);
  const served = apiVersion ? index.byApiVersion.get(apiVersion) : undefined;
  const entries = served ?? index.entries;
  return entries.map((entry, position) => {
    const documentation = kindDescription(registry, entry);
    const insertText = addApiVersion
      ? `${entry.kind}\n${' '.repeat(Math.max(0, keyIndent))}apiVersion: ${entry.apiVersion}`
      : entry.kind;
    return {
      label: entry.kind,
      kind: 'kind',
      detail: entry.apiVersion,
      ...(documentation ? { documentation } : {}),
      insertText,
      isSnippet: false,
      sortText: sortKey(isListKind(entry, registry) ? 1 : 0, position),
      filterText: entry.kind,
      range,
    };
  });
}

/**
 * For an empty object: `apiVersion` + `kind` pairs, one per served kind
 * (`keyIndent`: the keys' column relative to the line's leading whitespace,
 * 2 in a List's `- ` item).
 */
export function kindPairCompletions(
  registry: SchemaRegistry,
  keyIndent: number,
  range: Range,
): CompletionEntry[] {
  const entries = place(templates(registry).pairs, range);
  if (keyIndent <= 0) return entries;
  const newline = `\n${' '.repeat(keyIndent)}`;
  return entries.map((entry) => ({
    ...entry,
    insertText: entry.insertText.replace(/\n/g, newline),
  }));
}
