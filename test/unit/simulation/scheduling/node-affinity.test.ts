import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { JsonObject } from '../../../../server/src/core/model/json';
import type { ClusterNode } from '../../../../server/src/core/simulation/report';
import {
  matchesRequiredNodeAffinity,
  preferredAffinityScore,
  preFilterNodeNames,
} from '../../../../server/src/core/simulation/scheduling/node-affinity';

const node: ClusterNode = {
  name: 'worker-1',
  ip: '172.18.0.3',
  podCIDR: '10.244.1.0/24',
  labels: { 'kubernetes.io/hostname': 'worker-1', disktype: 'ssd', cores: '8' },
  taints: [],
  allocatable: { cpu: '4', memory: '8Gi', pods: '110' },
};

const requiring = (...terms: JsonObject[]): JsonObject => ({
  affinity: {
    nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } },
  },
});
const expr = (key: string, operator: string, values?: string[]): JsonObject =>
  values === undefined ? { key, operator } : { key, operator, values };

// labels.Requirement.Matches (apimachinery/pkg/labels/selector.go) through
// nodeaffinity.NodeSelector (component-helpers/scheduling/corev1/nodeaffinity).
const table: [string, JsonObject, boolean][] = [
  [
    'In with the label value',
    requiring({ matchExpressions: [expr('disktype', 'In', ['ssd', 'nvme'])] }),
    true,
  ],
  ['In without it', requiring({ matchExpressions: [expr('disktype', 'In', ['hdd'])] }), false],
  [
    'NotIn with another value',
    requiring({ matchExpressions: [expr('disktype', 'NotIn', ['hdd'])] }),
    true,
  ],
  [
    'NotIn matches a missing label',
    requiring({ matchExpressions: [expr('zone', 'NotIn', ['a'])] }),
    true,
  ],
  ['Exists', requiring({ matchExpressions: [expr('disktype', 'Exists')] }), true],
  [
    'DoesNotExist on a present label',
    requiring({ matchExpressions: [expr('disktype', 'DoesNotExist')] }),
    false,
  ],
  [
    'DoesNotExist on a missing label',
    requiring({ matchExpressions: [expr('gpu', 'DoesNotExist')] }),
    true,
  ],
  [
    'Gt compares integers: 8 > 4',
    requiring({ matchExpressions: [expr('cores', 'Gt', ['4'])] }),
    true,
  ],
  ['Gt: 8 > 8 is false', requiring({ matchExpressions: [expr('cores', 'Gt', ['8'])] }), false],
  ['Lt: 8 < 16', requiring({ matchExpressions: [expr('cores', 'Lt', ['16'])] }), true],
  [
    'Gt on a non-integer label value fails',
    requiring({ matchExpressions: [expr('disktype', 'Gt', ['1'])] }),
    false,
  ],
  [
    'Gt with two values is malformed: the term fails',
    requiring({ matchExpressions: [expr('cores', 'Gt', ['1', '2'])] }),
    false,
  ],
  [
    'Gt on a missing label fails',
    requiring({ matchExpressions: [expr('memory-gb', 'Gt', ['1'])] }),
    false,
  ],
  [
    'expressions of a term are ANDed',
    requiring({ matchExpressions: [expr('disktype', 'In', ['ssd']), expr('cores', 'Lt', ['4'])] }),
    false,
  ],
  [
    'terms are ORed',
    requiring(
      { matchExpressions: [expr('disktype', 'In', ['hdd'])] },
      { matchExpressions: [expr('cores', 'Gt', ['2'])] },
    ),
    true,
  ],
  ['an empty term matches nothing', requiring({}), false],
  [
    'matchFields metadata.name In',
    requiring({ matchFields: [expr('metadata.name', 'In', ['worker-1'])] }),
    true,
  ],
  [
    'matchFields metadata.name NotIn',
    requiring({ matchFields: [expr('metadata.name', 'NotIn', ['worker-1'])] }),
    false,
  ],
  [
    'nodeSelector must match too',
    {
      ...requiring({ matchExpressions: [expr('disktype', 'Exists')] }),
      nodeSelector: { disktype: 'hdd' },
    },
    false,
  ],
  [
    'nodeSelector alone',
    { nodeSelector: { disktype: 'ssd', 'kubernetes.io/hostname': 'worker-1' } },
    true,
  ],
  ['no constraint at all', {}, true],
];

describe('matchesRequiredNodeAffinity (nodeaffinity.GetRequiredNodeAffinity(pod).Match)', () => {
  for (const [name, spec, expected] of table) {
    it(name, () => assert.equal(matchesRequiredNodeAffinity(spec, node), expected));
  }
});

describe('NodeAffinity PreFilter and Score (pkg/scheduler/framework/plugins/nodeaffinity)', () => {
  it('pins the candidate nodes when every term names metadata.name In', () => {
    assert.deepEqual(
      [
        ...(preFilterNodeNames(
          requiring({ matchFields: [expr('metadata.name', 'In', ['a', 'b'])] }),
        ) ?? []),
      ],
      ['a', 'b'],
    );
    assert.equal(
      preFilterNodeNames(requiring({ matchExpressions: [expr('disktype', 'Exists')] })),
      undefined,
    );
    assert.equal(
      preFilterNodeNames(
        requiring({
          matchFields: [expr('metadata.name', 'In', ['a']), expr('metadata.name', 'In', ['b'])],
        }),
      )?.size,
      0,
      'conflicting names: pod affinity terms conflict',
    );
  });

  it('sums the weights of the preferred terms the node matches', () => {
    const spec: JsonObject = {
      affinity: {
        nodeAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [
            { weight: 10, preference: { matchExpressions: [expr('disktype', 'In', ['ssd'])] } },
            { weight: 5, preference: { matchExpressions: [expr('cores', 'Gt', ['16'])] } },
            { weight: 1, preference: { matchExpressions: [expr('cores', 'Exists')] } },
          ],
        },
      },
    };
    assert.equal(preferredAffinityScore(spec, node), 11);
  });
});
