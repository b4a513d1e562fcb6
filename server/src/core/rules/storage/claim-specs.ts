import { getAt, isJsonObject, type JsonObject, type JsonPath } from '../../model/json';
import type { Manifest } from '../../model/manifest';
import { POD_SPEC_KINDS, podSpecPath } from '../../model/pod-template';

/**
 * Every PersistentVolumeClaimSpec that the API server checks with
 * `ValidatePersistentVolumeClaimSpec` (pkg/apis/core/validation/validation.go):
 * a claim's `spec`, each StatefulSet `spec.volumeClaimTemplates[i].spec`
 * (validated since Kubernetes 1.34, kubernetes/kubernetes#132212) and each
 * generic ephemeral volume's `ephemeral.volumeClaimTemplate.spec` in a pod spec.
 */
export const CLAIM_SPEC_KINDS: readonly string[] = ['/PersistentVolumeClaim', ...POD_SPEC_KINDS];

/** One claim spec: where it is and its value. */
export interface ClaimSpec {
  path: JsonPath;
  spec: JsonObject;
}

/** The claim specs a manifest holds (none when the shapes are odd). */
export function findClaimSpecs(manifest: Manifest): ClaimSpec[] {
  const found: ClaimSpec[] = [];
  // A claim (or StatefulSet claim template) without a spec is checked as an
  // empty spec, as the API server does; an ephemeral template's spec is
  // required by the schema, which reports it.
  const add = (path: JsonPath, emptyWhenMissing: boolean): void => {
    const spec = getAt(manifest.body, path);
    if (isJsonObject(spec)) found.push({ path, spec });
    else if (emptyWhenMissing && (spec === undefined || spec === null))
      found.push({ path, spec: {} });
  };
  if (manifest.gvk.group === '' && manifest.kind === 'PersistentVolumeClaim') {
    add(['spec'], true);
    return found;
  }
  if (manifest.gvk.group === 'apps' && manifest.kind === 'StatefulSet') {
    const templates = getAt(manifest.body, ['spec', 'volumeClaimTemplates']);
    if (Array.isArray(templates)) {
      templates.forEach((template, index) => {
        if (isJsonObject(template)) add(['spec', 'volumeClaimTemplates', index, 'spec'], true);
      });
    }
  }
  const podSpec = podSpecPath(manifest);
  if (podSpec) {
    const volumes = getAt(manifest.body, [...podSpec, 'volumes']);
    if (Array.isArray(volumes)) {
      volumes.forEach((_volume, index) =>
        add([...podSpec, 'volumes', index, 'ephemeral', 'volumeClaimTemplate', 'spec'], false),
      );
    }
  }
  return found;
}
