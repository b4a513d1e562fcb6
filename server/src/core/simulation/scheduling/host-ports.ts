/**
 * Host ports a pod takes on its node, and the NodePorts filter's clash rule
 * (pkg/scheduler/framework/plugins/nodeports, `HostPortInfo.CheckConflict`).
 */
import { getAt, isJsonObject } from '../../model/json';
import { memoByValue } from '../model/memo';

/** One host port in use: address, protocol and port. */
export interface HostPortUse {
  hostIP: string;
  protocol: string;
  port: number;
}

function portsOf(container: unknown, hostNetwork: boolean): HostPortUse[] {
  const ports = getAt(container, ['ports']);
  if (!Array.isArray(ports)) return [];
  const out: HostPortUse[] = [];
  for (const port of ports) {
    if (!isJsonObject(port)) continue;
    // SetDefaults_PodSpec (pkg/apis/core/v1/defaults.go): with hostNetwork, a
    // container port without hostPort gets hostPort = containerPort.
    let hostPort = typeof port.hostPort === 'number' ? port.hostPort : 0;
    if (hostNetwork && hostPort === 0 && typeof port.containerPort === 'number') {
      hostPort = port.containerPort;
    }
    if (!Number.isInteger(hostPort) || hostPort <= 0) continue;
    out.push({
      // HostPortInfo sanitizes an empty hostIP to 0.0.0.0 and an empty protocol to TCP.
      hostIP: typeof port.hostIP === 'string' && port.hostIP !== '' ? port.hostIP : '0.0.0.0',
      protocol: typeof port.protocol === 'string' && port.protocol !== '' ? port.protocol : 'TCP',
      port: hostPort,
    });
  }
  return out;
}

/** True when the pod spec asks for the node's network namespace. */
export function usesHostNetwork(spec: unknown): boolean {
  return getAt(spec, ['hostNetwork']) === true;
}

/**
 * The host ports of the pod (`schedutil.GetHostPorts`): those of its
 * containers and of its sidecar init containers (`restartPolicy: Always`),
 * which run for the pod's whole life.
 */
export function podHostPorts(spec: unknown): readonly HostPortUse[] {
  return hostPortsOf(spec);
}

const hostPortsOf = memoByValue((spec): readonly HostPortUse[] => {
  const hostNetwork = usesHostNetwork(spec);
  const out: HostPortUse[] = [];
  const init = getAt(spec, ['initContainers']);
  if (Array.isArray(init)) {
    for (const container of init) {
      if (getAt(container, ['restartPolicy']) === 'Always')
        out.push(...portsOf(container, hostNetwork));
    }
  }
  const containers = getAt(spec, ['containers']);
  if (Array.isArray(containers)) {
    for (const container of containers) out.push(...portsOf(container, hostNetwork));
  }
  return out;
});

/**
 * `HostPortInfo.CheckConflict`: same protocol and port, and either address is
 * 0.0.0.0 or both are the same.
 */
export function portsClash(a: HostPortUse, b: HostPortUse): boolean {
  if (a.protocol !== b.protocol || a.port !== b.port) return false;
  return a.hostIP === '0.0.0.0' || b.hostIP === '0.0.0.0' || a.hostIP === b.hostIP;
}
