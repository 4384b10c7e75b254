import request from 'supertest';
import { DateTime } from 'luxon';
import { registerProject, signUp, type SignedUpUser } from './fixtures';
import { countRows, createTestApp, type TestApp } from './test-app';
import {
  CANCEL,
  CREATE,
  createWebinar,
  errorOf,
  FINISH,
  getWebinar,
  localIn,
  minutesFromNow,
  moveWebinar,
  PUBLISH,
  register,
  REGISTER,
  signUpOrganiser,
  stopReminderJob,
  ukChangeSunday,
  UNREGISTER,
  UPDATE,
  WEBINAR_FIELDS,
  webinarInput,
  type WebinarView,
} from './webinar-fixtures';

const LIST = `query($filter: WebinarFilterInput, $first: Int, $after: String) {
  webinars(filter: $filter, first: $first, after: $after) { totalCount nodes { id title startsAt status } pageInfo { hasNextPage endCursor } }
}`;
const REGISTRATIONS = `query($id: ID!) { webinarRegistrations(webinarId: $id) {
  user { id displayName profession } status waitingPosition attended attendanceSource } }`;
const MARK = `mutation($id: ID!, $users: [ID!]!, $attended: Boolean!) {
  markWebinarAttendance(webinarId: $id, userIds: $users, attended: $attended) { user { id } status attended attendanceSource } }`;
const CHECK_IN = `mutation($id: ID!) { checkInToWebinar(webinarId: $id) { myRegistration { status attended } } }`;

/** Everything a refused request might have written. */
async function counts(t: TestApp): Promise<Record<string, number>> {
  const tables = ['webinars', 'webinar_series', 'webinar_speakers', 'webinar_registrations', 'conversations', 'conversation_members', 'messages', 'notifications'];
  return Object.fromEntries(await Promise.all(tables.map(async (table) => [table, await countRows(t.db, table)])));
}

