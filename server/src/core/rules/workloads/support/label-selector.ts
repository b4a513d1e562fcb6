/**
 * metav1.LabelSelector as the API server reads it: LabelSelectorAsSelector
 * (k8s.io/apimachinery/pkg/apis/meta/v1/helpers.go) and labels.Selector
 * Matches. matchLabels and matchExpressions are ANDed; an empty selector
 * matches everything.
 */
import { isJsonObject, type JsonPath } from '../../../model/json';
import { checkLabelValue, checkQualifiedName } from '../../../validation/name-validators';
import { forbiddenMessage, invalidMessage, requiredMessage } from './field-errors';

/** One requirement of a selector. */
export interface SelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values: string[];
}

const OPERATORS = new Set(['In', 'NotIn', 'Exists', 'DoesNotExist']);

/**
 * The requirements of a selector, or undefined when it cannot be turned into
 * a selector (unknown operator, wrong shapes): then no match is computed.
 */
export function selectorRequirements(selector: unknown): SelectorRequirement[] | undefined {
  if (!isJsonObject(selector)) return undefined;
  const requirements: SelectorRequirement[] = [];
  const matchLabels = selector.matchLabels;
  if (matchLabels !== undefined && matchLabels !== null) {
    if (!isJsonObject(matchLabels)) return undefined;
    for (const [key, value] of Object.entries(matchLabels)) {
      if (typeof value !== 'string') return undefined;
      requirements.push({ key, operator: 'In', values: [value] });
    }
  }
  const expressions = selector.matchExpressions;
  if (expressions !== undefined && expressions !== null) {
    if (!Array.isArray(expressions)) return undefined;
    for (const expression of expressions) {
      if (!isJsonObject(expression)) return undefined;
      const { key, operator, values } = expression;
      if (typeof key !== 'string' || typeof operator !== 'string' || !OPERATORS.has(operator)) {
        return undefined;
      }
      const list: unknown = values === undefined || values === null ? [] : values;
      if (!Array.isArray(list)) return undefined;
      const strings = list.filter((value): value is string => typeof value === 'string');
      if (strings.length !== list.length) return undefined;
      if ((operator === 'In' || operator === 'NotIn') && strings.length === 0) return undefined;
      if ((operator === 'Exists' || operator === 'DoesNotExist') && strings.length > 0)
        return undefined;
      requirements.push({
        key,
        operator: operator as SelectorRequirement['operator'],
        values: strings,
      });
    }
  }
  return requirements;
}

/** True when a requirement holds for a label set. */
export function requirementMatches(
  requirement: SelectorRequirement,
  labels: Record<string, string>,
): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, requirement.key);
  const value = has ? labels[requirement.key] : undefined;
  switch (requirement.operator) {
    case 'In':
      return has && requirement.values.includes(value ?? '');
    case 'NotIn':
      return !has || !requirement.values.includes(value ?? '');
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
  }
}

/** Describes a requirement the way `kubectl get -l` writes it. */
export function describeRequirement(requirement: SelectorRequirement): string {
  switch (requirement.operator) {
    case 'In':
      return requirement.values.length === 1
        ? `${requirement.key}=${requirement.values[0] ?? ''}`
        : `${requirement.key} in (${requirement.values.join(',')})`;
    case 'NotIn':
      return `${requirement.key} notin (${requirement.values.join(',')})`;
    case 'Exists':
      return requirement.key;
    case 'DoesNotExist':
      return `!${requirement.key}`;
  }
}

/** The string labels of a metadata.labels value (others are the schema's finding). */
export function stringLabels(labels: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  if (!isJsonObject(labels)) return result;
  for (const [key, value] of Object.entries(labels)) {
    if (typeof value === 'string') result[key] = value;
  }
  return result;
}

/** One problem found in a label selector, with where to report it. */
export interface SelectorProblem {
  path: JsonPath;
  target: 'key' | 'value';
  message: string;
}

/**
 * unversionedvalidation.ValidateLabelSelector (k8s.io/apimachinery/pkg/apis/meta/v1/validation):
 * matchLabels keys are qualified names and values label values; each
 * matchExpressions item has a known operator, values that fit it, a
 * qualified-name key and label values.
 */
export function labelSelectorProblems(
  selector: unknown,
  selectorPath: JsonPath,
): SelectorProblem[] {
  const problems: SelectorProblem[] = [];
  if (!isJsonObject(selector)) return problems;
  const matchLabels = selector.matchLabels;
  if (isJsonObject(matchLabels)) {
    for (const [key, value] of Object.entries(matchLabels)) {
      const path = [...selectorPath, 'matchLabels', key];
      const keyProblems = checkQualifiedName(key);
      if (keyProblems.length > 0)
        problems.push({
          path,
          target: 'key',
          message: invalidMessage(path, key, keyProblems.join('; ')),
        });
      if (typeof value !== 'string') continue;
      const valueProblems = checkLabelValue(value);
      if (valueProblems.length > 0) {
        problems.push({
          path,
          target: 'value',
          message: invalidMessage(path, value, valueProblems.join('; ')),
        });
      }
    }
  }
  const expressions = selector.matchExpressions;
  if (!Array.isArray(expressions)) return problems;
  expressions.forEach((expression, index) => {
    if (!isJsonObject(expression)) return;
    const path = [...selectorPath, 'matchExpressions', index];
    const valuesPath = [...path, 'values'];
    const values = Array.isArray(expression.values) ? expression.values : [];
    const { key, operator } = expression;
    if (operator === 'In' || operator === 'NotIn') {
      if (values.length === 0) {
        problems.push({
          path: expression.values !== undefined ? valuesPath : path,
          target: 'key',
          message: requiredMessage(
            valuesPath,
            "must be specified when `operator` is 'In' or 'NotIn'",
          ),
        });
      }
    } else if (operator === 'Exists' || operator === 'DoesNotExist') {
      if (values.length > 0) {
        problems.push({
          path: valuesPath,
          target: 'key',
          message: forbiddenMessage(
            valuesPath,
            "may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
          ),
        });
      }
    } else if (typeof operator === 'string') {
      const operatorPath = [...path, 'operator'];
      problems.push({
        path: operatorPath,
        target: 'value',
        message: `${invalidMessage(operatorPath, operator, 'not a valid selector operator')} (use In, NotIn, Exists or DoesNotExist)`,
      });
    }
    if (typeof key === 'string') {
      const keyProblems = checkQualifiedName(key);
      if (keyProblems.length > 0) {
        problems.push({
          path: [...path, 'key'],
          target: 'value',
          message: invalidMessage([...path, 'key'], key, keyProblems.join('; ')),
        });
      }
    }
    values.forEach((value, valueIndex) => {
      if (typeof value !== 'string') return;
      const valueProblems = checkLabelValue(value);
      if (valueProblems.length > 0) {
        problems.push({
          path: [...valuesPath, valueIndex],
          target: 'value',
          message: invalidMessage([...valuesPath, valueIndex], value, valueProblems.join('; ')),
        });
      }
    });
  });
  return problems;
}
