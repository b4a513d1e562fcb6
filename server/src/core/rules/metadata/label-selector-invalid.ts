// Follows k8s.io/apimachinery/pkg/apis/meta/v1/validation ValidateLabelSelector
// as called for a PodDisruptionBudget's spec.selector (pkg/apis/policy/validation),
// a PersistentVolumeClaim's spec.selector (pkg/apis/core/validation) and a
// NetworkPolicy's pod and namespace selectors (pkg/apis/networking/validation).
// The workloads rule of the same code covers workload and pod-spec selectors;
// both share its code entry and messages.
import { getAt } from '../../model/json';
import type { Rule } from '../rule';
import { LABEL_SELECTOR_INVALID } from '../workloads/label-selector-invalid';
import { labelSelectorProblems } from '../workloads/support/label-selector';
import { labelSelectorPaths } from './label-paths';

/** LabelSelectors of PodDisruptionBudgets, PersistentVolumeClaims and NetworkPolicies. */
export const nonWorkloadLabelSelectorInvalid: Rule = {
  codes: [LABEL_SELECTOR_INVALID],
  kinds: [
    'policy/PodDisruptionBudget',
    '/PersistentVolumeClaim',
    'networking.k8s.io/NetworkPolicy',
  ],
  check(context) {
    const { manifest } = context;
    for (const path of labelSelectorPaths(manifest)) {
      for (const problem of labelSelectorProblems(getAt(manifest.body, path), path)) {
        context.report({ code: LABEL_SELECTOR_INVALID, ...problem });
      }
    }
  },
};
