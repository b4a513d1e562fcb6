/**
 * CronJob schedules as the API server parses them: pkg/util/parsers
 * ParseCronScheduleWithPanicRecovery → github.com/robfig/cron/v3
 * ParseStandard (five fields: minute hour day-of-month month day-of-week,
 * or a descriptor: @yearly @annually @monthly @weekly @daily @midnight
 * @hourly, @every <Go duration>), and the time-zone checks of
 * pkg/apis/batch/validation validateTimeZone. Error texts are robfig's.
 */

interface Bounds {
  min: number;
  max: number;
  names?: Record<string, number>;
}

const MINUTES: Bounds = { min: 0, max: 59 };
const HOURS: Bounds = { min: 0, max: 23 };
const DAYS_OF_MONTH: Bounds = { min: 1, max: 31 };
const MONTHS: Bounds = {
  min: 1,
  max: 12,
  names: {
    jan: 1,
    feb: 2,
    mar: 3,
    apr: 4,
    may: 5,
    jun: 6,
    jul: 7,
    aug: 8,
    sep: 9,
    oct: 10,
    nov: 11,
    dec: 12,
  },
};
const DAYS_OF_WEEK: Bounds = {
  min: 0,
  max: 6,
  names: { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 },
};
const FIELD_BOUNDS = [MINUTES, HOURS, DAYS_OF_MONTH, MONTHS, DAYS_OF_WEEK];

const DESCRIPTORS = new Set([
  '@yearly',
  '@annually',
  '@monthly',
  '@weekly',
  '@daily',
  '@midnight',
  '@hourly',
]);

/** Go's strconv.Atoi, with its error text. */
function atoi(text: string): number | string {
  if (!/^[+-]?\d+$/.test(text))
    return `strconv.Atoi: parsing ${JSON.stringify(text)}: invalid syntax`;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || Math.abs(value) > 2 ** 63 - 1) {
    return `strconv.Atoi: parsing ${JSON.stringify(text)}: value out of range`;
  }
  return value;
}

function mustParseInt(expr: string): number | { error: string } {
  const parsed = atoi(expr);
  if (typeof parsed === 'string') return { error: `failed to parse int from ${expr}: ${parsed}` };
  if (parsed < 0) return { error: `negative number (${parsed}) not allowed: ${expr}` };
  return parsed;
}

function parseIntOrName(expr: string, bounds: Bounds): number | { error: string } {
  const named = bounds.names?.[expr.toLowerCase()];
  return named ?? mustParseInt(expr);
}

/** robfig getRange: `number | number "-" number [ "/" number ]`, or `*` / `?`. */
function checkRange(expr: string, bounds: Bounds): string | undefined {
  const rangeAndStep = expr.split('/');
  const lowAndHigh = (rangeAndStep[0] ?? '').split('-');
  const singleDigit = lowAndHigh.length === 1;
  let start: number;
  let end: number;
  const low = lowAndHigh[0] ?? '';
  if (low === '*' || low === '?') {
    start = bounds.min;
    end = bounds.max;
  } else {
    const first = parseIntOrName(low, bounds);
    if (typeof first !== 'number') return first.error;
    start = first;
    if (lowAndHigh.length === 1) {
      end = start;
    } else if (lowAndHigh.length === 2) {
      const second = parseIntOrName(lowAndHigh[1] ?? '', bounds);
      if (typeof second !== 'number') return second.error;
      end = second;
    } else {
      return `too many hyphens: ${expr}`;
    }
  }
  let step = 1;
  if (rangeAndStep.length === 2) {
    const parsedStep = mustParseInt(rangeAndStep[1] ?? '');
    if (typeof parsedStep !== 'number') return parsedStep.error;
    step = parsedStep;
    if (singleDigit) end = bounds.max;
  } else if (rangeAndStep.length > 2) {
    return `too many slashes: ${expr}`;
  }
  if (start < bounds.min)
    return `beginning of range (${start}) below minimum (${bounds.min}): ${expr}`;
  if (end > bounds.max) return `end of range (${end}) above maximum (${bounds.max}): ${expr}`;
  if (start > end) return `beginning of range (${start}) beyond end of range (${end}): ${expr}`;
  if (step === 0) return `step of range should be a positive number: ${expr}`;
  return undefined;
}

