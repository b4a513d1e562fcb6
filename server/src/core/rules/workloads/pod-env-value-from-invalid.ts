// pkg/apis/core/validation/validation.go validateEnvVarValueFrom (exactly one
// source, and not together with a non-empty `value`), validateObjectFieldSelector
// with validEnvDownwardAPIFieldPathExpressions, validateConfigMapKeySelector and
// validateSecretKeySelector (a name and a valid key), and ValidateEnvFrom
// (exactly one of configMapRef or secretRef, with a name).
// resourceFieldRef.resource is an enum in the schema: the schema's finding.
import type { CodeInfo } from '../../diagnostics/code-info';
import { isJsonObject, type JsonObject, type JsonPath } from '../../model/json';
import { checkDns1123Subdomain } from '../../validation/name-validators';
import { checkConfigMapKey } from '../../validation/workload-validators';
import type { Rule, RuleReport } from '../rule';
import { invalidMessage, notSupportedMessage, requiredMessage } from './support/field-errors';
import { containersOf, objectItems, POD_KINDS, podSpecTarget } from './support/pod-spec';

export const POD_ENV_VALUE_FROM_INVALID: CodeInfo = {
  code: 'pod-env-value-from-invalid',
  category: 'api-server',
  severity: 'error',
  title: 'An env valueFrom names no source, several sources, or a source the API server rejects.',
  example: 'env:\n  - name: HOST\n    valueFrom:\n      fieldRef: {fieldPath: status.hostname}',
};

export const POD_ENV_FROM_INVALID: CodeInfo = {
  code: 'pod-env-from-invalid',
  category: 'api-server',
  severity: 'error',
  title: 'An envFrom entry names neither or both of configMapRef and secretRef, or no name.',
  example: 'envFrom:\n  - prefix: APP_',
};

const VALUE_SOURCES = [
  'fieldRef',
  'resourceFieldRef',
  'configMapKeyRef',
  'secretKeyRef',
  'fileKeyRef',
];

/** pkg/apis/core/pods ConvertDownwardAPIFieldLabel for v1. */
const CONVERTIBLE_FIELD_PATHS = new Set([
  'metadata.annotations',
  'metadata.labels',
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'spec.nodeName',
  'spec.restartPolicy',
  'spec.serviceAccountName',
  'spec.schedulerName',
  'status.phase',
  'status.hostIP',
  'status.hostIPs',
  'status.podIP',
  'status.podIPs',
]);

/** validEnvDownwardAPIFieldPathExpressions, sorted as sets.List sorts it. */
const ENV_FIELD_PATHS = [
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'spec.nodeName',
  'spec.serviceAccountName',
  'status.hostIP',
  'status.hostIPs',
  'status.podIP',
  'status.podIPs',
];

const SUBSCRIPTED = /^(metadata\.(?:annotations|labels))\[(?:'([^']*)'|"([^"]*)")\]$/;

function checkFieldRef(
  ref: JsonObject,
  path: JsonPath,
): { path: JsonPath; message: string } | undefined {
  const fieldPath = ref.fieldPath;
  if (typeof fieldPath !== 'string') return undefined;
  const at = [...path, 'fieldPath'];
  if (fieldPath.length === 0) return { path: at, message: requiredMessage(at) };
  const apiVersion = typeof ref.apiVersion === 'string' ? ref.apiVersion : 'v1';
  if (apiVersion !== 'v1') return undefined;
  const subscripted = SUBSCRIPTED.exec(fieldPath);
  if (subscripted) return undefined;
  if (!CONVERTIBLE_FIELD_PATHS.has(fieldPath)) {
    return {
      path: at,
      message: invalidMessage(
        at,
        fieldPath,
        `error converting fieldPath: field label not supported: ${fieldPath}`,
      ),
    };
  }
  if (!ENV_FIELD_PATHS.includes(fieldPath)) {
    const hint = fieldPath.startsWith('metadata.')
      ? ` (use a subscript such as ${fieldPath}['app'])`
      : '';
    return { path: at, message: notSupportedMessage(at, fieldPath, ENV_FIELD_PATHS) + hint };
  }
  return undefined;
}

