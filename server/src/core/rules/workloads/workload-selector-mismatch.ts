// pkg/apis/apps/validation ValidatePodTemplateSpecForReplicaSet,
// ValidatePodTemplateSpecForStatefulSet, ValidateDaemonSetSpec,
// pkg/apis/batch/validation ValidateJobSpec (with manualSelector) and
// pkg/apis/core/validation ValidatePodTemplateSpecForRC: the selector must
// match the pod template's labels ("`selector` does not match template
// `labels`"), and an apps/v1 selector may not be empty.
import type { CodeInfo } from '../../diagnostics/code-info';
import { getAt, isJsonObject, type JsonPath } from '../../model/json';
import type { Rule } from '../rule';
import { invalidMessage } from './support/field-errors';
import {
  describeRequirement,
  requirementMatches,
  selectorRequirements,
  stringLabels,
  type SelectorRequirement,
} from './support/label-selector';

export const WORKLOAD_SELECTOR_MISMATCH: CodeInfo = {
  code: 'workload-selector-mismatch',
  category: 'api-server',
  severity: 'error',
  title: "The workload's selector does not match its pod template's labels.",
  example:
    'selector:\n  matchLabels: {app: web}\ntemplate:\n  metadata:\n    labels: {app: frontend}',
};

export const WORKLOAD_SELECTOR_EMPTY: CodeInfo = {
  code: 'workload-selector-empty',
  category: 'api-server',
  severity: 'error',
  title: 'An apps/v1 workload has an empty selector (no matchLabels, no matchExpressions).',
  example: 'selector: {}',
};

const APPS_KINDS: Record<string, string> = {
  'apps/Deployment': 'deployment',
  'apps/ReplicaSet': 'deployment',
  'apps/StatefulSet': 'statefulset',
  'apps/DaemonSet': 'daemonset',
};

export const workloadSelectorMismatch: Rule = {
  codes: [WORKLOAD_SELECTOR_MISMATCH, WORKLOAD_SELECTOR_EMPTY],
  kinds: [...Object.keys(APPS_KINDS), 'batch/Job', '/ReplicationController'],
  check(context) {
    const { manifest } = context;
    const kind = manifest.groupKind;
    const selectorPath: JsonPath = ['spec', 'selector'];
    const selector = getAt(manifest.body, selectorPath);
    const labelsPath: JsonPath = ['spec', 'template', 'metadata', 'labels'];
    const labels = stringLabels(getAt(manifest.body, labelsPath));
    let requirements: SelectorRequirement[] | undefined;
    if (kind === '/ReplicationController') {
      // A ReplicationController selector is a plain map; empty, it defaults to the template labels.
      if (!isJsonObject(selector)) return;
      requirements = selectorRequirements({ matchLabels: selector });
    } else {
      if (!isJsonObject(selector)) return;
      if (kind === 'batch/Job' && getAt(manifest.body, ['spec', 'manualSelector']) !== true) return;
      const label = APPS_KINDS[kind];
      const matchLabels = selector.matchLabels;
      const expressions = selector.matchExpressions;
      const count =
        (isJsonObject(matchLabels) ? Object.keys(matchLabels).length : 0) +
        (Array.isArray(expressions) ? expressions.length : 0);
      if (label && count === 0) {
        context.report({
          code: WORKLOAD_SELECTOR_EMPTY,
          path: selectorPath,
          message: `${invalidMessage(selectorPath, selector, `empty selector is invalid for ${label}`)} (select the template's labels with matchLabels)`,
        });
        return;
      }
      requirements = selectorRequirements(selector);
    }
    // An invalid selector is label-selector-invalid's finding; an empty one selects everything.
    if (!requirements || requirements.length === 0) return;
    const failing = requirements.filter((requirement) => !requirementMatches(requirement, labels));
    if (failing.length === 0) return;
    const shown =
      Object.keys(labels).length === 0 ? 'no labels' : `labels ${JSON.stringify(labels)}`;
    context.report({
      code: WORKLOAD_SELECTOR_MISMATCH,
      path: selectorPath,
      message: `${invalidMessage(labelsPath, labels, 'selector does not match template labels')}: ${failing
        .map(describeRequirement)
        .join(', ')} is not satisfied by the template's ${shown}`,
    });
  },
};
