/**
 * Turns the Kubernetes OpenAPI 2.0 spec into Slipway's compact schema bundle:
 * the definitions every built-in kind reaches, descriptions kept for hover,
 * strict (`additionalProperties: false`) where the spec lists properties, and
 * the two special string types (IntOrString, Quantity) widened to accept what
 * the API server accepts. Pure: spec in, bundle out.
 */
import type { BundleSchema, SchemaBundle } from '../../server/src/core/schema/schema-bundle';
import { K8S_ENUMS, K8S_UNIQUE_LISTS } from './k8s-enums';

interface SwaggerSchema {
  description?: string;
  type?: string;
  format?: string;
  properties?: Record<string, SwaggerSchema>;
  additionalProperties?: SwaggerSchema | boolean;
  items?: SwaggerSchema;
  required?: string[];
  $ref?: string;
  'x-kubernetes-group-version-kind'?: { group: string; version: string; kind: string }[];
  'x-kubernetes-list-map-keys'?: string[];
  'x-kubernetes-list-type'?: string;
  'x-kubernetes-patch-merge-key'?: string;
}

interface SwaggerSpec {
  definitions: Record<string, SwaggerSchema>;
}

const INT_OR_STRING = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';
const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';
const META_PREFIX = 'io.k8s.apimachinery.pkg.apis.meta.v1.';
const REF_PREFIX = '#/definitions/';

/** Short key used by K8S_ENUMS: `io.k8s.api.core.v1.ServiceSpec` → `core.v1.ServiceSpec`. */
function enumKey(definition: string): string {
  return definition.replace(/^io\.k8s\.api\./, '');
}

function convert(schema: SwaggerSchema, definition: string | undefined): BundleSchema {
  const out: BundleSchema = {};
  if (schema.description !== undefined) out.description = schema.description;
  if (schema.$ref !== undefined) {
    out.$ref = schema.$ref;
    return out;
  }
  if (schema.type !== undefined) out.type = schema.type;
  if (schema.format !== undefined) out.format = schema.format;
  if (schema.properties) {
    out.properties = {};
    for (const [name, property] of Object.entries(schema.properties)) {
      const converted = convert(property, undefined);
      if (definition) {
        const key = `${enumKey(definition)}.${name}`;
        const mapKeys =
          property['x-kubernetes-list-map-keys'] ??
          (property['x-kubernetes-patch-merge-key']
            ? [property['x-kubernetes-patch-merge-key']]
            : undefined);
        const unique = K8S_UNIQUE_LISTS[key];
        if (unique && mapKeys) {
          converted[unique === 'error' ? 'x-unique-by' : 'x-unique-by-warning'] = mapKeys;
        }
        const values = K8S_ENUMS[key];
        if (values) converted.enum = values;
        const itemValues = K8S_ENUMS[`${key}[]`];
        if (itemValues && converted.items) converted.items.enum = itemValues;
      }
      out.properties[name] = converted;
    }
    // kubectl apply --validate=strict: a field the schema does not list is an error.
    out.additionalProperties =
      schema.additionalProperties === undefined
        ? false
        : typeof schema.additionalProperties === 'boolean'
          ? schema.additionalProperties
          : convert(schema.additionalProperties, undefined);
  } else if (schema.additionalProperties !== undefined) {
    out.additionalProperties =
      typeof schema.additionalProperties === 'boolean'
        ? schema.additionalProperties
        : convert(schema.additionalProperties, undefined);
  }
  if (schema.items) out.items = convert(schema.items, undefined);
  if (schema.required && schema.required.length > 0) out.required = [...schema.required];
  return out;
}

function specialDefinition(name: string, schema: SwaggerSchema): BundleSchema | undefined {
  const description = schema.description;
  if (name === INT_OR_STRING) return { description, type: ['integer', 'string'] };
  if (name === QUANTITY) return { description, type: ['string', 'number'], format: 'quantity' };
  return undefined;
}

function collectRefs(schema: BundleSchema, into: Set<string>): void {
  if (schema.$ref) into.add(schema.$ref.slice(REF_PREFIX.length));
  for (const child of Object.values(schema.properties ?? {})) collectRefs(child, into);
  if (schema.items) collectRefs(schema.items, into);
  if (typeof schema.additionalProperties === 'object')
    collectRefs(schema.additionalProperties, into);
}

/** Builds the bundle; `warnings` lists enum table entries that matched no property. */
export function buildSchemaBundle(
  spec: SwaggerSpec,
  meta: { kubernetesVersion: string; commit: string },
): { bundle: SchemaBundle; warnings: string[] } {
  const kinds: Record<string, string> = {};
  for (const [name, schema] of Object.entries(spec.definitions)) {
    // meta/v1 kinds (DeleteOptions, WatchEvent, Status …) are wire types, not manifests.
    if (name.startsWith(META_PREFIX)) continue;
    for (const gvk of schema['x-kubernetes-group-version-kind'] ?? []) {
      const apiVersion = gvk.group === '' ? gvk.version : `${gvk.group}/${gvk.version}`;
      kinds[`${apiVersion}/${gvk.kind}`] = name;
    }
  }

  const definitions: Record<string, BundleSchema> = {};
  const pending = [...new Set(Object.values(kinds))];
  const seen = new Set(pending);
  while (pending.length > 0) {
    const name = pending.pop() as string;
    const source = spec.definitions[name];
    if (!source) throw new Error(`definition ${name} is referenced but missing from the spec`);
    const converted = specialDefinition(name, source) ?? convert(source, name);
    definitions[name] = converted;
    const refs = new Set<string>();
    collectRefs(converted, refs);
    for (const ref of refs) {
      if (!seen.has(ref)) {
        seen.add(ref);
        pending.push(ref);
      }
    }
  }

  const warnings: string[] = [];
  for (const key of Object.keys(K8S_UNIQUE_LISTS)) {
    const dot = key.lastIndexOf('.');
    const found = definitions[`io.k8s.api.${key.slice(0, dot)}`]?.properties?.[key.slice(dot + 1)];
    if (!found?.['x-unique-by'] && !found?.['x-unique-by-warning'])
      warnings.push(`unique list ${key} matches no list-map`);
  }
  for (const key of Object.keys(K8S_ENUMS)) {
    const [path] = key.split('[]');
    const dot = (path ?? '').lastIndexOf('.');
    const definition = `io.k8s.api.${(path ?? '').slice(0, dot)}`;
    const property = (path ?? '').slice(dot + 1);
    if (!definitions[definition]?.properties?.[property])
      warnings.push(`enum ${key} matches no property`);
  }

  const sortedDefinitions: Record<string, BundleSchema> = {};
  for (const name of Object.keys(definitions).sort()) {
    sortedDefinitions[name] = definitions[name] as BundleSchema;
  }
  const sortedKinds: Record<string, string> = {};
  for (const key of Object.keys(kinds).sort()) sortedKinds[key] = kinds[key] as string;

  return {
    bundle: {
      kubernetesVersion: meta.kubernetesVersion,
      source: { spec: 'kubernetes/kubernetes api/openapi-spec/swagger.json', commit: meta.commit },
      kinds: sortedKinds,
      definitions: sortedDefinitions,
    },
    warnings,
  };
}
