// pkg/apis/core/validation/validation.go ValidatePreferredSchedulingTerms and
// validateWeightedPodAffinityTerms (weights are 1-100) and
// validatePodAffinityTerm (topologyKey is required and a qualified name;
// namespaces are namespace names).
import type { CodeInfo } from '../../diagnostics/code-info';
import { isJsonObject, type JsonObject, type JsonPath } from '../../model/json';
import { checkDns1123Label, checkQualifiedName } from '../../validation/name-validators';
import type { Rule } from '../rule';
import { invalidMessage, requiredMessage } from './support/field-errors';
import { objectItems, POD_KINDS, podSpecTarget } from './support/pod-spec';

export const POD_AFFINITY_TERM_INVALID: CodeInfo = {
  code: 'pod-affinity-term-invalid',
  category: 'api-server',
  severity: 'error',
  title:
    'An affinity weight is outside 1-100, or a pod affinity term has an empty or invalid topologyKey.',
  example: 'preferredDuringSchedulingIgnoredDuringExecution:\n  - weight: 0\n    preference: {…}',
};

export const podAffinityTermInvalid: Rule = {
  codes: [POD_AFFINITY_TERM_INVALID],
  kinds: POD_KINDS,
  check(context) {
    const target = podSpecTarget(context.manifest);
    if (!target) return;
    const affinity = target.spec.affinity;
    if (!isJsonObject(affinity)) return;
    const report = (path: JsonPath, message: string, at: 'key' | 'value' = 'value'): void =>
      context.report({
        code: POD_AFFINITY_TERM_INVALID,
        path,
        message,
        target: at,
      });
    const checkWeight = (item: JsonObject, itemPath: JsonPath): void => {
      const weight = item.weight;
      if (typeof weight !== 'number' || (weight > 0 && weight <= 100)) return;
      const path = [...itemPath, 'weight'];
      report(path, invalidMessage(path, weight, 'must be in the range 1-100'));
    };
    const affinityPath = [...target.path, 'affinity'];
    const nodeAffinity = affinity.nodeAffinity;
    if (isJsonObject(nodeAffinity)) {
      for (const term of objectItems(
        nodeAffinity,
        [...affinityPath, 'nodeAffinity'],
        'preferredDuringSchedulingIgnoredDuringExecution',
      )) {
        checkWeight(term.item, term.path);
      }
    }
    const checkTerm = (term: JsonObject, termPath: JsonPath): void => {
      const topologyKey = term.topologyKey;
      const keyPath = [...termPath, 'topologyKey'];
      if (topologyKey === '') report(keyPath, requiredMessage(keyPath, 'can not be empty'));
      else if (typeof topologyKey === 'string') {
        const problems = checkQualifiedName(topologyKey);
        if (problems.length > 0)
          report(keyPath, invalidMessage(keyPath, topologyKey, problems.join('; ')));
      }
      const namespaces = term.namespaces;
      if (!Array.isArray(namespaces)) return;
      namespaces.forEach((namespace, index) => {
        if (typeof namespace !== 'string') return;
        const problems = checkDns1123Label(namespace);
        if (problems.length === 0) return;
        const path = [...termPath, 'namespaces', index];
        report(path, invalidMessage(path, namespace, problems.join('; ')));
      });
    };
    for (const kind of ['podAffinity', 'podAntiAffinity']) {
      const section = affinity[kind];
      if (!isJsonObject(section)) continue;
      const sectionPath = [...affinityPath, kind];
      for (const term of objectItems(
        section,
        sectionPath,
        'requiredDuringSchedulingIgnoredDuringExecution',
      )) {
        checkTerm(term.item, term.path);
      }
      for (const weighted of objectItems(
        section,
        sectionPath,
        'preferredDuringSchedulingIgnoredDuringExecution',
      )) {
        checkWeight(weighted.item, weighted.path);
        const term = weighted.item.podAffinityTerm;
        if (isJsonObject(term)) checkTerm(term, [...weighted.path, 'podAffinityTerm']);
      }
    }
  },
};