function checkKeySelector(ref: JsonObject, path: JsonPath): { path: JsonPath; message: string }[] {
  const problems: { path: JsonPath; message: string }[] = [];
  const name =
    typeof ref.name === 'string'
      ? ref.name
      : ref.name === undefined || ref.name === null
        ? ''
        : undefined;
  if (name !== undefined) {
    const nameProblems = checkDns1123Subdomain(name);
    if (nameProblems.length > 0) {
      const at = [...path, 'name'];
      problems.push({
        path: name === '' && ref.name !== '' ? path : at,
        message: invalidMessage(
          at,
          name,
          name === ''
            ? 'a name is required: the ConfigMap or Secret to read'
            : nameProblems.join('; '),
        ),
      });
    }
  }
  const key = ref.key;
  if (typeof key === 'string') {
    const at = [...path, 'key'];
    if (key.length === 0) problems.push({ path: at, message: requiredMessage(at) });
    else {
      const keyProblems = checkConfigMapKey(key);
      if (keyProblems.length > 0)
        problems.push({ path: at, message: invalidMessage(at, key, keyProblems.join('; ')) });
    }
  }
  return problems;
}

export const podEnvValueFromInvalid: Rule = {
  codes: [POD_ENV_VALUE_FROM_INVALID, POD_ENV_FROM_INVALID],
  kinds: POD_KINDS,
  check(context) {
    const target = podSpecTarget(context.manifest);
    if (!target) return;
    const report = (
      code: CodeInfo,
      path: JsonPath,
      message: string,
      at: RuleReport['target'] = 'key',
    ): void => context.report({ code, path, message, target: at });
    for (const entry of containersOf(target)) {
      for (const env of objectItems(entry.container, entry.path, 'env')) {
        const valueFrom = env.item.valueFrom;
        if (!isJsonObject(valueFrom)) continue;
        const path = [...env.path, 'valueFrom'];
        const sources = VALUE_SOURCES.filter((key) => isJsonObject(valueFrom[key]));
        const value = env.item.value;
        if (sources.length === 0) {
          report(
            POD_ENV_VALUE_FROM_INVALID,
            path,
            invalidMessage(
              path,
              '',
              'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`',
            ),
          );
          continue;
        }
        if (typeof value === 'string' && value.length > 0) {
          report(
            POD_ENV_VALUE_FROM_INVALID,
            path,
            invalidMessage(path, '', 'may not be specified when `value` is not empty'),
          );
        } else if (sources.length > 1) {
          report(
            POD_ENV_VALUE_FROM_INVALID,
            [...path, sources[1] ?? ''],
            invalidMessage(
              path,
              '',
              `may not have more than one field specified at a time (found ${sources.join(', ')})`,
            ),
          );
        }
        const fieldRef = valueFrom.fieldRef;
        if (isJsonObject(fieldRef)) {
          const problem = checkFieldRef(fieldRef, [...path, 'fieldRef']);
          if (problem) report(POD_ENV_VALUE_FROM_INVALID, problem.path, problem.message, 'value');
        }
        for (const key of ['configMapKeyRef', 'secretKeyRef']) {
          const ref = valueFrom[key];
          if (!isJsonObject(ref)) continue;
          for (const problem of checkKeySelector(ref, [...path, key])) {
            report(POD_ENV_VALUE_FROM_INVALID, problem.path, problem.message, 'value');
          }
        }
      }
      const envFromPath = [...entry.path, 'envFrom'];
      for (const source of objectItems(entry.container, entry.path, 'envFrom')) {
        const refs = ['configMapRef', 'secretRef'].filter((key) => isJsonObject(source.item[key]));
        if (refs.length === 0) {
          report(
            POD_ENV_FROM_INVALID,
            source.path,
            invalidMessage(envFromPath, '', 'must specify one of: `configMapRef` or `secretRef`'),
          );
        } else if (refs.length > 1) {
          report(
            POD_ENV_FROM_INVALID,
            [...source.path, refs[1] ?? ''],
            invalidMessage(envFromPath, '', 'may not have more than one field specified at a time'),
          );
        }
        for (const key of refs) {
          const ref = source.item[key];
          if (!isJsonObject(ref)) continue;
          const at = [...source.path, key, 'name'];
          const name = ref.name;
          if (name === undefined || name === null || name === '') {
            report(
              POD_ENV_FROM_INVALID,
              typeof name === 'string' ? at : [...source.path, key],
              requiredMessage(at),
            );
          } else if (typeof name === 'string') {
            const problems = checkDns1123Subdomain(name.endsWith('-') ? `${name}a` : name);
            if (problems.length > 0)
              report(
                POD_ENV_FROM_INVALID,
                at,
                invalidMessage(at, name, problems.join('; ')),
                'value',
              );
          }
        }
      }
    }
  },
};
