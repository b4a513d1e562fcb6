import { isJsonObject } from '../../model/json';
import type {
  Cluster,
  ClusterIngressClass,
  ClusterNode,
  ClusterStorageClass,
  ClusterTaint,
} from '../report';
import { defaultCluster } from './default-cluster';

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

/**
 * Fills a validated cluster file (see cluster-schema.ts) with the defaults:
 * every field is optional; given `nodes` replace the default nodes, and a
 * node without `ip` or `podCIDR` gets the next free one in node order.
 */
export function resolveCluster(file: Record<string, unknown> | undefined): Cluster {
  const base = defaultCluster();
  if (!file) return base;
  const cluster: Cluster = {
    ...base,
    name: text(file.name) ?? base.name,
    serviceCIDR: text(file.serviceCIDR) ?? base.serviceCIDR,
    podCIDR: text(file.podCIDR) ?? base.podCIDR,
    nodePortRange: text(file.nodePortRange) ?? base.nodePortRange,
    clusterDomain: text(file.clusterDomain) ?? base.clusterDomain,
  };
  if (Array.isArray(file.nodes)) {
    const usedIps = new Set<string>();
    const usedCidrs = new Set<string>();
    for (const raw of file.nodes) {
      if (!isJsonObject(raw)) continue;
      if (typeof raw.ip === 'string') usedIps.add(raw.ip);
      if (typeof raw.podCIDR === 'string') usedCidrs.add(raw.podCIDR);
    }
    const podBase = cluster.podCIDR.split('/')[0]?.split('.') ?? ['10', '244', '0', '0'];
    let nextIp = 2;
    let nextCidr = 0;
    cluster.nodes = file.nodes.filter(isJsonObject).map((raw): ClusterNode => {
      const name = text(raw.name) ?? 'node';
      let ip = text(raw.ip);
      while (!ip) {
        const candidate = `172.18.0.${nextIp++}`;
        if (!usedIps.has(candidate)) ip = candidate;
      }
      usedIps.add(ip);
      let podCIDR = text(raw.podCIDR);
      while (!podCIDR) {
        const candidate = `${podBase[0]}.${podBase[1]}.${nextCidr++}.0/24`;
        if (!usedCidrs.has(candidate)) podCIDR = candidate;
      }
      usedCidrs.add(podCIDR);
      const labels: Record<string, string> = {
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': name,
        'kubernetes.io/os': 'linux',
      };
      if (isJsonObject(raw.labels)) {
        for (const [key, value] of Object.entries(raw.labels)) labels[key] = text(value) ?? '';
      }
      const taints: ClusterTaint[] = Array.isArray(raw.taints)
        ? raw.taints.filter(isJsonObject).map((taint) => {
            const out: ClusterTaint = {
              key: text(taint.key) ?? '',
              effect: (text(taint.effect) ?? 'NoSchedule') as ClusterTaint['effect'],
            };
            const value = text(taint.value);
            if (value !== undefined) out.value = value;
            return out;
          })
        : [];
      const allocatable = isJsonObject(raw.allocatable) ? raw.allocatable : {};
      return {
        name,
        ip,
        podCIDR,
        labels,
        taints,
        allocatable: {
          cpu: text(allocatable.cpu) ?? '4',
          memory: text(allocatable.memory) ?? '8Gi',
          pods: text(allocatable.pods) ?? '110',
        },
      };
    });
  }
  if (Array.isArray(file.ingressClasses)) {
    cluster.ingressClasses = file.ingressClasses
      .filter(isJsonObject)
      .map((raw): ClusterIngressClass => ({
        name: text(raw.name) ?? '',
        controller: text(raw.controller) ?? 'k8s.io/ingress-nginx',
        default: raw.default === true,
      }));
  }
  if (Array.isArray(file.storageClasses)) {
    cluster.storageClasses = file.storageClasses
      .filter(isJsonObject)
      .map((raw): ClusterStorageClass => ({
        name: text(raw.name) ?? '',
        provisioner: text(raw.provisioner) ?? 'k8s.io/minikube-hostpath',
        default: raw.default === true,
        volumeBindingMode:
          raw.volumeBindingMode === 'WaitForFirstConsumer' ? 'WaitForFirstConsumer' : 'Immediate',
      }));
  }
  return cluster;
}
