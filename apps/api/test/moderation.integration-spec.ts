import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { SOCKET_EVENTS } from '@kindred/domain';
import { RealtimeService } from '../src/realtime/realtime.service';
import { registerProject, signUp, type SignedUpUser } from './fixtures';
import { countRows, createTestApp, type GqlResult, type TestApp } from './test-app';

const REPORT = `mutation Report($input: ReportInput!) {
  reportContent(input: $input) {
    id reason details status resolution createdAt resolvedAt
    reporter { id } targetAuthor { id }
    project { id title }
    message { id body hiddenAt author { id } }
  }
}`;
const RESOLVE = `mutation Resolve($input: ResolveReportInput!) {
  resolveReport(input: $input) { id status resolution resolvedAt project { id hiddenAt } message { id body hiddenAt } targetAuthor { id } }
}`;
const QUEUE = `query Queue($status: String, $first: Int, $after: String) {
  moderationQueue(status: $status, first: $first, after: $after) {
    pageInfo { hasNextPage endCursor }
    nodes {
      id reason details status resolution createdAt resolvedAt
      reporter { id displayName }
      targetAuthor { id displayName }
      project { id title hiddenAt owner { id } }
      message { id conversationId body hiddenAt deletedAt author { id } }
    }
  }
}`;

interface ReportNode {
  id: string;
  reason: string;
  details: string | null;
  status: string;
  resolution: string | null;
  createdAt: string;
  resolvedAt: string | null;
  reporter: { id: string } | null;
  targetAuthor: { id: string } | null;
  project: { id: string; title?: string; hiddenAt?: string | null } | null;
  message: { id: string; body: string | null; hiddenAt: string | null; author?: { id: string } | null } | null;
}
interface QueueResult {
  moderationQueue: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: ReportNode[] };
}

/**
 * A conversation of these members with messages (seq 1..n, unique client ids) written straight
 * into its tables, so these tests do not depend on the messaging rules (policies, flood control).
 * Returns the message ids in order.
 */
