import type { SocketError, SocketMessage } from '@kindred/domain';
import { MessageNotificationsService } from '../src/conversations/message-notifications.service';
import { MailService } from '../src/notifications/mail.service';
import { DemoSeedService } from '../src/projects/seed/demo-seed.service';
import { DEMO_LOGIN } from '../src/projects/seed/demo-login.constant';
import { DEMO_ORGANISER, WebinarDemoSeedService } from '../src/webinars/webinar-demo-seed.service';
import { WebinarRemindersService } from '../src/webinars/webinar-reminders.service';
import { send, sendGql } from './conversation-fixtures';
import { signUp, type SignedUpUser } from './fixtures';
import { sendOver, sendPayload, settle, socketOpener } from './socket-fixtures';
import { countRows, createTestApp, type TestApp } from './test-app';
import {
  createWebinar,
  errorOf,
  getWebinar,
  localIn,
  minutesFromNow,
  moveWebinar,
  register,
  signUpOrganiser,
  stopReminderJob,
  UNREGISTER,
  UPDATE,
  type WebinarView,
} from './webinar-fixtures';

const onServer = process.env['KINDRED_TEST_DB_KIND'] === 'server';

describe('WHAMinar reminders, threads and demo data (integration)', () => {
  let t: TestApp;
  let organiser: SignedUpUser;

  beforeAll(async () => {
    t = await createTestApp();
    await t.reset();
    stopReminderJob(t);
    await signUp(t);
    organiser = await signUpOrganiser(t, { displayName: 'Dr Olu Organiser' });
  });

  afterAll(async () => {
    await t.close();
  });

  describe('reminders 24 h and 1 h before, each exactly once', () => {
    /** A second API instance on the same database (a server database only: the embedded one has one connection). */
    let second: TestApp | null = null;
    let instances: WebinarRemindersService[];
    let mails: jest.SpyInstance[];

    beforeAll(async () => {
      if (onServer) {
        second = await createTestApp();
        stopReminderJob(second);
      }
      const apps = second ? [t, second] : [t, t];
      instances = apps.map((app) => app.app.get(WebinarRemindersService));
      mails = [...new Set(apps)].map((app) => jest.spyOn(app.app.get(MailService), 'send'));
    });

    afterAll(async () => {
      for (const spy of mails) spy.mockRestore();
      await second?.close();
    });

    /** Two scheduler runs racing at the same `now` (two instances on a server database). */
    const raceAt = async (now: Date) => {
      const runs = await Promise.all(instances.map((s) => s.sendDueReminders(now)));
      return { sent: runs.reduce((n, r) => n + r.sent, 0), emailed: runs.reduce((n, r) => n + r.emailed, 0) };
    };
    const emailsSent = () => mails.reduce((n, spy) => n + spy.mock.calls.length, 0);
    const reminderRows = async (webinarId: string) =>
      (await t.db.query(`SELECT user_id, kind FROM webinar_reminders WHERE webinar_id = $1 ORDER BY kind, user_id`, [webinarId])) as Array<{
        user_id: string;
        kind: string;
      }>;

    it('sends each registrant (never the waiting list) one 24 h and one 1 h reminder, even with two schedulers racing', async () => {
      const w = await createWebinar(t, organiser, { startsAt: localIn(3, '12:00'), capacity: 3, title: 'Reminder test' });
      const people = await Promise.all([signUp(t), signUp(t), signUp(t), signUp(t)]);
      await register(t, people[0]!, w.id, false); // no emails for this one
      await register(t, people[1]!, w.id);
      await register(t, people[2]!, w.id);
      await register(t, people[3]!, w.id); // waiting
      const start = new Date(w.startsAt);
      const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);
      const emailsBefore = emailsSent();

      expect((await raceAt(at(-25 * 60))).sent).toBe(0);
      expect(await raceAt(at(-23 * 60))).toEqual({ sent: 3, emailed: 2 });
      expect((await raceAt(at(-22 * 60))).sent).toBe(0);
      expect((await raceAt(at(-23 * 60))).sent).toBe(0);
      expect(await raceAt(at(-30))).toEqual({ sent: 3, emailed: 2 });
      expect((await raceAt(at(-1))).sent).toBe(0);
      expect((await raceAt(at(1))).sent).toBe(0);

      const rows = await reminderRows(w.id);
      expect(rows.filter((r) => r.kind === '24h')).toHaveLength(3);
      expect(rows.filter((r) => r.kind === '1h')).toHaveLength(3);
      expect(rows.some((r) => r.user_id === people[3]!.id)).toBe(false);
      const notes: Array<{ user_id: string; message: string }> = await t.db.query(
        `SELECT user_id, message FROM notifications WHERE type = 'webinar-reminder' AND payload->>'webinarId' = $1`,
        [w.id],
      );
      expect(notes).toHaveLength(6);
      expect(notes.filter((n) => n.message.startsWith('Reminder: ‘Reminder test’ starts tomorrow'))).toHaveLength(3);
      expect(notes.filter((n) => n.message.startsWith('Reminder: ‘Reminder test’ starts in 1 hour'))).toHaveLength(3);
      expect(emailsSent() - emailsBefore).toBe(4);
      const recipients = mails.flatMap((spy) => spy.mock.calls.map(([message]) => (message as { to: string }).to));
      expect(recipients).not.toContain(people[0]!.email);
      expect(recipients).not.toContain(people[3]!.email);

      // Moved to a new start: reminded afresh for the new time.
      const moved = await t.gql<{ updateWebinar: WebinarView }>(UPDATE, { id: w.id, input: { startsAt: localIn(4, '12:00') } }, organiser.token);
      const newStart = new Date(moved.data!.updateWebinar.startsAt);
      expect((await raceAt(new Date(newStart.getTime() - 23 * 3600_000))).sent).toBe(3);
    });

    it('catches up after downtime but never sends a stale reminder', async () => {
      const w = await createWebinar(t, organiser, { startsAt: localIn(3, '15:00'), title: 'Missed while down' });
      const person = await signUp(t);
      await register(t, person, w.id);
      const start = new Date(w.startsAt);
      // Down until after the start: nothing at all.
      expect((await raceAt(new Date(start.getTime() + 5 * 60_000))).sent).toBe(0);
      // Down until 30 minutes before: the 1 h reminder only (the 24 h one is past its time).
      expect((await raceAt(new Date(start.getTime() - 30 * 60_000))).sent).toBe(1);
      expect(await reminderRows(w.id)).toEqual([{ user_id: person.id, kind: '1h' }]);
    });

    it('does not remind someone who registered after the reminder time', async () => {
      const w = await createWebinar(t, organiser, { title: 'Late joiner' });
      await moveWebinar(t, w.id, minutesFromNow(50));
      const person = await signUp(t);
      await register(t, person, w.id);
      expect((await raceAt(new Date())).sent).toBe(0);
      expect(await reminderRows(w.id)).toEqual([]);
    });
  });

  describe('the follow-up thread', () => {
    let w: WebinarView;
    let conversationId: string;
    let speaker: SignedUpUser;
    let a: SignedUpUser;
    let b: SignedUpUser;
    let c: SignedUpUser;
    let outsider: SignedUpUser;
    const open = socketOpener(() => t, 'all');

    beforeAll(async () => {
      speaker = await signUp(t, { displayName: 'Sam Speaker' });
      [a, b, c, outsider] = await Promise.all([signUp(t), signUp(t), signUp(t), signUp(t)]);
      w = await createWebinar(t, organiser, { capacity: 2, speakers: [{ userId: speaker.id }, { name: 'Guest Person' }], title: 'Thread test' });
      conversationId = w.thread!.conversationId;
      await register(t, a, w.id);
    });

    it('holds the organiser, speakers and registrants, never the waiting list', async () => {
      await register(t, b, w.id);
      await register(t, c, w.id); // waiting
      const members: Array<{ user_id: string; role: string }> = await t.db.query(
        `SELECT user_id, role FROM conversation_members WHERE conversation_id = $1 ORDER BY role, user_id`,
        [conversationId],
      );
      expect(members.find((m) => m.role === 'owner')?.user_id).toBe(organiser.id);
      expect(members.map((m) => m.user_id).sort()).toEqual([organiser.id, speaker.id, a.id, b.id].sort());
      expect((await getWebinar(t, w.id, c.token)).thread).toMatchObject({ isMember: false, conversationId });
      const inbox = await t.gql<{ myConversations: { nodes: Array<{ id: string; kind: string; displayTitle: string }> } }>(
        `{ myConversations { nodes { id kind displayTitle } } }`,
        {},
        a.token,
      );
      expect(inbox.data?.myConversations.nodes).toContainEqual({ id: conversationId, kind: 'webinar', displayTitle: 'Thread test' });
      expect(errorOf(await t.gql(`mutation($id: ID!) { leaveConversation(conversationId: $id) }`, { id: conversationId }, a.token))).toMatchObject({
        code: 'BAD_USER_INPUT',
      });
    });

    it('refuses posts before the start with THREAD_NOT_OPEN, over GraphQL and the socket, storing nothing', async () => {
      const before = await countRows(t.db, 'messages');
      const res = await sendGql(t, a, conversationId, 'Too early');
      expect(errorOf(res)).toMatchObject({ code: 'THREAD_NOT_OPEN' });
      expect(res.errors?.[0]?.extensions?.['opensAt']).toBe(w.startsAt);
      const organiserSocket = await open(organiser);
      const ack = await organiserSocket.call('message:send', sendPayload(conversationId, 'Also too early'));
      expect(ack.ok).toBe(false);
      expect(!ack.ok && (ack.error as SocketError).code).toBe('THREAD_NOT_OPEN');
      expect(await countRows(t.db, 'messages')).toBe(before);
      expect((await getWebinar(t, w.id, a.token)).thread).toMatchObject({ isOpenForPosting: false, status: 'open' });
    });

    it('opens at the start: registrants get messages live, replies and reactions included; the waiting list does not', async () => {
      const organiserSocket = await open(organiser);
      const aSocket = await open(a);
      const cSocket = await open(c);
      await moveWebinar(t, w.id, minutesFromNow(-1));
      expect((await getWebinar(t, w.id, a.token)).thread?.isOpenForPosting).toBe(true);

      const arrives = aSocket.next<SocketMessage>('message:new', (m) => m.conversationId === conversationId);
      const welcome = await sendOver(organiserSocket, conversationId, 'Welcome, everyone: questions here please');
      expect((await arrives).id).toBe(welcome.id);

      const replyArrives = organiserSocket.next<SocketMessage>('message:new', (m) => m.parentId === welcome.id);
      const reply = await sendOver(aSocket, conversationId, 'Thank you! @Sam how do you ask about money?', { parentId: welcome.id, mentionIds: [speaker.id] });
      expect((await replyArrives).id).toBe(reply.id);
      const reacted = organiserSocket.next<SocketMessage>('message:updated', (m) => m.id === reply.id);
      expect((await aSocket.call('message:react', { messageId: reply.id, emoji: '🙏', on: true })).ok).toBe(true);
      expect((await reacted).reactions).toEqual([{ emoji: '🙏', count: 1, userIds: [a.id] }]);
      await settle();
      expect(cSocket.received('message:new')).toEqual([]);
    });

    it('follows registrations live: a cancellation leaves the room, the promoted person joins it', async () => {
      const aSocket = await open(a);
      const cSocket = await open(c);
      const removed = aSocket.next<{ conversationId: string }>('conversation:removed', (e) => e.conversationId === conversationId);
      const cancelled = await t.gql<{ cancelWebinarRegistration: WebinarView }>(UNREGISTER, { id: w.id }, a.token);
      expect(cancelled.errors).toBeUndefined();
      await removed;
      expect((await getWebinar(t, w.id, c.token)).myRegistration?.status).toBe('registered');

      const toC = cSocket.next<SocketMessage>('message:new', (m) => m.body === 'Glad you could join');
      await send(t, organiser, conversationId, 'Glad you could join');
      expect((await toC).conversationId).toBe(conversationId);
      await settle();
      expect(aSocket.received('message:new').some((m) => (m as SocketMessage).body === 'Glad you could join')).toBe(false);
      expect(errorOf(await sendGql(t, a, conversationId, 'Still here?'))).toMatchObject({ code: 'NOT_A_MEMBER' });
    });

    it('lets the organiser pin a message, shown to members only', async () => {
      const [message] = await t.db.query(`SELECT id FROM messages WHERE conversation_id = $1 ORDER BY seq LIMIT 1`, [conversationId]);
      const PIN = `mutation($id: ID!, $m: ID) { pinWebinarMessage(webinarId: $id, messageId: $m) { thread { pinnedMessage { id body } } } }`;
      expect(errorOf(await t.gql(PIN, { id: w.id, m: message.id }, b.token))).toMatchObject({ code: 'FORBIDDEN' });
      const other = await createWebinar(t, organiser);
      expect(errorOf(await t.gql(PIN, { id: other.id, m: message.id }, organiser.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'messageId' });
      const pinned = await t.gql<{ pinWebinarMessage: { thread: { pinnedMessage: { id: string; body: string } } } }>(PIN, { id: w.id, m: message.id }, organiser.token);
      expect(pinned.data?.pinWebinarMessage.thread.pinnedMessage).toEqual({ id: message.id, body: 'Welcome, everyone: questions here please' });
      expect((await getWebinar(t, w.id, b.token)).thread?.pinnedMessage?.id).toBe(message.id);
      expect((await getWebinar(t, w.id, outsider.token)).thread).toMatchObject({ isMember: false, pinnedMessage: null });
      expect((await getWebinar(t, w.id)).thread).toBeNull();
    });

    it('lets the organiser attach resources (https links)', async () => {
      const ADD = `mutation($id: ID!, $input: WebinarResourceInput!) { addWebinarResource(webinarId: $id, input: $input) { resources { id kind title url } } }`;
      const added = await t.gql<{ addWebinarResource: { resources: Array<{ id: string; kind: string; title: string; url: string }> } }>(
        ADD,
        { id: w.id, input: { kind: 'slides', title: 'Slides', url: 'https://example.org/slides.pdf' } },
        organiser.token,
      );
      expect(added.data?.addWebinarResource.resources).toEqual([{ id: expect.any(String), kind: 'slides', title: 'Slides', url: 'https://example.org/slides.pdf' }]);
      const before = await countRows(t.db, 'webinar_resources');
      expect(errorOf(await t.gql(ADD, { id: w.id, input: { kind: 'slides', title: 'x', url: 'http://example.org/x' } }, organiser.token))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.url',
      });
      expect(errorOf(await t.gql(ADD, { id: w.id, input: { kind: 'video', title: 'x', url: 'https://example.org/x' } }, organiser.token))).toMatchObject({
        field: 'input.kind',
      });
      expect(errorOf(await t.gql(ADD, { id: w.id, input: { kind: 'link', title: 'x', url: 'https://example.org/x' } }, b.token))).toMatchObject({ code: 'FORBIDDEN' });
      expect(await countRows(t.db, 'webinar_resources')).toBe(before);
      const REMOVE = `mutation($id: ID!) { removeWebinarResource(resourceId: $id) { resources { id } } }`;
      const removed = await t.gql<{ removeWebinarResource: { resources: unknown[] } }>(REMOVE, { id: added.data!.addWebinarResource.resources[0]!.id }, organiser.token);
      expect(removed.data?.removeWebinarResource.resources).toEqual([]);
    });

    it('refuses posts once the organiser closes the thread (MESSAGING_CLOSED), nothing stored; reopening allows them again', async () => {
      const CLOSE = `mutation($id: ID!) { closeWebinarThread(webinarId: $id) { thread { status isOpenForPosting } } }`;
      const REOPEN = `mutation($id: ID!) { reopenWebinarThread(webinarId: $id) { thread { status isOpenForPosting } } }`;
      expect(errorOf(await t.gql(CLOSE, { id: w.id }, b.token))).toMatchObject({ code: 'FORBIDDEN' });
      const closed = await t.gql<{ closeWebinarThread: { thread: { status: string; isOpenForPosting: boolean } } }>(CLOSE, { id: w.id }, organiser.token);
      expect(closed.data?.closeWebinarThread.thread).toEqual({ status: 'closed', isOpenForPosting: false });
      const before = await countRows(t.db, 'messages');
      expect(errorOf(await sendGql(t, b, conversationId, 'Anyone?'))).toMatchObject({ code: 'MESSAGING_CLOSED' });
      expect(await countRows(t.db, 'messages')).toBe(before);
      await t.gql(REOPEN, { id: w.id }, organiser.token);
      expect((await sendGql(t, b, conversationId, 'Back again')).errors).toBeUndefined();
    });
  });

  describe('demo data', () => {
    it('seeds three demo WHAMinars once, with a demo organiser, registrations and a past thread', async () => {
      // Message notifications are written off the sender's path: let them land before emptying the tables.
      await t.app.get(MessageNotificationsService).settled();
      await t.reset();
      await t.app.get(DemoSeedService).seedIfEmpty(20);
      const seeder = t.app.get(WebinarDemoSeedService);
      expect((await Promise.all([seeder.seedIfEmpty(), seeder.seedIfEmpty()])).sort()).toEqual([false, true]);
      expect(await seeder.seedIfEmpty()).toBe(false);
      expect(await countRows(t.db, 'webinars')).toBe(3);

      const signIn = await t.gql<{ signIn: { accessToken: string; account: { role: string } } }>(
        `mutation($input: SignInInput!) { signIn(input: $input) { accessToken account { role } } }`,
        { input: { email: DEMO_ORGANISER.email, password: DEMO_LOGIN.password } },
      );
      expect(signIn.data?.signIn.account.role).toBe('organiser');
      const token = signIn.data!.signIn.accessToken;

      const upcoming = await t.gql<{ webinars: { nodes: Array<{ id: string; title: string; registeredCount: number; regionFocus: { region: string } | null }> } }>(
        `{ webinars { nodes { id title registeredCount regionFocus { region } } } }`,
      );
      expect(upcoming.data?.webinars.nodes).toHaveLength(2);
      expect(upcoming.data?.webinars.nodes[0]?.registeredCount).toBeGreaterThan(0);
      expect(upcoming.data?.webinars.nodes[1]?.regionFocus?.region).toBe('Scotland');

      const past = await t.gql<{ webinars: { nodes: Array<{ id: string; status: string }> } }>(`{ webinars(filter: { past: true }) { nodes { id status } } }`);
      const pastId = past.data!.webinars.nodes[0]!.id;
      expect(past.data?.webinars.nodes[0]?.status).toBe('finished');
      const view = await getWebinar(t, pastId, token);
      expect(view.resources.map((r) => r.kind)).toEqual(['slides', 'recording']);
      expect(view.thread?.pinnedMessage?.body).toMatch(/Thank you all for coming/);
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM messages WHERE conversation_id = $1`, [view.thread!.conversationId]);
      expect(n).toBeGreaterThanOrEqual(3);
    });
  });
});
