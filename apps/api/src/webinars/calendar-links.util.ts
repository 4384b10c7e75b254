import { DateTime } from 'luxon';

export interface CalendarLinkEvent {
  title: string;
  startsAt: Date;
  endsAt: Date;
  /** The organiser's IANA zone (Google shows the event in it when the viewer's differs). */
  timeZone: string;
  /** Plain text; the event page's URL is appended. */
  details: string;
  pageUrl: string;
}

const MAX_DETAILS = 1000;

function details(event: CalendarLinkEvent): string {
  const text = event.details.length > MAX_DETAILS ? `${event.details.slice(0, MAX_DETAILS - 1)}…` : event.details;
  return `${text}${text ? '\n\n' : ''}Details and join link: ${event.pageUrl}`;
}

/**
 * "Add to Google Calendar": the documented render?action=TEMPLATE link, times in UTC. The join
 * link is never in it (it is public): the event page gives it to registrants.
 */
export function googleCalendarUrl(event: CalendarLinkEvent): string {
  const utc = (at: Date) => DateTime.fromJSDate(at, { zone: 'utc' }).toFormat("yyyyLLdd'T'HHmmss'Z'");
  const params = new URLSearchParams({
    action: 'TEMPLATE',
    text: event.title,
    dates: `${utc(event.startsAt)}/${utc(event.endsAt)}`,
    details: details(event),
    location: event.pageUrl,
    ctz: event.timeZone,
  });
  return `https://calendar.google.com/calendar/render?${params.toString()}`;
}

/** "Add to Outlook" (Outlook.com / Microsoft 365 on the web): the deep link compose form, times in UTC. */
export function outlookCalendarUrl(event: CalendarLinkEvent): string {
  const utc = (at: Date) => DateTime.fromJSDate(at, { zone: 'utc' }).toFormat("yyyy-LL-dd'T'HH:mm:ss'Z'");
  const params = new URLSearchParams({
    path: '/calendar/action/compose',
    rru: 'addevent',
    subject: event.title,
    startdt: utc(event.startsAt),
    enddt: utc(event.endsAt),
    body: details(event),
    location: event.pageUrl,
  });
  return `https://outlook.live.com/calendar/0/action/compose?${params.toString()}`;
}
