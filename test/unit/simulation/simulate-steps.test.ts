import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkText } from '../../../server/src/core/check/check-text';
import { resolveCluster } from '../../../server/src/core/simulation/cluster/resolve-cluster';
import type { SimObject } from '../../../server/src/core/simulation/model/sim-object';
import type { SimPod } from '../../../server/src/core/simulation/model/sim-pod';
import { PodIndex, selectedPods } from '../../../server/src/core/simulation/networking/select-pods';
import { readService } from '../../../server/src/core/simulation/networking/service-view';
import { simulate, simulateSteps } from '../../../server/src/core/simulation/simulate';
import { coreContext, REPO_ROOT } from '../../support/core-context';
import { yamlFiles } from '../../support/yaml-files';

function objectsOf(file: string): SimObject[] {
  const check = checkText(readFileSync(file, 'utf8'), coreContext());
  return check.manifests.map(({ manifest, lineOffset }) => ({
    manifest,
    uri: `file://${file}`,
    lineOffset,
  }));
}

const FILES = [
  ...yamlFiles(join(REPO_ROOT, 'test', 'fixtures', 'valid')),
  ...yamlFiles(join(REPO_ROOT, 'examples')),
];

describe('simulating a stage at a time', () => {
  it('yields between stages and ends with the report simulate gives', () => {
    const objects = FILES.flatMap(objectsOf);
    const steps = simulateSteps(objects, resolveCluster(undefined));
    let yields = 0;
    let step = steps.next();
    while (!step.done) {
      yields++;
      step = steps.next();
    }
    assert.ok(yields >= 5, `${yields} stages`);
    assert.deepEqual(step.value, simulate(objects, resolveCluster(undefined)));
  });

  it('selects the pods of a Service through the pod index as filtering all pods would', () => {
    const objects = FILES.flatMap(objectsOf);
    const report = simulate(objects, resolveCluster(undefined));
    assert.ok(report.pods.length > 10);
    const pods: SimPod[] = report.pods.map((pod) => ({
      name: pod.name,
      namespace: pod.namespace,
      owner: { kind: 'Pod', name: pod.name },
      labels: pod.labels,
      spec: {},
      from: objects[0]!,
      specPath: ['spec'],
      claims: [],
      node: pod.node,
      ip: pod.ip,
      phase: pod.phase,
    }));
    const index = new PodIndex(pods);
    let services = 0;
    for (const object of objects) {
      const view = readService(object);
      if (!view) continue;
      services++;
      assert.deepEqual(selectedPods(view, index), selectedPods(view, pods), view.key);
    }
    assert.ok(services > 3);
  });
});
