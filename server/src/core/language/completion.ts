import type { JsonPath } from '../model/json';
import type { BundleSchema } from '../schema/schema-bundle';
import type { SchemaRegistry } from '../schema/schema-registry';
import type { Position, Range } from '../text/range';
import type { CompletionEntry } from './completion-entry';
import {
  cursorContextAt,
  type KeyCursor,
  type ObjectAtCursor,
  type ValueCursor,
} from './cursor-context';
import { fieldSchemaAt } from './field-schema';
import { choiceValues, fieldShape, keyInsertText, yamlString } from './key-insert-text';
import { apiVersionCompletions, kindCompletions, kindPairCompletions } from './kind-completions';
import { definitionFor } from './kind-index';
import { descriptionMarkdown, inlineCode } from './markdown';
import { findKey } from './outline';
import { explainServiceType } from './service-types';
import { typeLabel } from './type-label';

export type { CompletionEntry, CompletionEntryKind } from './completion-entry';

/** Keys every object starts with: they sort with the required ones. */
const OBJECT_HEAD = new Set(['apiVersion', 'kind', 'metadata']);

/** Where property completions go and what they insert. */
interface PropertyPlacement {
  range: Range;
  /** Column of nested lines relative to the line's leading whitespace. */
  childIndent: number;
  /** True when the line already has `key:`: insert only the name. */
  nameOnly: boolean;
  /** Written before each key (`- ` when the key starts a new list item). */
  lead: string;
  /** True at the top of an object (apiVersion, kind, metadata first; status last). */
  objectRoot: boolean;
}

function sortText(rank: number, name: string): string {
  return `${rank}_${name}`;
}

/** The keys a mapping with this schema can take, minus the ones it has. */
function propertyEntries(
  registry: SchemaRegistry,
  schema: BundleSchema,
  present: readonly string[],
  placement: PropertyPlacement,
): CompletionEntry[] {
  const entries: CompletionEntry[] = [];
  const required = new Set(schema.required ?? []);
  for (const [name, declared] of Object.entries(schema.properties ?? {})) {
    if (present.includes(name)) continue;
    const resolved = registry.deref(declared);
    const isRequired = required.has(name);
    const rank =
      isRequired || (placement.objectRoot && OBJECT_HEAD.has(name))
        ? 0
        : placement.objectRoot && name === 'status'
          ? 2
          : 1;
    const insertion = placement.nameOnly
      ? { text: name, isSnippet: false }
      : keyInsertText(name, resolved, placement.childIndent);
    const docs: string[] = [];
    if (resolved.description) docs.push(descriptionMarkdown(resolved.description));
    if (resolved.enum) docs.push(`Allowed values: ${resolved.enum.map(inlineCode).join(', ')}`);
    entries.push({
      label: name,
      kind: 'property',
      detail: `${typeLabel(registry, declared)}${isRequired ? ' · required' : ''}`,
      ...(docs.length > 0 ? { documentation: docs.join('\n\n') } : {}),
      insertText: placement.lead + insertion.text,
      isSnippet: insertion.isSnippet,
      sortText: sortText(rank, name),
      ...(placement.lead ? { filterText: name } : {}),
      range: placement.range,
    });
  }
  return entries;
}

/** The values of an enum or boolean field. */
function valueEntries(
  schema: BundleSchema,
  object: ObjectAtCursor,
  path: JsonPath,
  range: Range,
  lead = '',
): CompletionEntry[] {
  const isServiceType =
    object.kind === 'Service' && path.length === 2 && path[0] === 'spec' && path[1] === 'type';
  return choiceValues(schema).map((value, position) => {
    const explanation = isServiceType ? explainServiceType(value) : undefined;
    return {
      label: value,
      kind: 'value',
      ...(explanation
        ? { documentation: `${explanation.summary}\n\nTraffic: ${explanation.traffic}` }
        : {}),
      insertText: lead + (schema.enum ? yamlString(value) : value),
      isSnippet: false,
      sortText: String(position).padStart(4, '0'),
      ...(lead ? { filterText: value } : {}),
      range,
    };
  });
}

