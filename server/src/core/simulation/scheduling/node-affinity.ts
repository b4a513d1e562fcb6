/**
 * A pod's node selection, as component-helpers/scheduling/corev1/nodeaffinity
 * evaluates it (`GetRequiredNodeAffinity(pod).Match(node)`): `nodeSelector`
 * AND the required node affinity, whose terms are ORed and whose expressions
 * and fields are ANDed; plus the preferred terms' weights for scoring.
 */
import { getAt, isJsonObject } from '../../model/json';
import { memoByValue } from '../model/memo';
import type { ClusterNode } from '../report';

function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function stringList(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return value === undefined || value === null ? [] : undefined;
  const out: string[] = [];
  for (const item of value) {
    const itemText = scalarText(item);
    if (itemText === undefined) return undefined;
    out.push(itemText);
  }
  return out;
}

// strconv.ParseInt(s, 10, 64): an optional sign and decimal digits only.
function parseInteger(value: string): number | undefined {
  return /^[+-]?[0-9]+$/.test(value) ? Number(value) : undefined;
}

/**
 * One `matchExpressions` requirement against the node labels, as
 * apimachinery's `labels.Requirement.Matches`; undefined when the requirement
 * is malformed (`labels.NewRequirement` rejects it), which makes its term fail.
 */
function matchLabelRequirement(raw: unknown, labels: Record<string, string>): boolean | undefined {
  if (!isJsonObject(raw)) return undefined;
  const key = scalarText(raw.key);
  const operator = scalarText(raw.operator);
  const values = stringList(raw.values);
  if (key === undefined || operator === undefined || values === undefined) return undefined;
  const has = Object.prototype.hasOwnProperty.call(labels, key);
  const value = labels[key];
  switch (operator) {
    case 'In':
      if (values.length === 0) return undefined;
      return has && value !== undefined && values.includes(value);
    case 'NotIn':
      if (values.length === 0) return undefined;
      return !has || value === undefined || !values.includes(value);
    case 'Exists':
      if (values.length !== 0) return undefined;
      return has;
    case 'DoesNotExist':
      if (values.length !== 0) return undefined;
      return !has;
    case 'Gt':
    case 'Lt': {
      const bound =
        values.length === 1 && values[0] !== undefined ? parseInteger(values[0]) : undefined;
      if (bound === undefined) return undefined;
      if (!has || value === undefined) return false;
      const actual = parseInteger(value);
      if (actual === undefined) return false;
      return operator === 'Gt' ? actual > bound : actual < bound;
    }
    default:
      return undefined;
  }
}

/**
 * One `matchFields` requirement: only `metadata.name` with `In`/`NotIn` and
 * exactly one value is valid (`nodeSelectorRequirementsAsFieldSelector`).
 */
function matchFieldRequirement(raw: unknown, nodeName: string): boolean | undefined {
  if (!isJsonObject(raw)) return undefined;
  const values = stringList(raw.values);
  if (raw.key !== 'metadata.name' || values === undefined || values.length !== 1) return undefined;
  if (raw.operator === 'In') return values[0] === nodeName;
  if (raw.operator === 'NotIn') return values[0] !== nodeName;
  return undefined;
}

/** A node selector term: all its expressions and fields hold; an empty or malformed term matches nothing. */
export function matchNodeSelectorTerm(term: unknown, node: ClusterNode): boolean {
  if (!isJsonObject(term)) return false;
  const expressions = Array.isArray(term.matchExpressions) ? term.matchExpressions : [];
  const fields = Array.isArray(term.matchFields) ? term.matchFields : [];
  if (expressions.length === 0 && fields.length === 0) return false;
  for (const expression of expressions) {
    if (matchLabelRequirement(expression, node.labels) !== true) return false;
  }
  for (const field of fields) {
    if (matchFieldRequirement(field, node.name) !== true) return false;
  }
  return true;
}

/** `spec.nodeSelector` as a label map (scalars only). */
export function readNodeSelector(spec: unknown): Record<string, string> {
  const raw = getAt(spec, ['nodeSelector']);
  const out: Record<string, string> = {};
  if (!isJsonObject(raw)) return out;
  for (const [key, value] of Object.entries(raw)) {
    const valueText = scalarText(value);
    if (valueText !== undefined) out[key] = valueText;
  }
  return out;
}

/** The required node affinity's terms, or undefined when the pod has none. */
export function requiredTerms(spec: unknown): unknown[] | undefined {
  const required = getAt(spec, [
    'affinity',
    'nodeAffinity',
    'requiredDuringSchedulingIgnoredDuringExecution',
  ]);
  if (!isJsonObject(required)) return undefined;
  return Array.isArray(required.nodeSelectorTerms) ? required.nodeSelectorTerms : [];
}

// The nodeSelector pairs by spec: every pod is matched against every node.
const nodeSelectorPairs = memoByValue((spec) => Object.entries(readNodeSelector(spec)));

/** True when the node's labels carry every `nodeSelector` pair (`labels.SelectorFromSet`). */
export function matchesNodeSelector(spec: unknown, node: ClusterNode): boolean {
  return nodeSelectorPairs(spec).every(([key, value]) => node.labels[key] === value);
}

/** `RequiredNodeSelectorAndAffinity.Match`: nodeSelector and required node affinity. */
export function matchesRequiredNodeAffinity(spec: unknown, node: ClusterNode): boolean {
  if (!matchesNodeSelector(spec, node)) return false;
  const terms = requiredTerms(spec);
  if (terms === undefined) return true;
  return terms.some((term) => matchNodeSelectorTerm(term, node));
}

/**
 * The NodeAffinity plugin's PreFilter: when every required term pins
 * `metadata.name In [...]`, only those nodes are filtered (the DaemonSet
 * controller's pinning); an empty intersection is `pod affinity terms conflict`.
 * Returns undefined when all nodes are candidates.
 */
export function preFilterNodeNames(spec: unknown): ReadonlySet<string> | undefined {
  return preFilterOf(spec);
}

const preFilterOf = memoByValue((spec): ReadonlySet<string> | undefined => {
  const terms = requiredTerms(spec);
  if (terms === undefined || terms.length === 0) return undefined;
  let names: Set<string> | undefined;
  for (const term of terms) {
    let termNames: Set<string> | undefined;
    const fields = isJsonObject(term) && Array.isArray(term.matchFields) ? term.matchFields : [];
    for (const field of fields) {
      if (!isJsonObject(field) || field.key !== 'metadata.name' || field.operator !== 'In')
        continue;
      const values = stringList(field.values) ?? [];
      const set = new Set(values);
      termNames = termNames === undefined ? set : new Set([...termNames].filter((n) => set.has(n)));
    }
    // A term without a metadata.name field lets every node through (terms are ORed).
    if (termNames === undefined) return undefined;
    names = names === undefined ? termNames : new Set([...names, ...termNames]);
  }
  return names;
});

/** The NodeAffinity plugin's Score: the summed weights of the preferred terms the node matches. */
export function preferredAffinityScore(spec: unknown, node: ClusterNode): number {
  const preferred = getAt(spec, [
    'affinity',
    'nodeAffinity',
    'preferredDuringSchedulingIgnoredDuringExecution',
  ]);
  if (!Array.isArray(preferred)) return 0;
  let score = 0;
  for (const entry of preferred) {
    if (!isJsonObject(entry) || typeof entry.weight !== 'number' || entry.weight === 0) continue;
    if (matchNodeSelectorTerm(entry.preference, node)) score += entry.weight;
  }
  return score;
}
