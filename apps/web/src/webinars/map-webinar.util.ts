import type { MapWebinar } from '@kindred/api-client';

/**
 * "Tue 9 Mar 2027, 10:00, Glasgow" in the viewer's own zone. Plain Intl (no luxon), so the map's
 * chunk stays small.
 */
export function mapWebinarWhen(webinar: Pick<MapWebinar, 'startsAt' | 'regionFocus'>, timeZone?: string): string {
  const when = new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    ...(timeZone ? { timeZone } : {}),
  })
    .formatToParts(new Date(webinar.startsAt))
    .reduce<Record<string, string>>((acc, p) => ({ ...acc, [p.type]: p.value }), {});
  const text = `${when['weekday']} ${when['day']} ${when['month']} ${when['year']}, ${when['hour']}:${when['minute']}`;
  const place = webinar.regionFocus?.placeName ?? webinar.regionFocus?.region;
  return place ? `${text}, ${place}` : text;
}
