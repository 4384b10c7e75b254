import { DateTime, IANAZone } from 'luxon';

/**
 * Times for WHAMinars. The API stores the organiser's wall time and IANA zone and derives the UTC
 * instant; pages show that instant in the viewer's own zone (Intl) beside the organiser's wall
 * time. The scheduling form resolves a wall time exactly as the API does (see
 * apps/api/src/webinars/webinar-time.util.ts), so its preview and its checks agree with the server.
 */

/** "2027-03-28T10:00": how the API takes a local start. */
export const LOCAL_FORMAT = "yyyy-MM-dd'T'HH:mm";
const FALLBACK_ZONE = 'UTC';

/** The zone the browser runs in ("Europe/London"); UTC when it cannot tell. */
export function browserTimeZone(): string {
  try {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    return zone && isKnownTimeZone(zone) ? zone : FALLBACK_ZONE;
  } catch {
    return FALLBACK_ZONE;
  }
}

export function isKnownTimeZone(zone: string): boolean {
  return typeof zone === 'string' && zone.length > 0 && zone.length <= 64 && IANAZone.isValidZone(zone);
}

/** Every IANA zone the browser knows, plus UTC and any extra (the current value, the browser's own), sorted. */
export function timeZoneChoices(extra: readonly string[] = []): string[] {
  let all: string[] = [];
  try {
    all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  } catch {
    all = [];
  }
  const set = new Set([...all, FALLBACK_ZONE, 'Europe/London', ...extra.filter(isKnownTimeZone)]);
  return [...set].sort((a, b) => a.localeCompare(b));
}

/** A filter such as "london" or "new york" against a zone name ("America/New_York"). */
export function zoneMatches(zone: string, query: string): boolean {
  const q = query.trim().toLowerCase().replace(/\s+/g, '_');
  return !q || zone.toLowerCase().includes(q);
}

export type LocalTimeResult =
  | { readonly ok: true; readonly at: DateTime }
  | { readonly ok: false; readonly reason: 'format' | 'zone' | 'nonexistent' };

/**
 * The instant of a wall time in `zone`, as the API computes it: a time the clocks skip does not
 * exist; a time that happens twice (the autumn change) is the first, summer-time one.
 */
export function zonedInstant(local: string, zone: string): LocalTimeResult {
  if (!isKnownTimeZone(zone)) return { ok: false, reason: 'zone' };
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) return { ok: false, reason: 'format' };
  const wall = DateTime.fromISO(local, { zone: 'utc' });
  if (!wall.isValid) return { ok: false, reason: 'format' };
  const tz = IANAZone.create(zone);
  const offsets = new Set([tz.offset(wall.minus({ days: 1 }).toMillis()), tz.offset(wall.plus({ days: 1 }).toMillis())]);
  const valid = [...offsets]
    .map((offset) => wall.minus({ minutes: offset }).setZone(zone))
    .filter((candidate) => candidate.toFormat(LOCAL_FORMAT) === local)
    .sort((a, b) => a.toMillis() - b.toMillis());
  const at = valid[0];
  return at ? { ok: true, at } : { ok: false, reason: 'nonexistent' };
}

type Instant = string | Date;

function toDate(value: Instant): Date {
  return value instanceof Date ? value : new Date(value);
}

/** Date and time parts in a zone, assembled by hand so the text is the same in every browser. */
function parts(value: Instant, zone: string) {
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  });
  const out: Record<string, string> = {};
  for (const p of format.formatToParts(toDate(value))) out[p.type] = p.value;
  return {
    date: `${out['weekday']} ${out['day']} ${out['month']} ${out['year']}`,
    time: `${out['hour']}:${out['minute']}`,
    zoneName: out['timeZoneName'] ?? zone,
  };
}

/** "Sunday 28 March 2027, 10:00 BST" in `zone`. */
export function formatDateTime(value: Instant, zone: string): string {
  const p = parts(value, zone);
  return `${p.date}, ${p.time} ${p.zoneName}`;
}

