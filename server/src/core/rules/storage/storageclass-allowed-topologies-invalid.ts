// pkg/apis/storage/validation/validation.go validateAllowedTopologies and
// pkg/apis/core/validation/validation.go ValidateTopologySelectorTerm /
// validateTopologySelectorLabelRequirement: each requirement needs values, without
// duplicates, and a valid label key; keys are unique within a term; terms are unique.
import type { CodeInfo } from '../../diagnostics/code-info';
import { formatPath, isJsonObject, type JsonPath } from '../../model/json';
import { checkQualifiedName } from '../../validation/name-validators';
import type { Rule, RuleReport } from '../rule';

const STORAGECLASS_ALLOWED_TOPOLOGIES_INVALID: CodeInfo = {
  code: 'storageclass-allowed-topologies-invalid',
  category: 'api-server',
  severity: 'error',
  title: "A StorageClass's allowedTopologies has an empty or duplicate requirement, value or term.",
  example:
    'allowedTopologies:\n- matchLabelExpressions:\n  - key: topology.kubernetes.io/zone\n    values: []',
};

type Problem = Omit<RuleReport, 'code'>;

/** A term in canonical form (sorted keys, sorted value sets) to compare terms as the API server does. */
function canonicalTerm(entries: Map<string, Set<string>>): string {
  return JSON.stringify(
    [...entries.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, values]) => [key, [...values].sort()]),
  );
}

export const storageClassAllowedTopologiesInvalid: Rule = {
  codes: [STORAGECLASS_ALLOWED_TOPOLOGIES_INVALID],
  kinds: ['storage.k8s.io/StorageClass'],
  check(context) {
    const { manifest } = context;
    const terms = manifest.body.allowedTopologies;
    if (!Array.isArray(terms)) return;
    const problems: Problem[] = [];
    const seenTerms = new Map<string, number>();
    terms.forEach((term, termIndex) => {
      if (!isJsonObject(term)) return;
      const termPath: JsonPath = ['allowedTopologies', termIndex];
      const expressionsPath = [...termPath, 'matchLabelExpressions'];
      const expressions = Array.isArray(term.matchLabelExpressions)
        ? term.matchLabelExpressions
        : [];
      const entries = new Map<string, Set<string>>();
      expressions.forEach((expression, index) => {
        if (!isJsonObject(expression)) return;
        const path = [...expressionsPath, index];
        const valuesPath = [...path, 'values'];
        const values = Array.isArray(expression.values) ? expression.values : [];
        if (Array.isArray(expression.values) && values.length === 0) {
          problems.push({
            path: valuesPath,
            message: `${formatPath(valuesPath)}: Required value: list at least one value`,
          });
        }
        const valueSet = new Set<string>();
        values.forEach((value, valueIndex) => {
          if (typeof value !== 'string') return;
          if (valueSet.has(value)) {
            const valuePath = [...valuesPath, valueIndex];
            problems.push({
              path: valuePath,
              target: 'value',
              message: `${formatPath(valuePath)}: Duplicate value: ${JSON.stringify(value)}`,
            });
          }
          valueSet.add(value);
        });
        const key = expression.key;
        if (typeof key !== 'string') return;
        const keyProblems = checkQualifiedName(key);
        if (keyProblems.length > 0) {
          problems.push({
            path: [...path, 'key'],
            target: 'value',
            message: `${formatPath([...path, 'key'])}: Invalid value: ${JSON.stringify(key)}: ${keyProblems.join('; ')}`,
          });
        }
        if (entries.has(key)) {
          problems.push({
            path: [...path, 'key'],
            target: 'value',
            message: `${formatPath([...path, 'key'])}: Duplicate value: ${JSON.stringify(key)}; a term lists each label key once (put all its values in one requirement)`,
          });
        }
        entries.set(key, valueSet);
      });
      if (entries.size === 0) {
        problems.push({
          path: 'matchLabelExpressions' in term ? expressionsPath : termPath,
          message: `${formatPath(expressionsPath)}: Required value: a topology term needs at least one label requirement (the API server rejects an empty term as a duplicate)`,
        });
        return;
      }
      const canonical = canonicalTerm(entries);
      const first = seenTerms.get(canonical);
      if (first !== undefined) {
        problems.push({
          path: expressionsPath,
          message: `${formatPath(expressionsPath)}: Duplicate value: the same term as allowedTopologies[${first}]`,
        });
      } else {
        seenTerms.set(canonical, termIndex);
      }
    });
    for (const problem of problems)
      context.report({ code: STORAGECLASS_ALLOWED_TOPOLOGIES_INVALID, ...problem });
  },
};