/** `apiVersion` and `kind` as keys, for an object that has no kind yet. */
function headKeyEntries(present: readonly string[], range: Range): CompletionEntry[] {
  const heads: [string, string][] = [
    ['apiVersion', 'The API group and version of the object (`v1`, `apps/v1`).'],
    ['kind', 'The kind of object (`Service`, `Deployment`).'],
  ];
  return heads
    .filter(([name]) => !present.includes(name))
    .map(([name, documentation]) => ({
      label: name,
      kind: 'property',
      detail: 'string · required',
      documentation,
      insertText: `${name}: `,
      isSnippet: false,
      sortText: sortText(0, name),
      range,
    }));
}

function keyCompletions(registry: SchemaRegistry, cursor: KeyCursor): CompletionEntry[] {
  const { object, parentPath, wordRange: range } = cursor;
  const keyIndent = cursor.column - cursor.lineIndent;
  const objectRoot = parentPath.length === 0 && cursor.node.parent === object.node;
  if (objectRoot && !object.kind && cursor.node.type === 'scalar') {
    const entries = headKeyEntries(cursor.presentKeys, range);
    const empty =
      !cursor.presentKeys.includes('apiVersion') && !cursor.presentKeys.includes('kind');
    return empty ? [...entries, ...kindPairCompletions(registry, keyIndent, range)] : entries;
  }
  const definition = definitionFor(registry, object.apiVersion, object.kind);
  if (!definition) return [];
  const field = fieldSchemaAt(registry, definition, parentPath);
  if (!field) return [];
  const placement: PropertyPlacement = {
    range,
    childIndent: keyIndent + 2,
    nameOnly: cursor.hasColon,
    lead: '',
    objectRoot,
  };
  const shape = fieldShape(field.resolved);
  if (shape === 'object') {
    return propertyEntries(registry, field.resolved, cursor.presentKeys, placement);
  }
  const inItem = typeof parentPath[parentPath.length - 1] === 'number';
  if (shape === 'choice' && inItem && cursor.node.type === 'scalar') {
    return valueEntries(field.resolved, object, parentPath, range);
  }
  // Under a list's key without a `- ` yet: each proposal starts an item.
  if (
    shape === 'list' &&
    field.resolved.items &&
    cursor.node.type === 'scalar' &&
    !cursor.hasColon
  ) {
    const items = registry.deref(field.resolved.items);
    const itemShape = fieldShape(items);
    if (itemShape === 'object') {
      return propertyEntries(registry, items, [], {
        ...placement,
        childIndent: keyIndent + 4,
        lead: '- ',
        objectRoot: false,
      });
    }
    if (itemShape === 'choice') return valueEntries(items, object, [...parentPath, 0], range, '- ');
  }
  return [];
}

function valueCompletions(registry: SchemaRegistry, cursor: ValueCursor): CompletionEntry[] {
  const { object, path, valueRange: range } = cursor;
  if (path.length === 1 && path[0] === 'apiVersion') {
    return apiVersionCompletions(registry, object.kind, range);
  }
  if (path.length === 1 && path[0] === 'kind') {
    const hasApiVersion = findKey(object.node, 'apiVersion') !== undefined;
    return kindCompletions(
      registry,
      object.apiVersion,
      !hasApiVersion,
      cursor.keyNode.column - cursor.lineIndent,
      range,
    );
  }
  const definition = definitionFor(registry, object.apiVersion, object.kind);
  if (!definition) return [];
  const field = fieldSchemaAt(registry, definition, path);
  if (!field) return [];
  return valueEntries(field.resolved, object, path, range);
}

/**
 * Completions at a position of a Kubernetes YAML file. On a key: the keys
 * the schema allows there for the document's kind (required first, present
 * ones left out), each with a skeleton of its value. After `key: `: the
 * field's enum values or `true`/`false`, the apiVersions of the kind, the
 * kinds of the apiVersion. In an empty document: `apiVersion`/`kind` pairs.
 * Works on lines that do not parse yet; reads only the document at the
 * position; unknown kinds get no field completions.
 */
export function completeAt(
  text: string,
  position: Position,
  registry: SchemaRegistry,
): CompletionEntry[] {
  const cursor = cursorContextAt(text, position);
  if (!cursor) return [];
  return cursor.position === 'value'
    ? valueCompletions(registry, cursor)
    : keyCompletions(registry, cursor);
}
