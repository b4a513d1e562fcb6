/**
 * Which name function the API server passes to ValidateObjectMeta for each
 * built-in kind (pkg/apis/<group>/validation: ValidatePodName,
 * ValidateServiceName, ValidateNamespaceName, rbac ValidateRBACName …), and
 * which kinds are cluster-scoped (their metadata.namespace is cleared, not
 * validated). Kinds whose names follow other rules (CustomResourceDefinition,
 * APIService, IPAddress, CSIDriver, reviews) are left out.
 */
import type { Manifest } from '../../model/manifest';
import {
  nameIsDns1035Label,
  nameIsDnsLabel,
  nameIsDnsSubdomain,
  nameIsPathSegment,
  type NameValidator,
} from '../../validation/object-name-validators';

/** A kind's name rule: the validator and how to call it in a message. */
export interface ObjectNameRule {
  validate: NameValidator;
  /** e.g. `a lowercase RFC 1123 subdomain`. */
  description: string;
  /** An extra length limit on top of the format (CronJob: 52). */
  maxLength?: number;
}

const SUBDOMAIN: ObjectNameRule = {
  validate: nameIsDnsSubdomain,
  description: 'a lowercase RFC 1123 subdomain',
};
const LABEL: ObjectNameRule = {
  validate: nameIsDnsLabel,
  description: 'a lowercase RFC 1123 label',
};
const DNS1035: ObjectNameRule = { validate: nameIsDns1035Label, description: 'a DNS-1035 label' };
const PATH_SEGMENT: ObjectNameRule = {
  validate: nameIsPathSegment,
  description: "a path segment (no '/' or '%', not '.' or '..')",
};

const SUBDOMAIN_KINDS = [
  '/Pod',
  '/PodTemplate',
  '/ReplicationController',
  '/Node',
  '/LimitRange',
  '/ResourceQuota',
  '/Secret',
  '/ServiceAccount',
  '/Endpoints',
  '/ConfigMap',
  '/PersistentVolume',
  '/PersistentVolumeClaim',
  'apps/Deployment',
  'apps/ReplicaSet',
  'apps/StatefulSet',
  'apps/DaemonSet',
  'apps/ControllerRevision',
  'batch/Job',
  'networking.k8s.io/Ingress',
  'networking.k8s.io/IngressClass',
  'networking.k8s.io/NetworkPolicy',
  'networking.k8s.io/ServiceCIDR',
  'storage.k8s.io/StorageClass',
  'storage.k8s.io/VolumeAttachment',
  'storage.k8s.io/CSINode',
  'storage.k8s.io/CSIStorageCapacity',
  'storage.k8s.io/VolumeAttributesClass',
  'policy/PodDisruptionBudget',
  'autoscaling/HorizontalPodAutoscaler',
  'scheduling.k8s.io/PriorityClass',
  'node.k8s.io/RuntimeClass',
  'coordination.k8s.io/Lease',
  'discovery.k8s.io/EndpointSlice',
  'admissionregistration.k8s.io/ValidatingWebhookConfiguration',
  'admissionregistration.k8s.io/MutatingWebhookConfiguration',
  'admissionregistration.k8s.io/ValidatingAdmissionPolicy',
  'admissionregistration.k8s.io/ValidatingAdmissionPolicyBinding',
  'admissionregistration.k8s.io/MutatingAdmissionPolicy',
  'admissionregistration.k8s.io/MutatingAdmissionPolicyBinding',
  'resource.k8s.io/DeviceClass',
  'resource.k8s.io/ResourceClaim',
  'resource.k8s.io/ResourceClaimTemplate',
];

const NAME_RULES = new Map<string, ObjectNameRule>([
  ...SUBDOMAIN_KINDS.map((kind): [string, ObjectNameRule] => [kind, SUBDOMAIN]),
  // batch ValidateCronJobCreate: the Job names it makes add 11 characters.
  ['batch/CronJob', { ...SUBDOMAIN, maxLength: 52 }],
  ['/Namespace', LABEL],
  ['/Service', DNS1035],
  ['rbac.authorization.k8s.io/Role', PATH_SEGMENT],
  ['rbac.authorization.k8s.io/ClusterRole', PATH_SEGMENT],
  ['rbac.authorization.k8s.io/RoleBinding', PATH_SEGMENT],
  ['rbac.authorization.k8s.io/ClusterRoleBinding', PATH_SEGMENT],
]);

/** The name rule of the manifest's kind, or undefined when Slipway does not check its name. */
export function objectNameRule(manifest: Manifest): ObjectNameRule | undefined {
  return NAME_RULES.get(manifest.groupKind);
}

const CLUSTER_SCOPED = new Set([
  '/Namespace',
  '/Node',
  '/PersistentVolume',
  '/ComponentStatus',
  'rbac.authorization.k8s.io/ClusterRole',
  'rbac.authorization.k8s.io/ClusterRoleBinding',
  'storage.k8s.io/StorageClass',
  'storage.k8s.io/CSIDriver',
  'storage.k8s.io/CSINode',
  'storage.k8s.io/VolumeAttachment',
  'storage.k8s.io/VolumeAttributesClass',
  'networking.k8s.io/IngressClass',
  'networking.k8s.io/IPAddress',
  'networking.k8s.io/ServiceCIDR',
  'scheduling.k8s.io/PriorityClass',
  'node.k8s.io/RuntimeClass',
  'apiextensions.k8s.io/CustomResourceDefinition',
  'apiregistration.k8s.io/APIService',
  'admissionregistration.k8s.io/ValidatingWebhookConfiguration',
  'admissionregistration.k8s.io/MutatingWebhookConfiguration',
  'admissionregistration.k8s.io/ValidatingAdmissionPolicy',
  'admissionregistration.k8s.io/ValidatingAdmissionPolicyBinding',
  'admissionregistration.k8s.io/MutatingAdmissionPolicy',
  'admissionregistration.k8s.io/MutatingAdmissionPolicyBinding',
  'certificates.k8s.io/CertificateSigningRequest',
  'certificates.k8s.io/ClusterTrustBundle',
  'flowcontrol.apiserver.k8s.io/FlowSchema',
  'flowcontrol.apiserver.k8s.io/PriorityLevelConfiguration',
  'resource.k8s.io/DeviceClass',
  'resource.k8s.io/ResourceSlice',
  'resource.k8s.io/DeviceTaintRule',
  'internal.apiserver.k8s.io/StorageVersion',
  'storagemigration.k8s.io/StorageVersionMigration',
  'authentication.k8s.io/TokenReview',
  'authentication.k8s.io/SelfSubjectReview',
  'authorization.k8s.io/SubjectAccessReview',
  'authorization.k8s.io/SelfSubjectAccessReview',
  'authorization.k8s.io/SelfSubjectRulesReview',
]);

/** True for a cluster-scoped kind (the API server clears its metadata.namespace). */
export function isClusterScoped(manifest: Manifest): boolean {
  return CLUSTER_SCOPED.has(manifest.groupKind);
}
