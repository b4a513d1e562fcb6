import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { ClusterTaint } from '../../../../server/src/core/simulation/report';
import {
  findUntoleratedTaint,
  toleratesTaint,
  type Toleration,
} from '../../../../server/src/core/simulation/scheduling/tolerations';

const tol = (fields: Partial<Toleration>): Toleration => ({
  key: '',
  operator: '',
  value: '',
  effect: '',
  ...fields,
});

const gpu: ClusterTaint = { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' };
const cp: ClusterTaint = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' };

// The rules of Toleration.ToleratesTaint (k8s.io/component-helpers/scheduling/corev1/helpers.go)
// and the taint-and-toleration concept page.
const table: [string, Toleration, ClusterTaint, boolean][] = [
  [
    'Equal with the same key, value and effect',
    tol({ key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' }),
    gpu,
    true,
  ],
  [
    'an empty operator means Equal',
    tol({ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }),
    gpu,
    true,
  ],
  [
    'Equal with another value',
    tol({ key: 'dedicated', operator: 'Equal', value: 'db', effect: 'NoSchedule' }),
    gpu,
    false,
  ],
  [
    'Exists matches any value',
    tol({ key: 'dedicated', operator: 'Exists', effect: 'NoSchedule' }),
    gpu,
    true,
  ],
  [
    'an empty effect matches every effect',
    tol({ key: 'dedicated', operator: 'Exists' }),
    { ...gpu, effect: 'NoExecute' },
    true,
  ],
  [
    'another effect does not match',
    tol({ key: 'dedicated', operator: 'Exists', effect: 'NoExecute' }),
    gpu,
    false,
  ],
  ['an empty key with Exists matches every taint', tol({ operator: 'Exists' }), cp, true],
  [
    'an empty key with Exists and an effect matches that effect only',
    tol({ operator: 'Exists', effect: 'NoExecute' }),
    cp,
    false,
  ],
  [
    'another key does not match',
    tol({ key: 'node-role.kubernetes.io/master', operator: 'Exists', effect: 'NoSchedule' }),
    cp,
    false,
  ],
  [
    'a taint without value equals an empty toleration value',
    tol({ key: 'node-role.kubernetes.io/control-plane', operator: 'Equal', effect: 'NoSchedule' }),
    cp,
    true,
  ],
  [
    'Gt needs the alpha TaintTolerationComparisonOperators gate: no match',
    tol({ key: 'dedicated', operator: 'Gt', value: '1' }),
    { key: 'dedicated', value: '5', effect: 'NoSchedule' },
    false,
  ],
];

describe('toleratesTaint (component-helpers scheduling/corev1 ToleratesTaint)', () => {
  for (const [name, toleration, taint, expected] of table) {
    it(name, () => assert.equal(toleratesTaint(toleration, taint), expected));
  }

  it('finds the first NoSchedule/NoExecute taint no toleration tolerates; PreferNoSchedule never blocks', () => {
    const taints: ClusterTaint[] = [{ key: 'soft', effect: 'PreferNoSchedule' }, cp, gpu];
    assert.deepEqual(findUntoleratedTaint(taints, []), cp);
    assert.deepEqual(findUntoleratedTaint(taints, [tol({ key: cp.key, operator: 'Exists' })]), gpu);
    assert.equal(
      findUntoleratedTaint(taints, [
        tol({ key: cp.key, operator: 'Exists' }),
        tol({ key: 'dedicated', operator: 'Exists' }),
      ]),
      undefined,
    );
  });
});
