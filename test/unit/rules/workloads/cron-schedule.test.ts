import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import {
  checkCronSchedule,
  checkGoDuration,
  checkTimeZone,
} from '../../../../server/src/core/validation/cron-schedule';

describe('checkCronSchedule (robfig/cron/v3 ParseStandard)', () => {
  const valid = [
    '* * * * *',
    '*/5 * * * *',
    '0 0 1 1 *',
    '0 3 * * sun',
    '0 3 * * 0-6',
    '30 2 1-31/2 JAN-dec mon,wed,fri',
    '0 9-17 * * 1-5',
    '? * * * ?',
    '5/15 * * * *',
    '0 0 * * 6',
    '@hourly',
    '@daily',
    '@midnight',
    '@weekly',
    '@monthly',
    '@yearly',
    '@annually',
    '@every 1h30m',
    '@every 90s',
    '@every 1.5h',
    'TZ=UTC 0 3 * * *',
  ];
  for (const schedule of valid) {
    it(`accepts ${JSON.stringify(schedule)}`, () =>
      assert.equal(checkCronSchedule(schedule), undefined));
  }
  const invalid: [string, string][] = [
    ['*/5 * * *', 'expected exactly 5 fields, found 4: [*/5 * * *]'],
    ['0 0 * * * *', 'expected exactly 5 fields, found 6'],
    ['0 3 * * 7', 'end of range (7) above maximum (6): 7'],
    ['60 * * * *', 'end of range (60) above maximum (59): 60'],
    ['0 24 * * *', 'end of range (24) above maximum (23): 24'],
    ['0 0 0 * *', 'beginning of range (0) below minimum (1): 0'],
    ['0 0 * 13 *', 'end of range (13) above maximum (12): 13'],
    ['5-1 * * * *', 'beginning of range (5) beyond end of range (1): 5-1'],
    ['*/0 * * * *', 'step of range should be a positive number: */0'],
    ['1-2-3 * * * *', 'too many hyphens: 1-2-3'],
    ['*/2/3 * * * *', 'too many slashes: */2/3'],
    ['a * * * *', 'failed to parse int from a: strconv.Atoi: parsing "a": invalid syntax'],
    ['0 0 * * funday', 'failed to parse int from funday'],
    ['@everyday', 'unrecognized descriptor: @everyday'],
    ['@every 1d', 'failed to parse duration @every 1d: time: unknown unit "d" in duration "1d"'],
    ['', 'empty spec string'],
  ];
  for (const [schedule, error] of invalid) {
    it(`rejects ${JSON.stringify(schedule)}`, () => {
      const got = checkCronSchedule(schedule);
      assert.ok(got?.includes(error), `got ${String(got)}`);
    });
  }
});

describe('checkGoDuration (time.ParseDuration)', () => {
  it('accepts Go durations', () => {
    for (const text of ['0', '1h', '1h30m', '1.5h', '.5s', '300ms', '2h45m10s', '-1m']) {
      assert.equal(checkGoDuration(text), undefined, text);
    }
  });
  it('rejects others with Go wording', () => {
    assert.equal(checkGoDuration('1'), 'time: missing unit in duration "1"');
    assert.equal(checkGoDuration('x'), 'time: invalid duration "x"');
    assert.equal(checkGoDuration(''), 'time: invalid duration ""');
  });
});

describe('checkTimeZone (validateTimeZone)', () => {
  it('accepts IANA names', () => {
    for (const zone of [
      'Etc/UTC',
      'UTC',
      'Europe/Paris',
      'America/Argentina/Buenos_Aires',
      'Asia/Kolkata',
    ]) {
      assert.equal(checkTimeZone(zone), undefined, zone);
    }
  });
  it('rejects malformed, Local and unknown names', () => {
    assert.equal(checkTimeZone(''), 'timeZone must be nil or non-empty string');
    assert.equal(checkTimeZone('Europe/../Paris'), 'unknown time zone Europe/../Paris');
    assert.equal(
      checkTimeZone('America/A_Very_Long_City_Name'),
      'unknown time zone America/A_Very_Long_City_Name',
    );
    assert.match(checkTimeZone('Local') ?? '', /explicit time zone/);
    assert.equal(checkTimeZone('Europe/Atlantis'), 'unknown time zone Europe/Atlantis');
  });
});
