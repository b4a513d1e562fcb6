/**
 * The simulation report: the contract of ../shared/design/simulation-report.md
 * (reportVersion 1). The CLI's --json output, the `slipway/simulate` request,
 * the webview and the test fixtures all use these types, so a change to the
 * contract is a compile error everywhere at once. Lists are sorted
 * (namespace, then name) so two runs over the same input are byte-identical.
 */
import type { Range } from '../text/range';
import type { Severity } from '../diagnostics/severity';

export const REPORT_VERSION = 1;

/** Where an object of the report comes from: its document's range in a file. */
export interface SourceRef {
  uri: string;
  range: Range;
}

export interface ClusterTaint {
  key: string;
  value?: string;
  effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
}

export interface ClusterNode {
  name: string;
  ip: string;
  podCIDR: string;
  labels: Record<string, string>;
  taints: ClusterTaint[];
  allocatable: { cpu: string; memory: string; pods: string };
}

export interface ClusterIngressClass {
  name: string;
  controller: string;
  default: boolean;
}

export interface ClusterStorageClass {
  name: string;
  provisioner: string;
  default: boolean;
  volumeBindingMode: 'Immediate' | 'WaitForFirstConsumer';
}

/** The cluster the manifests are simulated on (the cluster file's content, defaults filled in). */
export interface Cluster {
  name: string;
  serviceCIDR: string;
  podCIDR: string;
  nodePortRange: string;
  clusterDomain: string;
  nodes: ClusterNode[];
  ingressClasses: ClusterIngressClass[];
  storageClasses: ClusterStorageClass[];
}

export type WorkloadKind =
  'Deployment' | 'ReplicaSet' | 'StatefulSet' | 'DaemonSet' | 'Job' | 'CronJob' | 'Pod';

export interface WorkloadReport {
  kind: WorkloadKind;
  namespace: string;
  name: string;
  desired: number;
  scheduled: number;
  source: SourceRef;
}

export interface ContainerPortReport {
  name?: string;
  containerPort: number;
  protocol: string;
  hostPort?: number;
}

export interface ContainerReport {
  name: string;
  image: string;
  ports: ContainerPortReport[];
}

export type LifecycleStepName =
  | 'apiserver'
  | 'scheduler'
  | 'kubelet'
  | 'cri-runtime'
  | 'cri-image'
  | 'containerd'
  | 'containerd-shim';

export interface LifecycleStep {
  step: LifecycleStepName;
  detail: string;
  blocked?: boolean;
  reason?: string;
}

export interface PodReport {
  name: string;
  namespace: string;
  /** `Kind/name` of the workload that made it (`StatefulSet/web`), or `Pod/name` for a bare Pod. */
  owner: string;
  node: string | null;
  ip: string | null;
  phase: 'Running' | 'Pending';
  reason?: string;
  labels: Record<string, string>;
  hostname?: string;
  subdomain?: string;
  dns?: string;
  containers: ContainerReport[];
  volumes?: { name: string; claim: string }[];
  configMaps?: { name: string; found: boolean }[];
  lifecycle?: LifecycleStep[];
  /** The owner's pod template. */
  source: SourceRef;
}

export interface EndpointReport {
  pod: string;
  ip: string;
  port: number;
}

export interface ServicePortReport {
  name?: string;
  protocol: string;
  port: number;
  targetPort: number | string;
  nodePort?: number;
  nodePortAssigned?: boolean;
  endpoints: EndpointReport[];
}

export interface ServiceReport {
  name: string;
  namespace: string;
  type: 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';
  /** "None" for headless; null for ExternalName. */
  clusterIP: string | null;
  dns: string;
  ports: ServicePortReport[];
  externalAccess?: string[];
  source: SourceRef;
}

export interface IngressBackendReport {
  service: string;
  port: number | string;
  endpoints: EndpointReport[];
}

export interface IngressRuleReport extends IngressBackendReport {
  host: string;
  path: string;
  pathType: 'Exact' | 'Prefix' | 'ImplementationSpecific';
}

export interface IngressReport {
  name: string;
  namespace: string;
  className?: string;
  rules: IngressRuleReport[];
  defaultBackend?: IngressBackendReport;
  source: SourceRef;
}

export interface ConfigUseReport {
  pod: string;
  container: string;
  via: 'env' | 'envFrom' | 'volume' | 'projected';
  key?: string;
  found: boolean;
  optional: boolean;
}

/** A ConfigMap or Secret that is defined or referenced. */
export interface ConfigObjectReport {
  name: string;
  namespace: string;
  defined: boolean;
  keys: string[];
  usedBy: ConfigUseReport[];
  source?: SourceRef;
}

export interface VolumeClaimReport {
  name: string;
  namespace: string;
  phase: 'Bound' | 'Pending';
  volume?: string;
  storageClass?: string;
  request: string;
  dynamic?: boolean;
  reason?: string;
  source?: SourceRef;
}

export interface ReportDiagnostic {
  severity: Severity;
  code: string;
  message: string;
  uri: string;
  range: Range;
}

export interface SimulationReport {
  reportVersion: typeof REPORT_VERSION;
  cluster: Cluster;
  workloads: WorkloadReport[];
  pods: PodReport[];
  services: ServiceReport[];
  ingresses: IngressReport[];
  configMaps: ConfigObjectReport[];
  secrets: ConfigObjectReport[];
  volumeClaims: VolumeClaimReport[];
  diagnostics: ReportDiagnostic[];
}
