import type { JsonPath } from '../model/json';
import { KindCatalog } from './kind-catalog';
import { refName, type BundleSchema, type SchemaBundle } from './schema-bundle';
import { SchemaValidator, type PrecompiledValidators } from './schema-validator';

/**
 * Everything the core knows about the Kubernetes schema: kinds, definitions,
 * validators. Created once from the generated bundle (the adapter reads the
 * file) and shared by every check and language feature.
 */
export class SchemaRegistry {
  readonly catalog: KindCatalog;
  readonly validator: SchemaValidator;

  /** `precompiled`: the validators the build made (dist/validators.js); others compile on first use. */
  constructor(
    readonly bundle: SchemaBundle,
    precompiled?: PrecompiledValidators,
  ) {
    this.catalog = new KindCatalog(bundle);
    this.validator = new SchemaValidator(bundle, precompiled);
  }

  get kubernetesVersion(): string {
    return this.bundle.kubernetesVersion;
  }

  /** A definition by name, or undefined. */
  definition(name: string): BundleSchema | undefined {
    return this.bundle.definitions[name];
  }

  /** Follows `$ref`s; the referring node's description wins (it is the more specific). */
  deref(schema: BundleSchema): BundleSchema {
    let current = schema;
    let description = schema.description;
    for (let hops = 0; current.$ref && hops < 20; hops++) {
      const target = this.bundle.definitions[refName(current.$ref)];
      if (!target) break;
      description ??= target.description;
      current = target;
    }
    return description === current.description ? current : { ...current, description };
  }

  /** The schema at a path below a definition (through properties, items and map values). */
  schemaAt(definition: string, path: JsonPath): BundleSchema | undefined {
    const root = this.definition(definition);
    if (!root) return undefined;
    let current: BundleSchema = this.deref(root);
    for (const segment of path) {
      let next: BundleSchema | undefined;
      if (typeof segment === 'number') {
        next = current.items;
      } else {
        next = current.properties?.[segment];
        if (!next && typeof current.additionalProperties === 'object')
          next = current.additionalProperties;
      }
      if (!next) return undefined;
      current = this.deref(next);
    }
    return current;
  }

  /** The property names the schema allows at a path (for "did you mean" and completion). */
  propertiesAt(definition: string, path: JsonPath): string[] {
    return Object.keys(this.schemaAt(definition, path)?.properties ?? {});
  }
}
