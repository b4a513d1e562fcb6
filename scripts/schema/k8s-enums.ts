/**
 * Enum values the OpenAPI spec only states in prose. The API server rejects any
 * other value ("Unsupported value"), so the generated schema carries them as
 * `enum` for validation and completion. Keys: definition name (without the
 * `io.k8s.api.` prefix) and property; `[]` marks the items of an array property.
 */
export const K8S_ENUMS: Record<string, string[]> = {
  'core.v1.ServiceSpec.type': ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'],
  'core.v1.ServiceSpec.sessionAffinity': ['ClientIP', 'None'],
  'core.v1.ServiceSpec.externalTrafficPolicy': ['Cluster', 'Local'],
  'core.v1.ServiceSpec.internalTrafficPolicy': ['Cluster', 'Local'],
  'core.v1.ServiceSpec.ipFamilyPolicy': ['PreferDualStack', 'RequireDualStack', 'SingleStack'],
  'core.v1.ServiceSpec.ipFamilies[]': ['IPv4', 'IPv6'],
  'core.v1.ServicePort.protocol': ['SCTP', 'TCP', 'UDP'],
  'core.v1.ContainerPort.protocol': ['SCTP', 'TCP', 'UDP'],
  'core.v1.EndpointPort.protocol': ['SCTP', 'TCP', 'UDP'],
  'networking.v1.NetworkPolicyPort.protocol': ['SCTP', 'TCP', 'UDP'],
  'networking.v1.HTTPIngressPath.pathType': ['Exact', 'ImplementationSpecific', 'Prefix'],
  'core.v1.PersistentVolumeSpec.accessModes[]': [
    'ReadOnlyMany',
    'ReadWriteMany',
    'ReadWriteOnce',
    'ReadWriteOncePod',
  ],
  'core.v1.PersistentVolumeClaimSpec.accessModes[]': [
    'ReadOnlyMany',
    'ReadWriteMany',
    'ReadWriteOnce',
    'ReadWriteOncePod',
  ],
  'core.v1.PersistentVolumeSpec.persistentVolumeReclaimPolicy': ['Delete', 'Recycle', 'Retain'],
  'core.v1.PersistentVolumeSpec.volumeMode': ['Block', 'Filesystem'],
  'core.v1.PersistentVolumeClaimSpec.volumeMode': ['Block', 'Filesystem'],
  'core.v1.Taint.effect': ['NoExecute', 'NoSchedule', 'PreferNoSchedule'],
  'core.v1.Toleration.effect': ['', 'NoExecute', 'NoSchedule', 'PreferNoSchedule'],
  'core.v1.Toleration.operator': ['Equal', 'Exists'],
  'core.v1.Container.imagePullPolicy': ['Always', 'IfNotPresent', 'Never'],
  'core.v1.EphemeralContainer.imagePullPolicy': ['Always', 'IfNotPresent', 'Never'],
  'core.v1.Container.terminationMessagePolicy': ['FallbackToLogsOnError', 'File'],
  'core.v1.PodSpec.restartPolicy': ['Always', 'Never', 'OnFailure'],
  'core.v1.PodSpec.dnsPolicy': ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'],
  'core.v1.PodSpec.preemptionPolicy': ['Never', 'PreemptLowerPriority'],
  'core.v1.NodeSelectorRequirement.operator': ['DoesNotExist', 'Exists', 'Gt', 'In', 'Lt', 'NotIn'],
  'core.v1.TopologySpreadConstraint.whenUnsatisfiable': ['DoNotSchedule', 'ScheduleAnyway'],
  'core.v1.HTTPGetAction.scheme': ['HTTP', 'HTTPS'],
  'apps.v1.DeploymentStrategy.type': ['Recreate', 'RollingUpdate'],
  'apps.v1.StatefulSetSpec.podManagementPolicy': ['OrderedReady', 'Parallel'],
  'apps.v1.StatefulSetUpdateStrategy.type': ['OnDelete', 'RollingUpdate'],
  'apps.v1.DaemonSetUpdateStrategy.type': ['OnDelete', 'RollingUpdate'],
  'apps.v1.StatefulSetPersistentVolumeClaimRetentionPolicy.whenDeleted': ['Delete', 'Retain'],
  'apps.v1.StatefulSetPersistentVolumeClaimRetentionPolicy.whenScaled': ['Delete', 'Retain'],
  'batch.v1.CronJobSpec.concurrencyPolicy': ['Allow', 'Forbid', 'Replace'],
  'batch.v1.JobSpec.completionMode': ['Indexed', 'NonIndexed'],
  'batch.v1.JobSpec.podReplacementPolicy': ['Failed', 'TerminatingOrFailed'],
  'storage.v1.StorageClass.volumeBindingMode': ['Immediate', 'WaitForFirstConsumer'],
  'storage.v1.StorageClass.reclaimPolicy': ['Delete', 'Retain'],
  'policy.v1.PodDisruptionBudgetSpec.unhealthyPodEvictionPolicy': [
    'AlwaysAllow',
    'IfHealthyBudget',
  ],
  'networking.v1.NetworkPolicySpec.policyTypes[]': ['Egress', 'Ingress'],
};

/**
 * Lists whose items must be unique by their list-map keys, and how the API
 * server treats a duplicate: `error` where validation rejects it (container
 * and volume names, mount paths, Service port + protocol), `warning` where it
 * only warns (pkg/api/pod/warnings.go: duplicate container ports, an env var
 * that hides an earlier one). Lists not named here are not checked.
 */
export const K8S_UNIQUE_LISTS: Record<string, 'error' | 'warning'> = {
  'core.v1.PodSpec.containers': 'error',
  'core.v1.PodSpec.initContainers': 'error',
  'core.v1.PodSpec.ephemeralContainers': 'error',
  'core.v1.PodSpec.volumes': 'error',
  'core.v1.PodSpec.resourceClaims': 'error',
  'core.v1.PodSpec.topologySpreadConstraints': 'error',
  'core.v1.Container.volumeMounts': 'error',
  'core.v1.Container.volumeDevices': 'error',
  'core.v1.EphemeralContainer.volumeMounts': 'error',
  'core.v1.EphemeralContainer.volumeDevices': 'error',
  'core.v1.ServiceSpec.ports': 'error',
  'core.v1.ResourceRequirements.claims': 'error',
  'core.v1.Container.ports': 'warning',
  'core.v1.Container.env': 'warning',
  'core.v1.EphemeralContainer.ports': 'warning',
  'core.v1.EphemeralContainer.env': 'warning',
};
