/**
 * Where a manifest holds labels, annotations and label selectors that the
 * API server validates on create: the object's metadata (ValidateObjectMeta),
 * the pod template's metadata (ValidatePodTemplateSpec), a Service's selector
 * map (ValidateService), and the LabelSelectors of PodDisruptionBudgets,
 * PersistentVolumeClaims and NetworkPolicies (metav1 validation
 * ValidateLabelSelector). Workload and pod-spec selectors are the workloads
 * rules' (label-selector-invalid).
 */
import { getAt, isJsonObject, type JsonPath } from '../../model/json';
import type { Manifest } from '../../model/manifest';
import { podMetadataPath } from '../../model/pod-template';

/** The metadata objects whose `labels` and `annotations` are validated. */
export function metadataPaths(manifest: Manifest): JsonPath[] {
  const paths: JsonPath[] = [['metadata']];
  const pod = podMetadataPath(manifest);
  if (pod && !(pod.length === 1 && pod[0] === 'metadata')) paths.push(pod);
  return paths;
}

const SELECTOR_PATHS: Record<string, JsonPath> = {
  'policy/PodDisruptionBudget': ['spec', 'selector'],
  '/PersistentVolumeClaim': ['spec', 'selector'],
};

/** Paths of the LabelSelectors (`matchLabels` + `matchExpressions`) of a PDB, PVC or NetworkPolicy that exist. */
export function labelSelectorPaths(manifest: Manifest): JsonPath[] {
  const key = manifest.groupKind;
  const paths: JsonPath[] = [];
  const single = SELECTOR_PATHS[key];
  if (single) paths.push(single);
  if (key === 'networking.k8s.io/NetworkPolicy') {
    paths.push(['spec', 'podSelector']);
    for (const [direction, peers] of [
      ['ingress', 'from'],
      ['egress', 'to'],
    ] as const) {
      const rules = getAt(manifest.body, ['spec', direction]);
      if (!Array.isArray(rules)) continue;
      rules.forEach((rule, i) => {
        const list = isJsonObject(rule) ? rule[peers] : undefined;
        if (!Array.isArray(list)) return;
        list.forEach((_, j) => {
          paths.push(['spec', direction, i, peers, j, 'podSelector']);
          paths.push(['spec', direction, i, peers, j, 'namespaceSelector']);
        });
      });
    }
  }
  return paths.filter((path) => isJsonObject(getAt(manifest.body, path)));
}

/** Every label map (key → value) of the manifest: metadata and pod template labels, a Service's selector. */
export function labelMapPaths(manifest: Manifest): JsonPath[] {
  const paths: JsonPath[] = metadataPaths(manifest).map((meta) => [...meta, 'labels']);
  if (manifest.gvk.group === '' && manifest.kind === 'Service') paths.push(['spec', 'selector']);
  return paths.filter((path) => isJsonObject(getAt(manifest.body, path)));
}

/** Every annotation map of the manifest. */
export function annotationMapPaths(manifest: Manifest): JsonPath[] {
  return metadataPaths(manifest)
    .map((meta): JsonPath => [...meta, 'annotations'])
    .filter((path) => isJsonObject(getAt(manifest.body, path)));
}
