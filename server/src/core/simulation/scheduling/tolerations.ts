/**
 * Taints and tolerations, matched exactly as Kubernetes matches them:
 * `Toleration.ToleratesTaint` (staging/src/k8s.io/component-helpers/scheduling/corev1/helpers.go)
 * and `FindMatchingUntoleratedTaint`.
 */
import { isJsonObject } from '../../model/json';
import { memoByValue } from '../model/memo';
import type { ClusterTaint } from '../report';

/** A toleration as a pod spec writes it (missing fields are empty strings). */
export interface Toleration {
  key: string;
  operator: string;
  value: string;
  effect: string;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

/** The pod spec's `tolerations`, skipping entries that are not mappings (shared: not to be changed). */
export function readTolerations(spec: unknown): readonly Toleration[] {
  return tolerationsOf(spec);
}

const tolerationsOf = memoByValue((spec): readonly Toleration[] => {
  const raw = isJsonObject(spec) ? spec.tolerations : undefined;
  if (!Array.isArray(raw)) return [];
  return raw.filter(isJsonObject).map((entry) => ({
    key: text(entry.key),
    operator: text(entry.operator),
    value: text(entry.value),
    effect: text(entry.effect),
  }));
});

/**
 * `Toleration.ToleratesTaint`: an empty effect matches every effect, an empty
 * key (with `Exists`) every key, `Exists` every value, `Equal` (or no operator)
 * the same value. `Lt`/`Gt` need the alpha TaintTolerationComparisonOperators
 * gate (off by default in 1.35), so they match nothing here.
 */
export function toleratesTaint(toleration: Toleration, taint: ClusterTaint): boolean {
  if (toleration.effect !== '' && toleration.effect !== taint.effect) return false;
  if (toleration.key !== '' && toleration.key !== taint.key) return false;
  switch (toleration.operator) {
    case '':
    case 'Equal':
      return toleration.value === (taint.value ?? '');
    case 'Exists':
      return true;
    default:
      return false;
  }
}

/** `TolerationsTolerateTaint`: some toleration tolerates the taint. */
export function tolerationsTolerate(
  tolerations: readonly Toleration[],
  taint: ClusterTaint,
): boolean {
  return tolerations.some((toleration) => toleratesTaint(toleration, taint));
}

/** NoSchedule and NoExecute taints keep pods off a node (`DoNotScheduleTaintsFilterFunc`). */
export function blocksScheduling(taint: ClusterTaint): boolean {
  return taint.effect === 'NoSchedule' || taint.effect === 'NoExecute';
}

/**
 * `FindMatchingUntoleratedTaint`: the first taint passing `filter` that no
 * toleration tolerates, or undefined.
 */
export function findUntoleratedTaint(
  taints: readonly ClusterTaint[],
  tolerations: readonly Toleration[],
  filter: (taint: ClusterTaint) => boolean = blocksScheduling,
): ClusterTaint | undefined {
  return taints.find((taint) => filter(taint) && !tolerationsTolerate(tolerations, taint));
}

/**
 * The tolerations the DaemonSet controller adds to every pod it makes
 * (pkg/controller/daemon/util/daemonset_util.go `AddOrUpdateDaemonPodTolerations`):
 * not-ready and unreachable (NoExecute), disk-, memory- and pid-pressure and
 * unschedulable (NoSchedule), and network-unavailable for hostNetwork pods.
 * A toleration of the template with the same key, operator, value and effect
 * is replaced (`AddOrUpdateTolerationInPodSpec`), so the result keeps one of each.
 */
export function daemonSetTolerations(hostNetwork: boolean): Toleration[] {
  const added: Toleration[] = [
    { key: 'node.kubernetes.io/not-ready', operator: 'Exists', value: '', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/unreachable', operator: 'Exists', value: '', effect: 'NoExecute' },
    {
      key: 'node.kubernetes.io/disk-pressure',
      operator: 'Exists',
      value: '',
      effect: 'NoSchedule',
    },
    {
      key: 'node.kubernetes.io/memory-pressure',
      operator: 'Exists',
      value: '',
      effect: 'NoSchedule',
    },
    { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', value: '', effect: 'NoSchedule' },
    {
      key: 'node.kubernetes.io/unschedulable',
      operator: 'Exists',
      value: '',
      effect: 'NoSchedule',
    },
  ];
  if (hostNetwork) {
    added.push({
      key: 'node.kubernetes.io/network-unavailable',
      operator: 'Exists',
      value: '',
      effect: 'NoSchedule',
    });
  }
  return added;
}
