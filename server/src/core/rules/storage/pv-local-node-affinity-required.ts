// pkg/apis/core/validation/validation.go ValidatePersistentVolumeSpec: a local volume
// "requires node affinity"; validateVolumeNodeAffinity ("must specify required node
// constraints") and ValidateNodeSelector / ValidateNodeSelectorRequirement /
// ValidateNodeFieldSelectorRequirement for spec.nodeAffinity.required (values of
// matchExpressions are label values: AllowInvalidLabelValueInRequiredNodeAffinity is false on create).
import type { CodeInfo } from '../../diagnostics/code-info';
import { formatPath, getAt, isJsonObject, type JsonPath } from '../../model/json';
import {
  checkDns1123Subdomain,
  checkLabelValue,
  checkQualifiedName,
} from '../../validation/name-validators';
import type { Rule, RuleReport } from '../rule';
import { presentSources } from './pv-sources';

const PV_LOCAL_NODE_AFFINITY_REQUIRED: CodeInfo = {
  code: 'pv-local-node-affinity-required',
  category: 'api-server',
  severity: 'error',
  title: 'A local PersistentVolume has no spec.nodeAffinity.',
  example: 'spec:\n  local:\n    path: /mnt/disks/ssd1',
};

const PV_NODE_AFFINITY_INVALID: CodeInfo = {
  code: 'pv-node-affinity-invalid',
  category: 'api-server',
  severity: 'error',
  title: "A PersistentVolume's nodeAffinity lacks required terms or has a malformed requirement.",
  example: 'nodeAffinity:\n  required:\n    nodeSelectorTerms: []',
};

type Problem = Omit<RuleReport, 'code'>;

function checkExpression(expression: unknown, path: JsonPath, out: Problem[]): void {
  if (!isJsonObject(expression)) return;
  const operator = expression.operator;
  const values = Array.isArray(expression.values) ? expression.values : [];
  const valuesPath = [...path, 'values'];
  const at =
    expression.values === undefined || expression.values === null
      ? [...path, 'operator']
      : valuesPath;
  if ((operator === 'In' || operator === 'NotIn') && values.length === 0) {
    out.push({
      path: at,
      message: `${formatPath(valuesPath)}: Required value: must be specified when \`operator\` is 'In' or 'NotIn'`,
    });
  } else if ((operator === 'Exists' || operator === 'DoesNotExist') && values.length > 0) {
    out.push({
      path: valuesPath,
      message: `${formatPath(valuesPath)}: Forbidden: may not be specified when \`operator\` is 'Exists' or 'DoesNotExist'`,
    });
  } else if ((operator === 'Gt' || operator === 'Lt') && values.length !== 1) {
    out.push({
      path: at,
      message: `${formatPath(valuesPath)}: Required value: must be specified single value when \`operator\` is 'Lt' or 'Gt'`,
    });
  }
  const key = expression.key;
  if (typeof key === 'string') {
    const problems = checkQualifiedName(key);
    if (problems.length > 0) {
      out.push({
        path: [...path, 'key'],
        target: 'value',
        message: `${formatPath([...path, 'key'])}: Invalid value: ${JSON.stringify(key)}: ${problems.join('; ')}`,
      });
    }
  }
  checkLabelValues(values, valuesPath, out);
}

/** Values of required node affinity are label values (upstream, unless an old object already had invalid ones). */
function checkLabelValues(values: unknown[], valuesPath: JsonPath, out: Problem[]): void {
  values.forEach((value, index) => {
    if (typeof value !== 'string') return;
    const problems = checkLabelValue(value);
    if (problems.length === 0) return;
    const valuePath = [...valuesPath, index];
    out.push({
      path: valuePath,
      target: 'value',
      message: `${formatPath(valuePath)}: Invalid value: ${JSON.stringify(value)}: ${problems.join('; ')}`,
    });
  });
}

