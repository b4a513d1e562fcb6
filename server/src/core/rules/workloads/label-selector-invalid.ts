// k8s.io/apimachinery/pkg/apis/meta/v1/validation ValidateLabelSelector and
// ValidateLabelSelectorRequirement, as called for a workload's spec.selector
// (pkg/apis/apps/validation, pkg/apis/batch/validation) and for the label
// selectors of pod affinity terms and topology spread constraints
// (pkg/apis/core/validation validatePodAffinityTerm, validateTopologySpreadConstraints).
import type { CodeInfo } from '../../diagnostics/code-info';
import { getAt, isJsonObject, type JsonPath } from '../../model/json';
import type { Rule } from '../rule';
import { labelSelectorProblems } from './support/label-selector';
import { objectItems, POD_KINDS, podSpecTarget } from './support/pod-spec';

export const LABEL_SELECTOR_INVALID: CodeInfo = {
  code: 'label-selector-invalid',
  category: 'api-server',
  severity: 'error',
  title:
    'A label selector has an unknown operator, values that do not fit it, or an invalid key or value.',
  example: 'selector:\n  matchExpressions:\n    - key: app\n      operator: In',
};

/** Kinds whose spec.selector is a LabelSelector validated with ValidateLabelSelector. */
const WORKLOAD_SELECTOR_KINDS = new Set([
  'apps/Deployment',
  'apps/ReplicaSet',
  'apps/StatefulSet',
  'apps/DaemonSet',
  'batch/Job',
]);

export const labelSelectorInvalid: Rule = {
  codes: [LABEL_SELECTOR_INVALID],
  kinds: POD_KINDS,
  check(context) {
    const { manifest } = context;
    if (WORKLOAD_SELECTOR_KINDS.has(manifest.groupKind)) {
      const path: JsonPath = ['spec', 'selector'];
      for (const problem of labelSelectorProblems(getAt(manifest.body, path), path)) {
        context.report({ code: LABEL_SELECTOR_INVALID, ...problem });
      }
    }
    const target = podSpecTarget(manifest);
    if (!target) return;
    const selectors: { selector: unknown; path: JsonPath }[] = [];
    const affinity = target.spec.affinity;
    if (isJsonObject(affinity)) {
      for (const kind of ['podAffinity', 'podAntiAffinity']) {
        const section = affinity[kind];
        if (!isJsonObject(section)) continue;
        const sectionPath = [...target.path, 'affinity', kind];
        const terms = [
          ...objectItems(section, sectionPath, 'requiredDuringSchedulingIgnoredDuringExecution'),
          ...objectItems(
            section,
            sectionPath,
            'preferredDuringSchedulingIgnoredDuringExecution',
          ).map((weighted) => ({
            item: isJsonObject(weighted.item.podAffinityTerm) ? weighted.item.podAffinityTerm : {},
            path: [...weighted.path, 'podAffinityTerm'],
          })),
        ];
        for (const term of terms) {
          for (const key of ['labelSelector', 'namespaceSelector']) {
            selectors.push({ selector: term.item[key], path: [...term.path, key] });
          }
        }
      }
    }
    for (const constraint of objectItems(target.spec, target.path, 'topologySpreadConstraints')) {
      selectors.push({
        selector: constraint.item.labelSelector,
        path: [...constraint.path, 'labelSelector'],
      });
    }
    for (const { selector, path } of selectors) {
      for (const problem of labelSelectorProblems(selector, path)) {
        context.report({ code: LABEL_SELECTOR_INVALID, ...problem });
      }
    }
  },
};
