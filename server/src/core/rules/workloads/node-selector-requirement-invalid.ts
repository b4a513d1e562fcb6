// pkg/apis/core/validation/validation.go ValidateNodeSelector (at least one
// term), ValidateNodeSelectorRequirement (In/NotIn need values,
// Exists/DoesNotExist take none, Gt/Lt exactly one; the key is a qualified
// name; values of required terms are label values) and
// ValidateNodeFieldSelectorRequirement (matchFields: key metadata.name,
// In/NotIn with exactly one node name), for the pod's node affinity.
import type { CodeInfo } from '../../diagnostics/code-info';
import { isJsonObject, type JsonObject, type JsonPath } from '../../model/json';
import {
  checkDns1123Subdomain,
  checkLabelValue,
  checkQualifiedName,
} from '../../validation/name-validators';
import type { Rule, RuleContext } from '../rule';
import { forbiddenMessage, invalidMessage, requiredMessage } from './support/field-errors';
import { objectItems, POD_KINDS, podSpecTarget } from './support/pod-spec';

export const NODE_SELECTOR_REQUIREMENT_INVALID: CodeInfo = {
  code: 'node-selector-requirement-invalid',
  category: 'api-server',
  severity: 'error',
  title:
    'A node affinity requirement has values that do not fit its operator, or an invalid key or value.',
  example: 'matchExpressions:\n  - key: disktype\n    operator: In',
};

function checkTerm(
  context: RuleContext,
  term: JsonObject,
  termPath: JsonPath,
  checkValues: boolean,
): void {
  const report = (path: JsonPath, message: string, at: 'key' | 'value' = 'key'): void =>
    context.report({
      code: NODE_SELECTOR_REQUIREMENT_INVALID,
      path,
      message,
      target: at,
    });
  for (const requirement of objectItems(term, termPath, 'matchExpressions')) {
    const { key, operator } = requirement.item;
    const values = Array.isArray(requirement.item.values) ? requirement.item.values : [];
    const valuesPath = [...requirement.path, 'values'];
    const where =
      isJsonObject(requirement.item) && requirement.item.values !== undefined
        ? valuesPath
        : requirement.path;
    switch (operator) {
      case 'In':
      case 'NotIn':
        if (values.length === 0)
          report(
            where,
            requiredMessage(valuesPath, "must be specified when `operator` is 'In' or 'NotIn'"),
          );
        break;
      case 'Exists':
      case 'DoesNotExist':
        if (values.length > 0) {
          report(
            valuesPath,
            forbiddenMessage(
              valuesPath,
              "may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
            ),
          );
        }
        break;
      case 'Gt':
      case 'Lt':
        if (values.length !== 1) {
          report(
            where,
            requiredMessage(
              valuesPath,
              "must be specified single value when `operator` is 'Lt' or 'Gt'",
            ),
          );
        }
        break;
      default:
        break; // other operators are the schema's (enum) finding
    }
    if (typeof key === 'string') {
      const problems = checkQualifiedName(key);
      if (problems.length > 0) {
        report(
          [...requirement.path, 'key'],
          invalidMessage([...requirement.path, 'key'], key, problems.join('; ')),
          'value',
        );
      }
    }
    if (!checkValues) continue;
    values.forEach((value, index) => {
      if (typeof value !== 'string') return;
      const problems = checkLabelValue(value);
      if (problems.length > 0) {
        report(
          [...valuesPath, index],
          invalidMessage([...valuesPath, index], value, problems.join('; ')),
          'value',
        );
      }
    });
  }
  for (const requirement of objectItems(term, termPath, 'matchFields')) {
    const { key, operator } = requirement.item;
    const values = Array.isArray(requirement.item.values) ? requirement.item.values : [];
    const valuesPath = [...requirement.path, 'values'];
    if (operator === 'In' || operator === 'NotIn') {
      if (values.length !== 1) {
        report(
          requirement.item.values !== undefined ? valuesPath : requirement.path,
          requiredMessage(
            valuesPath,
            "must be only one value when `operator` is 'In' or 'NotIn' for node field selector",
          ),
        );
      }
    } else if (typeof operator === 'string') {
      const operatorPath = [...requirement.path, 'operator'];
      report(
        operatorPath,
        `${invalidMessage(operatorPath, operator, 'not a valid selector operator')} (matchFields supports In and NotIn)`,
        'value',
      );
    }
    if (typeof key === 'string' && key !== 'metadata.name') {
      const keyPath = [...requirement.path, 'key'];
      report(
        keyPath,
        `${invalidMessage(keyPath, key, 'not a valid field selector key')} (the only field is metadata.name)`,
        'value',
      );
    } else if (key === 'metadata.name') {
      values.forEach((value, index) => {
        if (typeof value !== 'string') return;
        const problems = checkDns1123Subdomain(value);
        if (problems.length > 0) {
          report(
            [...valuesPath, index],
            invalidMessage([...valuesPath, index], value, problems.join('; ')),
            'value',
          );
        }
      });
    }
  }
}

export const nodeSelectorRequirementInvalid: Rule = {
  codes: [NODE_SELECTOR_REQUIREMENT_INVALID],
  kinds: POD_KINDS,
  check(context) {
    const target = podSpecTarget(context.manifest);
    if (!target) return;
    const affinity = target.spec.affinity;
    if (!isJsonObject(affinity)) return;
    const nodeAffinity = affinity.nodeAffinity;
    if (!isJsonObject(nodeAffinity)) return;
    const nodeAffinityPath = [...target.path, 'affinity', 'nodeAffinity'];
    const required = nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution;
    if (isJsonObject(required)) {
      const requiredPath = [...nodeAffinityPath, 'requiredDuringSchedulingIgnoredDuringExecution'];
      const terms = required.nodeSelectorTerms;
      if (Array.isArray(terms) && terms.length === 0) {
        const termsPath = [...requiredPath, 'nodeSelectorTerms'];
        context.report({
          code: NODE_SELECTOR_REQUIREMENT_INVALID,
          path: termsPath,
          message: requiredMessage(termsPath, 'must have at least one node selector term'),
        });
      }
      for (const term of objectItems(required, requiredPath, 'nodeSelectorTerms')) {
        checkTerm(context, term.item, term.path, true);
      }
    }
    // Preferred terms allow invalid label values (they may still match one node).
    for (const preferred of objectItems(
      nodeAffinity,
      nodeAffinityPath,
      'preferredDuringSchedulingIgnoredDuringExecution',
    )) {
      const preference = preferred.item.preference;
      if (isJsonObject(preference))
        checkTerm(context, preference, [...preferred.path, 'preference'], false);
    }
  },
};
