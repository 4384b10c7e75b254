import type { DateTime } from 'luxon';
import { WEBINAR_LIMITS } from '@kindred/domain';
import { isKnownTimeZone, minutesBetween, zonedInstant } from './webinar-time.util';

/** When a WHAMinar happens: the organiser's wall time and zone, and the UTC instants derived from them. */
export interface Schedule {
  timeZone: string;
  /** "2027-03-28T10:00" in timeZone. */
  local: string;
  startsAt: DateTime;
  endsAt: DateTime;
  durationMinutes: number;
}

export interface ScheduleInput {
  startsAt: string;
  timeZone: string;
  durationMinutes?: number | null;
  endsAt?: string | null;
}

export type ScheduleResult = { ok: true; schedule: Schedule } | { ok: false; field: string; message: string };

const { max } = WEBINAR_LIMITS.durationMinutes;

/**
 * Checks a start (local wall time + zone) with a duration or a local end, and derives the UTC
 * instants. `field` names are relative to the input (`startsAt`, `timeZone`, `endsAt`,
 * `durationMinutes`). `mustBeAfter`: the start must be later than this instant (now), or null to
 * skip that check (an edit that keeps the start).
 */
export function scheduleFrom(input: ScheduleInput, mustBeAfter: Date | null): ScheduleResult {
  if (!isKnownTimeZone(input.timeZone)) {
    return { ok: false, field: 'timeZone', message: `Unknown time zone "${input.timeZone}": use an IANA name such as Europe/London.` };
  }
  const start = zonedInstant(input.startsAt, input.timeZone);
  if (!start.ok) return { ok: false, field: 'startsAt', message: start.message };
  if (mustBeAfter && start.at.toMillis() <= mustBeAfter.getTime()) {
    return { ok: false, field: 'startsAt', message: `The start (${input.startsAt} ${input.timeZone}) is in the past: choose a future time.` };
  }
  const hasDuration = input.durationMinutes !== undefined && input.durationMinutes !== null;
  const hasEnd = input.endsAt !== undefined && input.endsAt !== null;
  if (hasDuration && hasEnd) return { ok: false, field: 'endsAt', message: 'Give durationMinutes or endsAt, not both.' };
  if (!hasDuration && !hasEnd) return { ok: false, field: 'durationMinutes', message: `Give durationMinutes (1 to ${max}) or endsAt.` };

  let durationMinutes: number;
  if (hasEnd) {
    const end = zonedInstant(input.endsAt!, input.timeZone);
    if (!end.ok) return { ok: false, field: 'endsAt', message: end.message };
    durationMinutes = minutesBetween(start.at, end.at);
    if (durationMinutes <= 0) return { ok: false, field: 'endsAt', message: 'The end must be after the start.' };
    if (durationMinutes > max) return { ok: false, field: 'endsAt', message: `A WHAMinar lasts at most ${max / 60} hours; this one would last ${formatMinutes(durationMinutes)}.` };
  } else {
    durationMinutes = input.durationMinutes!;
    if (!Number.isInteger(durationMinutes) || durationMinutes < 1 || durationMinutes > max) {
      return { ok: false, field: 'durationMinutes', message: `durationMinutes must be a whole number of minutes from 1 to ${max} (8 hours).` };
    }
  }
  return {
    ok: true,
    schedule: {
      timeZone: input.timeZone,
      local: input.startsAt,
      startsAt: start.at,
      endsAt: start.at.plus({ minutes: durationMinutes }),
      durationMinutes,
    },
  };
}

/** 125 → "2 h 5 min". */
export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return [h ? `${h} h` : '', m ? `${m} min` : ''].filter(Boolean).join(' ') || '0 min';
}
