/**
 * The kinds whose validators are precompiled at build time
 * (scripts/gen-validators.ts → dist/validators.js), as `apiVersion/kind`:
 * the kinds nearly every manifest set uses. Other kinds are compiled on
 * first use; the list trades the size of the shipped code against the
 * compile a first open of that kind pays.
 */
export const PRECOMPILED_KINDS: readonly string[] = [
  'v1/ConfigMap',
  'v1/Namespace',
  'v1/PersistentVolume',
  'v1/PersistentVolumeClaim',
  'v1/Pod',
  'v1/ReplicationController',
  'v1/Secret',
  'v1/Service',
  'v1/ServiceAccount',
  'v1/LimitRange',
  'v1/ResourceQuota',
  'apps/v1/DaemonSet',
  'apps/v1/Deployment',
  'apps/v1/ReplicaSet',
  'apps/v1/StatefulSet',
  'batch/v1/CronJob',
  'batch/v1/Job',
  'autoscaling/v2/HorizontalPodAutoscaler',
  'autoscaling/v1/HorizontalPodAutoscaler',
  'networking.k8s.io/v1/Ingress',
  'networking.k8s.io/v1/IngressClass',
  'networking.k8s.io/v1/NetworkPolicy',
  'policy/v1/PodDisruptionBudget',
  'rbac.authorization.k8s.io/v1/ClusterRole',
  'rbac.authorization.k8s.io/v1/ClusterRoleBinding',
  'rbac.authorization.k8s.io/v1/Role',
  'rbac.authorization.k8s.io/v1/RoleBinding',
  'storage.k8s.io/v1/StorageClass',
  'scheduling.k8s.io/v1/PriorityClass',
];
