// ValidateNonnegativeField as the workload validators call it:
// pkg/apis/apps/validation (replicas, minReadySeconds, revisionHistoryLimit,
// progressDeadlineSeconds, StatefulSet ordinals.start and rollingUpdate.partition,
// DaemonSet templateGeneration), pkg/apis/core/validation
// ValidateReplicationControllerSpec, and pkg/apis/batch/validation
// (parallelism, completions, activeDeadlineSeconds, backoffLimit,
// ttlSecondsAfterFinished, backoffLimitPerIndex, maxFailedIndexes;
// startingDeadlineSeconds and the CronJob history limits).
import type { CodeInfo } from '../../diagnostics/code-info';
import { getAt, type JsonPath } from '../../model/json';
import type { Rule } from '../rule';
import { invalidMessage } from './support/field-errors';

export const WORKLOAD_FIELD_NEGATIVE: CodeInfo = {
  code: 'workload-field-negative',
  category: 'api-server',
  severity: 'error',
  title:
    'A count or duration of a workload (replicas, backoffLimit, minReadySeconds, …) is negative.',
  example: 'spec:\n  replicas: -1',
};

const JOB_FIELDS = [
  'parallelism',
  'completions',
  'activeDeadlineSeconds',
  'backoffLimit',
  'ttlSecondsAfterFinished',
  'backoffLimitPerIndex',
  'maxFailedIndexes',
];

/** `group/Kind` → paths of fields that must not be negative. */
const FIELDS: Record<string, readonly JsonPath[]> = {
  'apps/Deployment': [
    ['spec', 'replicas'],
    ['spec', 'minReadySeconds'],
    ['spec', 'revisionHistoryLimit'],
    ['spec', 'progressDeadlineSeconds'],
  ],
  'apps/ReplicaSet': [
    ['spec', 'replicas'],
    ['spec', 'minReadySeconds'],
  ],
  '/ReplicationController': [
    ['spec', 'replicas'],
    ['spec', 'minReadySeconds'],
  ],
  'apps/StatefulSet': [
    ['spec', 'replicas'],
    ['spec', 'minReadySeconds'],
    ['spec', 'ordinals', 'start'],
    ['spec', 'updateStrategy', 'rollingUpdate', 'partition'],
  ],
  'apps/DaemonSet': [
    ['spec', 'minReadySeconds'],
    ['spec', 'revisionHistoryLimit'],
    ['spec', 'templateGeneration'],
  ],
  'batch/Job': JOB_FIELDS.map((field) => ['spec', field]),
  'batch/CronJob': [
    ['spec', 'startingDeadlineSeconds'],
    ['spec', 'successfulJobsHistoryLimit'],
    ['spec', 'failedJobsHistoryLimit'],
    ...JOB_FIELDS.map((field) => ['spec', 'jobTemplate', 'spec', field]),
  ],
};

export const workloadFieldNegative: Rule = {
  codes: [WORKLOAD_FIELD_NEGATIVE],
  kinds: Object.keys(FIELDS),
  check(context) {
    const { manifest } = context;
    const paths = FIELDS[manifest.groupKind] ?? [];
    for (const path of paths) {
      const value = getAt(manifest.body, path);
      if (typeof value !== 'number' || value >= 0) continue;
      context.report({
        code: WORKLOAD_FIELD_NEGATIVE,
        path,
        target: 'value',
        message: invalidMessage(path, value, 'must be greater than or equal to 0'),
      });
    }
  },
};
