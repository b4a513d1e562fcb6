// pkg/apis/batch/validation validateTimeZone: a timeZone is a non-empty IANA
// name (parts of letters, digits, '.', '-', '_', '+', at most 14 each), not
// "Local", and known to the time-zone database.
import type { CodeInfo } from '../../diagnostics/code-info';
import { getAt, type JsonPath } from '../../model/json';
import { checkTimeZone } from '../../validation/cron-schedule';
import type { Rule } from '../rule';
import { invalidMessage } from './support/field-errors';

export const CRONJOB_TIME_ZONE_INVALID: CodeInfo = {
  code: 'cronjob-time-zone-invalid',
  category: 'api-server',
  severity: 'error',
  title: 'The CronJob timeZone is not an IANA time zone name (such as Europe/Paris or Etc/UTC).',
  example: 'timeZone: Paris',
};

export const cronjobTimeZoneInvalid: Rule = {
  codes: [CRONJOB_TIME_ZONE_INVALID],
  kinds: ['batch/CronJob'],
  check(context) {
    const path: JsonPath = ['spec', 'timeZone'];
    const timeZone = getAt(context.manifest.body, path);
    if (typeof timeZone !== 'string') return;
    const problem = checkTimeZone(timeZone);
    if (!problem) return;
    context.report({
      code: CRONJOB_TIME_ZONE_INVALID,
      path,
      target: 'value',
      message: `${invalidMessage(path, timeZone, problem)} (use an IANA name such as Europe/Paris, America/New_York or Etc/UTC)`,
    });
  },
};