async function insertConversation(db: DataSource, memberIds: string[], messages: Array<{ authorId: string; body: string }>): Promise<string[]> {
  const [{ id }] = (await db.query(`INSERT INTO conversations (kind, title, last_seq) VALUES ('group', 'Test group', $1) RETURNING id`, [
    messages.length,
  ])) as Array<{ id: string }>;
  for (const userId of memberIds) await db.query(`INSERT INTO conversation_members (conversation_id, user_id) VALUES ($1, $2)`, [id, userId]);
  const ids: string[] = [];
  for (const [i, m] of messages.entries()) {
    const [row] = (await db.query(
      `INSERT INTO messages (conversation_id, seq, author_id, client_id, body) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [id, i + 1, m.authorId, `client-${randomUUID()}`, m.body],
    )) as Array<{ id: string }>;
    ids.push(row!.id);
  }
  return ids;
}

function errorOf<T>(res: GqlResult<T>): { code?: string; field?: string } {
  expect(res.data ?? null).toBeNull();
  const error = res.errors?.[0];
  return { code: error?.extensions?.code, field: error?.extensions?.field };
}

describe('reports and the moderation queue (integration, real PostGIS)', () => {
  let t: TestApp;
  let admin: SignedUpUser;
  let alice: SignedUpUser;
  let bob: SignedUpUser;
  let carol: SignedUpUser;
  let bobsProject: string;
  let adminsProject: string;
  let alicesProject: string;
  /** Bob's messages to Alice and Bob; Alice's own; a message in a conversation Alice is not in. */
  let bobsMessage: string;
  let bobsSecondMessage: string;
  let alicesMessage: string;
  let elsewhere: string;

  const report = (input: Record<string, unknown>, token = alice.token) => t.gql<{ reportContent: ReportNode }>(REPORT, { input }, token);
  const resolve = (input: Record<string, unknown>, token = admin.token) => t.gql<{ resolveReport: ReportNode }>(RESOLVE, { input }, token);
  const queue = (vars: Record<string, unknown> = {}, token = admin.token) => t.gql<QueueResult>(QUEUE, vars, token);
  const reportRows = () => t.db.query(`SELECT id, status, resolution, resolved_by, resolved_at FROM reports ORDER BY id`);

  beforeAll(async () => {
    t = await createTestApp();
    await t.reset();
    admin = await signUp(t, { displayName: 'Ada Admin' });
    alice = await signUp(t, { displayName: 'Alice Reporter' });
    bob = await signUp(t, { displayName: 'Bob Author' });
    carol = await signUp(t, { displayName: 'Carol Outsider' });
    expect([admin.role, alice.role, bob.role]).toEqual(['admin', 'clinician', 'clinician']);
    bobsProject = (await registerProject(t, bob.token, { title: 'Bob’s food bank referrals' })).id;
    adminsProject = (await registerProject(t, admin.token, { title: 'Admin’s housing clinic' })).id;
    alicesProject = (await registerProject(t, alice.token, { title: 'Alice’s warm spaces' })).id;
    [bobsMessage, bobsSecondMessage, alicesMessage] = await insertConversation(t.db, [alice.id, bob.id], [
      { authorId: bob.id, body: 'Buy cheap supplements at example.com' },
      { authorId: bob.id, body: 'Another advert' },
      { authorId: alice.id, body: 'Please stop posting adverts' },
    ]);
    [elsewhere] = await insertConversation(t.db, [bob.id, carol.id], [{ authorId: bob.id, body: 'Only for Carol' }]);
  });
  afterAll(async () => t.close());

  describe('reporting', () => {
    afterEach(async () => {
      await t.db.query('DELETE FROM reports');
    });

    it.each([
      ['neither a message nor a project', { reason: 'spam' }, 'BAD_USER_INPUT', 'input.messageId'],
      ['both a message and a project', { reason: 'spam', messageId: '$message', projectId: '$project' }, 'BAD_USER_INPUT', 'input.messageId'],
      ['a reason not in the list', { reason: 'rude', projectId: '$project' }, 'BAD_USER_INPUT', 'input.reason'],
      ['details over 1,000 characters', { reason: 'other', projectId: '$project', details: 'x'.repeat(1001) }, 'BAD_USER_INPUT', 'input.details'],
      ['a message id that is not an id', { reason: 'spam', messageId: 'not-an-id' }, 'BAD_USER_INPUT', 'input.messageId'],
      ['an unknown project', { reason: 'spam', projectId: '$unknown' }, 'NOT_FOUND', 'input.projectId'],
      ['an unknown message', { reason: 'spam', messageId: '$unknown' }, 'NOT_FOUND', 'input.messageId'],
      ['a message in a conversation I am not in', { reason: 'spam', messageId: '$elsewhere' }, 'NOT_FOUND', 'input.messageId'],
      ['my own project', { reason: 'spam', projectId: '$mine' }, 'BAD_USER_INPUT', 'input.projectId'],
      ['my own message', { reason: 'spam', messageId: '$myMessage' }, 'BAD_USER_INPUT', 'input.messageId'],
    ])('refuses %s with its code and field, writing nothing', async (_case, raw, code, field) => {
      const ids: Record<string, string> = {
        $message: bobsMessage,
        $project: bobsProject,
        $unknown: randomUUID(),
        $elsewhere: elsewhere,
        $mine: alicesProject,
        $myMessage: alicesMessage,
      };
      const input = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, typeof v === 'string' && v in ids ? ids[v] : v]));
      expect(errorOf(await report(input))).toEqual({ code, field });
      expect(await countRows(t.db, 'reports')).toBe(0);
    });

    it('needs a signed-in user', async () => {
      expect(errorOf(await report({ reason: 'spam', projectId: bobsProject }, '')).code).toBe('UNAUTHENTICATED');
      expect(await countRows(t.db, 'reports')).toBe(0);
    });

    it('reports a visible project, trimming the details, and a repeat while open returns the same report', async () => {
      const first = await report({ projectId: bobsProject, reason: 'misinformation', details: '  Claims vitamin C cures asthma.  ' });
      expect(first.errors).toBeUndefined();
      expect(first.data!.reportContent).toMatchObject({
        reason: 'misinformation',
        details: 'Claims vitamin C cures asthma.',
        status: 'open',
        resolution: null,
        resolvedAt: null,
        reporter: { id: alice.id },
        targetAuthor: { id: bob.id },
        project: { id: bobsProject, title: 'Bob’s food bank referrals' },
        message: null,
      });
      const again = await report({ projectId: bobsProject, reason: 'spam' });
      expect(again.data!.reportContent.id).toBe(first.data!.reportContent.id);
      expect(again.data!.reportContent.reason).toBe('misinformation');
      expect(await countRows(t.db, 'reports')).toBe(1);
      // Someone else's report of the same project is a report of its own.
      const carols = await report({ projectId: bobsProject, reason: 'spam' }, carol.token);
      expect(carols.data!.reportContent.id).not.toBe(first.data!.reportContent.id);
      expect(await countRows(t.db, 'reports')).toBe(2);
    });

    it('keeps one open report when the same person reports twice at once', async () => {
      const results = await Promise.all([1, 2, 3].map(() => report({ messageId: bobsMessage, reason: 'spam' })));
      expect(results.every((r) => !r.errors)).toBe(true);
      expect(new Set(results.map((r) => r.data!.reportContent.id)).size).toBe(1);
      expect(await countRows(t.db, 'reports')).toBe(1);
    });

    it('reports a message in one of my conversations', async () => {
      const res = await report({ messageId: bobsMessage, reason: 'spam' });
      expect(res.errors).toBeUndefined();
      expect(res.data!.reportContent).toMatchObject({
        status: 'open',
        reporter: { id: alice.id },
        targetAuthor: { id: bob.id },
        project: null,
        message: { id: bobsMessage, body: 'Buy cheap supplements at example.com', hiddenAt: null, author: { id: bob.id } },
      });
    });
  });

  describe('the queue', () => {
    let reports: string[];

    beforeAll(async () => {
      await t.db.query('DELETE FROM reports');
      reports = [];
      for (const [input, token] of [
        [{ projectId: bobsProject, reason: 'spam' }, alice.token],
        [{ messageId: bobsMessage, reason: 'harassment', details: 'Repeated adverts' }, alice.token],
        [{ projectId: bobsProject, reason: 'other' }, carol.token],
        [{ projectId: adminsProject, reason: 'spam' }, alice.token],
      ] as const) {
        const res = await report(input, token);
        reports.push(res.data!.reportContent.id);
      }
      // Distinct, known creation times: oldest first is reports[0..3].
      for (const [i, id] of reports.entries()) {
        await t.db.query(`UPDATE reports SET created_at = now() - make_interval(mins => $2) WHERE id = $1`, [id, 60 - i]);
      }
    });

    it('is admin only', async () => {
      expect(errorOf(await queue({}, alice.token)).code).toBe('FORBIDDEN');
      expect(errorOf(await queue({}, '')).code).toBe('UNAUTHENTICATED');
      const before = await reportRows();
      expect(errorOf(await resolve({ reportId: reports[0], action: 'dismiss' }, alice.token)).code).toBe('FORBIDDEN');
      expect(await reportRows()).toEqual(before);
    });

    it('lists open reports oldest first with reporter, target, author and content, page by page', async () => {
      const first = await queue({ first: 3 });
      expect(first.errors).toBeUndefined();
      const page = first.data!.moderationQueue;
      expect(page.nodes.map((n) => n.id)).toEqual(reports.slice(0, 3));
      expect(page.pageInfo.hasNextPage).toBe(true);
      expect(page.nodes[0]).toMatchObject({
        reason: 'spam',
        reporter: { id: alice.id, displayName: 'Alice Reporter' },
        targetAuthor: { id: bob.id, displayName: 'Bob Author' },
        project: { id: bobsProject, hiddenAt: null, owner: { id: bob.id } },
        message: null,
      });
      expect(page.nodes[1]).toMatchObject({
        details: 'Repeated adverts',
        project: null,
        message: { id: bobsMessage, body: 'Buy cheap supplements at example.com', author: { id: bob.id } },
      });
      const rest = (await queue({ first: 3, after: page.pageInfo.endCursor })).data!.moderationQueue;
      expect(rest.nodes.map((n) => n.id)).toEqual([reports[3]]);
      expect(rest.pageInfo.hasNextPage).toBe(false);
    });

    it.each([
      [{ status: 'closed' }, 'status'],
      [{ first: 0 }, 'first'],
      [{ first: 101 }, 'first'],
      [{ after: 'bm90LWEtY3Vyc29y' }, 'after'],
    ])('refuses %j with BAD_USER_INPUT on its field', async (vars, field) => {
      expect(errorOf(await queue(vars))).toEqual({ code: 'BAD_USER_INPUT', field });
    });

    it('refuses a cursor from another status list', async () => {
      const cursor = (await queue({ first: 1 })).data!.moderationQueue.pageInfo.endCursor;
      expect(errorOf(await queue({ status: 'dismissed', after: cursor }))).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
    });
  });

  describe('resolving', () => {
    beforeEach(async () => {
      await t.db.query('DELETE FROM reports');
      await t.db.query('UPDATE projects SET hidden_at = NULL');
      await t.db.query('UPDATE messages SET hidden_at = NULL');
    });

    it.each([
      ['an action not in the list', { action: 'delete' }, 'BAD_USER_INPUT', 'input.action'],
      ['a note over 1,000 characters', { action: 'dismiss', note: 'n'.repeat(1001) }, 'BAD_USER_INPUT', 'input.note'],
      ['a report id that is not an id', { action: 'dismiss', reportId: 'nope' }, 'BAD_USER_INPUT', 'input.reportId'],
      ['an unknown report', { action: 'dismiss', reportId: '$unknown' }, 'NOT_FOUND', 'input.reportId'],
    ])('refuses %s with its code and field, changing nothing', async (_case, raw, code, field) => {
      const open = (await report({ projectId: bobsProject, reason: 'spam' })).data!.reportContent.id;
      const input = { reportId: open, ...raw, ...('reportId' in raw && raw.reportId === '$unknown' ? { reportId: randomUUID() } : {}) };
      const before = await reportRows();
      expect(errorOf(await resolve(input))).toEqual({ code, field });
      expect(await reportRows()).toEqual(before);
      expect((await t.db.query(`SELECT hidden_at FROM projects WHERE id = $1`, [bobsProject]))[0].hidden_at).toBeNull();
    });

    it('dismisses with a note, closing every open report on the same content and only those', async () => {
      const mine = (await report({ projectId: bobsProject, reason: 'spam' })).data!.reportContent.id;
      const carols = (await report({ projectId: bobsProject, reason: 'other' }, carol.token)).data!.reportContent.id;
      const unrelated = (await report({ messageId: bobsMessage, reason: 'spam' })).data!.reportContent.id;
      const res = await resolve({ reportId: mine, action: 'dismiss', note: '  Not spam: a real service.  ' });
      expect(res.errors).toBeUndefined();
      expect(res.data!.resolveReport).toMatchObject({ id: mine, status: 'dismissed', resolution: 'Not spam: a real service.' });
      expect(res.data!.resolveReport.resolvedAt).toEqual(expect.any(String));
      const rows: Array<{ id: string; status: string; resolution: string | null; resolved_by: string | null }> = await reportRows();
      const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
      expect(byId[carols]).toMatchObject({ status: 'dismissed', resolution: 'Not spam: a real service.', resolved_by: admin.id });
      expect(byId[unrelated]).toMatchObject({ status: 'open', resolved_by: null });
      expect((await t.db.query(`SELECT hidden_at FROM projects WHERE id = $1`, [bobsProject]))[0].hidden_at).toBeNull();

      // Resolved is final, and the dismissed list shows it.
      expect(errorOf(await resolve({ reportId: mine, action: 'hide' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.reportId' });
      const dismissed = (await queue({ status: 'dismissed' })).data!.moderationQueue.nodes.map((n) => n.id);
      expect(dismissed.sort()).toEqual([mine, carols].sort());
      // A new report of the same project may be made once the old one is closed.
      const fresh = (await report({ projectId: bobsProject, reason: 'spam' })).data!.reportContent;
      expect(fresh.id).not.toBe(mine);
      expect(fresh.status).toBe('open');
    });

    it('hides only the reported message, live: members are told, moderators still read it, and it can no longer be reported', async () => {
      const id = (await report({ messageId: bobsMessage, reason: 'spam' })).data!.reportContent.id;
      const emitted = jest.spyOn(t.app.get(RealtimeService), 'toConversation');
      const res = await resolve({ reportId: id, action: 'hide' });
      expect(emitted).toHaveBeenCalledWith(
        expect.any(String),
        SOCKET_EVENTS.messageUpdated,
        expect.objectContaining({ id: bobsMessage, body: null, hiddenAt: expect.any(String) }),
        expect.any(Array),
      );
      emitted.mockRestore();
      expect(res.errors).toBeUndefined();
      expect(res.data!.resolveReport).toMatchObject({
        status: 'actioned',
        message: { id: bobsMessage, body: 'Buy cheap supplements at example.com', hiddenAt: expect.any(String) },
      });
      const [row] = await t.db.query(`SELECT hidden_at FROM messages WHERE id = $1`, [bobsMessage]);
      expect(row.hidden_at).not.toBeNull();
      const [other] = await t.db.query(`SELECT hidden_at FROM messages WHERE id = $1`, [bobsSecondMessage]);
      expect(other.hidden_at).toBeNull();
      const actioned = (await queue({ status: 'actioned' })).data!.moderationQueue.nodes;
      expect(actioned.find((n) => n.id === id)?.message).toMatchObject({ body: 'Buy cheap supplements at example.com', hiddenAt: expect.any(String) });
      expect(errorOf(await report({ messageId: bobsMessage, reason: 'spam' }, carol.token))).toEqual({ code: 'NOT_FOUND', field: 'input.messageId' });
    });

    it('hides a project, which then cannot be reported again', async () => {
      const id = (await report({ projectId: bobsProject, reason: 'spam' })).data!.reportContent.id;
      const res = await resolve({ reportId: id, action: 'hide', note: 'Advertising' });
      expect(res.data!.resolveReport).toMatchObject({ status: 'actioned', resolution: 'Advertising', project: { id: bobsProject, hiddenAt: expect.any(String) } });
      expect(errorOf(await report({ projectId: bobsProject, reason: 'spam' }, carol.token))).toEqual({ code: 'NOT_FOUND', field: 'input.projectId' });
      // The decision is in the audit log, with who made it.
      const audit: Array<{ actor_id: string; action: string; target_type: string }> = await t.db.query(
        `SELECT actor_id, action, target_type FROM audit_log WHERE target_id = $1 ORDER BY created_at`,
        [bobsProject],
      );
      expect(audit).toContainEqual({ actor_id: admin.id, action: 'report.hide', target_type: 'project' });
    });

    it('refuses to suspend an admin (FORBIDDEN) and changes nothing', async () => {
      const id = (await report({ projectId: adminsProject, reason: 'spam' })).data!.reportContent.id;
      const before = await reportRows();
      expect(errorOf(await resolve({ reportId: id, action: 'suspend' })).code).toBe('FORBIDDEN');
      expect(await reportRows()).toEqual(before);
      const [user] = await t.db.query(`SELECT suspended_at FROM users WHERE id = $1`, [admin.id]);
      expect(user.suspended_at).toBeNull();
      expect((await t.db.query(`SELECT hidden_at FROM projects WHERE id = $1`, [adminsProject]))[0].hidden_at).toBeNull();
    });

    it('of two admins resolving one report at once, exactly one wins', async () => {
      const second = await signUp(t);
      await t.db.query(`UPDATE users SET role = 'admin' WHERE id = $1`, [second.id]);
      const id = (await report({ projectId: bobsProject, reason: 'spam' })).data!.reportContent.id;
      const results = await Promise.all([resolve({ reportId: id, action: 'dismiss' }), resolve({ reportId: id, action: 'hide' }, second.token)]);
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      expect(results.filter((r) => r.errors?.[0]?.extensions?.field === 'input.reportId')).toHaveLength(1);
    });
  });
});
