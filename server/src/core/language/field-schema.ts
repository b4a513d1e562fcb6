import type { JsonPath } from '../model/json';
import type { BundleSchema } from '../schema/schema-bundle';
import type { SchemaRegistry } from '../schema/schema-registry';

/** What the schema says about one field of an object. */
export interface FieldSchema {
  /** The schema as the parent declares it: its `$ref` names the field's type (`ServicePort`). */
  declared: BundleSchema;
  /** The schema with `$ref`s followed (the declared description kept). */
  resolved: BundleSchema;
  /** True when the parent object lists the field in `required`. */
  required: boolean;
  /** True when the field is an entry of a map (`labels.app`): its name is free. */
  mapEntry: boolean;
  /** The resolved schema of the parent (for a map entry: the map). */
  parent: BundleSchema | undefined;
}

/**
 * The schema of the field at `path` below a definition (`['spec', 'ports', 0,
 * 'nodePort']`), following properties, sequence items and map values.
 * Undefined when the path leaves the schema.
 */
export function fieldSchemaAt(
  registry: SchemaRegistry,
  definition: string,
  path: JsonPath,
): FieldSchema | undefined {
  const root = registry.definition(definition);
  if (!root) return undefined;
  let field: FieldSchema = {
    declared: root,
    resolved: registry.deref(root),
    required: false,
    mapEntry: false,
    parent: undefined,
  };
  for (const segment of path) {
    const current = field.resolved;
    let declared: BundleSchema | undefined;
    let mapEntry = false;
    if (typeof segment === 'number') {
      declared = current.items;
    } else {
      declared = current.properties?.[segment];
      if (!declared && typeof current.additionalProperties === 'object') {
        declared = current.additionalProperties;
        mapEntry = true;
      }
    }
    if (!declared) return undefined;
    field = {
      declared,
      resolved: registry.deref(declared),
      required:
        typeof segment === 'string' && !mapEntry && (current.required ?? []).includes(segment),
      mapEntry,
      parent: current,
    };
  }
  return field;
}
