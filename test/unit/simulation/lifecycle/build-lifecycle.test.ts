import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { buildLifecycle } from '../../../../server/src/core/simulation/lifecycle/build-lifecycle';
import { clusterOf, loadExample, loadObjects, simulatePods } from '../workloads/sim-objects';

// The path of the seed notes ("쿠버네티스가 컨테이너를 다루는 과정": kube-apiserver → kubelet →
// CRI (runtime and image services) → containerd → containerd-shim) and of the kubelet's
// SyncPod (pkg/kubelet/kuberuntime/kuberuntime_manager.go): sandbox first, then init
// containers in order, then the containers, each pulled, created and started.
describe('buildLifecycle', () => {
  it('walks a running pod from the API server to its started containers, init containers first', () => {
    const { pods } = simulatePods(loadExample('storage/reports-pod.yaml'));
    const [pod] = pods;
    assert.ok(pod);
    assert.deepEqual(buildLifecycle(pod), [
      { step: 'apiserver', detail: 'pod reports-server stored' },
      { step: 'scheduler', detail: 'bound to worker-1' },
      { step: 'kubelet', detail: 'admitted on worker-1' },
      { step: 'cri-runtime', detail: 'RunPodSandbox' },
      { step: 'containerd', detail: 'sandbox task created' },
      {
        step: 'containerd-shim',
        detail: 'containerd-shim-runc-v2 started; pause container running',
      },
      { step: 'cri-image', detail: 'PullImage busybox:1.36' },
      { step: 'cri-runtime', detail: 'CreateContainer prepare' },
      { step: 'cri-runtime', detail: 'StartContainer prepare' },
      { step: 'cri-image', detail: 'PullImage nginx:1.27' },
      { step: 'cri-runtime', detail: 'CreateContainer web' },
      { step: 'cri-runtime', detail: 'StartContainer web' },
      { step: 'cri-image', detail: 'PullImage busybox:1.36' },
      { step: 'cri-runtime', detail: 'CreateContainer reporter' },
      { step: 'cri-runtime', detail: 'StartContainer reporter' },
    ]);
  });

  it('ends an unschedulable pod at the scheduler with its message', () => {
    const { pods } = simulatePods(
      loadObjects(`apiVersion: v1
kind: Pod
metadata: {name: huge}
spec:
  containers: [{name: a, image: busybox:1.36, resources: {requests: {cpu: "64"}}}]
`),
    );
    const [pod] = pods;
    assert.ok(pod);
    assert.deepEqual(buildLifecycle(pod), [
      { step: 'apiserver', detail: 'pod huge stored' },
      {
        step: 'scheduler',
        detail: 'no node fits',
        blocked: true,
        reason: '0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient cpu.',
      },
    ]);
  });

  it('ends at CreateContainer of the container another stage blocked (CreateContainerConfigError)', () => {
    const { pods } = simulatePods(
      loadExample('storage/reports-pod.yaml'),
      clusterOf([{ name: 'solo' }]),
    );
    const [pod] = pods;
    assert.ok(pod);
    const reason = 'CreateContainerConfigError: configmap "reports-config" not found';
    const steps = buildLifecycle({
      ...pod,
      phase: 'Pending',
      reason,
      blocked: { step: 'cri-runtime', container: 'web', reason },
    });
    // prepare (init) ran; web was pulled, then its CreateContainer failed; reporter never started.
    assert.deepEqual(steps.slice(-3), [
      { step: 'cri-runtime', detail: 'StartContainer prepare' },
      { step: 'cri-image', detail: 'PullImage nginx:1.27' },
      { step: 'cri-runtime', detail: 'CreateContainer web', blocked: true, reason },
    ]);
    assert.equal(steps.filter((step) => step.blocked).length, 1);
  });

  it('ends at RunPodSandbox when the sandbox cannot be created, and at the kubelet when it rejects the pod', () => {
    const { pods } = simulatePods(loadExample('storage/reports-pod.yaml'));
    const [pod] = pods;
    assert.ok(pod);
    const sandbox = buildLifecycle({
      ...pod,
      blocked: { step: 'cri-runtime', reason: 'no IP addresses available' },
    });
    assert.deepEqual(sandbox.at(-1), {
      step: 'cri-runtime',
      detail: 'RunPodSandbox',
      blocked: true,
      reason: 'no IP addresses available',
    });
    const rejected = simulatePods(
      loadObjects(`apiVersion: v1
kind: Pod
metadata: {name: pinned}
spec:
  nodeName: worker-1
  containers: [{name: a, image: busybox:1.36, resources: {requests: {memory: 64Gi}}}]
`),
    ).pods[0];
    assert.ok(rejected);
    const steps = buildLifecycle(rejected);
    assert.deepEqual(
      steps.map((step) => [step.step, step.detail, step.blocked ?? false]),
      [
        ['apiserver', 'pod pinned stored', false],
        ['scheduler', 'skipped: spec.nodeName binds it to worker-1', false],
        ['kubelet', 'on worker-1', true],
      ],
    );
    assert.match(
      steps[2]?.reason ?? '',
      /^OutOfmemory: Pod was rejected: Node didn't have enough resource: memory/,
    );
  });
});
