import request from 'supertest';
import { AppConfigService } from '../src/config/app-config.service';
import { signUp, type SignedUpUser } from './fixtures';
import { createTestApp, type TestApp } from './test-app';
import { CANCEL, createWebinar, errorOf, register, signUpOrganiser, stopReminderJob, ukChangeSunday, UPDATE, type WebinarView } from './webinar-fixtures';

const FEED_URL = `{ calendarFeedUrl }`;
const RESET = `mutation { resetCalendarFeedToken }`;

interface ParsedCalendar {
  method: string | null;
  events: Array<{
    uid: string;
    summary: string;
    start: Date;
    end: Date;
    tzid: string | null;
    sequence: number;
    status: string | null;
    url: string | null;
    organizerName: string | null;
    organizer: string | null;
    location: string | null;
    description: string;
  }>;
  timezones: string[];
}

/** ical.js ships ES modules for TypeScript; Jest loads its CommonJS build through a dynamic import. */
let ICAL: (typeof import('ical.js', { with: { 'resolution-mode': 'import' } }))['default'];

/** Parses an .ics with ical.js (Mozilla's iCalendar parser), placing times with the file's own VTIMEZONEs. */
function parseIcs(text: string): ParsedCalendar {
  const root = new ICAL.Component(ICAL.parse(text));
  const timezones = root.getAllSubcomponents('vtimezone');
  for (const tz of timezones) ICAL.TimezoneService.register(tz);
  return {
    method: (root.getFirstPropertyValue('method') as string | null) ?? null,
    timezones: timezones.map((tz) => String(tz.getFirstPropertyValue('tzid'))),
    events: root.getAllSubcomponents('vevent').map((vevent) => {
      const event = new ICAL.Event(vevent);
      const organizer = vevent.getFirstProperty('organizer');
      return {
        uid: event.uid,
        summary: event.summary,
        start: event.startDate.toJSDate(),
        end: event.endDate.toJSDate(),
        tzid: (vevent.getFirstProperty('dtstart')?.getParameter('tzid') as string | undefined) ?? null,
        sequence: event.sequence,
        status: (vevent.getFirstPropertyValue('status') as string | null) ?? null,
        url: (vevent.getFirstPropertyValue('url') as string | null) ?? null,
        organizerName: (organizer?.getParameter('cn') as string | undefined) ?? null,
        organizer: (organizer?.getFirstValue() as string | null) ?? null,
        location: event.location ?? null,
        description: event.description ?? '',
      };
    }),
  };
}

