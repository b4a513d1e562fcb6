// pkg/apis/core/validation/validation.go validateDataSource, validateDataSourceRef and
// ValidatePersistentVolumeClaimSpec: name and kind non-empty, a core-group source must
// be a PersistentVolumeClaim, apiGroup a DNS-1123 subdomain, and dataSource equal to
// dataSourceRef when both are given.
import type { CodeInfo } from '../../diagnostics/code-info';
import { formatPath, isJsonObject, type JsonObject, type JsonPath } from '../../model/json';
import { checkDns1123Subdomain } from '../../validation/name-validators';
import type { Rule, RuleReport } from '../rule';
import { CLAIM_SPEC_KINDS, findClaimSpecs } from './claim-specs';

const PVC_DATA_SOURCE_INVALID: CodeInfo = {
  code: 'pvc-data-source-invalid',
  category: 'api-server',
  severity: 'error',
  title:
    "A claim's dataSource or dataSourceRef is incomplete, lacks an apiGroup, or the two disagree.",
  example: 'dataSource:\n  kind: VolumeSnapshot\n  name: nightly',
};

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function checkReference(ref: JsonObject, path: JsonPath, out: Omit<RuleReport, 'code'>[]): void {
  const name = ref.name;
  const kind = ref.kind;
  if (name === '')
    out.push({
      path: [...path, 'name'],
      message: `${formatPath([...path, 'name'])}: Required value`,
    });
  if (kind === '') {
    out.push({
      path: [...path, 'kind'],
      message: `${formatPath([...path, 'kind'])}: Required value`,
    });
    return;
  }
  const apiGroup = optionalString(ref.apiGroup) ?? '';
  if (apiGroup === '' && typeof kind === 'string' && kind !== 'PersistentVolumeClaim') {
    out.push({
      path: [...path, 'kind'],
      target: 'value',
      message: `${formatPath(path)}: Invalid value: ${JSON.stringify(kind)}: must be 'PersistentVolumeClaim' when referencing the default apiGroup; set apiGroup to the kind's API group (e.g. snapshot.storage.k8s.io for a VolumeSnapshot)`,
    });
  }
  if (apiGroup !== '') {
    const problems = checkDns1123Subdomain(apiGroup);
    if (problems.length > 0) {
      out.push({
        path: [...path, 'apiGroup'],
        target: 'value',
        message: `${formatPath([...path, 'apiGroup'])}: Invalid value: ${JSON.stringify(apiGroup)}: ${problems.join('; ')}`,
      });
    }
  }
}

function sameReference(a: JsonObject, b: JsonObject): boolean {
  // isDataSourceEqualDataSourceRef: apiGroup compared as pointers (absent ≠ "").
  return (
    optionalString(a.apiGroup) === optionalString(b.apiGroup) &&
    a.kind === b.kind &&
    a.name === b.name
  );
}

export const pvcDataSourceInvalid: Rule = {
  codes: [PVC_DATA_SOURCE_INVALID],
  kinds: CLAIM_SPEC_KINDS,
  check(context) {
    const { manifest } = context;
    for (const { path, spec } of findClaimSpecs(manifest)) {
      const problems: Omit<RuleReport, 'code'>[] = [];
      const dataSource = spec.dataSource;
      const dataSourceRef = spec.dataSourceRef;
      if (isJsonObject(dataSource)) checkReference(dataSource, [...path, 'dataSource'], problems);
      if (isJsonObject(dataSourceRef))
        checkReference(dataSourceRef, [...path, 'dataSourceRef'], problems);
      // With a namespace, dataSourceRef is a cross-namespace source (an alpha feature
      // whose field the API server drops when the gate is off): no equality check then.
      const namespace = isJsonObject(dataSourceRef)
        ? optionalString(dataSourceRef.namespace)
        : undefined;
      if (
        isJsonObject(dataSource) &&
        isJsonObject(dataSourceRef) &&
        (namespace === undefined || namespace === '') &&
        !sameReference(dataSource, dataSourceRef)
      ) {
        problems.push({
          path: [...path, 'dataSource'],
          message: `${formatPath(path)}: Invalid value: ${JSON.stringify(formatPath([...path, 'dataSource']))}: must match dataSourceRef (apiGroup, kind and name); give only one of them, or the same reference in both`,
        });
      }
      for (const problem of problems) context.report({ code: PVC_DATA_SOURCE_INVALID, ...problem });
    }
  },
};
