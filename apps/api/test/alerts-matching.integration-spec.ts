import { distanceKm } from '@kindred/geo';
import { AlertMatchingService } from '../src/alerts/alert-matching.service';
import { createTestApp, countRows, TestApp } from './test-app';
import { registerProject, signUp, SignedUpUser } from './fixtures';
import {
  BRISTOL,
  CARDIFF,
  cornerCase,
  createAlert,
  errorOf,
  LEEDS,
  MANCHESTER,
  MARK_ALL_READ,
  MARK_READ,
  MY_NOTIFICATIONS,
  NotificationData,
  notificationsOf,
  offset,
  UNREAD_COUNT,
} from './alerts-fixtures';

const UPDATE_PROJECT = `mutation($id: ID!, $input: UpdateProjectInput!) { updateProject(id: $id, input: $input) { id location { lat lng } } }`;

describe('alerts (integration): matching new projects and the notifications inbox', () => {
  let t: TestApp;
  let author: SignedUpUser;

  beforeAll(async () => {
    t = await createTestApp();
    await t.reset();
    author = await signUp(t, { displayName: 'Project Author' });
  });
  afterAll(async () => t.close());

  /** A fresh user with one alert, so their inbox holds only that alert's matches. */
  async function watcher(alert: Record<string, unknown>) {
    const user = await signUp(t);
    const saved = await createAlert(t, user.token, alert);
    return { user, alert: saved, inbox: () => notificationsOf(t, user.token) };
  }

  describe('a matching registration', () => {
    it('notifies the alert owner exactly once, with where, which alert, which project and a rounded distance', async () => {
      const w = await watcher({ name: 'Child poverty near me', placeName: 'Leeds', radiusKm: 10, themes: ['child-poverty', 'housing'] });
      const at = offset(LEEDS, { east: 1, north: 0 }, 6);
      const project = await registerProject(t, author.token, {
        title: 'Warm spaces for families',
        themes: ['child-poverty', 'fuel-poverty'],
        location: at,
        locationPrecision: 'exact',
      });
      const inbox = await w.inbox();
      expect(inbox).toHaveLength(1);
      const [n] = inbox as [NotificationData];
      expect(n.type).toBe('alert-match');
      expect(n.message).toBe(
        'New project near Leeds matching your alert ‘Child poverty near me’: ‘Warm spaces for families’ (about 6 km from the centre)',
      );
      expect(n.link).toBe(`/projects/${project.id}`);
      expect(n.readAt).toBeNull();
      expect(JSON.parse(n.payload)).toEqual({
        alertId: w.alert.id,
        alertName: 'Child poverty near me',
        projectId: project.id,
        projectTitle: 'Warm spaces for families',
        near: 'Leeds',
        distanceKm: 6,
        region: null,
        reason: 'registered',
      });
      expect((await t.gql(UNREAD_COUNT, {}, w.user.token)).data).toEqual({ unreadNotificationCount: 1 });

      // Never twice for the same alert and project: not on an edit inside the area, nor on a retried match.
      await t.gql(UPDATE_PROJECT, { id: project.id, input: { location: offset(LEEDS, { east: 1, north: 0 }, 4) } }, author.token);
      const matching = t.app.get(AlertMatchingService);
      const again = await matching.notifyMatches({
        projectId: project.id,
        ownerId: (await t.db.query(`SELECT owner_id FROM projects WHERE id = $1`, [project.id]))[0].owner_id,
        title: project.title,
        themes: ['child-poverty'],
        shownAt: project.location,
        previouslyShownAt: null,
      });
      expect(again).toBe(0);
      expect(await w.inbox()).toHaveLength(1);
    });

    it('matches an alert with no themes on any theme, carrying any title intact', async () => {
      const w = await watcher({ name: 'Any "theme", {really} \\ any', placeName: 'Leeds', radiusKm: 10 });
      const title = 'Digital "help", {drop-in} \\ café, NULL';
      const project = await registerProject(t, author.token, { title, themes: ['digital-exclusion'], location: LEEDS });
      const inbox = await w.inbox();
      expect(inbox).toHaveLength(1);
      expect(inbox[0]!.message).toContain(`your alert ‘Any "theme", {really} \\ any’: ‘${title}’`);
      expect(JSON.parse(inbox[0]!.payload)).toMatchObject({ projectTitle: title, projectId: project.id });
    });

    it('notifies every matching alert of every other user, one notification each', async () => {
      const a = await watcher({ placeName: 'Leeds', radiusKm: 20, themes: ['housing'] });
      const b = await watcher({ placeName: 'Leeds', radiusKm: 50 });
      const before = await countRows(t.db, 'notifications');
      await registerProject(t, author.token, { themes: ['housing'], location: offset(LEEDS, { east: 0, north: 1 }, 3) });
      expect(await a.inbox()).toHaveLength(1);
      expect(await b.inbox()).toHaveLength(1);
      // Earlier tests' Leeds alerts (10 km, child poverty or any theme) match this project too.
      expect(await countRows(t.db, 'notifications')).toBeGreaterThanOrEqual(before + 2);
    });
  });

  describe('no notification', () => {
    it('when no theme is shared', async () => {
      const w = await watcher({ placeName: 'Leeds', radiusKm: 10, themes: ['child-poverty'] });
      await registerProject(t, author.token, { themes: ['housing', 'mental-health'], location: LEEDS });
      expect(await w.inbox()).toEqual([]);
    });

    it('when the project is outside the radius', async () => {
      const w = await watcher({ placeName: 'Leeds', radiusKm: 10 });
      const at = offset(LEEDS, { east: 0, north: -1 }, 12);
      expect(distanceKm(LEEDS, at)).toBeGreaterThan(11);
      await registerProject(t, author.token, { location: at, locationPrecision: 'exact' });
      expect(await w.inbox()).toEqual([]);
    });

    it("for the project's own owner", async () => {
      const w = await watcher({ placeName: 'Manchester', radiusKm: 10 });
      await registerProject(t, w.user.token, { location: MANCHESTER });
      expect(await w.inbox()).toEqual([]);
      // The same project by someone else does notify.
      await registerProject(t, author.token, { location: MANCHESTER });
      expect(await w.inbox()).toHaveLength(1);
    });
  });

  describe('matched on the shown (rounded) point, never the exact one', () => {
    it.each([
      ['area', 1],
      ['region', 5],
    ] as const)('%s precision: exact point inside but shown point outside does not notify', async (precision, radiusKm) => {
      const c = cornerCase(offset(LEEDS, { east: 1, north: 1 }, 30), precision);
      // Centre beyond the exact point, away from the shown one.
      const centre = offset(c.exact, c.away, radiusKm * 0.9);
      expect(distanceKm(centre, c.exact)).toBeLessThan(radiusKm * 0.95);
      expect(distanceKm(centre, c.shown)).toBeGreaterThan(radiusKm * 1.1);
      const w = await watcher({ centre, radiusKm });
      await registerProject(t, author.token, { location: c.exact, locationPrecision: precision });
      expect(await w.inbox()).toEqual([]);
    });

    it.each([
      ['area', 1, 0.6],
      ['region', 5, 0.3],
    ] as const)('%s precision: exact point outside but shown point inside notifies', async (precision, radiusKm, share) => {
      const c = cornerCase(offset(LEEDS, { east: -1, north: -1 }, 30), precision);
      // Centre beyond the shown point, away from the exact one.
      const centre = offset(c.shown, c.away, -radiusKm * share);
      expect(distanceKm(centre, c.shown)).toBeLessThan(radiusKm * (share + 0.05));
      expect(distanceKm(centre, c.exact)).toBeGreaterThan(radiusKm * 1.05);
      const w = await watcher({ centre, radiusKm });
      await registerProject(t, author.token, { location: c.exact, locationPrecision: precision });
      const inbox = await w.inbox();
      expect(inbox).toHaveLength(1);
      // The distance told is from the shown point too, rounded ("under 2 km").
      expect(inbox[0]!.message).toMatch(/\(under 2 km from the centre\)$/);
    });
  });

  describe('region alerts', () => {
    it('match projects whose shown point lies in that nation, and name it', async () => {
      const w = await watcher({ name: 'Anywhere in Wales', region: 'Wales', themes: ['housing'] });
      await registerProject(t, author.token, { title: 'Housing advice in Cardiff', themes: ['housing'], location: CARDIFF, placeName: 'Cardiff' });
      const inbox = await w.inbox();
      expect(inbox).toHaveLength(1);
      expect(inbox[0]!.message).toBe('New project near Cardiff matching your alert ‘Anywhere in Wales’: ‘Housing advice in Cardiff’ (in Wales)');
      expect(JSON.parse(inbox[0]!.payload)).toMatchObject({ region: 'Wales', distanceKm: null });
    });

    it('do not match a project across the border', async () => {
      const w = await watcher({ region: 'Wales' });
      // Bristol is about 40 km from Cardiff, across the Severn in England.
      await registerProject(t, author.token, { location: BRISTOL });
      expect(await w.inbox()).toEqual([]);
    });
  });

  describe('a project moving into an area', () => {
    it('notifies once when it moves in, and not again when it moves within', async () => {
      const w = await watcher({ placeName: 'Leeds', radiusKm: 15, themes: ['housing'] });
      const project = await registerProject(t, author.token, { themes: ['housing'], location: MANCHESTER });
      expect(await w.inbox()).toEqual([]);
      await t.gql(UPDATE_PROJECT, { id: project.id, input: { location: offset(LEEDS, { east: 1, north: 0 }, 3) } }, author.token);
      const inbox = await w.inbox();
      expect(inbox).toHaveLength(1);
      expect(inbox[0]!.message).toMatch(/^Project moved near Leeds, matching your alert/);
      await t.gql(UPDATE_PROJECT, { id: project.id, input: { location: offset(LEEDS, { east: -1, north: 0 }, 3) } }, author.token);
      await t.gql(UPDATE_PROJECT, { id: project.id, input: { location: MANCHESTER } }, author.token);
      await t.gql(UPDATE_PROJECT, { id: project.id, input: { location: LEEDS } }, author.token);
      expect(await w.inbox()).toHaveLength(1);
    });
  });

  describe('the inbox', () => {
    let w: Awaited<ReturnType<typeof watcher>>;
    beforeAll(async () => {
      w = await watcher({ placeName: 'Leeds', radiusKm: 30, themes: ['social-isolation'] });
      for (let i = 0; i < 5; i++) {
        await registerProject(t, author.token, { title: `Lunch club ${i + 1}`, themes: ['social-isolation'], location: offset(LEEDS, { east: 0, north: 1 }, i) });
      }
    });

    it('pages newest first with a cursor', async () => {
      const first = await t.gql<{ myNotifications: { nodes: NotificationData[]; pageInfo: { hasNextPage: boolean; endCursor: string } } }>(
        MY_NOTIFICATIONS,
        { first: 2 },
        w.user.token,
      );
      expect(first.data!.myNotifications.nodes.map((n) => JSON.parse(n.payload).projectTitle)).toEqual(['Lunch club 5', 'Lunch club 4']);
      expect(first.data!.myNotifications.pageInfo.hasNextPage).toBe(true);
      const rest = await t.gql<{ myNotifications: { nodes: NotificationData[]; pageInfo: { hasNextPage: boolean } } }>(
        MY_NOTIFICATIONS,
        { first: 10, after: first.data!.myNotifications.pageInfo.endCursor },
        w.user.token,
      );
      expect(rest.data!.myNotifications.nodes.map((n) => JSON.parse(n.payload).projectTitle)).toEqual(['Lunch club 3', 'Lunch club 2', 'Lunch club 1']);
      expect(rest.data!.myNotifications.pageInfo.hasNextPage).toBe(false);
    });

    it('refuses a bad page size or cursor with the field', async () => {
      for (const vars of [{ first: 0 }, { first: 101 }]) {
        expect(errorOf(await t.gql(MY_NOTIFICATIONS, vars, w.user.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
      }
      expect(errorOf(await t.gql(MY_NOTIFICATIONS, { after: 'bm90LWEtY3Vyc29y' }, w.user.token))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'after',
      });
    });

    it('marks chosen notifications read, then all, counting the unread', async () => {
      const inbox = await w.inbox();
      expect((await t.gql(UNREAD_COUNT, {}, w.user.token)).data).toEqual({ unreadNotificationCount: 5 });
      const marked = await t.gql<{ markNotificationsRead: NotificationData[] }>(MARK_READ, { ids: [inbox[0]!.id, inbox[1]!.id] }, w.user.token);
      expect(marked.errors).toBeUndefined();
      expect(marked.data!.markNotificationsRead.map((n) => n.id)).toEqual([inbox[0]!.id, inbox[1]!.id]);
      expect(marked.data!.markNotificationsRead.every((n) => n.readAt !== null)).toBe(true);
      expect((await t.gql(UNREAD_COUNT, {}, w.user.token)).data).toEqual({ unreadNotificationCount: 3 });
      // Marking again keeps the first time.
      const again = await t.gql<{ markNotificationsRead: NotificationData[] }>(MARK_READ, { ids: [inbox[0]!.id] }, w.user.token);
      expect(again.data!.markNotificationsRead[0]!.readAt).toBe(marked.data!.markNotificationsRead[0]!.readAt);
      expect((await t.gql(MARK_ALL_READ, {}, w.user.token)).data).toEqual({ markAllNotificationsRead: 3 });
      expect((await t.gql(MARK_ALL_READ, {}, w.user.token)).data).toEqual({ markAllNotificationsRead: 0 });
      expect((await t.gql(UNREAD_COUNT, {}, w.user.token)).data).toEqual({ unreadNotificationCount: 0 });
    });

    it('refuses ids that are not notifications', async () => {
      expect(errorOf(await t.gql(MARK_READ, { ids: ['00000000-0000-4000-8000-000000000000'] }, w.user.token))).toMatchObject({
        code: 'NOT_FOUND',
        field: 'ids',
      });
      expect(errorOf(await t.gql(MARK_READ, { ids: ['nope'] }, w.user.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ids' });
    });

    it('needs a signed-in user', async () => {
      for (const query of [MY_NOTIFICATIONS, UNREAD_COUNT, MARK_ALL_READ]) {
        expect(errorOf(await t.gql(query, {})).code).toBe('UNAUTHENTICATED');
      }
    });
  });

  describe("someone else's notifications", () => {
    let victim: Awaited<ReturnType<typeof watcher>>;
    let intruder: Awaited<ReturnType<typeof watcher>>;
    let theirs: NotificationData;
    let own: NotificationData;
    const readState = async () =>
      (await t.db.query(`SELECT id, read_at FROM notifications WHERE user_id = $1 ORDER BY id`, [victim.user.id])) as unknown[];

    beforeAll(async () => {
      victim = await watcher({ placeName: 'Leeds', radiusKm: 10, themes: ['racism-discrimination'] });
      intruder = await watcher({ placeName: 'Leeds', radiusKm: 10, themes: ['racism-discrimination'] });
      await registerProject(t, author.token, { themes: ['racism-discrimination'], location: LEEDS });
      await registerProject(t, intruder.user.token, { title: "The intruder's own", themes: ['racism-discrimination'], location: LEEDS });
      [theirs] = (await victim.inbox()) as [NotificationData];
      [own] = (await intruder.inbox()) as [NotificationData];
      expect(await victim.inbox()).toHaveLength(2);
      expect(await intruder.inbox()).toHaveLength(1);
    });

    it('cannot be read: they are in no one else’s inbox or unread count', async () => {
      expect((await intruder.inbox()).map((n) => n.id)).not.toContain(theirs.id);
      expect((await t.gql(UNREAD_COUNT, {}, intruder.user.token)).data).toEqual({ unreadNotificationCount: 1 });
    });

    it('cannot be marked read (FORBIDDEN), alone or mixed with one’s own, and nothing changes', async () => {
      const before = await readState();
      expect(errorOf(await t.gql(MARK_READ, { ids: [theirs.id] }, intruder.user.token)).code).toBe('FORBIDDEN');
      expect(errorOf(await t.gql(MARK_READ, { ids: [own.id, theirs.id] }, intruder.user.token)).code).toBe('FORBIDDEN');
      expect(await readState()).toEqual(before);
      expect((await intruder.inbox())[0]!.readAt).toBeNull();
    });

    it('are untouched by another user marking all their own read', async () => {
      const before = await readState();
      expect((await t.gql(MARK_ALL_READ, {}, intruder.user.token)).data).toEqual({ markAllNotificationsRead: 1 });
      expect(await readState()).toEqual(before);
      expect((await t.gql(UNREAD_COUNT, {}, victim.user.token)).data).toEqual({ unreadNotificationCount: 2 });
    });
  });
});
