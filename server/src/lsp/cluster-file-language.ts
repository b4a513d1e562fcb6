import { CLUSTER_FILE_SCHEMA } from '../core/cluster/cluster-schema';
import { completeAt, type CompletionEntry } from '../core/language/completion';
import { hoverAt, type HoverResult } from '../core/language/hover';
import type { BundleSchema } from '../core/schema/schema-bundle';
import { SchemaRegistry } from '../core/schema/schema-registry';
import { shiftRange, type Position } from '../core/text/range';

/**
 * Hover and completion in a cluster file (`.slipway/cluster.yaml`), from its
 * JSON Schema: the schema is registered as a pseudo kind and the language
 * features see the file as if it began with that kind's apiVersion and kind.
 */
const HEADER = 'apiVersion: slipway.dev/v1\nkind: Cluster\n';
const HEADER_LINES = 2;

let registry: SchemaRegistry | undefined;

function clusterRegistry(): SchemaRegistry {
  registry ??= new SchemaRegistry({
    kubernetesVersion: 'slipway',
    source: { spec: 'schemas/cluster.schema.json', commit: '' },
    kinds: { 'slipway.dev/v1/Cluster': 'slipway.Cluster' },
    definitions: { 'slipway.Cluster': CLUSTER_FILE_SCHEMA as unknown as BundleSchema },
  });
  return registry;
}

const below = (position: Position): Position => ({
  line: position.line + HEADER_LINES,
  character: position.character,
});

/** Hover in a cluster file. */
export function clusterFileHover(text: string, position: Position): HoverResult | undefined {
  const hover = hoverAt(HEADER + text, below(position), clusterRegistry());
  if (!hover || hover.range.start.line < HEADER_LINES) return undefined;
  return { ...hover, range: shiftRange(hover.range, -HEADER_LINES) };
}

/** Completion in a cluster file. */
export function clusterFileCompletion(text: string, position: Position): CompletionEntry[] {
  return completeAt(HEADER + text, below(position), clusterRegistry())
    .filter((entry) => entry.kind !== 'apiVersion' && entry.kind !== 'kind')
    .map((entry) => ({ ...entry, range: shiftRange(entry.range, -HEADER_LINES) }));
}
