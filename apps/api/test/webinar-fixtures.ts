import { DateTime } from 'luxon';
import { SchedulerRegistry } from '@nestjs/schedule';
import { WEBINAR_REMINDER_JOB } from '../src/webinars/webinar-reminders.service';
import { signUp, type SignedUpUser, type SignUpOverrides } from './fixtures';
import type { GqlResult, TestApp } from './test-app';

export const WEBINAR_FIELDS = `id title description descriptionHtml status startsAt endsAt durationMinutes timeZone localStartsAt localEndsAt
  timeZoneAbbreviation utcOffset capacity registeredCount waitingCount placesLeft themes { id } sequence canManage isSpeaker
  joinUrl joinUrlAvailableAt configuredJoinUrl isLive isPast pageUrl icsUrl googleCalendarUrl outlookCalendarUrl detachedFromSeries
  organiser { id displayName } speakers { name affiliation user { id } } regionFocus { region placeName point { lat lng } }
  series { id rrule occurrenceCount } myRegistration { status waitingPosition emailReminders attended }
  thread { conversationId status opensAt isOpenForPosting isMember memberCount pinnedMessage { id body } }
  resources { id kind title url }`;

export interface WebinarView {
  id: string;
  title: string;
  description: string;
  descriptionHtml: string;
  status: string;
  startsAt: string;
  endsAt: string;
  durationMinutes: number;
  timeZone: string;
  localStartsAt: string;
  localEndsAt: string;
  timeZoneAbbreviation: string;
  utcOffset: string;
  capacity: number | null;
  registeredCount: number;
  waitingCount: number;
  placesLeft: number | null;
  themes: Array<{ id: string }>;
  sequence: number;
  canManage: boolean;
  isSpeaker: boolean;
  joinUrl: string | null;
  joinUrlAvailableAt: string;
  configuredJoinUrl: string | null;
  isLive: boolean;
  isPast: boolean;
  pageUrl: string;
  icsUrl: string;
  googleCalendarUrl: string;
  outlookCalendarUrl: string;
  detachedFromSeries: boolean;
  organiser: { id: string; displayName: string };
  speakers: Array<{ name: string; affiliation: string | null; user: { id: string } | null }>;
  regionFocus: { region: string; placeName: string | null; point: { lat: number; lng: number } | null } | null;
  series: { id: string; rrule: string; occurrenceCount: number } | null;
  myRegistration: { status: string; waitingPosition: number | null; emailReminders: boolean; attended: boolean } | null;
  thread: {
    conversationId: string;
    status: string;
    opensAt: string;
    isOpenForPosting: boolean;
    isMember: boolean;
    memberCount: number;
    pinnedMessage: { id: string; body: string | null } | null;
  } | null;
  resources: Array<{ id: string; kind: string; title: string; url: string }>;
}

export const CREATE = `mutation($input: CreateWebinarInput!) { createWebinar(input: $input) { ${WEBINAR_FIELDS} } }`;
export const UPDATE = `mutation($id: ID!, $input: UpdateWebinarInput!) { updateWebinar(id: $id, input: $input) { ${WEBINAR_FIELDS} } }`;
export const PUBLISH = `mutation($id: ID!, $all: Boolean) { publishWebinar(id: $id, wholeSeries: $all) { ${WEBINAR_FIELDS} } }`;
export const CANCEL = `mutation($id: ID!, $reason: String, $all: Boolean) { cancelWebinar(id: $id, reason: $reason, wholeSeries: $all) { ${WEBINAR_FIELDS} } }`;
export const FINISH = `mutation($id: ID!) { finishWebinar(id: $id) { ${WEBINAR_FIELDS} } }`;
export const GET = `query($id: ID!) { webinar(id: $id) { ${WEBINAR_FIELDS} } }`;
export const REGISTER = `mutation($id: ID!, $email: Boolean) { registerForWebinar(webinarId: $id, emailReminders: $email) { ${WEBINAR_FIELDS} } }`;
export const UNREGISTER = `mutation($id: ID!) { cancelWebinarRegistration(webinarId: $id) { ${WEBINAR_FIELDS} } }`;