describe('WHAMinar calendars (integration)', () => {
  let t: TestApp;
  let publicUrl: string;
  let organiser: SignedUpUser;
  let holder: SignedUpUser;
  let waiting: SignedUpUser;
  let outsider: SignedUpUser;
  let w: WebinarView;
  const JOIN = 'https://meet.example.org/whaminar-123';
  const http = () => request(t.app.getHttpServer());
  const feedUrlOf = async (user: SignedUpUser) => (await t.gql<{ calendarFeedUrl: string }>(FEED_URL, {}, user.token)).data!.calendarFeedUrl;
  const pathOf = (url: string) => new URL(url).pathname + new URL(url).search;

  beforeAll(async () => {
    ICAL = (await import('ical.js')).default;
    t = await createTestApp();
    await t.reset();
    stopReminderJob(t);
    publicUrl = t.app.get(AppConfigService).publicUrl;
    await signUp(t);
    organiser = await signUpOrganiser(t, { displayName: 'Dr Olu Organiser' });
    holder = await signUp(t);
    waiting = await signUp(t);
    outsider = await signUp(t);
    // 10:00 London on the day the clocks go forward: 09:00 UTC.
    w = await createWebinar(t, organiser, { startsAt: `${ukChangeSunday(3).toFormat('yyyy-LL-dd')}T10:00`, capacity: 1, title: 'Asking about money, safely' });
    await register(t, holder, w.id);
    await register(t, waiting, w.id);
  });

  afterAll(async () => {
    await t.close();
  });

  it('serves a public .ics with the organiser’s zone, ORGANIZER, the page URL and SEQUENCE, without the join link', async () => {
    const res = await http().get(`/api/webinars/${w.id}.ics`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="whaminar-asking-about-money-safely.ics"');
    expect(res.text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(res.text).toContain(`DTSTART;TZID=Europe/London:${ukChangeSunday(3).toFormat('yyyyLLdd')}T100000`);
    const cal = parseIcs(res.text);
    expect(cal.method).toBe('PUBLISH');
    expect(cal.timezones).toEqual(['Europe/London']);
    expect(cal.events).toHaveLength(1);
    const event = cal.events[0]!;
    expect(event).toMatchObject({
      summary: 'Asking about money, safely',
      tzid: 'Europe/London',
      sequence: 0,
      status: 'CONFIRMED',
      url: `${publicUrl}/webinars/${w.id}`,
      organizerName: 'Dr Olu Organiser',
    });
    expect(event.organizer).toMatch(/^mailto:no-reply@/);
    expect(event.uid).toMatch(new RegExp(`^webinar-${w.id}@`));
    expect(event.start.toISOString()).toBe(w.startsAt);
    expect(event.start.toISOString().slice(11, 16)).toBe('09:00');
    expect(event.end.getTime() - event.start.getTime()).toBe(60 * 60_000);
    expect(event.description).not.toContain(JOIN);
    expect(event.location).toBe(`${publicUrl}/webinars/${w.id}`);
  });

  it('includes the join link for registrants only: by their feed token or a Bearer token', async () => {
    const holderFeed = await feedUrlOf(holder);
    const token = new URL(holderFeed).pathname.match(/\/api\/calendar\/([A-Za-z0-9_-]+)\.ics$/)![1]!;
    const withToken = parseIcs((await http().get(`/api/webinars/${w.id}.ics?token=${token}`)).text).events[0]!;
    expect(withToken.description).toContain(`Join: ${JOIN}`);
    expect(withToken.location).toBe(JOIN);

    const withBearer = parseIcs((await http().get(`/api/webinars/${w.id}.ics`).set('authorization', `Bearer ${holder.token}`)).text).events[0]!;
    expect(withBearer.location).toBe(JOIN);

    const waitingToken = new URL(await feedUrlOf(waiting)).pathname.split('/').pop()!.replace('.ics', '');
    const forWaiting = parseIcs((await http().get(`/api/webinars/${w.id}.ics?token=${waitingToken}`)).text).events[0]!;
    expect(forWaiting.description).not.toContain(JOIN);

    const bad = await http().get(`/api/webinars/${w.id}.ics?token=${'x'.repeat(43)}`);
    expect(bad.status).toBe(401);
    expect(bad.body).toMatchObject({ code: 'INVALID_TOKEN', field: 'token' });
    expect((await http().get(`/api/webinars/${w.id}.ics`).set('authorization', 'Bearer not-a-token')).status).toBe(401);
  });

  it('serves each user a private feed of what they hold a place at, and a reset revokes the old URL', async () => {
    const other = await createWebinar(t, organiser, { title: 'Another one' });
    await register(t, holder, other.id);
    const url = await feedUrlOf(holder);
    expect(url).toMatch(new RegExp(`^${publicUrl}/api/calendar/[A-Za-z0-9_-]{43}\\.ics$`));
    expect(await feedUrlOf(holder)).toBe(url); // the same URL every time it is asked for

    const res = await http().get(pathOf(url));
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('private, no-store');
    const feed = parseIcs(res.text);
    expect(feed.events.map((e) => e.summary).sort()).toEqual(['Another one', 'Asking about money, safely']);
    expect(feed.events.every((e) => e.location === JOIN && e.description.includes(`Join: ${JOIN}`))).toBe(true);

    // The waiting list is not in the feed; the organiser's feed has what they organise.
    expect(parseIcs((await http().get(pathOf(await feedUrlOf(waiting)))).text).events).toEqual([]);
    expect(parseIcs((await http().get(pathOf(await feedUrlOf(organiser)))).text).events).toHaveLength(2);
    expect(parseIcs((await http().get(pathOf(await feedUrlOf(outsider)))).text).events).toEqual([]);

    // Only a hash is stored.
    const token = url.split('/').pop()!.replace('.ics', '');
    const [row] = await t.db.query(`SELECT token_hash FROM webinar_calendar_feeds WHERE user_id = $1`, [holder.id]);
    expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.token_hash).not.toContain(token);

    const reset = await t.gql<{ resetCalendarFeedToken: string }>(RESET, {}, holder.token);
    const fresh = reset.data!.resetCalendarFeedToken;
    expect(fresh).not.toBe(url);
    expect((await http().get(pathOf(url))).status).toBe(404);
    expect((await http().get(pathOf(fresh))).status).toBe(200);
    expect(await feedUrlOf(holder)).toBe(fresh);
    expect(errorOf(await t.gql(FEED_URL))).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('follows an update with a higher SEQUENCE and the new time', async () => {
    const newLocal = `${ukChangeSunday(3).toFormat('yyyy-LL-dd')}T14:30`;
    const res = await t.gql<{ updateWebinar: WebinarView }>(UPDATE, { id: w.id, input: { startsAt: newLocal } }, organiser.token);
    expect(res.errors).toBeUndefined();
    const event = parseIcs((await http().get(`/api/webinars/${w.id}.ics`)).text).events[0]!;
    expect(event.sequence).toBe(1);
    expect(event.start.toISOString().slice(11, 16)).toBe('13:30');
    expect(event.uid).toMatch(new RegExp(`^webinar-${w.id}@`));
  });

  it('sends METHOD:CANCEL and STATUS:CANCELLED once cancelled, in the file and the feed', async () => {
    await t.gql(CANCEL, { id: w.id }, organiser.token);
    const cal = parseIcs((await http().get(`/api/webinars/${w.id}.ics`)).text);
    expect(cal.method).toBe('CANCEL');
    expect(cal.events[0]).toMatchObject({ status: 'CANCELLED', sequence: 2 });
    const feed = parseIcs((await http().get(pathOf(await feedUrlOf(holder)))).text);
    expect(feed.method).toBe('PUBLISH');
    expect(feed.events.find((e) => e.uid.includes(w.id))).toMatchObject({ status: 'CANCELLED', sequence: 2 });
  });

  it('keeps drafts private and answers unknown ids with 404', async () => {
    const draft = await createWebinar(t, organiser, { publish: false });
    expect((await http().get(`/api/webinars/${draft.id}.ics`)).status).toBe(404);
    expect((await http().get(`/api/webinars/${draft.id}.ics`).set('authorization', `Bearer ${holder.token}`)).status).toBe(404);
    expect((await http().get(`/api/webinars/${draft.id}.ics`).set('authorization', `Bearer ${organiser.token}`)).status).toBe(200);
    expect((await http().get(`/api/webinars/not-an-id.ics`)).status).toBe(404);
    expect((await http().get(`/api/calendar/${'y'.repeat(43)}.ics`)).status).toBe(404);
  });
});
