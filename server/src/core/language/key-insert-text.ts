import type { BundleSchema } from '../schema/schema-bundle';

/** How a field's value is written, which decides what typing its key inserts. */
export type FieldShape = 'object' | 'map' | 'list' | 'choice' | 'scalar';

function typesOf(schema: BundleSchema): string[] {
  const type = schema.type;
  return type === undefined ? [] : Array.isArray(type) ? type : [type];
}

/** The shape of a (resolved) field schema. */
export function fieldShape(schema: BundleSchema): FieldShape {
  const types = typesOf(schema);
  if (types.length > 1) return 'scalar';
  const type = types[0];
  if (schema.enum && schema.enum.length > 0) return 'choice';
  if (type === 'boolean') return 'choice';
  if (type === 'array') return 'list';
  if (
    type === 'object' ||
    (type === undefined && (schema.properties || schema.additionalProperties))
  ) {
    return schema.properties || typeof schema.additionalProperties !== 'object' ? 'object' : 'map';
  }
  return 'scalar';
}

/** The values a choice offers: the enum, or `true`/`false`. */
export function choiceValues(schema: BundleSchema): string[] {
  if (schema.enum && schema.enum.length > 0) return schema.enum;
  return typesOf(schema).includes('boolean') ? ['true', 'false'] : [];
}

/** Escapes text for a snippet's plain part. */
export function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, (ch) => `\\${ch}`);
}

function escapeChoice(text: string): string {
  return text.replace(/[$}\\,|]/g, (ch) => `\\${ch}`);
}

/** YAML 1.1 reads these plain scalars as something other than a string. */
const NOT_PLAIN =
  /^(?:[yYnN~]|yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|[-+.]?\d.*|[\s!&*%@`|>'"#{}[\],?:-].*|.*(?:: | #|\s$).*)?$/;

/** A string value as it can be written after `key: ` so that YAML reads it back as the same string. */
export function yamlString(value: string): string {
  return NOT_PLAIN.test(value) ? JSON.stringify(value) : value;
}

/** The text a key completion inserts, and whether it is a snippet. */
export interface KeyInsertion {
  text: string;
  isSnippet: boolean;
}

/**
 * What choosing a key inserts: `name: ` for a scalar, a choice for an enum or
 * a boolean, `name:` and an indented new line for a mapping, `name:` and an
 * indented `- ` for a list. `childIndent` is the column of the nested lines
 * relative to the line's leading whitespace (the editor adds that).
 */
export function keyInsertText(
  name: string,
  schema: BundleSchema,
  childIndent: number,
): KeyInsertion {
  const key = escapeSnippet(name);
  const newline = `\n${' '.repeat(Math.max(0, childIndent))}`;
  switch (fieldShape(schema)) {
    case 'object':
    case 'map':
      return { text: `${key}:${newline}$0`, isSnippet: true };
    case 'list':
      return { text: `${key}:${newline}- $0`, isSnippet: true };
    case 'choice': {
      const values = choiceValues(schema).map((value) =>
        escapeChoice(schema.enum ? yamlString(value) : value),
      );
      return { text: `${key}: \${1|${values.join(',')}|}`, isSnippet: true };
    }
    case 'scalar':
      return { text: `${name}: `, isSnippet: false };
  }
}
