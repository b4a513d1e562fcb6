/**
 * Pod IPs, as kind's CNI hands them out: kindnet configures the `ptp` plugin
 * with `host-local` IPAM over the node's pod CIDR (/etc/cni/net.d/10-kindnet.conflist),
 * and host-local (containernetworking/plugins plugins/ipam/host-local) skips
 * the network address and the gateway `.1`, starts at `.2`, ends before the
 * broadcast address (`.254` in a /24) and hands addresses out in order.
 * A hostNetwork pod shares its node's IP and takes none.
 */
import type { SimPod } from '../model/sim-pod';
import type { Cluster } from '../report';
import { usesHostNetwork } from './host-ports';

/** An IPv4 CIDR as numbers: its network address and size. */
export interface Ipv4Range {
  network: number;
  size: number;
}

/** Parses `a.b.c.d/n` (IPv4 only); undefined otherwise. */
export function parseIpv4Cidr(cidr: string): Ipv4Range | undefined {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr.trim());
  if (!match) return undefined;
  const octets = match.slice(1, 5).map(Number);
  const prefix = Number(match[5]);
  if (octets.some((octet) => octet > 255) || prefix > 32) return undefined;
  const address = octets.reduce((value, octet) => value * 256 + octet, 0);
  const size = 2 ** (32 - prefix);
  return { network: address - (address % size), size };
}

/** Formats a 32-bit address as dotted quads. */
export function formatIpv4(address: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(address / 2 ** shift) % 256).join('.');
}

/** True when `ip` lies inside `cidr`. */
export function ipInCidr(ip: string, cidr: string): boolean {
  const range = parseIpv4Cidr(cidr);
  const address = parseIpv4Cidr(`${ip}/32`);
  if (!range || !address) return false;
  return address.network >= range.network && address.network < range.network + range.size;
}

/**
 * An allocator of pod IPs over the cluster's nodes: called once per pod in
 * the order pods are scheduled, it gives a pod bound to a node that runs it
 * the node's next free address (the node IP for hostNetwork). Pods the
 * scheduler or the kubelet left out get none; when a node's range runs out,
 * the pod's sandbox cannot be set up and it stops at RunPodSandbox with
 * host-local's error.
 */
export function createPodIpAllocator(cluster: Cluster): (pod: SimPod) => SimPod {
  const next = new Map<string, number>();
  const nodes = new Map(cluster.nodes.map((node) => [node.name, node]));
  return (pod) => {
    const node = pod.node === null ? undefined : nodes.get(pod.node);
    if (!node || pod.blocked?.step === 'scheduler' || pod.blocked?.step === 'kubelet') return pod;
    if (usesHostNetwork(pod.spec)) return { ...pod, ip: node.ip };
    const range = parseIpv4Cidr(node.podCIDR);
    if (!range) return pod;
    const first = range.network + 2;
    const last = range.network + range.size - 2;
    const candidate = next.get(node.name) ?? first;
    if (candidate > last) {
      const reason =
        `Failed to create pod sandbox: plugin type="ptp" failed (add): failed to allocate for range 0: ` +
        `no IP addresses available in range set: ${formatIpv4(range.network + 1)}-${formatIpv4(last)}`;
      return { ...pod, phase: 'Pending', reason, blocked: { step: 'cri-runtime', reason } };
    }
    next.set(node.name, candidate + 1);
    return { ...pod, ip: formatIpv4(candidate) };
  };
}

/** Gives the pods their IPs in the order given (see `createPodIpAllocator`). */
export function assignPodIps(pods: readonly SimPod[], cluster: Cluster): SimPod[] {
  const allocate = createPodIpAllocator(cluster);
  return pods.map((pod) => allocate(pod));
}
