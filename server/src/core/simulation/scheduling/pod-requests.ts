/**
 * What a pod asks of a node: its CPU (millicores) and memory (bytes) requests
 * as kube-scheduler computes them (`resourcehelper.PodRequests`,
 * staging/src/k8s.io/component-helpers/resource/helpers.go), after the API
 * server's defaulting.
 */
import { getAt, isJsonObject } from '../../model/json';
import { parseQuantity } from '../../quantity/parse-quantity';
import { memoByValue } from '../model/memo';

/** CPU in millicores and memory in bytes. */
export interface Resources {
  milliCpu: number;
  memory: number;
}

/** kube-scheduler's stand-ins for a container without requests (pkg/scheduler/util `DefaultMilliCPURequest`, `DefaultMemoryRequest`). */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

interface PartialResources {
  milliCpu?: number;
  memory?: number;
}

/** `Quantity.MilliValue()` (rounded up) for CPU, `Value()` (rounded up) for memory. */
function readResources(list: unknown): PartialResources {
  const out: PartialResources = {};
  if (!isJsonObject(list)) return out;
  const cpu = parseQuantity(list.cpu);
  if (cpu) out.milliCpu = Math.max(0, Math.ceil(cpu.value * 1000 - 1e-9));
  const memory = parseQuantity(list.memory);
  if (memory) out.memory = Math.max(0, Math.ceil(memory.value - 1e-9));
  return out;
}

/**
 * A container's requests after `SetDefaults_Pod` (pkg/apis/core/v1/defaults.go):
 * a resource with a limit but no request requests its limit.
 */
export function containerRequests(container: unknown): PartialResources {
  const requests = readResources(getAt(container, ['resources', 'requests']));
  const limits = readResources(getAt(container, ['resources', 'limits']));
  return {
    ...(requests.milliCpu !== undefined || limits.milliCpu !== undefined
      ? { milliCpu: requests.milliCpu ?? limits.milliCpu }
      : {}),
    ...(requests.memory !== undefined || limits.memory !== undefined
      ? { memory: requests.memory ?? limits.memory }
      : {}),
  };
}

function containers(spec: unknown, field: 'containers' | 'initContainers'): unknown[] {
  const list = getAt(spec, [field]);
  return Array.isArray(list) ? list.filter(isJsonObject) : [];
}

/**
 * The pod's requests, `PodRequests`: the app containers' sum, and each init
 * container in turn with the sidecars (`restartPolicy: Always`) started before
 * it, taking the larger (KEP-753's formula); then pod-level `spec.resources`
 * requests (PodLevelResources, beta and on since 1.34) replace the aggregate.
 * With `nonZero`, a container missing a CPU or memory request counts 100m /
 * 200Mi, as the scheduler's scoring does (`NonMissingContainerRequests`).
 */
export function podRequests(spec: unknown, nonZero = false): Resources {
  return nonZero ? nonZeroRequestsOf(spec) : requestsOf(spec);
}

// podRequests by spec: the scheduler asks for every pod on every node.
const requestsOf = memoByValue((spec) => Object.freeze(computePodRequests(spec, false)));
const nonZeroRequestsOf = memoByValue((spec) => Object.freeze(computePodRequests(spec, true)));

function computePodRequests(spec: unknown, nonZero: boolean): Resources {
  const podLevel = readResources(getAt(spec, ['resources', 'requests']));
  const podLevelSet = podLevel.milliCpu !== undefined || podLevel.memory !== undefined;
  const effective = (container: unknown): Resources => {
    const requests = containerRequests(container);
    const fill = nonZero && !podLevelSet;
    return {
      milliCpu: requests.milliCpu ?? (fill ? DEFAULT_MILLI_CPU_REQUEST : 0),
      memory: requests.memory ?? (fill ? DEFAULT_MEMORY_REQUEST : 0),
    };
  };
  const total: Resources = { milliCpu: 0, memory: 0 };
  for (const container of containers(spec, 'containers')) {
    const r = effective(container);
    total.milliCpu += r.milliCpu;
    total.memory += r.memory;
  }
  const sidecars: Resources = { milliCpu: 0, memory: 0 };
  const initPeak: Resources = { milliCpu: 0, memory: 0 };
  for (const container of containers(spec, 'initContainers')) {
    const r = effective(container);
    let phase: Resources;
    if (getAt(container, ['restartPolicy']) === 'Always') {
      total.milliCpu += r.milliCpu;
      total.memory += r.memory;
      sidecars.milliCpu += r.milliCpu;
      sidecars.memory += r.memory;
      phase = { ...sidecars };
    } else {
      phase = { milliCpu: r.milliCpu + sidecars.milliCpu, memory: r.memory + sidecars.memory };
    }
    initPeak.milliCpu = Math.max(initPeak.milliCpu, phase.milliCpu);
    initPeak.memory = Math.max(initPeak.memory, phase.memory);
  }
  const result: Resources = {
    milliCpu: Math.max(total.milliCpu, initPeak.milliCpu),
    memory: Math.max(total.memory, initPeak.memory),
  };
  if (podLevel.milliCpu !== undefined) result.milliCpu = podLevel.milliCpu;
  if (podLevel.memory !== undefined) result.memory = podLevel.memory;
  if (nonZero && podLevelSet) {
    // getNonMissingContainerRequests with pod-level resources: only what neither level sets.
    if (podLevel.milliCpu === undefined && result.milliCpu === 0)
      result.milliCpu = DEFAULT_MILLI_CPU_REQUEST;
    if (podLevel.memory === undefined && result.memory === 0)
      result.memory = DEFAULT_MEMORY_REQUEST;
  }
  return result;
}

/** A node's allocatable CPU (millicores), memory (bytes) and pod count. */
export function readAllocatable(allocatable: {
  cpu: string;
  memory: string;
  pods: string;
}): Resources & {
  pods: number;
} {
  const parsed = readResources({ cpu: allocatable.cpu, memory: allocatable.memory });
  const pods = parseQuantity(allocatable.pods);
  return {
    milliCpu: parsed.milliCpu ?? 0,
    memory: parsed.memory ?? 0,
    pods: pods ? Math.floor(pods.value) : 0,
  };
}
