import type { CodeInfo } from '../../diagnostics/code-info';

/** A pod of the workload fits no node, or the kubelet of its `spec.nodeName` rejects it. */
export const POD_UNSCHEDULABLE: CodeInfo = {
  code: 'pod-unschedulable',
  category: 'cross-resource',
  severity: 'warning',
  title:
    "A pod of the workload fits no node of the cluster and stays Pending; the message is kube-scheduler's.",
  example:
    'kind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n      - resources: {requests: {cpu: "8"}}  # nodes have 4 CPUs',
};

/** A DaemonSet tolerates the retired master taint but not the control-plane one. */
export const DAEMONSET_MASTER_TOLERATION: CodeInfo = {
  code: 'daemonset-master-toleration',
  category: 'cross-resource',
  severity: 'hint',
  title:
    'A DaemonSet tolerates node-role.kubernetes.io/master, a taint kubeadm no longer sets (since 1.25); control-plane nodes carry node-role.kubernetes.io/control-plane, so the DaemonSet does not run there.',
  example:
    'tolerations:\n- key: node-role.kubernetes.io/master\n  operator: Exists\n  effect: NoSchedule',
};

/** A DaemonSet whose selector, affinity and tolerations leave no node to run on. */
export const DAEMONSET_NO_ELIGIBLE_NODE: CodeInfo = {
  code: 'daemonset-no-eligible-node',
  category: 'cross-resource',
  severity: 'warning',
  title:
    'No node passes the DaemonSet’s nodeSelector, node affinity and tolerations, so it runs no pod at all.',
  example:
    'kind: DaemonSet\nspec:\n  template:\n    spec:\n      nodeSelector: {disktype: ssd}  # no node has it',
};

/** The scheduling codes of the simulation, for the code registry. */
export const SCHEDULING_CODES: readonly CodeInfo[] = [
  POD_UNSCHEDULABLE,
  DAEMONSET_MASTER_TOLERATION,
  DAEMONSET_NO_ELIGIBLE_NODE,
];
