/**
 * nodePorts of NodePort and LoadBalancer Services, as
 * pkg/registry/core/service/storage/alloc.go initNodePorts and the
 * portallocator hand them out:
 *
 * - A written nodePort is kept. Ports of one Service with the same `port`
 *   number share one nodePort (svcPortToNodePort / findRequestedNodePort).
 * - The node port range is one bitmap for every protocol, so two Services
 *   writing the same nodePort clash even when one is TCP and the other UDP:
 *   the one created second is rejected with "provided port is already
 *   allocated". The manifests do not say which is first, so both are flagged.
 * - A LoadBalancer with `allocateLoadBalancerNodePorts: false` gets only the
 *   nodePorts it writes (shouldAllocateNodePorts).
 * - Every other port gets one from the dynamic (upper) band of the range
 *   (portallocator calculateRangeOffset: min 16, max 128, step 32), starting
 *   at FNV-1a(`namespace/name:port`) and skipping every written nodePort
 *   and healthCheckNodePort of the scope; see allocate-from-range.ts.
 */
import type { ReportDiagnostic } from '../report';
import { rangeOf } from '../model/sim-object';
import {
  allocateFromRange,
  calculateRangeOffset,
  type AllocationRange,
} from './allocate-from-range';
import { makeDiagnostic } from './make-diagnostic';
import {
  SERVICE_ALLOCATION_FAILED,
  SERVICE_NODE_PORT_CONFLICT,
  SERVICE_NODE_PORT_OUT_OF_RANGE,
} from './networking-codes';
import type { ServicePortView, ServiceView } from './service-view';

const DEFAULT_RANGE = { base: 30000, max: 32767 };

/** A port's nodePort and whether the simulator picked it. */
export interface NodePortAssignment {
  nodePort: number;
  assigned: boolean;
}

/** Parses `30000-32767`; the default range when it does not parse. */
export function parseNodePortRange(text: string): { base: number; max: number } {
  const match = /^(\d{1,5})-(\d{1,5})$/.exec(text.trim());
  if (!match) return DEFAULT_RANGE;
  const base = Number(match[1]);
  const max = Number(match[2]);
  return base <= max && max <= 65535 ? { base, max } : DEFAULT_RANGE;
}

/** The node port range as an allocation range with its static band. */
export function nodePortAllocationRange(range: { base: number; max: number }): AllocationRange {
  const size = range.max - range.base + 1;
  return {
    first: range.base,
    size,
    rangeOffset: calculateRangeOffset(size, { min: 16, max: 128, step: 32 }),
  };
}

function usesNodePorts(view: ServiceView): boolean {
  return view.type === 'NodePort' || view.type === 'LoadBalancer';
}

/** Gives every port of the NodePort and LoadBalancer Services its nodePort; `views` sorted. */
export function assignNodePorts(
  views: readonly ServiceView[],
  nodePortRange: string,
): {
  nodePorts: Map<ServiceView, Map<number, NodePortAssignment>>;
  diagnostics: ReportDiagnostic[];
} {
  const bounds = parseNodePortRange(nodePortRange);
  const range = nodePortAllocationRange(bounds);
  const customRange = bounds.base !== DEFAULT_RANGE.base || bounds.max !== DEFAULT_RANGE.max;
  const diagnostics: ReportDiagnostic[] = [];
  const nodePorts = new Map<ServiceView, Map<number, NodePortAssignment>>();
  const taken = new Set<number>();
  const users = new Map<number, { view: ServiceView; port: ServicePortView }[]>();

  for (const view of views) {
    if (view.healthCheckNodePort !== undefined) taken.add(view.healthCheckNodePort);
    if (!usesNodePorts(view)) continue;
    for (const port of view.ports) {
      if (port.nodePort === undefined) continue;
      taken.add(port.nodePort);
      const path = ['spec', 'ports', port.index, 'nodePort'];
      if (customRange && (port.nodePort < bounds.base || port.nodePort > bounds.max)) {
        // The default range is checked by the service-node-port-range rule.
        diagnostics.push(
          makeDiagnostic(
            SERVICE_NODE_PORT_OUT_OF_RANGE,
            view.object,
            rangeOf(view.object, path, 'value'),
            `Service ${view.key} asks for nodePort ${port.nodePort}, outside the cluster's node port range ${bounds.base}-${bounds.max}; the API server rejects it: "provided port is not in the valid range".`,
          ),
        );
      }
      const list = users.get(port.nodePort) ?? [];
      list.push({ view, port });
      users.set(port.nodePort, list);
    }
  }
  for (const [nodePort, list] of users) {
    for (const { view, port } of list) {
      const other = list.find((entry) => entry.view.key !== view.key);
      if (!other) continue;
      diagnostics.push(
        makeDiagnostic(
          SERVICE_NODE_PORT_CONFLICT,
          view.object,
          rangeOf(view.object, ['spec', 'ports', port.index, 'nodePort'], 'value'),
          `Service ${view.key} asks for nodePort ${nodePort} (${port.protocol}), which Service ${other.view.key} also asks for (${other.port.protocol}); one node port range serves every protocol, so the API server gives it to the one created first and rejects the other: "provided port is already allocated".`,
        ),
      );
    }
  }

  for (const view of views) {
    if (!usesNodePorts(view)) continue;
    const byIndex = new Map<number, NodePortAssignment>();
    const byServicePort = new Map<number, NodePortAssignment>();
    for (const port of view.ports) {
      if (port.nodePort !== undefined) {
        const written = { nodePort: port.nodePort, assigned: false };
        byIndex.set(port.index, written);
        if (!byServicePort.has(port.port)) byServicePort.set(port.port, written);
        continue;
      }
      let assignment = byServicePort.get(port.port);
      if (!assignment) {
        const requested = view.ports.find((p) => p.port === port.port && p.nodePort !== undefined);
        if (requested?.nodePort !== undefined) {
          assignment = { nodePort: requested.nodePort, assigned: false };
        } else if (view.allocateNodePorts) {
          const seed = `${view.key}:${port.port}`;
          const picked = allocateFromRange(range, seed, (candidate) => !taken.has(candidate));
          if (picked === undefined) {
            diagnostics.push(
              makeDiagnostic(
                SERVICE_ALLOCATION_FAILED,
                view.object,
                rangeOf(view.object, ['spec', 'ports', port.index], 'key'),
                `Service ${view.key} gets no nodePort for port ${port.port}: every port of the node port range ${bounds.base}-${bounds.max} is taken ("failed to allocate a nodePort: range is full").`,
              ),
            );
            continue;
          }
          taken.add(picked);
          assignment = { nodePort: picked, assigned: true };
        } else {
          continue;
        }
        byServicePort.set(port.port, assignment);
      }
      byIndex.set(port.index, assignment);
    }
    nodePorts.set(view, byIndex);
  }
  return { nodePorts, diagnostics };
}