const DURATION_UNITS = new Set(['ns', 'us', 'µs', 'μs', 'ms', 's', 'm', 'h']);

/** Go's time.ParseDuration, returning its error text or undefined. */
export function checkGoDuration(text: string): string | undefined {
  const quoted = JSON.stringify(text);
  let rest = text;
  if (rest.startsWith('-') || rest.startsWith('+')) rest = rest.slice(1);
  if (rest === '0') return undefined;
  if (rest === '') return `time: invalid duration ${quoted}`;
  while (rest !== '') {
    const number = /^(\d*)(\.\d*)?/.exec(rest);
    const whole = number?.[1] ?? '';
    const fraction = number?.[2] ?? '';
    if (whole === '' && (fraction === '' || fraction === '.'))
      return `time: invalid duration ${quoted}`;
    rest = rest.slice(whole.length + fraction.length);
    const unit = /^[^\d.]*/.exec(rest)?.[0] ?? '';
    if (unit === '') return `time: missing unit in duration ${quoted}`;
    if (!DURATION_UNITS.has(unit))
      return `time: unknown unit ${JSON.stringify(unit)} in duration ${quoted}`;
    rest = rest.slice(unit.length);
  }
  return undefined;
}

/** Go's fmt %s of a []string: `[a b c]`. */
function formatFields(fields: readonly string[]): string {
  return `[${fields.join(' ')}]`;
}

/**
 * Parses a schedule as cron.ParseStandard does and returns its error text,
 * or undefined when the schedule parses. A `TZ=`/`CRON_TZ=` prefix is
 * skipped here (the rule reports it separately).
 */
export function checkCronSchedule(schedule: string): string | undefined {
  if (schedule.length === 0) return 'empty spec string';
  let spec = schedule;
  if (spec.startsWith('TZ=') || spec.startsWith('CRON_TZ=')) {
    const space = spec.indexOf(' ');
    // robfig slices up to the first space; without one it panics, which the API server reports.
    if (space === -1) return `Failed to parse cron schedule: ${JSON.stringify(schedule)}`;
    spec = spec.slice(space).trim();
  }
  if (spec.startsWith('@')) {
    if (DESCRIPTORS.has(spec)) return undefined;
    if (spec.startsWith('@every ')) {
      const error = checkGoDuration(spec.slice('@every '.length));
      return error ? `failed to parse duration ${spec}: ${error}` : undefined;
    }
    return `unrecognized descriptor: ${spec}`;
  }
  const fields = spec.split(/\s+/).filter((field) => field !== '');
  if (fields.length !== 5) {
    return `expected exactly 5 fields, found ${fields.length}: ${formatFields(fields)}`;
  }
  for (let i = 0; i < fields.length; i++) {
    const bounds = FIELD_BOUNDS[i];
    if (!bounds) continue;
    for (const expr of (fields[i] ?? '').split(',').filter((part) => part !== '')) {
      const error = checkRange(expr, bounds);
      if (error) return error;
    }
  }
  return undefined;
}

/** The IANA naming rules validateTimeZone applies to each `/`-separated part. */
const TIME_ZONE_PART = /^[A-Za-z.\-_0-9+]{1,14}$/;

/**
 * validateTimeZone: non-empty, IANA-style parts, not `Local`, and a zone the
 * time-zone database knows. Returns the problem, or undefined. The database
 * lookup uses the runtime's Intl data (ICU), which knows the IANA names and
 * their aliases; without Intl it is skipped.
 */
export function checkTimeZone(timeZone: string): string | undefined {
  if (timeZone.length === 0) return 'timeZone must be nil or non-empty string';
  for (const part of timeZone.split('/')) {
    if (part === '.' || part === '..' || part.startsWith('-') || !TIME_ZONE_PART.test(part)) {
      return `unknown time zone ${timeZone}`;
    }
  }
  if (timeZone.toLowerCase() === 'local') {
    return 'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones';
  }
  if (typeof Intl === 'undefined' || typeof Intl.DateTimeFormat !== 'function') return undefined;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    return `unknown time zone ${timeZone}`;
  }
  return undefined;
}
