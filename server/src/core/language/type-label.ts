import { refName, type BundleSchema } from '../schema/schema-bundle';
import type { SchemaRegistry } from '../schema/schema-registry';

/** Types that read better under another name than their definition's. */
const NAMED_TYPES: Readonly<Record<string, string>> = {
  IntOrString: 'integer or string',
  Quantity: 'Quantity',
};

function typesOf(schema: BundleSchema): string[] {
  const type = schema.type;
  return type === undefined ? [] : Array.isArray(type) ? type : [type];
}

/**
 * Names a field's type the way the Kubernetes API reference does:
 * `integer (int32)`, `string`, `[]ServicePort`, `map[string]string`,
 * `integer or string`, `Quantity`, `ObjectMeta`.
 */
export function typeLabel(registry: SchemaRegistry, schema: BundleSchema, depth = 0): string {
  if (depth > 8) return 'object';
  if (schema.$ref) {
    const name = refName(schema.$ref);
    const short = name.slice(name.lastIndexOf('.') + 1);
    const named = NAMED_TYPES[short];
    if (named) return named;
    const target = registry.definition(name);
    if (!target) return short;
    const types = typesOf(target);
    const isObject = types.length === 0 || types.includes('object');
    return isObject ? short : typeLabel(registry, target, depth + 1);
  }
  const types = typesOf(schema);
  if (types.length > 1) {
    return schema.format === 'quantity' ? 'Quantity' : types.join(' or ');
  }
  const type = types[0];
  if (type === 'array') {
    return `[]${schema.items ? typeLabel(registry, schema.items, depth + 1) : 'any'}`;
  }
  if (
    type === 'object' ||
    (type === undefined && (schema.properties || schema.additionalProperties))
  ) {
    if (schema.properties) return 'object';
    if (typeof schema.additionalProperties === 'object') {
      return `map[string]${typeLabel(registry, schema.additionalProperties, depth + 1)}`;
    }
    return 'object';
  }
  if (type === undefined) return 'any';
  return schema.format ? `${type} (${schema.format})` : type;
}