function checkFieldExpression(expression: unknown, path: JsonPath, out: Problem[]): void {
  if (!isJsonObject(expression)) return;
  const operator = expression.operator;
  const values = Array.isArray(expression.values) ? expression.values : [];
  if (operator === 'In' || operator === 'NotIn') {
    if (values.length !== 1) {
      out.push({
        path: [...path, 'values'],
        message: `${formatPath([...path, 'values'])}: Required value: must be only one value when \`operator\` is 'In' or 'NotIn' for node field selector`,
      });
    }
  } else if (typeof operator === 'string') {
    out.push({
      path: [...path, 'operator'],
      target: 'value',
      message: `${formatPath([...path, 'operator'])}: Invalid value: ${JSON.stringify(operator)}: not a valid selector operator (node field selectors support In and NotIn)`,
    });
  }
  const key = expression.key;
  if (typeof key === 'string' && key !== 'metadata.name') {
    out.push({
      path: [...path, 'key'],
      target: 'value',
      message: `${formatPath([...path, 'key'])}: Invalid value: ${JSON.stringify(key)}: not a valid field selector key (only metadata.name)`,
    });
    return;
  }
  values.forEach((value, index) => {
    if (typeof value !== 'string') return;
    const problems = checkDns1123Subdomain(value);
    if (problems.length > 0) {
      const valuePath = [...path, 'values', index];
      out.push({
        path: valuePath,
        target: 'value',
        message: `${formatPath(valuePath)}: Invalid value: ${JSON.stringify(value)}: ${problems.join('; ')}`,
      });
    }
  });
}

export const pvLocalNodeAffinityRequired: Rule = {
  codes: [PV_LOCAL_NODE_AFFINITY_REQUIRED, PV_NODE_AFFINITY_INVALID],
  kinds: ['/PersistentVolume'],
  check(context) {
    const { manifest } = context;
    const affinityPath = ['spec', 'nodeAffinity'];
    const affinity = getAt(manifest.body, affinityPath);
    const specified = affinity !== undefined && affinity !== null;
    if (!specified && presentSources(manifest)[0] === 'local') {
      context.report({
        code: PV_LOCAL_NODE_AFFINITY_REQUIRED,
        path: ['spec', 'local'],
        message:
          'spec.nodeAffinity: Required value: Local volume requires node affinity; add spec.nodeAffinity.required with a nodeSelectorTerm that selects the node holding the disk (e.g. kubernetes.io/hostname In [worker-1])',
      });
      return;
    }
    if (!isJsonObject(affinity)) return;
    const problems: Problem[] = [];
    const required = affinity.required;
    const requiredPath = [...affinityPath, 'required'];
    if (required === undefined || required === null) {
      problems.push({
        path: affinityPath,
        message: `${formatPath(requiredPath)}: Required value: must specify required node constraints`,
      });
    } else if (isJsonObject(required)) {
      const terms = required.nodeSelectorTerms;
      const termsPath = [...requiredPath, 'nodeSelectorTerms'];
      if (Array.isArray(terms) && terms.length === 0) {
        problems.push({
          path: termsPath,
          message: `${formatPath(termsPath)}: Required value: must have at least one node selector term`,
        });
      } else if (Array.isArray(terms)) {
        terms.forEach((term, termIndex) => {
          if (!isJsonObject(term)) return;
          const termPath = [...termsPath, termIndex];
          const expressions = Array.isArray(term.matchExpressions) ? term.matchExpressions : [];
          expressions.forEach((expression, index) =>
            checkExpression(expression, [...termPath, 'matchExpressions', index], problems),
          );
          const fields = Array.isArray(term.matchFields) ? term.matchFields : [];
          fields.forEach((expression, index) =>
            checkFieldExpression(expression, [...termPath, 'matchFields', index], problems),
          );
        });
      }
    }
    for (const problem of problems) context.report({ code: PV_NODE_AFFINITY_INVALID, ...problem });
  },
};
