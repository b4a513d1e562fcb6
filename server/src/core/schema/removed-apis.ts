/**
 * API versions Kubernetes has removed, with what replaces them
 * (kubernetes.io/docs/reference/using-api/deprecation-guide/).
 * Key: `apiVersion/kind`; `*` matches any kind of that apiVersion.
 */
export interface RemovedApi {
  /** The apiVersion to use instead, or undefined when the kind is gone entirely. */
  replacement: string | undefined;
  /** The release that stopped serving it. */
  removedIn: string;
  note?: string;
}

const REMOVED: Record<string, RemovedApi> = {
  'extensions/v1beta1/Ingress': { replacement: 'networking.k8s.io/v1', removedIn: '1.22' },
  'extensions/v1beta1/IngressClass': { replacement: 'networking.k8s.io/v1', removedIn: '1.22' },
  'extensions/v1beta1/NetworkPolicy': { replacement: 'networking.k8s.io/v1', removedIn: '1.16' },
  'extensions/v1beta1/PodSecurityPolicy': {
    replacement: undefined,
    removedIn: '1.25',
    note: 'use Pod Security Admission',
  },
  'extensions/v1beta1/*': { replacement: 'apps/v1', removedIn: '1.16' },
  'apps/v1beta1/*': { replacement: 'apps/v1', removedIn: '1.16' },
  'apps/v1beta2/*': { replacement: 'apps/v1', removedIn: '1.16' },
  'networking.k8s.io/v1beta1/*': { replacement: 'networking.k8s.io/v1', removedIn: '1.22' },
  'batch/v1beta1/*': { replacement: 'batch/v1', removedIn: '1.25' },
  'batch/v2alpha1/*': { replacement: 'batch/v1', removedIn: '1.21' },
  'policy/v1beta1/PodSecurityPolicy': {
    replacement: undefined,
    removedIn: '1.25',
    note: 'use Pod Security Admission',
  },
  'policy/v1beta1/*': { replacement: 'policy/v1', removedIn: '1.25' },
  'autoscaling/v2beta1/*': { replacement: 'autoscaling/v2', removedIn: '1.25' },
  'autoscaling/v2beta2/*': { replacement: 'autoscaling/v2', removedIn: '1.26' },
  'rbac.authorization.k8s.io/v1beta1/*': {
    replacement: 'rbac.authorization.k8s.io/v1',
    removedIn: '1.22',
  },
  'rbac.authorization.k8s.io/v1alpha1/*': {
    replacement: 'rbac.authorization.k8s.io/v1',
    removedIn: '1.22',
  },
  'storage.k8s.io/v1beta1/CSIStorageCapacity': {
    replacement: 'storage.k8s.io/v1',
    removedIn: '1.27',
  },
  'storage.k8s.io/v1beta1/*': { replacement: 'storage.k8s.io/v1', removedIn: '1.22' },
  'scheduling.k8s.io/v1beta1/*': { replacement: 'scheduling.k8s.io/v1', removedIn: '1.22' },
  'scheduling.k8s.io/v1alpha1/*': { replacement: 'scheduling.k8s.io/v1', removedIn: '1.17' },
  'apiextensions.k8s.io/v1beta1/*': { replacement: 'apiextensions.k8s.io/v1', removedIn: '1.22' },
  'apiregistration.k8s.io/v1beta1/*': {
    replacement: 'apiregistration.k8s.io/v1',
    removedIn: '1.22',
  },
  'admissionregistration.k8s.io/v1alpha1/InitializerConfiguration': {
    replacement: undefined,
    removedIn: '1.14',
    note: 'initializers were replaced by admission webhooks',
  },
  'admissionregistration.k8s.io/v1beta1/*': {
    replacement: 'admissionregistration.k8s.io/v1',
    removedIn: '1.22',
  },
  'authentication.k8s.io/v1beta1/*': { replacement: 'authentication.k8s.io/v1', removedIn: '1.22' },
  'authorization.k8s.io/v1beta1/*': { replacement: 'authorization.k8s.io/v1', removedIn: '1.22' },
  'certificates.k8s.io/v1beta1/*': { replacement: 'certificates.k8s.io/v1', removedIn: '1.22' },
  'coordination.k8s.io/v1beta1/*': { replacement: 'coordination.k8s.io/v1', removedIn: '1.22' },
  'discovery.k8s.io/v1beta1/*': { replacement: 'discovery.k8s.io/v1', removedIn: '1.25' },
  'events.k8s.io/v1beta1/*': { replacement: 'events.k8s.io/v1', removedIn: '1.25' },
  'node.k8s.io/v1beta1/*': { replacement: 'node.k8s.io/v1', removedIn: '1.25' },
  'node.k8s.io/v1alpha1/*': { replacement: 'node.k8s.io/v1', removedIn: '1.22' },
  'flowcontrol.apiserver.k8s.io/v1beta1/*': {
    replacement: 'flowcontrol.apiserver.k8s.io/v1',
    removedIn: '1.26',
  },
  'flowcontrol.apiserver.k8s.io/v1beta2/*': {
    replacement: 'flowcontrol.apiserver.k8s.io/v1',
    removedIn: '1.29',
  },
  'flowcontrol.apiserver.k8s.io/v1beta3/*': {
    replacement: 'flowcontrol.apiserver.k8s.io/v1',
    removedIn: '1.32',
  },
};

/** The removal record for an apiVersion and kind, if that API was removed. */
export function findRemovedApi(apiVersion: string, kind: string): RemovedApi | undefined {
  return REMOVED[`${apiVersion}/${kind}`] ?? REMOVED[`${apiVersion}/*`];
}
