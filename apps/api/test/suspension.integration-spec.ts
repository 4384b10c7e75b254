import { randomUUID } from 'node:crypto';
import { TokensService } from '../src/auth/tokens.service';
import { RealtimeService } from '../src/realtime/realtime.service';
import { registerProject, signUp, type SignedUpUser } from './fixtures';
import { countRows, createTestApp, type GqlResult, type TestApp } from './test-app';

const REPORT = `mutation Report($input: ReportInput!) { reportContent(input: $input) { id } }`;
const RESOLVE = `mutation Resolve($input: ResolveReportInput!) { resolveReport(input: $input) { id status resolution targetAuthor { id } } }`;
const ME = `{ me { id } }`;
const SIGN_IN = `mutation SignIn($input: SignInInput!) { signIn(input: $input) { accessToken refreshToken } }`;
const REFRESH = `mutation Refresh($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken } }`;
const PROJECTS = `{ projects(first: 100) { totalCount nodes { id } } }`;
const PROJECT = `query Project($id: ID!) { project(id: $id) { id } }`;

function codeOf<T>(res: GqlResult<T>): string | undefined {
  expect(res.data ?? null).toBeNull();
  return res.errors?.[0]?.extensions?.code;
}

describe('suspending an account from the moderation queue (integration, real PostGIS)', () => {
  let t: TestApp;
  let admin: SignedUpUser;
  let alice: SignedUpUser;
  let mallory: SignedUpUser;
  let mallorysProjects: string[];
  let alicesProject: string;
  /** A second session of Mallory's, e.g. on a phone. */
  let secondSession: { accessToken: string; refreshToken: string };
  const disconnected: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    await t.reset();
    admin = await signUp(t);
    alice = await signUp(t);
    mallory = await signUp(t, { displayName: 'Mallory' });
    alicesProject = (await registerProject(t, alice.token)).id;
    mallorysProjects = [
      (await registerProject(t, mallory.token, { title: 'Miracle cures for poverty' })).id,
      (await registerProject(t, mallory.token, { title: 'Another of Mallory’s' })).id,
    ];
    const signIn = await t.gql<{ signIn: { accessToken: string; refreshToken: string } }>(SIGN_IN, {
      input: { email: mallory.email, password: mallory.password },
    });
    secondSession = signIn.data!.signIn;
    jest.spyOn(t.app.get(RealtimeService), 'disconnectUser').mockImplementation((userId: string) => {
      disconnected.push(userId);
    });

    // Before: every token works and the projects are public.
    expect((await t.gql(ME, {}, mallory.token)).errors).toBeUndefined();
    expect((await t.gql<{ projects: { totalCount: number } }>(PROJECTS)).data!.projects.totalCount).toBe(3);

    const reportId = (await t.gql<{ reportContent: { id: string } }>(REPORT, { input: { projectId: mallorysProjects[0], reason: 'misinformation' } }, alice.token))
      .data!.reportContent.id;
    const resolved = await t.gql<{ resolveReport: { status: string; resolution: string; targetAuthor: { id: string } } }>(
      RESOLVE,
      { input: { reportId, action: 'suspend', note: 'Dangerous advice, twice warned' } },
      admin.token,
    );
    expect(resolved.errors).toBeUndefined();
    expect(resolved.data!.resolveReport).toMatchObject({ status: 'actioned', resolution: 'Dangerous advice, twice warned', targetAuthor: { id: mallory.id } });
  });
  afterAll(async () => t.close());

  it('marks the account suspended and ends its live sockets', async () => {
    const [user] = await t.db.query(`SELECT suspended_at FROM users WHERE id = $1`, [mallory.id]);
    expect(user.suspended_at).not.toBeNull();
    expect(disconnected).toEqual([mallory.id]);
  });

  it('stops the old access tokens at once, even on public queries', async () => {
    expect(codeOf(await t.gql(ME, {}, mallory.token))).toBe('UNAUTHENTICATED');
    expect(codeOf(await t.gql(ME, {}, secondSession.accessToken))).toBe('UNAUTHENTICATED');
    expect(codeOf(await t.gql(PROJECTS, {}, mallory.token))).toBe('UNAUTHENTICATED');
    // Everyone else carries on.
    expect((await t.gql(ME, {}, alice.token)).errors).toBeUndefined();
  });

  it('refuses sign-in with ACCOUNT_SUSPENDED and issues no tokens', async () => {
    const before = await countRows(t.db, 'refresh_tokens');
    const res = await t.gql(SIGN_IN, { input: { email: mallory.email, password: mallory.password } });
    expect(codeOf(res)).toBe('ACCOUNT_SUSPENDED');
    expect(await countRows(t.db, 'refresh_tokens')).toBe(before);
    // A wrong password still says only that: suspension is told only to the account holder.
    expect(codeOf(await t.gql(SIGN_IN, { input: { email: mallory.email, password: 'not-her-password-at-all' } }))).toBe('INVALID_CREDENTIALS');
  });

  it('revokes every refresh token, so neither session can be refreshed', async () => {
    const live: Array<{ n: number }> = await t.db.query(`SELECT count(*)::int AS n FROM refresh_tokens WHERE user_id = $1 AND revoked_at IS NULL`, [
      mallory.id,
    ]);
    expect(live[0]!.n).toBe(0);
    for (const token of [mallory.refreshToken, secondSession.refreshToken]) {
      expect(codeOf(await t.gql(REFRESH, { t: token }))).toBe('INVALID_TOKEN');
    }
  });

  it('refuses to refresh even a refresh token that escaped the revocation, and leaves it unused', async () => {
    const stray = await t.app.get(TokensService).createRefreshToken(mallory.id);
    const before = await countRows(t.db, 'refresh_tokens');
    expect(codeOf(await t.gql(REFRESH, { t: stray }))).toBe('ACCOUNT_SUSPENDED');
    expect(await countRows(t.db, 'refresh_tokens')).toBe(before);
    const [row] = await t.db.query(
      `SELECT count(*)::int AS n FROM refresh_tokens WHERE user_id = $1 AND revoked_at IS NULL`,
      [mallory.id],
    );
    expect(row.n).toBe(1);
    await t.db.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1`, [mallory.id]);
  });

  it('hides all of their projects from everyone else', async () => {
    const hidden: Array<{ id: string; hidden_at: Date | null }> = await t.db.query(`SELECT id, hidden_at FROM projects WHERE owner_id = $1`, [mallory.id]);
    expect(hidden).toHaveLength(2);
    expect(hidden.every((p) => p.hidden_at !== null)).toBe(true);
    const list = (await t.gql<{ projects: { totalCount: number; nodes: Array<{ id: string }> } }>(PROJECTS, {}, alice.token)).data!.projects;
    expect(list.totalCount).toBe(1);
    expect(list.nodes.map((n) => n.id)).toEqual([alicesProject]);
    for (const id of mallorysProjects) {
      expect(codeOf(await t.gql(PROJECT, { id }, alice.token))).toBe('NOT_FOUND');
      expect(codeOf(await t.gql(PROJECT, { id }))).toBe('NOT_FOUND');
    }
  });

  it('suspends the author of a reported message and hides that message too', async () => {
    const trent = await signUp(t, { displayName: 'Trent' });
    const [{ id: conversationId }] = await t.db.query(`INSERT INTO conversations (kind, title, last_seq) VALUES ('group', 'Group', 1) RETURNING id`);
    for (const userId of [alice.id, trent.id]) {
      await t.db.query(`INSERT INTO conversation_members (conversation_id, user_id) VALUES ($1, $2)`, [conversationId, userId]);
    }
    const [{ id: messageId }] = await t.db.query(
      `INSERT INTO messages (conversation_id, seq, author_id, client_id, body) VALUES ($1, 1, $2, $3, 'Abuse') RETURNING id`,
      [conversationId, trent.id, `client-${randomUUID()}`],
    );
    const reportId = (await t.gql<{ reportContent: { id: string } }>(REPORT, { input: { messageId, reason: 'harassment' } }, alice.token)).data!
      .reportContent.id;
    const res = await t.gql(RESOLVE, { input: { reportId, action: 'suspend' } }, admin.token);
    expect(res.errors).toBeUndefined();
    const [message] = await t.db.query(`SELECT hidden_at FROM messages WHERE id = $1`, [messageId]);
    expect(message.hidden_at).not.toBeNull();
    expect(codeOf(await t.gql(ME, {}, trent.token))).toBe('UNAUTHENTICATED');
    expect(disconnected).toEqual([mallory.id, trent.id]);
  });
});