describe('WHAMinars (integration, real PostGIS)', () => {
  let t: TestApp;
  let organiser: SignedUpUser;
  let clinician: SignedUpUser;

  beforeAll(async () => {
    t = await createTestApp();
    await t.reset();
    stopReminderJob(t);
    await signUp(t); // the first account is admin
    organiser = await signUpOrganiser(t, { displayName: 'Dr Olu Organiser' });
    clinician = await signUp(t, { displayName: 'Cara Clinician' });
  });

  afterAll(async () => {
    await t.close();
  });

  describe('scheduling across daylight-saving changes (Europe/London)', () => {
    const cases: Array<[string, DateTime, string, string, string]> = [
      ['the Saturday before the March change (GMT)', ukChangeSunday(3).minus({ days: 1 }), 'T10:00:00.000Z', 'GMT', '+00:00'],
      ['the Sunday of the March change (BST)', ukChangeSunday(3), 'T09:00:00.000Z', 'BST', '+01:00'],
      ['the Saturday before the October change (BST)', ukChangeSunday(10).minus({ days: 1 }), 'T09:00:00.000Z', 'BST', '+01:00'],
      ['the Sunday of the October change (GMT)', ukChangeSunday(10), 'T10:00:00.000Z', 'GMT', '+00:00'],
    ];

    it.each(cases)('stores 10:00 on %s as the right UTC instant and shows it back as 10:00', async (_label, day, utc, abbreviation, offset) => {
      const local = `${day.toFormat('yyyy-LL-dd')}T10:00`;
      const w = await createWebinar(t, organiser, { startsAt: local, durationMinutes: 90 });
      expect(w.startsAt).toBe(`${day.toFormat('yyyy-LL-dd')}${utc}`);
      expect(w.localStartsAt).toBe(local);
      expect(w.localEndsAt).toBe(`${day.toFormat('yyyy-LL-dd')}T11:30`);
      expect(w.timeZone).toBe('Europe/London');
      expect(w.timeZoneAbbreviation).toBe(abbreviation);
      expect(w.utcOffset).toBe(offset);
      const [row] = await t.db.query(
        `SELECT to_char(local_start, 'YYYY-MM-DD"T"HH24:MI') AS local, time_zone, starts_at FROM webinars WHERE id = $1`,
        [w.id],
      );
      expect(row).toEqual({ local, time_zone: 'Europe/London', starts_at: new Date(w.startsAt) });
    });

    it('keeps a series at 10:00 local on every date, the UTC instant moving with the clocks', async () => {
      const sunday = ukChangeSunday(3);
      const w = await createWebinar(t, organiser, { startsAt: `${sunday.minus({ days: 7 }).toFormat('yyyy-LL-dd')}T10:00`, recurrence: 'FREQ=WEEKLY;COUNT=3' });
      expect(w.series).toMatchObject({ rrule: 'FREQ=WEEKLY;COUNT=3', occurrenceCount: 3 });
      const res = await t.gql<{ webinar: { series: { occurrences: Array<{ startsAt: string; localStartsAt: string }> } } }>(
        `query($id: ID!) { webinar(id: $id) { series { occurrences { startsAt localStartsAt } } } }`,
        { id: w.id },
        organiser.token,
      );
      const occurrences = res.data!.webinar.series.occurrences;
      expect(occurrences.map((o) => o.localStartsAt.slice(11))).toEqual(['10:00', '10:00', '10:00']);
      expect(occurrences.map((o) => o.startsAt.slice(11, 16))).toEqual(['10:00', '09:00', '09:00']);
    });

    it('does not move the local start when the webinar is edited after the clocks change', async () => {
      const local = `${ukChangeSunday(10).plus({ days: 1 }).toFormat('yyyy-LL-dd')}T10:00`;
      const w = await createWebinar(t, organiser, { startsAt: local });
      const edited = await t.gql<{ updateWebinar: WebinarView }>(UPDATE, { id: w.id, input: { title: 'Renamed after scheduling' } }, organiser.token);
      expect(edited.data?.updateWebinar.startsAt).toBe(w.startsAt);
      expect(edited.data?.updateWebinar.localStartsAt).toBe(local);
      // A new zone keeps the wall time: 10:00 in New York.
      const moved = await t.gql<{ updateWebinar: WebinarView }>(UPDATE, { id: w.id, input: { timeZone: 'America/New_York' } }, organiser.token);
      expect(moved.data?.updateWebinar.localStartsAt).toBe(local);
      expect(moved.data?.updateWebinar.startsAt.slice(11, 16)).toBe('14:00');
    });

    it('refuses a local time the clocks skip', async () => {
      const res = await t.gql(CREATE, { input: webinarInput({ startsAt: `${ukChangeSunday(3).toFormat('yyyy-LL-dd')}T01:30` }) }, organiser.token);
      expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.startsAt' });
      expect(errorOf(res).message).toMatch(/does not exist/);
    });
  });

  describe('scheduling', () => {
    it('renders the description safely and builds the calendar links', async () => {
      const w = await createWebinar(t, organiser, {
        description: 'Hi <script>alert(1)</script> **all** [x](javascript:alert(1)) [Slides](https://example.org/s)',
        speakers: [{ userId: clinician.id }, { name: 'Aisha Rahman', affiliation: 'Citizens Advice' }],
        regionFocus: { region: 'England', placeName: 'leeds' },
        capacity: 25,
      });
      expect(w.descriptionHtml).not.toMatch(/<script|javascript:/);
      expect(w.descriptionHtml).toContain('&lt;script&gt;');
      expect(w.descriptionHtml).toContain('<strong>all</strong>');
      expect(w.descriptionHtml).toContain('<a href="https://example.org/s"');
      expect(w.speakers).toEqual([
        { name: 'Cara Clinician', affiliation: 'Test Health Centre', user: { id: clinician.id } },
        { name: 'Aisha Rahman', affiliation: 'Citizens Advice', user: null },
      ]);
      expect(w.regionFocus).toMatchObject({ region: 'England', placeName: 'Leeds' });
      expect(w.regionFocus?.point?.lat).toBeCloseTo(53.8, 1);
      expect(w.placesLeft).toBe(25);
      expect(w.status).toBe('published');
      expect(w.canManage).toBe(true);
      expect(w.pageUrl).toMatch(new RegExp(`/webinars/${w.id}$`));
      expect(w.icsUrl).toMatch(new RegExp(`/api/webinars/${w.id}\\.ics$`));
      expect(new URL(w.googleCalendarUrl).searchParams.get('dates')).toMatch(/^\d{8}T\d{6}Z\/\d{8}T\d{6}Z$/);
      expect(new URL(w.outlookCalendarUrl).searchParams.get('startdt')).toBe(`${w.startsAt.slice(0, 19)}Z`);
      // The speaker who is a user sees it as a speaker; the organiser and speaker are in the thread.
      const asSpeaker = await getWebinar(t, w.id, clinician.token);
      expect(asSpeaker).toMatchObject({ isSpeaker: true, canManage: false, configuredJoinUrl: null });
      expect(asSpeaker.thread).toMatchObject({ isMember: true, memberCount: 2, isOpenForPosting: false });
    });

    it('keeps drafts to their organiser (and admins) until published', async () => {
      const draft = await createWebinar(t, organiser, { publish: false, title: 'A draft in progress' });
      expect(draft.status).toBe('draft');
      expect(errorOf(await t.gql(`query($id: ID!) { webinar(id: $id) { id } }`, { id: draft.id }, clinician.token))).toMatchObject({
        code: 'NOT_FOUND',
        field: 'id',
      });
      expect(errorOf(await t.gql(`query($id: ID!) { webinar(id: $id) { id } }`, { id: draft.id }))).toMatchObject({ code: 'NOT_FOUND' });
      expect(errorOf(await t.gql(REGISTER, { id: draft.id }, clinician.token))).toMatchObject({ code: 'NOT_FOUND', field: 'webinarId' });
      const published = await t.gql<{ publishWebinar: WebinarView }>(PUBLISH, { id: draft.id }, organiser.token);
      expect(published.data?.publishWebinar.status).toBe('published');
      expect((await getWebinar(t, draft.id, clinician.token)).status).toBe('published');
    });

    it('lets only its organiser or an admin change it', async () => {
      const w = await createWebinar(t, organiser);
      const other = await signUpOrganiser(t);
      expect(errorOf(await t.gql(UPDATE, { id: w.id, input: { title: 'Not mine' } }, other.token))).toMatchObject({ code: 'FORBIDDEN' });
      expect(errorOf(await t.gql(UPDATE, { id: w.id, input: { title: 'Not mine' } }, clinician.token))).toMatchObject({ code: 'FORBIDDEN' });
      const [{ title }] = await t.db.query(`SELECT title FROM webinars WHERE id = $1`, [w.id]);
      expect(title).toBe(w.title);
    });

    it('tells everyone signed up about an edit and a cancellation, bumping SEQUENCE', async () => {
      const w = await createWebinar(t, organiser, { capacity: 1 });
      const holder = await signUp(t);
      const waiting = await signUp(t);
      await register(t, holder, w.id);
      await register(t, waiting, w.id, false);
      const moved = await t.gql<{ updateWebinar: WebinarView }>(UPDATE, { id: w.id, input: { startsAt: localIn(8, '18:30'), joinUrl: 'https://meet.example.org/new' } }, organiser.token);
      expect(moved.errors).toBeUndefined();
      expect(moved.data?.updateWebinar.sequence).toBe(1);
      const notes: Array<{ user_id: string; type: string; message: string; email_digest: boolean }> = await t.db.query(
        `SELECT user_id, type, message, email_digest FROM notifications WHERE payload->>'webinarId' = $1 ORDER BY user_id`,
        [w.id],
      );
      expect(notes).toHaveLength(2);
      expect(notes.every((n) => n.type === 'webinar-updated' && /has changed \(time, join link\)/.test(n.message))).toBe(true);
      expect(notes.find((n) => n.user_id === holder.id)?.email_digest).toBe(true);
      expect(notes.find((n) => n.user_id === waiting.id)?.email_digest).toBe(false);

      // An edit that changes nothing changes nothing.
      const same = await t.gql<{ updateWebinar: WebinarView }>(UPDATE, { id: w.id, input: { joinUrl: 'https://meet.example.org/new' } }, organiser.token);
      expect(same.data?.updateWebinar.sequence).toBe(1);

      const cancelled = await t.gql<{ cancelWebinar: WebinarView }>(CANCEL, { id: w.id, reason: 'Speaker unwell' }, organiser.token);
      expect(cancelled.data?.cancelWebinar).toMatchObject({ status: 'cancelled', sequence: 2 });
      expect(cancelled.data?.cancelWebinar.thread?.status).toBe('closed');
      const [{ n }] = await t.db.query(
        `SELECT count(*)::int AS n FROM notifications WHERE type = 'webinar-cancelled' AND payload->>'webinarId' = $1 AND message LIKE '%Speaker unwell%'`,
        [w.id],
      );
      expect(n).toBe(2);
      expect(errorOf(await t.gql(UPDATE, { id: w.id, input: { title: 'Too late' } }, organiser.token))).toMatchObject({ code: 'WEBINAR_CLOSED' });
      expect(errorOf(await t.gql(CANCEL, { id: w.id }, organiser.token))).toMatchObject({ code: 'WEBINAR_CLOSED' });
    });

    it('removes an organiser’s WHAMinars and their threads with the account', async () => {
      const leaving = await signUpOrganiser(t);
      const w = await createWebinar(t, leaving, { recurrence: 'FREQ=WEEKLY;COUNT=2' });
      await register(t, clinician, w.id);
      const deleted = await t.gql(`mutation($password: String!) { deleteAccount(password: $password) }`, { password: leaving.password }, leaving.token);
      expect(deleted.errors).toBeUndefined();
      const [left] = await t.db.query(
        `SELECT (SELECT count(*)::int FROM webinars WHERE organiser_id = $1) AS webinars,
                (SELECT count(*)::int FROM conversations WHERE id = $2) AS threads`,
        [leaving.id, w.thread!.conversationId],
      );
      expect(left).toEqual({ webinars: 0, threads: 0 });
    });

    it('creates a recurring series, edits one occurrence on its own and the rest as a series', async () => {
      const first = await createWebinar(t, organiser, { startsAt: localIn(10, '18:00'), recurrence: 'FREQ=WEEKLY;COUNT=4', title: 'Monthly peer support' });
      const occurrences: Array<{ id: string; detached: boolean }> = await t.db.query(
        `SELECT id, detached FROM webinars WHERE series_id = $1 ORDER BY starts_at`,
        [first.series!.id],
      );
      expect(occurrences).toHaveLength(4);
      const [, second, third] = occurrences;
      const own = await t.gql<{ updateWebinar: WebinarView }>(UPDATE, { id: second!.id, input: { title: 'Special edition' } }, organiser.token);
      expect(own.data?.updateWebinar.detachedFromSeries).toBe(true);

      const series = await t.gql<{ updateWebinarSeries: { id: string; occurrences: Array<{ id: string; title: string; localStartsAt: string }> } }>(
        `mutation($id: ID!, $input: UpdateWebinarSeriesInput!) { updateWebinarSeries(seriesId: $id, input: $input) { id occurrences { id title localStartsAt } } }`,
        { id: first.series!.id, input: { title: 'Peer support circle', startTime: '19:30' } },
        organiser.token,
      );
      expect(series.errors).toBeUndefined();
      const byId = new Map(series.data!.updateWebinarSeries.occurrences.map((o) => [o.id, o]));
      expect(byId.get(second!.id)).toMatchObject({ title: 'Special edition' });
      expect(byId.get(second!.id)!.localStartsAt.slice(11)).toBe('18:00');
      expect(byId.get(third!.id)).toMatchObject({ title: 'Peer support circle' });
      expect(byId.get(third!.id)!.localStartsAt.slice(11)).toBe('19:30');
      expect(byId.get(first.id)!.localStartsAt.slice(11)).toBe('19:30');

      const cancelled = await t.gql<{ cancelWebinar: WebinarView }>(CANCEL, { id: third!.id, all: true }, organiser.token);
      expect(cancelled.errors).toBeUndefined();
      const statuses: Array<{ status: string }> = await t.db.query(`SELECT status FROM webinars WHERE series_id = $1 ORDER BY starts_at`, [first.series!.id]);
      expect(statuses.map((s) => s.status)).toEqual(['published', 'published', 'cancelled', 'cancelled']);
    });
  });

  describe('bad input: a clear code, the field at fault, nothing written', () => {
    let before: Record<string, number>;
    beforeEach(async () => {
      before = await counts(t);
    });
    afterEach(async () => {
      expect(await counts(t)).toEqual(before);
    });

    it.each([
      ['a start in the past', { startsAt: localIn(-1) }, 'BAD_USER_INPUT', 'input.startsAt'],
      ['an end before the start', { durationMinutes: null, endsAt: localIn(7, '09:00') }, 'BAD_USER_INPUT', 'input.endsAt'],
      ['a duration over 8 hours', { durationMinutes: 481 }, 'BAD_USER_INPUT', 'input.durationMinutes'],
      ['an end over 8 hours after the start', { durationMinutes: null, endsAt: localIn(7, '18:30') }, 'BAD_USER_INPUT', 'input.endsAt'],
      ['an unknown time zone', { timeZone: 'Europe/Londn' }, 'BAD_USER_INPUT', 'input.timeZone'],
      ['a capacity under 1', { capacity: 0 }, 'BAD_USER_INPUT', 'input.capacity'],
      ['a join link that is not https', { joinUrl: 'http://meet.example.org/x' }, 'BAD_USER_INPUT', 'input.joinUrl'],
      ['a start with an offset', { startsAt: '2030-01-01T10:00+01:00' }, 'BAD_USER_INPUT', 'input.startsAt'],
      ['an unknown theme', { themes: ['not-a-theme'] }, 'UNKNOWN_THEME', 'input.themes'],
      ['an open-ended series', { recurrence: 'FREQ=MONTHLY' }, 'BAD_USER_INPUT', 'input.recurrence'],
      ['a series of 25', { recurrence: 'FREQ=DAILY;COUNT=25' }, 'BAD_USER_INPUT', 'input.recurrence'],
      ['a speaker both user and guest', { speakers: [{ userId: '00000000-0000-4000-8000-000000000000', name: 'Both' }] }, 'BAD_USER_INPUT', 'input.speakers.0'],
      ['an unknown speaker', { speakers: [{ userId: '00000000-0000-4000-8000-000000000000' }] }, 'NOT_FOUND', 'input.speakers.0.userId'],
      ['a region that is not a UK nation', { regionFocus: { region: 'Atlantis' } }, 'BAD_USER_INPUT', 'input.regionFocus.region'],
      ['an unknown place', { regionFocus: { region: 'England', placeName: 'Nowhereville-on-Sea' } }, 'UNKNOWN_PLACE', 'input.regionFocus.placeName'],
    ])('refuses %s', async (_label, overrides, code, field) => {
      const res = await t.gql(CREATE, { input: webinarInput(overrides) }, organiser.token);
      expect(errorOf(res)).toMatchObject({ code, field });
    });

    it('refuses scheduling by someone without the organiser role', async () => {
      expect(errorOf(await t.gql(CREATE, { input: webinarInput() }, clinician.token))).toMatchObject({ code: 'FORBIDDEN' });
      expect(errorOf(await t.gql(CREATE, { input: webinarInput() }))).toMatchObject({ code: 'UNAUTHENTICATED' });
    });

    describe('registration refusals', () => {
      let open: WebinarView;
      let cancelled: WebinarView;
      let finished: WebinarView;
      beforeAll(async () => {
        open = await createWebinar(t, organiser);
        await register(t, clinician, open.id);
        cancelled = await createWebinar(t, organiser);
        await t.gql(CANCEL, { id: cancelled.id }, organiser.token);
        finished = await createWebinar(t, organiser);
        await moveWebinar(t, finished.id, minutesFromNow(-30));
        await t.gql(FINISH, { id: finished.id }, organiser.token);
      });

      it('registering twice', async () => {
        expect(errorOf(await t.gql(REGISTER, { id: open.id }, clinician.token))).toMatchObject({ code: 'ALREADY_REGISTERED', field: 'webinarId' });
      });

      it('registering for a cancelled WHAMinar', async () => {
        expect(errorOf(await t.gql(REGISTER, { id: cancelled.id }, clinician.token))).toMatchObject({ code: 'REGISTRATION_CLOSED', field: 'webinarId' });
      });

      it('registering for a finished WHAMinar', async () => {
        expect((await getWebinar(t, finished.id)).status).toBe('finished');
        expect(errorOf(await t.gql(REGISTER, { id: finished.id }, clinician.token))).toMatchObject({ code: 'REGISTRATION_CLOSED', field: 'webinarId' });
      });

      it('cancelling a registration one does not have', async () => {
        expect(errorOf(await t.gql(UNREGISTER, { id: cancelled.id }, clinician.token))).toMatchObject({ code: 'NOT_REGISTERED' });
      });

      it('an id that is no WHAMinar', async () => {
        expect(errorOf(await t.gql(REGISTER, { id: '00000000-0000-4000-8000-000000000000' }, clinician.token))).toMatchObject({ code: 'NOT_FOUND' });
        expect(errorOf(await t.gql(REGISTER, { id: 'nope' }, clinician.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'webinarId' });
      });
    });
  });

  describe('registration, the waiting list and the join link', () => {
    it('gives exactly 10 places to 20 people registering at once, the rest wait in order, and a cancellation promotes the first', async () => {
      const w = await createWebinar(t, organiser, { capacity: 10 });
      const people = await Promise.all(Array.from({ length: 20 }, (_, i) => signUp(t, { displayName: `Parallel ${String(i).padStart(2, '0')}` })));
      const results = await Promise.all(people.map((p) => t.gql<{ registerForWebinar: WebinarView }>(REGISTER, { id: w.id }, p.token)));
      expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
      const statuses = results.map((r) => r.data!.registerForWebinar.myRegistration!.status);
      expect(statuses.filter((s) => s === 'registered')).toHaveLength(10);
      expect(statuses.filter((s) => s === 'waiting')).toHaveLength(10);
      const rows: Array<{ status: string; n: number }> = await t.db.query(
        `SELECT status, count(*)::int AS n FROM webinar_registrations WHERE webinar_id = $1 GROUP BY status ORDER BY status`,
        [w.id],
      );
      expect(rows).toEqual([{ status: 'registered', n: 10 }, { status: 'waiting', n: 10 }]);
      const positions = results.flatMap((r) => (r.data!.registerForWebinar.myRegistration!.waitingPosition ? [r.data!.registerForWebinar.myRegistration!.waitingPosition] : []));
      expect([...positions].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);

      // The thread holds the 10 with places and the organiser, never the waiting list.
      const [{ members }] = await t.db.query(
        `SELECT count(*)::int AS members FROM conversation_members WHERE conversation_id = (SELECT thread_conversation_id FROM webinars WHERE id = $1)`,
        [w.id],
      );
      expect(members).toBe(11);

      const view = await getWebinar(t, w.id, organiser.token);
      expect(view).toMatchObject({ registeredCount: 10, waitingCount: 10, placesLeft: 0 });

      const list = await t.gql<{ webinarRegistrations: Array<{ user: { id: string }; status: string; waitingPosition: number | null }> }>(REGISTRATIONS, { id: w.id }, organiser.token);
      const firstWaiting = list.data!.webinarRegistrations.find((r) => r.waitingPosition === 1)!;
      const aHolder = people.find((p) => list.data!.webinarRegistrations.some((r) => r.user.id === p.id && r.status === 'registered'))!;
      const promotedPerson = people.find((p) => p.id === firstWaiting.user.id)!;

      const cancel = await t.gql<{ cancelWebinarRegistration: WebinarView }>(UNREGISTER, { id: w.id }, aHolder.token);
      expect(cancel.data?.cancelWebinarRegistration.myRegistration?.status).toBe('cancelled');
      const promoted = await getWebinar(t, w.id, promotedPerson.token);
      expect(promoted.myRegistration).toMatchObject({ status: 'registered', waitingPosition: null });
      expect(promoted.thread?.isMember).toBe(true);
      expect(promoted).toMatchObject({ registeredCount: 10, waitingCount: 9 });
      const [note] = await t.db.query(`SELECT type, message FROM notifications WHERE user_id = $1 AND type = 'webinar-promoted'`, [promotedPerson.id]);
      expect(note.message).toMatch(/A place opened up/);
      expect((await getWebinar(t, w.id, aHolder.token)).thread?.isMember).toBe(false);

      // Re-registering is allowed after cancelling: at the back of the queue.
      const again = await register(t, aHolder, w.id);
      expect(again.myRegistration).toMatchObject({ status: 'waiting', waitingPosition: 10 });

      // A larger capacity promotes people waiting, in order.
      const bigger = await t.gql<{ updateWebinar: WebinarView }>(UPDATE, { id: w.id, input: { capacity: 12 } }, organiser.token);
      expect(bigger.data?.updateWebinar).toMatchObject({ registeredCount: 12, waitingCount: 8 });
    });

    it('shows the join link to registrants, speakers and the organiser only, from 30 minutes before the start', async () => {
      const speaker = await signUp(t);
      const w = await createWebinar(t, organiser, { capacity: 1, speakers: [{ userId: speaker.id }] });
      const holder = await signUp(t);
      const waiting = await signUp(t);
      const outsider = await signUp(t);
      await register(t, holder, w.id);
      await register(t, waiting, w.id);
      const joinUrl = 'https://meet.example.org/whaminar-123';
      const seen = async () =>
        Object.fromEntries(
          await Promise.all(
            ([['holder', holder], ['waiting', waiting], ['outsider', outsider], ['speaker', speaker], ['organiser', organiser]] as const).map(
              async ([name, user]) => [name, (await getWebinar(t, w.id, user.token)).joinUrl],
            ),
          ),
        );

      await moveWebinar(t, w.id, minutesFromNow(31));
      expect(await seen()).toEqual({ holder: null, waiting: null, outsider: null, speaker: null, organiser: null });
      expect((await getWebinar(t, w.id)).joinUrl).toBeNull();
      expect((await getWebinar(t, w.id, organiser.token)).configuredJoinUrl).toBe(joinUrl);

      await moveWebinar(t, w.id, minutesFromNow(29));
      expect(await seen()).toEqual({ holder: joinUrl, waiting: null, outsider: null, speaker: joinUrl, organiser: joinUrl });
      expect((await getWebinar(t, w.id)).joinUrl).toBeNull();

      // Live and after: still for registrants; never once cancelled.
      await moveWebinar(t, w.id, minutesFromNow(-10));
      expect((await getWebinar(t, w.id, holder.token)).joinUrl).toBe(joinUrl);
      await t.gql(CANCEL, { id: w.id }, organiser.token);
      expect((await getWebinar(t, w.id, holder.token)).joinUrl).toBeNull();
    });

    it('records attendance: attendees check in during the event, the organiser marks it', async () => {
      const w = await createWebinar(t, organiser, { capacity: 2 });
      const a = await signUp(t);
      const b = await signUp(t);
      const c = await signUp(t);
      for (const u of [a, b, c]) await register(t, u, w.id);

      expect(errorOf(await t.gql(CHECK_IN, { id: w.id }, a.token))).toMatchObject({ code: 'CHECK_IN_CLOSED' });
      expect(errorOf(await t.gql(MARK, { id: w.id, users: [a.id], attended: true }, organiser.token))).toMatchObject({ code: 'BAD_USER_INPUT' });

      await moveWebinar(t, w.id, minutesFromNow(-5));
      const checked = await t.gql<{ checkInToWebinar: { myRegistration: { attended: boolean } } }>(CHECK_IN, { id: w.id }, a.token);
      expect(checked.data?.checkInToWebinar.myRegistration.attended).toBe(true);
      expect(errorOf(await t.gql(CHECK_IN, { id: w.id }, c.token))).toMatchObject({ code: 'NOT_REGISTERED' });
      expect(errorOf(await t.gql(MARK, { id: w.id, users: [b.id], attended: true }, clinician.token))).toMatchObject({ code: 'FORBIDDEN' });
      expect(errorOf(await t.gql(MARK, { id: w.id, users: [c.id], attended: true }, organiser.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'userIds' });
      const marked = await t.gql<{ markWebinarAttendance: Array<{ user: { id: string }; attended: boolean; attendanceSource: string | null }> }>(
        MARK,
        { id: w.id, users: [a.id, b.id], attended: true },
        organiser.token,
      );
      const byUser = new Map(marked.data!.markWebinarAttendance.map((r) => [r.user.id, r]));
      expect(byUser.get(a.id)).toMatchObject({ attended: true, attendanceSource: 'check-in' });
      expect(byUser.get(b.id)).toMatchObject({ attended: true, attendanceSource: 'organiser' });
      expect(byUser.get(c.id)).toMatchObject({ attended: false });

      await moveWebinar(t, w.id, minutesFromNow(-120));
      expect(errorOf(await t.gql(CHECK_IN, { id: w.id }, b.token))).toMatchObject({ code: 'CHECK_IN_CLOSED' });
    });

    it('gives the organiser the registrant list and a CSV export (Bearer token, organiser or admin)', async () => {
      const w = await createWebinar(t, organiser, { capacity: 1, title: 'CSV: export, test' });
      const a = await signUp(t, { displayName: 'Ann "Quote" Smith', organisation: '=cmd|calc' });
      const b = await signUp(t, { displayName: 'Ben Waiting', profession: 'health-visitor' });
      await register(t, a, w.id);
      await register(t, b, w.id);
      const list = await t.gql<{ webinarRegistrations: Array<{ user: { displayName: string; profession: string }; status: string; waitingPosition: number | null }> }>(
        REGISTRATIONS,
        { id: w.id },
        organiser.token,
      );
      expect(list.data?.webinarRegistrations.map((r) => [r.user.displayName, r.status, r.waitingPosition])).toEqual([
        ['Ann "Quote" Smith', 'registered', null],
        ['Ben Waiting', 'waiting', 1],
      ]);
      expect(errorOf(await t.gql(REGISTRATIONS, { id: w.id }, a.token))).toMatchObject({ code: 'FORBIDDEN' });

      const http = request(t.app.getHttpServer());
      const path = `/api/webinars/${w.id}/registrations.csv`;
      expect((await http.get(path)).status).toBe(401);
      expect((await http.get(path).set('authorization', `Bearer ${a.token}`)).status).toBe(403);
      const other = await signUpOrganiser(t);
      expect((await http.get(path).set('authorization', `Bearer ${other.token}`)).status).toBe(403);
      expect((await http.get(`/api/webinars/00000000-0000-4000-8000-000000000000/registrations.csv`).set('authorization', `Bearer ${organiser.token}`)).status).toBe(404);
      const res = await http.get(path).set('authorization', `Bearer ${organiser.token}`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      expect(res.headers['content-disposition']).toBe('attachment; filename="registrations-csv-export-test.csv"');
      const lines = res.text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
      expect(lines[0]).toMatch(/^name,profession,specialty,organisation,status,waiting_position/);
      expect(lines[1]).toMatch(/^"Ann ""Quote"" Smith",Doctor,General practice,'=cmd\|calc,registered,,/);
      expect(lines[2]).toMatch(/^Ben Waiting,Health visitor,General practice,Test Health Centre,waiting,1,/);
    });
  });

  describe('discovery', () => {
    let fresh: TestApp;
    let o: SignedUpUser;
    let viewer: SignedUpUser;
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      // A clean slate so the lists hold only this block's WHAMinars.
      await t.reset();
      fresh = t;
      await signUp(fresh);
      o = await signUpOrganiser(fresh);
      viewer = await signUp(fresh);
      await registerProject(fresh, viewer.token, { themes: ['housing', 'fuel-poverty'] });
      ids.soon = (await createWebinar(fresh, o, { title: 'Soon on food', startsAt: localIn(2), themes: ['food-insecurity'] })).id;
      ids.later = (await createWebinar(fresh, o, { title: 'Later on housing', startsAt: localIn(9), themes: ['housing', 'fuel-poverty'], regionFocus: { region: 'England', point: { lat: 53.8, lng: -1.55 } } })).id;
      ids.middle = (await createWebinar(fresh, o, { title: 'Middle on housing', startsAt: localIn(5), themes: ['housing'] })).id;
      ids.draft = (await createWebinar(fresh, o, { title: 'Draft', startsAt: localIn(3), publish: false })).id;
      ids.past = (await createWebinar(fresh, o, { title: 'Past one', startsAt: localIn(4), themes: ['housing'] })).id;
      await moveWebinar(fresh, ids.past, minutesFromNow(-3 * 24 * 60));
      ids.older = (await createWebinar(fresh, o, { title: 'Older one', startsAt: localIn(4) })).id;
      await moveWebinar(fresh, ids.older, minutesFromNow(-10 * 24 * 60));
    });

    const titles = async (filter: Record<string, unknown> | null, token?: string, first = 20) => {
      const res = await fresh.gql<{ webinars: { totalCount: number; nodes: Array<{ title: string }> } }>(LIST, { filter, first }, token);
      if (!res.data) throw new Error(JSON.stringify(res.errors));
      return res.data.webinars.nodes.map((n) => n.title);
    };

    it('lists upcoming soonest first and past most recent first, drafts only for their organiser', async () => {
      expect(await titles(null)).toEqual(['Soon on food', 'Middle on housing', 'Later on housing']);
      expect(await titles({ past: true })).toEqual(['Past one', 'Older one']);
      expect(await titles({ themes: ['housing'] }, viewer.token)).toEqual(['Middle on housing', 'Later on housing']);
      expect(await titles({ status: 'draft' }, viewer.token)).toEqual([]);
      expect(await titles({ status: 'draft' }, o.token)).toEqual(['Draft']);
      expect(await titles({ organising: true }, o.token)).toEqual(['Soon on food', 'Draft', 'Middle on housing', 'Later on housing']);
      const from = new Date(Date.now() + 4 * 24 * 3600_000).toISOString();
      expect(await titles({ from })).toEqual(['Middle on housing', 'Later on housing']);
      expect(errorOf(await fresh.gql(LIST, { filter: { themes: ['nope'] } }))).toMatchObject({ code: 'UNKNOWN_THEME', field: 'filter.themes' });
      expect(errorOf(await fresh.gql(LIST, { filter: { registered: true } }))).toMatchObject({ code: 'UNAUTHENTICATED' });
    });

    it('pages with a cursor', async () => {
      const page1 = await fresh.gql<{ webinars: { totalCount: number; nodes: Array<{ title: string }>; pageInfo: { hasNextPage: boolean; endCursor: string } } }>(LIST, { first: 2 });
      expect(page1.data?.webinars.totalCount).toBe(3);
      expect(page1.data?.webinars.pageInfo.hasNextPage).toBe(true);
      const page2 = await fresh.gql<{ webinars: { nodes: Array<{ title: string }>; pageInfo: { hasNextPage: boolean } } }>(LIST, { first: 2, after: page1.data!.webinars.pageInfo.endCursor });
      expect(page2.data?.webinars.nodes.map((n) => n.title)).toEqual(['Later on housing']);
      expect(page2.data?.webinars.pageInfo.hasNextPage).toBe(false);
      expect(errorOf(await fresh.gql(LIST, { after: 'garbage' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    });

    it('recommends by the themes of my projects, then soonest, leaving out what I signed up for', async () => {
      const query = `{ recommendedWebinars(first: 5) { reason sharedThemes { id } webinar { title } } }`;
      const res = await fresh.gql<{ recommendedWebinars: Array<{ reason: string; sharedThemes: Array<{ id: string }>; webinar: { title: string } }> }>(query, {}, viewer.token);
      expect(res.data?.recommendedWebinars.map((r) => r.webinar.title)).toEqual(['Later on housing', 'Middle on housing', 'Soon on food']);
      expect(res.data?.recommendedWebinars[0]?.reason).toBe('2 themes of your projects: housing, fuel poverty');
      expect(res.data?.recommendedWebinars[2]?.reason).toBe('Coming up soon');
      await register(fresh, viewer, ids.later!);
      const after = await fresh.gql<{ recommendedWebinars: Array<{ webinar: { title: string } }> }>(query, {}, viewer.token);
      expect(after.data?.recommendedWebinars.map((r) => r.webinar.title)).toEqual(['Middle on housing', 'Soon on food']);
      expect(await titles({ registered: true }, viewer.token)).toEqual(['Later on housing']);
      expect(errorOf(await fresh.gql(query))).toMatchObject({ code: 'UNAUTHENTICATED' });
    });

    it('puts region-tied WHAMinars with a point on the map layer', async () => {
      const q = `query($bbox: BBoxInput!) { webinarsInBBox(bbox: $bbox) { title regionFocus { region point { lat lng } } } }`;
      const leeds = await fresh.gql<{ webinarsInBBox: Array<{ title: string }> }>(q, { bbox: { west: -2, south: 53.5, east: -1, north: 54 } });
      expect(leeds.data?.webinarsInBBox.map((w) => w.title)).toEqual(['Later on housing']);
      const scotland = await fresh.gql<{ webinarsInBBox: unknown[] }>(q, { bbox: { west: -6, south: 55, east: -2, north: 58 } });
      expect(scotland.data?.webinarsInBBox).toEqual([]);
      expect(errorOf(await fresh.gql(q, { bbox: { west: 1, south: 53, east: -1, north: 54 } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'bbox' });
    });

    it('exposes the whole contract on one query', async () => {
      const res = await fresh.gql(`query($id: ID!) { webinar(id: $id) { ${WEBINAR_FIELDS} } }`, { id: ids.soon }, viewer.token);
      expect(res.errors).toBeUndefined();
    });
  });
});
