import { DateTime, IANAZone } from 'luxon';
import { LOCAL_DATE_TIME_PATTERN } from '@kindred/domain';

/**
 * Wall-clock times in a named zone. A WHAMinar's start is stored as the organiser's local time
 * ("2027-03-28T10:00") plus their IANA zone, and its UTC instant is always computed from those two
 * with the zone rules of the event's own date, never from the offset on the day it was scheduled:
 * that is what keeps 10:00 at 10:00 across a daylight-saving change.
 */

export const LOCAL_FORMAT = "yyyy-MM-dd'T'HH:mm";

/** A real IANA zone name ("Europe/London", "UTC"); not an offset or an abbreviation. */
export function isKnownTimeZone(zone: string): boolean {
  return typeof zone === 'string' && zone.length > 0 && zone.length <= 64 && IANAZone.isValidZone(zone);
}

export type LocalTimeResult =
  | { ok: true; at: DateTime }
  | { ok: false; reason: 'format' | 'zone' | 'nonexistent'; message: string };

/**
 * The instant of a local wall time in `zone`. A time the clocks skip (e.g. 01:30 on the morning the
 * UK moves to summer time) does not exist and is refused; a time that happens twice (01:30 on the
 * October change) is the first of the two, in summer time.
 */
export function zonedInstant(local: string, zone: string): LocalTimeResult {
  if (!isKnownTimeZone(zone)) return { ok: false, reason: 'zone', message: `Unknown time zone "${zone}": use an IANA name such as Europe/London.` };
  if (!LOCAL_DATE_TIME_PATTERN.test(local)) {
    return { ok: false, reason: 'format', message: 'Use a local date and time like 2027-03-28T10:00 (no offset; the zone is separate).' };
  }
  const wall = DateTime.fromISO(local, { zone: 'utc' });
  if (!wall.isValid) return { ok: false, reason: 'format', message: `${local} is not a real date and time.` };
  // The offsets in force a day either side; the wall time minus each is a candidate instant, valid
  // when it reads back as the same wall time. None: skipped by the clocks; two: the earlier one.
  const tz = IANAZone.create(zone);
  const offsets = new Set([tz.offset(wall.minus({ days: 1 }).toMillis()), tz.offset(wall.plus({ days: 1 }).toMillis())]);
  const valid = [...offsets]
    .map((offset) => wall.minus({ minutes: offset }).setZone(zone))
    .filter((candidate) => candidate.toFormat(LOCAL_FORMAT) === local)
    .sort((a, b) => a.toMillis() - b.toMillis());
  const at = valid[0];
  if (!at) {
    return {
      ok: false,
      reason: 'nonexistent',
      message: `${local} does not exist in ${zone}: the clocks skip it (daylight saving). Choose another time.`,
    };
  }
  return { ok: true, at };
}

/**
 * Like `zonedInstant` but never refuses a skipped time: it moves forward by the gap (01:30 becomes
 * 02:30 summer time). For series occurrences, where the organiser chose the rule, not each date.
 */
export function zonedInstantLenient(local: string, zone: string): DateTime {
  const exact = zonedInstant(local, zone);
  return exact.ok ? exact.at : DateTime.fromISO(local, { zone });
}

/** "2027-03-28T10:00" for an instant seen in `zone`. */
export function toLocal(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).toFormat(LOCAL_FORMAT);
}

/** Minutes from one local wall time to another in the same zone (real elapsed minutes across a DST change). */
export function minutesBetween(start: DateTime, end: DateTime): number {
  return Math.round(end.diff(start, 'minutes').minutes);
}

/** A local date with a new time of day: ("2027-03-28T10:00", "18:30") → "2027-03-28T18:30". */
export function withTimeOfDay(local: string, time: string): string {
  return `${local.slice(0, 10)}T${time}`;
}

/** "Sun 28 Mar 2027, 10:00 BST" in the organiser's zone, for notifications and emails. */
export function describeStart(at: Date, zone: string): string {
  const local = DateTime.fromJSDate(at, { zone }).setLocale('en-GB');
  return `${local.toFormat('ccc d LLL yyyy, HH:mm')} ${local.offsetNameShort ?? zone} (${zone})`;
}

/** The zone's short name at that instant ("GMT", "BST", "GMT+1" where there is no abbreviation). */
export function zoneAbbreviation(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).setLocale('en-GB').offsetNameShort ?? zone;
}

/** "+01:00" */
export function utcOffset(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).toFormat('ZZ');
}
