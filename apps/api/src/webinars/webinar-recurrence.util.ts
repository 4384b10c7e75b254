import { Frequency, RRule } from 'rrule';
import { LOCAL_DATE_TIME_PATTERN, WEBINAR_LIMITS } from '@kindred/domain';

/** The RRULE parts a series may use; the time of day always comes from the start. */
const ALLOWED_PARTS = new Set(['FREQ', 'INTERVAL', 'COUNT', 'UNTIL', 'BYDAY', 'BYMONTHDAY', 'BYMONTH', 'BYSETPOS', 'WKST', 'BYYEARDAY', 'BYWEEKNO']);
const ALLOWED_FREQUENCIES = new Map<Frequency, string>([
  [Frequency.DAILY, 'DAILY'],
  [Frequency.WEEKLY, 'WEEKLY'],
  [Frequency.MONTHLY, 'MONTHLY'],
  [Frequency.YEARLY, 'YEARLY'],
]);

export type RecurrenceResult =
  | {
      ok: true;
      /** The rule as stored: upper case, without the "RRULE:" prefix. */
      rule: string;
      /** Each occurrence's local wall-clock start, "2027-03-28T10:00", in order. */
      locals: string[];
    }
  | { ok: false; message: string };

/**
 * Expands a recurrence rule (RFC 5545 RRULE, e.g. "FREQ=MONTHLY;BYDAY=2TU;COUNT=6") from a local
 * wall-clock start. The rule runs in local ("floating") time, so every occurrence keeps the wall
 * time of the first whatever the daylight-saving offset on its date; the caller turns each into
 * UTC with the zone rules of that date. UNTIL is read as a local time too. The rule must end
 * (COUNT or UNTIL) within `max` occurrences.
 */
export function expandRecurrence(input: string, localStart: string, max: number = WEBINAR_LIMITS.seriesOccurrencesMax): RecurrenceResult {
  if (!LOCAL_DATE_TIME_PATTERN.test(localStart)) return { ok: false, message: 'The series needs a valid local start.' };
  const rule = input.trim().replace(/^RRULE:/i, '').toUpperCase();
  if (!rule || rule.length > 500 || /[\r\n]/.test(rule)) return { ok: false, message: 'Give one RRULE line, e.g. FREQ=MONTHLY;COUNT=6.' };
  const parts = rule.split(';').map((part) => part.split('='));
  for (const part of parts) {
    if (part.length !== 2 || !part[0] || !part[1]) return { ok: false, message: `"${part.join('=')}" is not a KEY=VALUE part of an RRULE.` };
    if (!ALLOWED_PARTS.has(part[0])) {
      return {
        ok: false,
        message: `${part[0]} is not allowed here: the start (startsAt, timeZone) sets the first date and the time of day; use FREQ, INTERVAL, COUNT or UNTIL and BY* day rules.`,
      };
    }
  }
  const keys = parts.map((p) => p[0]!);
  if (new Set(keys).size !== keys.length) return { ok: false, message: 'Each RRULE part may appear once.' };
  const count = parts.find((p) => p[0] === 'COUNT')?.[1];
  if (count !== undefined && !/^\d{1,4}$/.test(count)) return { ok: false, message: 'COUNT must be a whole number.' };
  const interval = parts.find((p) => p[0] === 'INTERVAL')?.[1];
  if (interval !== undefined && !/^\d{1,3}$/.test(interval)) return { ok: false, message: 'INTERVAL must be a whole number.' };

  let options: Partial<ReturnType<typeof RRule.parseString>>;
  try {
    options = RRule.parseString(rule);
  } catch (error) {
    return { ok: false, message: `Not a valid RRULE: ${(error as Error).message}.` };
  }
  if (options.freq === undefined || !ALLOWED_FREQUENCIES.has(options.freq)) {
    return { ok: false, message: 'FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY.' };
  }
  if (!options.count && !options.until) {
    return { ok: false, message: `The series must end: add COUNT (at most ${max}) or UNTIL.` };
  }
  if (options.count !== undefined && options.count !== null && (options.count < 1 || options.count > max)) {
    return { ok: false, message: `A series has at most ${max} occurrences (COUNT=${options.count}).` };
  }

  const [date, time] = localStart.split('T') as [string, string];
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  // rrule works in UTC; using UTC as "floating" local time keeps every date's wall time unchanged.
  const dtstart = new Date(Date.UTC(y, mo - 1, d, h, mi));
  let dates: Date[];
  try {
    dates = new RRule({ ...options, dtstart, tzid: null }).all((_date, i) => i <= max);
  } catch (error) {
    return { ok: false, message: `Not a valid RRULE: ${(error as Error).message}.` };
  }
  if (dates.length > max) return { ok: false, message: `A series has at most ${max} occurrences; this rule makes more.` };
  if (!dates.length) return { ok: false, message: 'This rule gives no dates from the start on.' };
  return { ok: true, rule, locals: dates.map((at) => at.toISOString().slice(0, 16)) };
}
