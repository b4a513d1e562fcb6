/** One schema node of the generated bundle (a JSON Schema draft-07 subset). */
export interface BundleSchema {
  description?: string;
  type?: string | string[];
  format?: string;
  enum?: string[];
  properties?: Record<string, BundleSchema>;
  additionalProperties?: BundleSchema | boolean;
  items?: BundleSchema;
  required?: string[];
  $ref?: string;
  /** Keys that make list items unique; a duplicate is an API-server error. */
  'x-unique-by'?: string[];
  /** Keys that should make list items unique; a duplicate only draws an API-server warning. */
  'x-unique-by-warning'?: string[];
}

/** The generated schema bundle (`generated/k8s-schema.json`). */
export interface SchemaBundle {
  kubernetesVersion: string;
  source: { spec: string; commit: string };
  /** `apiVersion/kind` (core group: `v1/Service`) → definition name. */
  kinds: Record<string, string>;
  definitions: Record<string, BundleSchema>;
}

/** `#/definitions/X` → `X`. */
export function refName(ref: string): string {
  return ref.slice(ref.lastIndexOf('/') + 1);
}
