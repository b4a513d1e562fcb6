import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { JsonObject } from '../../../../server/src/core/model/json';
import { podRequests } from '../../../../server/src/core/simulation/scheduling/pod-requests';

const Mi = 1024 * 1024;
const container = (resources: JsonObject, extra: JsonObject = {}): JsonObject => ({
  name: 'c',
  image: 'busybox',
  resources,
  ...extra,
});

describe('podRequests (component-helpers/resource PodRequests after SetDefaults_Pod)', () => {
  it('a container with limits only requests its limits (pkg/apis/core/v1/defaults.go SetDefaults_Pod)', () => {
    const spec = { containers: [container({ limits: { cpu: '1', memory: '512Mi' } })] };
    assert.deepEqual(podRequests(spec), { milliCpu: 1000, memory: 512 * Mi });
  });

  it('a request written wins over its limit, per resource', () => {
    const spec = {
      containers: [container({ requests: { cpu: '250m' }, limits: { cpu: '1', memory: '1Gi' } })],
    };
    assert.deepEqual(podRequests(spec), { milliCpu: 250, memory: 1024 * Mi });
  });

  it('sums the containers and takes the larger of that and the biggest init container', () => {
    // The example of noderesources/fit.go computePodResourceRequest: init 2/1G and 2/3G,
    // containers 2/1G and 1/1G → CPU 3, memory 3G.
    const G = 1e9;
    const spec = {
      initContainers: [
        container({ requests: { cpu: '2', memory: '1G' } }),
        container({ requests: { cpu: '2', memory: '3G' } }),
      ],
      containers: [
        container({ requests: { cpu: '2', memory: '1G' } }),
        container({ requests: { cpu: '1', memory: '1G' } }),
      ],
    };
    assert.deepEqual(podRequests(spec), { milliCpu: 3000, memory: 3 * G });
  });

  it('adds sidecar init containers (restartPolicy: Always) to the total (KEP-753)', () => {
    const spec = {
      initContainers: [
        container({ requests: { cpu: '100m', memory: '64Mi' } }, { restartPolicy: 'Always' }),
        container({ requests: { cpu: '1', memory: '64Mi' } }),
      ],
      containers: [container({ requests: { cpu: '200m', memory: '128Mi' } })],
    };
    // app 200m + sidecar 100m = 300m; the second init runs with the sidecar: 1100m.
    assert.deepEqual(podRequests(spec), { milliCpu: 1100, memory: 192 * Mi });
  });

  it('counts 100m / 200Mi for containers without requests when scoring (NonMissingContainerRequests)', () => {
    const spec = { containers: [container({}), container({ requests: { cpu: '50m' } })] };
    assert.deepEqual(podRequests(spec), { milliCpu: 50, memory: 0 });
    assert.deepEqual(podRequests(spec, true), { milliCpu: 150, memory: 400 * Mi });
  });

  it('uses pod-level requests when set (PodLevelResources)', () => {
    const spec = {
      resources: { requests: { cpu: '2' } },
      containers: [container({ requests: { cpu: '100m', memory: '64Mi' } })],
    };
    assert.deepEqual(podRequests(spec), { milliCpu: 2000, memory: 64 * Mi });
  });
});