/** "10:00 BST" in `zone`. */
export function formatTime(value: Instant, zone: string): string {
  const p = parts(value, zone);
  return `${p.time} ${p.zoneName}`;
}

/** "Sunday 28 March 2027, 10:00–11:30 BST", or both ends in full when the end is another day (or zone name). */
export function formatTimeRange(start: Instant, end: Instant, zone: string): string {
  const a = parts(start, zone);
  const b = parts(end, zone);
  if (a.date === b.date && a.zoneName === b.zoneName) return `${a.date}, ${a.time}–${b.time} ${a.zoneName}`;
  return `${a.date}, ${a.time} ${a.zoneName} to ${b.date}, ${b.time} ${b.zoneName}`;
}

/** The organiser's own wall time: "10:00 BST (Europe/London)". */
export function organiserTime(webinar: { localStartsAt: string; timeZoneAbbreviation: string; timeZone: string }): string {
  return `${webinar.localStartsAt.slice(11, 16)} ${webinar.timeZoneAbbreviation} (${webinar.timeZone})`;
}

/** "28 March 2027, 10:00 BST (Europe/London)": the organiser's date and time in full. */
export function organiserDateTime(webinar: { localStartsAt: string; timeZoneAbbreviation: string; timeZone: string }): string {
  const local = DateTime.fromFormat(webinar.localStartsAt, LOCAL_FORMAT, { zone: 'utc' });
  const date = local.isValid ? local.setLocale('en-GB').toFormat('cccc d LLLL yyyy') : webinar.localStartsAt.slice(0, 10);
  return `${date}, ${organiserTime(webinar)}`;
}

/** "1 hour", "1 hour 30 minutes", "45 minutes". */
export function durationText(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const hours = h ? `${h} ${h === 1 ? 'hour' : 'hours'}` : '';
  const mins = m ? `${m} ${m === 1 ? 'minute' : 'minutes'}` : '';
  return [hours, mins].filter(Boolean).join(' ') || '0 minutes';
}

/** Two zones to preview a start in, other than the one it is entered in: the viewer's, London, UTC... */
export function previewZones(chosen: string, viewer: string): string[] {
  const candidates = [viewer, 'Europe/London', 'UTC', 'America/New_York'];
  return [...new Set(candidates)].filter((z) => z !== chosen && isKnownTimeZone(z)).slice(0, 2);
}

export type ZonePreview =
  | { readonly kind: 'incomplete' }
  | { readonly kind: 'invalid'; readonly message: string }
  | { readonly kind: 'ok'; readonly entered: string; readonly others: ReadonlyArray<{ readonly zone: string; readonly text: string }> };

/** The chosen start as entered and in each of `zones`, or why it cannot be shown. */
export function zonePreview(date: string, time: string, zone: string, zones: readonly string[]): ZonePreview {
  if (!date || !time) return { kind: 'incomplete' };
  const result = zonedInstant(`${date}T${time}`, zone);
  if (!result.ok) {
    if (result.reason === 'zone') return { kind: 'invalid', message: 'Choose a time zone from the list to see the time elsewhere.' };
    if (result.reason === 'nonexistent') return { kind: 'invalid', message: skippedTimeMessage(date, time, zone) };
    return { kind: 'incomplete' };
  }
  const instant = result.at.toJSDate();
  return {
    kind: 'ok',
    entered: `${formatDateTime(instant, zone)} (${zone})`,
    others: zones.map((z) => ({ zone: z, text: formatDateTime(instant, z) })),
  };
}

export function skippedTimeMessage(date: string, time: string, zone: string): string {
  const day = DateTime.fromISO(date, { zone: 'utc' });
  const dayText = day.isValid ? day.setLocale('en-GB').toFormat('d LLLL yyyy') : date;
  return `${time} on ${dayText} does not exist in ${zone}: the clocks go forward then. Choose another time.`;
}
