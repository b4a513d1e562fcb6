/**
 * The ports a pod's containers declare, and how a Service port's targetPort
 * resolves against them: pkg/api/v1/pod/util.go FindPort, which the
 * EndpointSlice controller calls for every pod and Service port.
 */
import { isJsonObject, type JsonObject } from '../../model/json';
import { memoByObject } from '../model/memo';
import type { SimPod } from '../model/sim-pod';
import type { ServicePortView } from './service-view';

/** One `containers[].ports[]` entry, protocol defaulted to TCP. */
export interface DeclaredPort {
  container: string;
  name?: string;
  containerPort: number;
  protocol: string;
}

function portsOf(container: JsonObject): DeclaredPort[] {
  if (!Array.isArray(container.ports)) return [];
  const name = typeof container.name === 'string' ? container.name : '';
  const out: DeclaredPort[] = [];
  for (const entry of container.ports) {
    if (!isJsonObject(entry)) continue;
    const containerPort = entry.containerPort;
    if (typeof containerPort !== 'number' || !Number.isInteger(containerPort)) continue;
    const port: DeclaredPort = {
      container: name,
      containerPort,
      protocol:
        typeof entry.protocol === 'string' && entry.protocol !== '' ? entry.protocol : 'TCP',
    };
    if (typeof entry.name === 'string' && entry.name !== '') port.name = entry.name;
    out.push(port);
  }
  return out;
}

/**
 * The ports FindPort looks at, in its order: the app containers', then those of
 * sidecars (init containers with `restartPolicy: Always`).
 */
export function declaredPorts(spec: JsonObject): readonly DeclaredPort[] {
  return declaredPortsOf(spec);
}

// By spec: every Service port with a named targetPort asks for each pod it selects.
const declaredPortsOf = memoByObject((spec: JsonObject): readonly DeclaredPort[] => {
  const out: DeclaredPort[] = [];
  if (Array.isArray(spec.containers)) {
    for (const container of spec.containers)
      if (isJsonObject(container)) out.push(...portsOf(container));
  }
  if (Array.isArray(spec.initContainers)) {
    for (const container of spec.initContainers) {
      if (isJsonObject(container) && container.restartPolicy === 'Always')
        out.push(...portsOf(container));
    }
  }
  return out;
});

/**
 * FindPort: a numeric targetPort is used as it is; a name is looked up among
 * the declared ports with the same name and protocol. Undefined when the pod
 * has no such port (the pod is then left out of this port's endpoints).
 */
export function findTargetPort(pod: SimPod, port: ServicePortView): number | undefined {
  if (typeof port.targetPort === 'number') return port.targetPort;
  const match = declaredPorts(pod.spec).find(
    (declared) => declared.name === port.targetPort && declared.protocol === port.protocol,
  );
  return match?.containerPort;
}
