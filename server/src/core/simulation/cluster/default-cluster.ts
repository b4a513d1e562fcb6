import type { Cluster, ClusterNode } from '../report';

const WORKER_ALLOCATABLE = { cpu: '4', memory: '8Gi', pods: '110' };

function node(name: string, index: number, extra: Partial<ClusterNode> = {}): ClusterNode {
  return {
    name,
    ip: `172.18.0.${index + 2}`,
    podCIDR: `10.244.${index}.0/24`,
    // The labels the kubelet sets on every node.
    labels: {
      'kubernetes.io/arch': 'amd64',
      'kubernetes.io/hostname': name,
      'kubernetes.io/os': 'linux',
      ...(extra.labels ?? {}),
    },
    taints: extra.taints ?? [],
    allocatable: { ...WORKER_ALLOCATABLE },
  };
}

/**
 * The default cluster of the design document: a tainted control-plane node
 * and two workers (kind-style IPs and pod CIDRs), the default StorageClass
 * `standard` and the default IngressClass `nginx`.
 */
export function defaultCluster(): Cluster {
  return {
    name: 'default',
    serviceCIDR: '10.96.0.0/12',
    podCIDR: '10.244.0.0/16',
    nodePortRange: '30000-32767',
    clusterDomain: 'cluster.local',
    nodes: [
      node('control-plane', 0, {
        labels: { 'node-role.kubernetes.io/control-plane': '' },
        taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }],
      }),
      node('worker-1', 1),
      node('worker-2', 2),
    ],
    ingressClasses: [{ name: 'nginx', controller: 'k8s.io/ingress-nginx', default: true }],
    storageClasses: [
      {
        name: 'standard',
        provisioner: 'k8s.io/minikube-hostpath',
        default: true,
        volumeBindingMode: 'Immediate',
      },
    ],
  };
}
