import type { JsonPath } from '../model/json';
import { parseApiVersion } from '../model/manifest';
import type { SchemaRegistry } from '../schema/schema-registry';
import type { Position, Range } from '../text/range';
import { cursorContextAt, type ObjectAtCursor } from './cursor-context';
import { fieldSchemaAt, type FieldSchema } from './field-schema';
import { definitionFor, kindIndex } from './kind-index';
import { descriptionMarkdown, inlineCode } from './markdown';
import { explainServiceType, SERVICE_TYPE_EXPLANATIONS } from './service-types';
import { typeLabel } from './type-label';

/** What a hover shows: Markdown, and the key or value it describes. */
export interface HoverResult {
  /** The hover text (Markdown). */
  markdown: string;
  /** The key or value under the cursor, in file positions. */
  range: Range;
}

/** A field path as the API reference writes it: `spec.ports[].nodePort`. */
function displayPath(path: JsonPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += '[]';
    else out += out === '' ? segment : `.${segment}`;
  }
  return out;
}

function allowedValues(values: readonly string[], current?: string): string {
  const list = values.map((value) =>
    value === current ? `**${inlineCode(value)}**` : inlineCode(value),
  );
  return `Allowed values: ${list.join(', ')}`;
}

/** The header line and description of a field. */
function fieldMarkdown(registry: SchemaRegistry, path: JsonPath, field: FieldSchema): string {
  const presence = field.mapEntry ? 'map entry' : field.required ? 'required' : 'optional';
  const parts = [
    `${inlineCode(displayPath(path))} · **${typeLabel(registry, field.declared)}** · ${presence}`,
  ];
  const description = field.mapEntry ? field.parent?.description : field.resolved.description;
  if (description) {
    const lead = field.mapEntry
      ? `An entry of ${inlineCode(displayPath(path.slice(0, -1)))}: `
      : '';
    parts.push(lead + descriptionMarkdown(description));
  }
  if (field.resolved.enum) parts.push(allowedValues(field.resolved.enum));
  return parts.join('\n\n');
}

/** Hover on an enum value: what it means, and the other values allowed. */
function enumValueMarkdown(
  registry: SchemaRegistry,
  object: ObjectAtCursor,
  path: JsonPath,
  field: FieldSchema,
  value: string,
): string {
  const values = field.resolved.enum ?? [];
  const at = inlineCode(displayPath(path));
  const parts: string[] = [];
  const serviceType =
    object.kind === 'Service' && displayPath(path) === 'spec.type'
      ? explainServiceType(value)
      : undefined;
  if (serviceType) {
    parts.push(`**${value}** · Service ${at}`);
    parts.push(serviceType.summary);
    parts.push(`Traffic: ${serviceType.traffic}`);
    const others = Object.keys(SERVICE_TYPE_EXPLANATIONS).filter((type) => type !== value);
    parts.push(`Other types: ${others.map(inlineCode).join(', ')}`);
  } else if (values.includes(value)) {
    parts.push(`${inlineCode(value)} · one of the values of ${at}`);
    parts.push(allowedValues(values, value));
    if (field.resolved.description) parts.push(descriptionMarkdown(field.resolved.description));
  } else {
    parts.push(`${inlineCode(value)} is not an allowed value of ${at}`);
    parts.push(allowedValues(values));
    if (field.resolved.description) parts.push(descriptionMarkdown(field.resolved.description));
  }
  return parts.join('\n\n');
}