export function errorOf(res: GqlResult): { code?: string; field?: string; message?: string } {
  const e = res.errors?.[0];
  return { code: e?.extensions?.code, field: e?.extensions?.field, message: e?.message };
}

/** A fresh user with the organiser role (set in the database: the guard reads roles per request). */
export async function signUpOrganiser(t: TestApp, overrides: SignUpOverrides = {}): Promise<SignedUpUser> {
  const user = await signUp(t, overrides);
  await t.db.query(`UPDATE users SET role = 'organiser' WHERE id = $1`, [user.id]);
  return { ...user, role: 'organiser' };
}

/** A local wall time `days` from now in `zone`, at `time` ("HH:mm"). */
export function localIn(days: number, time = '10:00', zone = 'Europe/London'): string {
  return `${DateTime.now().setZone(zone).plus({ days }).toFormat('yyyy-LL-dd')}T${time}`;
}

/** The last Sunday of `month` (3 = March, 10 = October) next year: the UK clock-change days. */
export function ukChangeSunday(month: 3 | 10): DateTime {
  const end = DateTime.fromObject({ year: DateTime.now().year + 1, month, day: 31 }, { zone: 'Europe/London' });
  return end.minus({ days: end.weekday % 7 });
}

export function webinarInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'Asking about money in a 10-minute consultation',
    description: 'How to ask about **money**, housing and food. [Background](https://example.org/background)',
    startsAt: localIn(7),
    timeZone: 'Europe/London',
    durationMinutes: 60,
    joinUrl: 'https://meet.example.org/whaminar-123',
    themes: ['welfare-income-advice', 'child-poverty'],
    publish: true,
    ...overrides,
  };
}

export async function createWebinar(t: TestApp, organiser: SignedUpUser, overrides: Record<string, unknown> = {}): Promise<WebinarView> {
  const res = await t.gql<{ createWebinar: WebinarView }>(CREATE, { input: webinarInput(overrides) }, organiser.token);
  if (!res.data?.createWebinar) throw new Error(`createWebinar failed: ${JSON.stringify(res.errors)}`);
  return res.data.createWebinar;
}

export async function getWebinar(t: TestApp, id: string, token?: string): Promise<WebinarView> {
  const res = await t.gql<{ webinar: WebinarView }>(GET, { id }, token);
  if (!res.data?.webinar) throw new Error(`webinar failed: ${JSON.stringify(res.errors)}`);
  return res.data.webinar;
}

export async function register(t: TestApp, user: SignedUpUser, id: string, emailReminders = true): Promise<WebinarView> {
  const res = await t.gql<{ registerForWebinar: WebinarView }>(REGISTER, { id, email: emailReminders }, user.token);
  if (!res.data?.registerForWebinar) throw new Error(`registerForWebinar failed: ${JSON.stringify(res.errors)}`);
  return res.data.registerForWebinar;
}

/**
 * Moves a webinar in time for a test (as if the clock had moved): start at `startsAt`, same
 * duration; the thread opens at the new start.
 */
export async function moveWebinar(t: TestApp, id: string, startsAt: Date): Promise<void> {
  await t.db.query(
    `UPDATE webinars SET starts_at = $2, ends_at = $2::timestamptz + make_interval(mins => duration_minutes),
            local_start = ($2::timestamptz AT TIME ZONE time_zone) WHERE id = $1`,
    [id, startsAt],
  );
  await t.db.query(`UPDATE conversations SET opens_at = $2 WHERE id = (SELECT thread_conversation_id FROM webinars WHERE id = $1)`, [id, startsAt]);
}

export const minutesFromNow = (minutes: number) => new Date(Date.now() + minutes * 60_000);

/** Stops the every-minute reminder job, so only the test decides when reminders run. */
export function stopReminderJob(t: TestApp): void {
  const registry = t.app.get(SchedulerRegistry);
  if (registry.getIntervals().includes(WEBINAR_REMINDER_JOB)) registry.deleteInterval(WEBINAR_REMINDER_JOB);
}
