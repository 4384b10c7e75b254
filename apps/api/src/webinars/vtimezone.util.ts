import { DateTime, IANAZone } from 'luxon';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface ZoneTransition {
  /** The instant the new offset starts (ms since the epoch). */
  at: number;
  /** Minutes east of UTC, before and after. */
  from: number;
  to: number;
  /** Whether the new offset is daylight-saving (summer) time. */
  dst: boolean;
  /** Short name of the new offset, e.g. "BST". */
  name: string;
}

/** Every offset change of `zone` from the start of `fromYear` to the end of `toYear`. */
export function zoneTransitions(zone: string, fromYear: number, toYear: number): ZoneTransition[] {
  const tz = IANAZone.create(zone);
  const start = Date.UTC(fromYear, 0, 1);
  const end = Date.UTC(toYear + 1, 0, 1);
  const found: ZoneTransition[] = [];
  let t = start;
  let offset = tz.offset(t);
  while (t < end) {
    const next = Math.min(t + DAY, end);
    const nextOffset = tz.offset(next);
    if (nextOffset !== offset) {
      // Narrow the change down to the minute (transitions fall on whole minutes).
      let lo = t;
      let hi = next;
      while (hi - lo > 60_000) {
        const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
        if (tz.offset(mid) === offset) lo = mid;
        else hi = mid;
      }
      const after = DateTime.fromMillis(hi, { zone }).setLocale('en-GB');
      found.push({ at: hi, from: offset, to: nextOffset, dst: after.isInDST, name: after.offsetNameShort ?? zone });
      offset = nextOffset;
    }
    t = next;
  }
  return found;
}

/**
 * A VTIMEZONE component (RFC 5545 §3.6.5) for `zone` covering `fromYear`..`toYear`, built from
 * the zone rules the server knows (luxon/Intl): one STANDARD or DAYLIGHT observance per transition,
 * each with an explicit DTSTART rather than an RRULE, plus the offset in force at the start of
 * the range. Calendar apps use it to place `DTSTART;TZID=<zone>` times exactly.
 */
export function vtimezone(zone: string, fromYear: number, toYear: number): string {
  const tz = IANAZone.create(zone);
  const start = Date.UTC(fromYear, 0, 1);
  const initial = tz.offset(start);
  const first = DateTime.fromMillis(start, { zone }).setLocale('en-GB');
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  const observance = (dst: boolean, at: number, from: number, to: number, name: string) => {
    const kind = dst ? 'DAYLIGHT' : 'STANDARD';
    lines.push(
      `BEGIN:${kind}`,
      // DTSTART is the local time of the change as read on the clock before it (TZOFFSETFROM).
      `DTSTART:${DateTime.fromMillis(at + from * 60_000, { zone: 'utc' }).toFormat("yyyyLLdd'T'HHmmss")}`,
      `TZOFFSETFROM:${formatOffset(from)}`,
      `TZOFFSETTO:${formatOffset(to)}`,
      `TZNAME:${name}`,
      `END:${kind}`,
    );
  };
  observance(first.isInDST, start, initial, initial, first.offsetNameShort ?? zone);
  for (const change of zoneTransitions(zone, fromYear, toYear)) observance(change.dst, change.at, change.from, change.to, change.name);
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}

/** 60 → "+0100", -330 → "-0530". */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}