/** Hover on the value of `kind` or `apiVersion`: what the kind is and which apiVersion serves it. */
function kindMarkdown(registry: SchemaRegistry, object: ObjectAtCursor): string | undefined {
  const { apiVersion, kind } = object;
  const index = kindIndex(registry);
  if (kind === 'List' && apiVersion === 'v1') {
    return `**List** · apiVersion ${inlineCode('v1')}\n\nA list of objects of any kind, in ${inlineCode('items')}: each item is read as if it were a document of its own (what ${inlineCode('kubectl get -o yaml')} prints for several objects).`;
  }
  if (kind && apiVersion) {
    const lookup = registry.catalog.lookup(apiVersion, kind);
    if (lookup.status === 'known') {
      const description = registry.definition(lookup.definition)?.description;
      const header = `**${kind}** · apiVersion ${inlineCode(apiVersion)}`;
      return description ? `${header}\n\n${descriptionMarkdown(description)}` : header;
    }
    if (lookup.status === 'removed') {
      const { removed } = lookup;
      const instead = removed.replacement
        ? `; use ${inlineCode(`apiVersion: ${removed.replacement}`)}`
        : removed.note
          ? `; ${removed.note}`
          : '';
      return `**${kind}** · ${inlineCode(apiVersion)} was removed in Kubernetes ${removed.removedIn}${instead}.`;
    }
    if (lookup.status === 'custom') {
      const { group } = parseApiVersion(apiVersion);
      return `**${kind}** · apiVersion ${inlineCode(apiVersion)}\n\nThe group ${inlineCode(group)} is not built into Kubernetes: this is a custom resource (a CRD or an aggregated API), so its fields are not known here.`;
    }
    const served = lookup.knownVersions;
    const hint = served.length
      ? `; it is served as ${served.map(inlineCode).join(', ')}`
      : lookup.suggestion
        ? `; did you mean ${inlineCode(lookup.suggestion)}?`
        : '';
    return `${inlineCode(apiVersion)} does not serve the kind **${kind}**${hint}.`;
  }
  if (kind) {
    const entries = index.byKind.get(kind) ?? [];
    const first = entries[0];
    if (!first) return undefined;
    const description = registry.definition(first.definition)?.description;
    const versions = entries.map((entry) => inlineCode(entry.apiVersion)).join(', ');
    const header = `**${kind}** · apiVersion ${versions}`;
    return description ? `${header}\n\n${descriptionMarkdown(description)}` : header;
  }
  if (apiVersion) {
    const kinds = index.byApiVersion.get(apiVersion);
    if (!kinds) return undefined;
    const { group, version } = parseApiVersion(apiVersion);
    const groupText = group === '' ? 'the core group' : `the group ${inlineCode(group)}`;
    const names = kinds.map((entry) => entry.kind).filter((name) => !name.endsWith('List'));
    return `${inlineCode(apiVersion)} · version ${inlineCode(version)} of ${groupText}\n\nKinds: ${names.join(', ')}`;
  }
  return undefined;
}

/** Hover on a value: an enum value, a kind or apiVersion, or the field it belongs to. */
function valueHover(
  registry: SchemaRegistry,
  object: ObjectAtCursor,
  path: JsonPath,
  value: string,
  range: Range,
): HoverResult | undefined {
  if (value === '') return undefined;
  if (path.length === 1 && (path[0] === 'kind' || path[0] === 'apiVersion')) {
    const markdown = kindMarkdown(registry, object);
    return markdown ? { markdown, range } : undefined;
  }
  const definition = definitionFor(registry, object.apiVersion, object.kind);
  if (!definition) return undefined;
  const field = fieldSchemaAt(registry, definition, path);
  if (!field) return undefined;
  const markdown = field.resolved.enum
    ? enumValueMarkdown(registry, object, path, field, value)
    : fieldMarkdown(registry, path, field);
  return { markdown, range };
}

/**
 * The hover at a position of a Kubernetes YAML file. On a key: its field
 * path, type, whether it is required, and the Kubernetes description. On a
 * `kind` or `apiVersion` value: what the kind is. On an enum value (a
 * Service's `type` above all): what the value does and the other values.
 * Only the document at the position is read.
 */
export function hoverAt(
  text: string,
  position: Position,
  registry: SchemaRegistry,
): HoverResult | undefined {
  const cursor = cursorContextAt(text, position);
  if (!cursor) return undefined;
  const { object } = cursor;
  if (cursor.position === 'value') {
    return valueHover(registry, object, cursor.path, cursor.value, cursor.valueRange);
  }
  if (cursor.node.type === 'scalar') {
    // A sequence item's scalar (`- IPv4`) is a value; a bare word elsewhere is half typed.
    if (cursor.node.parent?.type !== 'item') return undefined;
    const token = cursor.node.token;
    const value = token?.type === 'scalar' ? token.span.text : cursor.word;
    return valueHover(registry, object, cursor.parentPath, value, cursor.wordRange);
  }
  const definition = definitionFor(registry, object.apiVersion, object.kind);
  if (!definition) return undefined;
  const path = [...cursor.parentPath, cursor.word];
  const field = fieldSchemaAt(registry, definition, path);
  if (!field) return undefined;
  return { markdown: fieldMarkdown(registry, path, field), range: cursor.wordRange };
}
