// pkg/apis/apps/validation ValidateDeploymentSpec: progressDeadlineSeconds
// (default 600, pkg/apis/apps/v1 SetDefaults_Deployment) must be greater
// than minReadySeconds.
import type { CodeInfo } from '../../diagnostics/code-info';
import { getAt } from '../../model/json';
import type { Rule } from '../rule';
import { invalidMessage } from './support/field-errors';

export const DEPLOYMENT_PROGRESS_DEADLINE_INVALID: CodeInfo = {
  code: 'deployment-progress-deadline-invalid',
  category: 'api-server',
  severity: 'error',
  title: 'progressDeadlineSeconds (600 by default) is not greater than minReadySeconds.',
  example: 'minReadySeconds: 900\n# progressDeadlineSeconds defaults to 600',
};

const DEFAULT_PROGRESS_DEADLINE = 600;

export const deploymentProgressDeadlineInvalid: Rule = {
  codes: [DEPLOYMENT_PROGRESS_DEADLINE_INVALID],
  kinds: ['apps/Deployment'],
  check(context) {
    const body = context.manifest.body;
    const minReady = getAt(body, ['spec', 'minReadySeconds']) ?? 0;
    const progress = getAt(body, ['spec', 'progressDeadlineSeconds']);
    if (
      typeof minReady !== 'number' ||
      (progress !== undefined && progress !== null && typeof progress !== 'number')
    )
      return;
    const deadline = typeof progress === 'number' ? progress : DEFAULT_PROGRESS_DEADLINE;
    if (deadline < 0 || deadline > minReady) return; // a negative deadline is workload-field-negative
    const path = ['spec', 'progressDeadlineSeconds'];
    const explicit = typeof progress === 'number';
    context.report({
      code: DEPLOYMENT_PROGRESS_DEADLINE_INVALID,
      path: explicit ? path : ['spec', 'minReadySeconds'],
      target: 'value',
      message: `${invalidMessage(path, deadline, 'must be greater than minReadySeconds')} (minReadySeconds is ${minReady}${explicit ? '' : '; progressDeadlineSeconds defaults to 600'})`,
    });
  },
};
