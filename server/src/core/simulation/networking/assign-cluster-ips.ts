/**
 * ClusterIPs, as pkg/registry/core/service/storage/alloc.go and the
 * ipallocator hand them out:
 *
 * - ExternalName Services get none (null); `clusterIP: None` is headless.
 * - A written clusterIP is kept. Outside the range (the service CIDR without
 *   its network and broadcast addresses) the API server rejects it with
 *   "the provided IP (…) is not in the valid range" (ErrNotInRange).
 * - Two Services writing one address: the first created gets it, the other
 *   is rejected with "provided IP is already allocated" (ErrAllocated). The
 *   manifests do not say which comes first, so both are flagged.
 * - The `.1` address belongs to `default/kubernetes` (the API server's own
 *   Service) and, in kubeadm/kind clusters, `.10` to `kube-system/kube-dns`:
 *   they are never handed out, and writing one is a conflict with that Service.
 * - Every other Service gets an address from the dynamic (upper) band,
 *   see allocate-from-range.ts: the start is FNV-1a(`namespace/name`) modulo
 *   the band size, then a linear scan; Services are served in sorted order.
 */
import type { ReportDiagnostic } from '../report';
import { rangeOf } from '../model/sim-object';
import {
  SERVICE_ALLOCATION_FAILED,
  SERVICE_CLUSTER_IP_CONFLICT,
  SERVICE_CLUSTER_IP_OUT_OF_RANGE,
} from './networking-codes';
import {
  allocateFromRange,
  calculateRangeOffset,
  type AllocationRange,
} from './allocate-from-range';
import { formatIpv4, parseIpv4, parseIpv4Cidr, type Ipv4Cidr } from './ipv4';
import { makeDiagnostic } from './make-diagnostic';
import type { ServiceView } from './service-view';

const DEFAULT_SERVICE_CIDR = '10.96.0.0/12';

/** A Service that owns an address of every cluster, and the address's offset in the CIDR. */
const RESERVED = [
  { offset: 1, key: 'default/kubernetes', role: 'the API server' },
  { offset: 10, key: 'kube-system/kube-dns', role: 'the cluster DNS' },
] as const;

/** The allocatable addresses of a service CIDR: all but the network and broadcast addresses. */
export function serviceIpRange(cidr: Ipv4Cidr): AllocationRange {
  // ipallocator.go: first = network + 1, last = broadcast - 1 (IPv4);
  // calculateRangeOffset(min 16, max 256, step 16) over the CIDR's size.
  return {
    first: cidr.network + 1,
    size: Math.max(cidr.size - 2, 0),
    rangeOffset: calculateRangeOffset(cidr.size, { min: 16, max: 256, step: 16 }),
  };
}

/** The addresses of `default/kubernetes` (.1) and `kube-system/kube-dns` (.10) in a service CIDR. */
export function reservedServiceIps(cidr: Ipv4Cidr): { ip: string; key: string; role: string }[] {
  return RESERVED.filter((entry) => entry.offset < cidr.size - 1).map((entry) => ({
    ip: formatIpv4(cidr.network + entry.offset),
    key: entry.key,
    role: entry.role,
  }));
}

/** The cluster's service CIDR, or the default one when it does not parse. */
export function serviceCidrOf(serviceCIDR: string): Ipv4Cidr {
  return parseIpv4Cidr(serviceCIDR) ?? (parseIpv4Cidr(DEFAULT_SERVICE_CIDR) as Ipv4Cidr);
}

/** Gives every Service its ClusterIP; `views` must be sorted (compareServiceViews). */
export function assignClusterIps(
  views: readonly ServiceView[],
  serviceCIDR: string,
): { ips: Map<ServiceView, string | null>; diagnostics: ReportDiagnostic[] } {
  const cidr = serviceCidrOf(serviceCIDR);
  const range = serviceIpRange(cidr);
  const last = range.first + range.size - 1;
  const ips = new Map<ServiceView, string | null>();
  const diagnostics: ReportDiagnostic[] = [];
  const taken = new Set<number>();
  const reserved = new Map<number, (typeof RESERVED)[number]>();
  for (const entry of RESERVED) {
    const address = cidr.network + entry.offset;
    if (address <= last) {
      reserved.set(address, entry);
      taken.add(address);
    }
  }
  const rangeText = `${serviceCIDR} (${formatIpv4(range.first)}-${formatIpv4(last)})`;

  // Written addresses first: they are kept whatever else happens.
  const owners = new Map<number, ServiceView[]>();
  for (const view of views) {
    if (view.type === 'ExternalName') {
      ips.set(view, null);
      continue;
    }
    const written = view.clusterIp;
    if (!written) continue;
    ips.set(view, written.value);
    if (written.value === 'None') continue;
    const address = parseIpv4(written.value);
    // Not an IPv4 address: service-cluster-ip-invalid reports it.
    if (address === undefined) continue;
    const where = rangeOf(view.object, written.path, 'value');
    if (address < range.first || address > last) {
      diagnostics.push(
        makeDiagnostic(
          SERVICE_CLUSTER_IP_OUT_OF_RANGE,
          view.object,
          where,
          `Service ${view.key} asks for clusterIP ${written.value}, which is outside the service CIDR ${rangeText}; the API server rejects it: "the provided IP (${written.value}) is not in the valid range".`,
        ),
      );
      continue;
    }
    const owner = reserved.get(address);
    if (owner && owner.key !== view.key) {
      diagnostics.push(
        makeDiagnostic(
          SERVICE_CLUSTER_IP_CONFLICT,
          view.object,
          where,
          `Service ${view.key} asks for clusterIP ${written.value}, which every cluster gives to Service ${owner.key} (${owner.role}); the API server rejects it: "provided IP is already allocated".`,
        ),
      );
    }
    taken.add(address);
    const list = owners.get(address) ?? [];
    list.push(view);
    owners.set(address, list);
  }
  for (const list of owners.values()) {
    const distinct = list.filter((view, i) => list.findIndex((o) => o.key === view.key) === i);
    if (distinct.length < 2) continue;
    for (const view of list) {
      const other = distinct.find((candidate) => candidate.key !== view.key);
      const written = view.clusterIp;
      if (!other || !written) continue;
      diagnostics.push(
        makeDiagnostic(
          SERVICE_CLUSTER_IP_CONFLICT,
          view.object,
          rangeOf(view.object, written.path, 'value'),
          `Service ${view.key} asks for clusterIP ${written.value}, which Service ${other.key} also asks for; the API server gives it to the one created first and rejects the other: "provided IP is already allocated".`,
        ),
      );
    }
  }

  // Then every other Service, in sorted order, from the dynamic band.
  for (const view of views) {
    if (ips.has(view)) continue;
    const address = allocateFromRange(range, view.key, (candidate) => !taken.has(candidate));
    if (address === undefined) {
      ips.set(view, null);
      diagnostics.push(
        makeDiagnostic(
          SERVICE_ALLOCATION_FAILED,
          view.object,
          rangeOf(view.object, ['metadata', 'name'], 'value'),
          `Service ${view.key} gets no ClusterIP: every address of the service CIDR ${rangeText} is taken ("failed to allocate a serviceIP: range is full").`,
        ),
      );
      continue;
    }
    taken.add(address);
    ips.set(view, formatIpv4(address));
  }
  return { ips, diagnostics };
}
