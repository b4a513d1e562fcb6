/**
 * Node matching for volumes: a PersistentVolume's `nodeAffinity.required`
 * (CheckNodeAffinity, k8s.io/component-helpers/storage/volume/helpers.go, over
 * corev1 MatchNodeSelectorTerms: terms are ORed, a term's requirements ANDed,
 * an empty term matches nothing) and a StorageClass's `allowedTopologies`
 * (v1helper.MatchTopologySelectorTerms: no terms match every node, an empty
 * term matches none).
 */
import { getAt, isJsonObject, type JsonValue } from '../../model/json';
import type { ClusterNode } from '../report';

function requirementHolds(requirement: unknown, value: string | undefined): boolean {
  if (!isJsonObject(requirement)) return false;
  const { operator } = requirement;
  const values = Array.isArray(requirement.values)
    ? requirement.values.filter((item): item is string => typeof item === 'string')
    : [];
  switch (operator) {
    case 'In':
      return value !== undefined && values.includes(value);
    case 'NotIn':
      return value === undefined || !values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
    case 'Lt': {
      // nodeaffinity: both sides parse as integers, else no match.
      if (value === undefined || values.length !== 1) return false;
      const have = Number(value);
      const want = Number(values[0]);
      if (!Number.isInteger(have) || !Number.isInteger(want)) return false;
      return operator === 'Gt' ? have > want : have < want;
    }
    default:
      return false;
  }
}

function termMatches(term: unknown, node: ClusterNode): boolean {
  if (!isJsonObject(term)) return false;
  const expressions = Array.isArray(term.matchExpressions) ? term.matchExpressions : [];
  const fields = Array.isArray(term.matchFields) ? term.matchFields : [];
  if (expressions.length === 0 && fields.length === 0) return false;
  for (const expression of expressions) {
    const key = getAt(expression, ['key']);
    if (typeof key !== 'string') return false;
    const has = Object.prototype.hasOwnProperty.call(node.labels, key);
    if (!requirementHolds(expression, has ? node.labels[key] : undefined)) return false;
  }
  for (const field of fields) {
    // metadata.name is the only field a node selector may use.
    if (getAt(field, ['key']) !== 'metadata.name') return false;
    if (!requirementHolds(field, node.name)) return false;
  }
  return true;
}

/** True when a PV's `spec.nodeAffinity` lets the node use the volume. */
export function volumeNodeAffinityMatches(
  nodeAffinity: JsonValue | undefined,
  node: ClusterNode,
): boolean {
  if (!isJsonObject(nodeAffinity)) return true;
  const required = nodeAffinity.required;
  if (!isJsonObject(required)) return true;
  const terms = Array.isArray(required.nodeSelectorTerms) ? required.nodeSelectorTerms : [];
  return terms.some((term) => termMatches(term, node));
}

/** True when a StorageClass's `allowedTopologies` allows provisioning for the node. */
export function allowedTopologiesMatch(
  allowedTopologies: JsonValue | undefined,
  node: ClusterNode,
): boolean {
  if (!Array.isArray(allowedTopologies) || allowedTopologies.length === 0) return true;
  return allowedTopologies.some((term) => {
    const expressions = getAt(term, ['matchLabelExpressions']);
    // An empty term selects nothing.
    if (!Array.isArray(expressions) || expressions.length === 0) return false;
    return expressions.every((expression) => {
      const key = getAt(expression, ['key']);
      const values = getAt(expression, ['values']);
      if (typeof key !== 'string' || !Array.isArray(values)) return false;
      const value = node.labels[key];
      return value !== undefined && values.includes(value);
    });
  });
}
