/**
 * A pod's way from the API call to running containers, as the seed notes
 * tell it and the kubelet does it: the API server stores the pod, the
 * scheduler binds it, the kubelet admits it and, through the CRI, asks the
 * runtime for a sandbox (RunPodSandbox: containerd starts a task under a
 * containerd-shim-runc-v2 that runs the pause container), then for each init
 * container in order and each container pulls the image (CRI ImageService
 * PullImage), creates and starts it (RuntimeService CreateContainer,
 * StartContainer) — pkg/kubelet/kuberuntime/kuberuntime_manager.go `SyncPod`.
 * A pod that stops on the way ends with the step it stops at, marked blocked.
 */
import { getAt, isJsonObject } from '../../model/json';
import type { SimPod } from '../model/sim-pod';
import { memoByValue } from '../model/memo';
import type { LifecycleStep } from '../report';

interface ContainerInfo {
  name: string;
  image: string;
}

function containersOf(spec: unknown, field: 'initContainers' | 'containers'): ContainerInfo[] {
  const list = getAt(spec, [field]);
  if (!Array.isArray(list)) return [];
  return list.filter(isJsonObject).map((container) => ({
    name: typeof container.name === 'string' ? container.name : '',
    image: typeof container.image === 'string' ? container.image : '',
  }));
}

/** A step of a pod's path, with the container a per-container step is for. */
interface PathStep {
  step: LifecycleStep;
  container?: string;
}

// The steps are the same for many pods: they are made once and shared by the
// lifecycles of the report (which are read, never changed; a blocked pod's
// path is copied before its last step is marked).
const SANDBOX_STEPS: readonly PathStep[] = [
  { step: { step: 'cri-runtime', detail: 'RunPodSandbox' } },
  { step: { step: 'containerd', detail: 'sandbox task created' } },
  {
    step: {
      step: 'containerd-shim',
      detail: 'containerd-shim-runc-v2 started; pause container running',
    },
  },
];

/** The per-container steps of a pod spec: init containers in order, then containers. */
const containerSteps = memoByValue((spec): readonly PathStep[] =>
  [...containersOf(spec, 'initContainers'), ...containersOf(spec, 'containers')].flatMap(
    (container) => [
      {
        step: { step: 'cri-image', detail: `PullImage ${container.image}` },
        container: container.name,
      },
      {
        step: { step: 'cri-runtime', detail: `CreateContainer ${container.name}` },
        container: container.name,
      },
      {
        step: { step: 'cri-runtime', detail: `StartContainer ${container.name}` },
        container: container.name,
      },
    ],
  ),
);

/** The whole path of a pod that runs, step by step, with the container each per-container step is for. */
function fullPath(pod: SimPod, node: string): PathStep[] {
  const nodeName = typeof pod.spec.nodeName === 'string' && pod.spec.nodeName !== '';
  return [
    { step: { step: 'apiserver', detail: `pod ${pod.name} stored` } },
    {
      step: {
        step: 'scheduler',
        detail: nodeName ? `skipped: spec.nodeName binds it to ${node}` : `bound to ${node}`,
      },
    },
    { step: { step: 'kubelet', detail: `admitted on ${node}` } },
    ...SANDBOX_STEPS,
    ...containerSteps(pod.spec),
  ];
}

/**
 * The lifecycle of a pod (the report's `lifecycle`). An unscheduled pod ends
 * at `scheduler` with the scheduler's message; a pod other stages stopped
 * (`pod.blocked`) ends at that step — for a per-container step, that
 * container's (CreateContainer for CreateContainerConfigError, PullImage for
 * an image error), else the first step of that kind.
 */
export function buildLifecycle(pod: SimPod): LifecycleStep[] {
  const stored: LifecycleStep = { step: 'apiserver', detail: `pod ${pod.name} stored` };
  if (pod.node === null) {
    const reason = pod.blocked?.reason ?? pod.reason ?? 'the pod is not bound to a node';
    if (pod.blocked?.step === 'apiserver') return [{ ...stored, blocked: true, reason }];
    if (pod.blocked?.step === 'kubelet') {
      const named = typeof pod.spec.nodeName === 'string' ? pod.spec.nodeName : '';
      return [
        stored,
        {
          step: 'scheduler',
          detail: `skipped: spec.nodeName binds it to ${named}`,
        },
        { step: 'kubelet', detail: `no node ${named}`, blocked: true, reason },
      ];
    }
    return [stored, { step: 'scheduler', detail: 'no node fits', blocked: true, reason }];
  }
  const path = fullPath(pod, pod.node);
  const blocked = pod.blocked;
  if (!blocked) return path.map((entry) => entry.step);
  // The first step of that kind (for that container): a container's first
  // cri-runtime step is its CreateContainer, where CreateContainerConfigError stops it.
  let stopAt = path.findIndex(
    (entry) =>
      entry.step.step === blocked.step &&
      (blocked.container === undefined || entry.container === blocked.container),
  );
  if (stopAt === -1) stopAt = path.length - 1;
  const steps = path.slice(0, stopAt + 1).map((entry) => ({ ...entry.step }));
  const last = steps[steps.length - 1];
  if (last) {
    if (last.step === 'kubelet') last.detail = `on ${pod.node}`;
    last.blocked = true;
    last.reason = blocked.reason;
  }
  return steps;
}
