// pkg/apis/batch/validation validateScheduleFormat: the schedule parses as
// a standard cron expression (robfig/cron/v3 ParseStandard: five fields or a
// descriptor such as @hourly or @every 1h30m), and on create it may not
// contain TZ or CRON_TZ ("use timeZone field instead").
import type { CodeInfo } from '../../diagnostics/code-info';
import type { JsonPath } from '../../model/json';
import { checkCronSchedule } from '../../validation/cron-schedule';
import type { Rule } from '../rule';
import { invalidMessage } from './support/field-errors';

export const CRONJOB_SCHEDULE_INVALID: CodeInfo = {
  code: 'cronjob-schedule-invalid',
  category: 'api-server',
  severity: 'error',
  title:
    'The CronJob schedule is not a valid cron expression (five fields, or @hourly, @daily, @every 1h, …).',
  example: 'schedule: "*/5 * * *"',
};

export const CRONJOB_SCHEDULE_TIME_ZONE_FORBIDDEN: CodeInfo = {
  code: 'cronjob-schedule-time-zone-forbidden',
  category: 'api-server',
  severity: 'error',
  title: 'The CronJob schedule contains TZ= or CRON_TZ=; use spec.timeZone instead.',
  example: 'schedule: "TZ=Europe/Paris 0 3 * * *"',
};

/** A short hint for the common mistakes. */
function hintFor(error: string): string {
  if (error.startsWith('expected exactly') || error.startsWith('unrecognized descriptor')) {
    return ' (write five fields: minute hour day-of-month month day-of-week, e.g. "*/5 * * * *", or a descriptor: @hourly, @daily, @weekly, @monthly, @yearly, @every 1h30m)';
  }
  if (error.includes('above maximum (6)'))
    return ' (day-of-week is 0-6 or sun-sat; Sunday is 0, not 7)';
  return '';
}

export const cronjobScheduleInvalid: Rule = {
  codes: [CRONJOB_SCHEDULE_INVALID, CRONJOB_SCHEDULE_TIME_ZONE_FORBIDDEN],
  kinds: ['batch/CronJob'],
  check(context) {
    const spec = context.manifest.body.spec;
    if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) return;
    const schedule = spec.schedule;
    if (typeof schedule !== 'string') return;
    const path: JsonPath = ['spec', 'schedule'];
    if (schedule.length === 0) {
      context.report({
        code: CRONJOB_SCHEDULE_INVALID,
        path,
        target: 'value',
        message: 'spec.schedule: Required value',
      });
      return;
    }
    const error = checkCronSchedule(schedule);
    if (error) {
      context.report({
        code: CRONJOB_SCHEDULE_INVALID,
        path,
        target: 'value',
        message: invalidMessage(path, schedule, error) + hintFor(error),
      });
    }
    if (schedule.includes('TZ')) {
      context.report({
        code: CRONJOB_SCHEDULE_TIME_ZONE_FORBIDDEN,
        path,
        target: 'value',
        message: invalidMessage(
          path,
          schedule,
          'cannot use TZ or CRON_TZ in schedule, use timeZone field instead',
        ),
      });
    }
  },
};
