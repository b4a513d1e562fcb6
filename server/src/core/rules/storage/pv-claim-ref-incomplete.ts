// ValidatePersistentVolumeSpec (pkg/apis/core/validation/validation.go) does not check
// spec.claimRef, but the PV controller (pkg/controller/volume/persistentvolume) binds a
// pre-bound volume only to the claim claimRef names by namespace and name: without both,
// the volume is reserved for a claim that cannot exist and never binds. A warning.
import type { CodeInfo } from '../../diagnostics/code-info';
import { getAt, isJsonObject } from '../../model/json';
import type { Rule } from '../rule';

const PV_CLAIM_REF_INCOMPLETE: CodeInfo = {
  code: 'pv-claim-ref-incomplete',
  category: 'api-server',
  severity: 'warning',
  title:
    "A PersistentVolume's claimRef lacks the claim's name or namespace (or names another kind), so it never binds.",
  example: 'claimRef:\n  name: data-db-0',
};

export const pvClaimRefIncomplete: Rule = {
  codes: [PV_CLAIM_REF_INCOMPLETE],
  kinds: ['/PersistentVolume'],
  check(context) {
    const { manifest } = context;
    const path = ['spec', 'claimRef'];
    const claimRef = getAt(manifest.body, path);
    if (!isJsonObject(claimRef)) return;
    const kind = claimRef.kind;
    if (typeof kind === 'string' && kind !== '' && kind !== 'PersistentVolumeClaim') {
      context.report({
        code: PV_CLAIM_REF_INCOMPLETE,
        path: [...path, 'kind'],
        target: 'value',
        message: `spec.claimRef.kind: ${JSON.stringify(kind)} is not a PersistentVolumeClaim; the volume can only be bound to a claim, so it would stay reserved and unused`,
      });
      return;
    }
    const missing = ['name', 'namespace'].filter((field) => {
      const value = claimRef[field];
      return typeof value !== 'string' || value === '';
    });
    if (missing.length === 0) return;
    context.report({
      code: PV_CLAIM_REF_INCOMPLETE,
      path,
      message: `spec.claimRef has no ${missing.join(' or ')}: the API server accepts it, but the volume is then reserved for a claim that cannot exist and never binds; give the claim's name and namespace (a PersistentVolume is cluster-scoped, so the namespace is never implied)`,
    });
  },
};
