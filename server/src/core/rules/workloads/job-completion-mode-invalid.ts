// pkg/apis/batch/validation validateJobSpec: completionMode Indexed needs
// completions (and parallelism ≤ 100000, maxFailedIndexes ≤ completions);
// backoffLimitPerIndex, maxFailedIndexes and successPolicy need Indexed; and
// maxFailedIndexes needs backoffLimitPerIndex.
import type { CodeInfo } from '../../diagnostics/code-info';
import type { JsonPath } from '../../model/json';
import type { Rule } from '../rule';
import { invalidMessage, requiredMessage } from './support/field-errors';
import { jobSpecOf } from './support/job-spec';

export const JOB_COMPLETION_MODE_INVALID: CodeInfo = {
  code: 'job-completion-mode-invalid',
  category: 'api-server',
  severity: 'error',
  title: 'Job fields that need completionMode Indexed, or an Indexed Job without completions.',
  example: 'completionMode: Indexed\n# no completions',
};

const MAX_INDEXED_PARALLELISM = 100000;

export const jobCompletionModeInvalid: Rule = {
  codes: [JOB_COMPLETION_MODE_INVALID],
  kinds: ['batch/Job', 'batch/CronJob'],
  check(context) {
    const job = jobSpecOf(context.manifest);
    if (!job) return;
    const { spec, path } = job;
    const report = (at: JsonPath, message: string, target: 'key' | 'value' = 'key'): void =>
      context.report({ code: JOB_COMPLETION_MODE_INVALID, path: at, message, target });
    const at = (key: string): JsonPath => [...path, key];
    const set = (key: string): boolean => spec[key] !== undefined && spec[key] !== null;
    const indexed = spec.completionMode === 'Indexed';
    const { completions, parallelism, maxFailedIndexes, backoffLimitPerIndex } = spec;
    if (indexed) {
      if (!set('completions')) {
        report(
          at('completionMode'),
          requiredMessage(at('completions'), 'when completion mode is Indexed'),
        );
      }
      if (typeof parallelism === 'number' && parallelism > MAX_INDEXED_PARALLELISM) {
        report(
          at('parallelism'),
          invalidMessage(
            at('parallelism'),
            parallelism,
            `must be less than or equal to ${MAX_INDEXED_PARALLELISM} when completion mode is Indexed`,
          ),
          'value',
        );
      }
      if (
        typeof completions === 'number' &&
        typeof maxFailedIndexes === 'number' &&
        maxFailedIndexes > completions
      ) {
        report(
          at('maxFailedIndexes'),
          invalidMessage(
            at('maxFailedIndexes'),
            maxFailedIndexes,
            'must be less than or equal to completions',
          ),
          'value',
        );
      }
    } else if (
      spec.completionMode === undefined ||
      spec.completionMode === null ||
      spec.completionMode === 'NonIndexed'
    ) {
      for (const key of ['backoffLimitPerIndex', 'maxFailedIndexes']) {
        const value = spec[key];
        if (typeof value !== 'number') continue;
        report(
          at(key),
          `${invalidMessage(at(key), value, 'requires indexed completion mode')} (set completionMode: Indexed)`,
        );
      }
      if (set('successPolicy')) {
        report(
          at('successPolicy'),
          `${invalidMessage(at('successPolicy'), spec.successPolicy, 'requires indexed completion mode')} (set completionMode: Indexed)`,
        );
      }
    }
    if (
      typeof maxFailedIndexes === 'number' &&
      (backoffLimitPerIndex === undefined || backoffLimitPerIndex === null)
    ) {
      report(
        at('maxFailedIndexes'),
        requiredMessage(at('backoffLimitPerIndex'), 'when maxFailedIndexes is specified'),
      );
    }
  },
};
