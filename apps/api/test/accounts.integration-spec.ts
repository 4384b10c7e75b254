import { createTestApp, countRows, GqlResult, TestApp } from './test-app';
import { registerProject, signUp, SignedUpUser } from './fixtures';
import { openDirect, send } from './conversation-fixtures';
import { connect } from './socket-fixtures';
import { createWebinar, register, signUpOrganiser } from './webinar-fixtures';

const UPDATE_PROFILE = `mutation($input: UpdateProfileInput!) {
  updateProfile(input: $input) { id email displayName profession specialty organisation bio role }
}`;
const GRANT_ROLE = `mutation($userId: ID!, $role: String!) { grantRole(userId: $userId, role: $role) { id role displayName professionLabel } }`;
const DELETE_ACCOUNT = `mutation($password: String!) { deleteAccount(password: $password) }`;
const ME = `{ me { id role displayName } }`;

function errorOf(res: GqlResult): { code?: string; field?: string; message: string } {
  expect(res.errors?.length).toBeGreaterThan(0);
  const [error] = res.errors ?? [];
  return { code: error?.extensions?.code, field: error?.extensions?.field, message: error?.message ?? '' };
}

async function userRow(t: TestApp, id: string): Promise<Record<string, unknown> | undefined> {
  const [row] = await t.db.query(
    `SELECT email, display_name, profession, specialty, organisation, bio, role, updated_at FROM users WHERE id = $1`,
    [id],
  );
  return row;
}

describe('accounts: profile, roles, export, deletion (integration)', () => {
  let t: TestApp;
  let admin: SignedUpUser;

  beforeAll(async () => {
    t = await createTestApp();
    await t.reset();
    admin = await signUp(t, { displayName: 'First Admin' });
  });
  afterAll(async () => t.close());

  it('makes the first account on the empty database an admin', () => {
    expect(admin.role).toBe('admin');
  });

  describe('updateProfile', () => {
    it('changes the given fields, keeps the others, and clears optional ones given as empty', async () => {
      const user = await signUp(t, { profession: 'nurse', specialty: 'Paediatrics', organisation: 'Old Trust' });
      const res = await t.gql<{ updateProfile: Record<string, unknown> }>(
        UPDATE_PROFILE,
        { input: { displayName: '  Sam Okafor ', bio: 'School nurse in Bradford.', organisation: '' } },
        user.token,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data?.updateProfile).toMatchObject({
        displayName: 'Sam Okafor',
        profession: 'nurse',
        specialty: 'Paediatrics',
        organisation: null,
        bio: 'School nurse in Bradford.',
        email: user.email,
      });
      expect(await userRow(t, user.id)).toMatchObject({ display_name: 'Sam Okafor', organisation: null, specialty: 'Paediatrics' });
    });

    it.each([
      ['a one-letter display name', { displayName: 'X' }, 'input.displayName'],
      ['an unknown profession', { profession: 'astronaut' }, 'input.profession'],
      ['a specialty over 80 characters', { specialty: 's'.repeat(81) }, 'input.specialty'],
      ['an organisation over 120 characters', { organisation: 'o'.repeat(121) }, 'input.organisation'],
      ['a bio over 1000 characters', { bio: 'b'.repeat(1001) }, 'input.bio'],
    ])('refuses %s (BAD_USER_INPUT) and changes nothing', async (_case, input, field) => {
      const user = await signUp(t);
      const before = await userRow(t, user.id);
      const error = errorOf(await t.gql(UPDATE_PROFILE, { input: { ...input, displayName: (input as { displayName?: string }).displayName ?? 'Changed Name' } }, user.token));
      expect(error.code).toBe('BAD_USER_INPUT');
      expect(error.field).toBe(field);
      expect(await userRow(t, user.id)).toEqual(before);
    });

    it('refuses an anonymous caller (UNAUTHENTICATED)', async () => {
      const users = await t.db.query(`SELECT id, display_name FROM users ORDER BY id`);
      expect(errorOf(await t.gql(UPDATE_PROFILE, { input: { displayName: 'Hacker' } })).code).toBe('UNAUTHENTICATED');
      expect(await t.db.query(`SELECT id, display_name FROM users ORDER BY id`)).toEqual(users);
    });
  });

  describe('grantRole', () => {
    it('lets an admin make someone an organiser, returning their public profile', async () => {
      const user = await signUp(t, { profession: 'midwife' });
      const res = await t.gql<{ grantRole: Record<string, unknown> }>(GRANT_ROLE, { userId: user.id, role: 'organiser' }, admin.token);
      expect(res.errors).toBeUndefined();
      expect(res.data?.grantRole).toEqual({ id: user.id, role: 'organiser', displayName: expect.any(String), professionLabel: 'Midwife' });
      // The grantee's existing token carries the old role; the guard reads the new one at once.
      expect((await t.gql<{ me: { role: string } }>(ME, {}, user.token)).data?.me.role).toBe('organiser');
    });

    it('applies grants and demotions to the next request without a new token', async () => {
      const user = await signUp(t);
      const target = await signUp(t);
      expect(errorOf(await t.gql(GRANT_ROLE, { userId: target.id, role: 'organiser' }, user.token)).code).toBe('FORBIDDEN');
      await t.gql(GRANT_ROLE, { userId: user.id, role: 'admin' }, admin.token);
      expect((await t.gql<{ grantRole: { role: string } }>(GRANT_ROLE, { userId: target.id, role: 'organiser' }, user.token)).data?.grantRole.role).toBe('organiser');
      await t.gql(GRANT_ROLE, { userId: user.id, role: 'clinician' }, admin.token);
      expect(errorOf(await t.gql(GRANT_ROLE, { userId: target.id, role: 'clinician' }, user.token)).code).toBe('FORBIDDEN');
      expect((await userRow(t, target.id))?.['role']).toBe('organiser');
    });

    it.each(['clinician', 'organiser'])('refuses the %s role (FORBIDDEN) and changes no role', async (role) => {
      const actor = await signUp(t);
      if (role !== 'clinician') await t.gql(GRANT_ROLE, { userId: actor.id, role }, admin.token);
      const target = await signUp(t);
      const error = errorOf(await t.gql(GRANT_ROLE, { userId: target.id, role: 'admin' }, actor.token));
      expect(error.code).toBe('FORBIDDEN');
      expect((await userRow(t, target.id))?.['role']).toBe('clinician');
      expect((await userRow(t, actor.id))?.['role']).toBe(role);
    });

    it('refuses an anonymous caller (UNAUTHENTICATED)', async () => {
      const target = await signUp(t);
      expect(errorOf(await t.gql(GRANT_ROLE, { userId: target.id, role: 'admin' })).code).toBe('UNAUTHENTICATED');
      expect((await userRow(t, target.id))?.['role']).toBe('clinician');
    });

    it('refuses an unknown role (BAD_USER_INPUT, field role)', async () => {
      const target = await signUp(t);
      const error = errorOf(await t.gql(GRANT_ROLE, { userId: target.id, role: 'superuser' }, admin.token));
      expect(error.code).toBe('BAD_USER_INPUT');
      expect(error.field).toBe('role');
      expect((await userRow(t, target.id))?.['role']).toBe('clinician');
    });

    it('answers NOT_FOUND for an unknown user', async () => {
      const error = errorOf(await t.gql(GRANT_ROLE, { userId: '00000000-0000-4000-8000-000000000000', role: 'organiser' }, admin.token));
      expect(error.code).toBe('NOT_FOUND');
      expect(error.field).toBe('userId');
    });

    it('stops an admin changing their own role (so the last admin cannot lock everyone out)', async () => {
      const error = errorOf(await t.gql(GRANT_ROLE, { userId: admin.id, role: 'clinician' }, admin.token));
      expect(error.code).toBe('FORBIDDEN');
      expect((await userRow(t, admin.id))?.['role']).toBe('admin');
    });
  });

  describe('exportMyData', () => {
    it('returns my account (no password hash), my projects with exact points, and session metadata', async () => {
      const user = await signUp(t, { displayName: 'Export Me' });
      const other = await signUp(t);
      const mine = await registerProject(t, user.token, { title: 'My region project', locationPrecision: 'region', location: { lat: 53.412345, lng: -2.987654 } });
      await registerProject(t, other.token, { title: 'Not mine' });
      const res = await t.gql<{ exportMyData: string }>(`{ exportMyData }`, {}, user.token);
      expect(res.errors).toBeUndefined();
      const json = res.data!.exportMyData;
      const doc = JSON.parse(json) as {
        account: Record<string, unknown>;
        projects: Array<{ id: string; location: { lat: number; lng: number }; displayLocation: { lat: number; lng: number } }>;
        sessions: Array<Record<string, unknown>>;
      };
      expect(doc.account).toMatchObject({ id: user.id, email: user.email, displayName: 'Export Me', role: 'clinician' });
      expect(doc.projects).toHaveLength(1);
      expect(doc.projects[0]).toMatchObject({ id: mine.id, location: { lat: 53.412345, lng: -2.987654 } });
      expect(doc.projects[0]?.displayLocation).toEqual(mine.location);
      expect(doc.sessions).toHaveLength(1);
      expect(Object.keys(doc.sessions[0] ?? {}).sort()).toEqual(['createdAt', 'expiresAt', 'id', 'revokedAt']);

      const [stored] = await t.db.query(`SELECT password_hash FROM users WHERE id = $1`, [user.id]);
      const [token] = await t.db.query(`SELECT token_hash FROM refresh_tokens WHERE user_id = $1`, [user.id]);
      for (const secret of [stored.password_hash, token.token_hash, user.refreshToken, user.password, 'argon2']) {
        expect(json).not.toContain(secret);
      }
      expect(json).not.toMatch(/password/i);
      expect(json).not.toContain('Not mine');
    });

    it('includes my messaging data: settings, conversations, messages I wrote, blocks, reports, alerts, notifications', async () => {
      const user = await signUp(t, { displayName: 'Chatty' });
      const other = await signUp(t);
      const third = await signUp(t);
      const conversationId = await openDirect(t, user, other);
      const mine = await send(t, user, conversationId, 'My own words');
      const theirs = await send(t, other, conversationId, 'Their words are theirs');
      await t.gql(`mutation($id: ID!) { blockUser(userId: $id) }`, { id: third.id }, user.token);
      await t.gql(`mutation($i: ReportInput!) { reportContent(input: $i) { id } }`, { i: { messageId: theirs.id, reason: 'spam' } }, user.token);
      const doc = JSON.parse((await t.gql<{ exportMyData: string }>(`{ exportMyData }`, {}, user.token)).data!.exportMyData) as Record<
        string,
        Array<Record<string, unknown>> | Record<string, unknown>
      >;
      expect(doc['messaging']).toEqual({ messagePolicy: 'anyone', emailDigest: false });
      expect(doc['conversations']).toEqual([expect.objectContaining({ id: conversationId, kind: 'direct', status: 'open' })]);
      expect(doc['messages']).toEqual([expect.objectContaining({ id: mine.id, body: 'My own words' })]);
      expect(doc['blocks']).toEqual([expect.objectContaining({ user_id: third.id })]);
      expect(doc['reports']).toEqual([expect.objectContaining({ message_id: theirs.id, reason: 'spam' })]);
      expect(Array.isArray(doc['alerts']) && Array.isArray(doc['notifications'])).toBe(true);
      expect(doc['webinarRegistrations']).toEqual([]);
      // Only what I wrote (the notification preview of their message is mine and is included).
      expect(JSON.stringify(doc['messages'])).not.toContain('Their words are theirs');
    });

    it('includes the WHAMinars I registered for and those I organise', async () => {
      const organiser = await signUpOrganiser(t);
      const clinician = await signUp(t);
      const webinar = await createWebinar(t, organiser, { title: 'Exported WHAMinar' });
      await register(t, clinician, webinar.id, false);
      const mine = JSON.parse((await t.gql<{ exportMyData: string }>(`{ exportMyData }`, {}, clinician.token)).data!.exportMyData);
      expect(mine.webinarRegistrations).toEqual([
        expect.objectContaining({ webinar_id: webinar.id, title: 'Exported WHAMinar', status: 'registered', email_reminders: false }),
      ]);
      const theirs = JSON.parse((await t.gql<{ exportMyData: string }>(`{ exportMyData }`, {}, organiser.token)).data!.exportMyData);
      expect(theirs.webinarsOrganised).toEqual([expect.objectContaining({ id: webinar.id, title: 'Exported WHAMinar', status: 'published' })]);
    });

    it('refuses an anonymous caller (UNAUTHENTICATED)', async () => {
      expect(errorOf(await t.gql(`{ exportMyData }`)).code).toBe('UNAUTHENTICATED');
    });
  });

  describe('deleteAccount', () => {
    it('refuses a wrong password (INVALID_CREDENTIALS, field password) and deletes nothing', async () => {
      const user = await signUp(t);
      await registerProject(t, user.token);
      const counts = [await countRows(t.db, 'users'), await countRows(t.db, 'projects'), await countRows(t.db, 'refresh_tokens')];
      const error = errorOf(await t.gql(DELETE_ACCOUNT, { password: `${user.password}!` }, user.token));
      expect(error.code).toBe('INVALID_CREDENTIALS');
      expect(error.field).toBe('password');
      expect([await countRows(t.db, 'users'), await countRows(t.db, 'projects'), await countRows(t.db, 'refresh_tokens')]).toEqual(counts);
      expect((await t.gql<{ me: { id: string } }>(ME, {}, user.token)).data?.me.id).toBe(user.id);
    });

    it('refuses an anonymous caller (UNAUTHENTICATED)', async () => {
      const users = await countRows(t.db, 'users');
      expect(errorOf(await t.gql(DELETE_ACCOUNT, { password: 'whatever-it-is' })).code).toBe('UNAUTHENTICATED');
      expect(await countRows(t.db, 'users')).toBe(users);
    });

    it('removes the account, its projects and its sessions; its tokens stop working at once', async () => {
      const user = await signUp(t);
      const bystander = await signUp(t);
      await registerProject(t, user.token, { title: 'Doomed project one' });
      await registerProject(t, user.token, { title: 'Doomed project two' });
      const kept = await registerProject(t, bystander.token, { title: 'Bystander project' });

      const res = await t.gql<{ deleteAccount: boolean }>(DELETE_ACCOUNT, { password: user.password }, user.token);
      expect(res.errors).toBeUndefined();
      expect(res.data?.deleteAccount).toBe(true);

      expect(await t.db.query(`SELECT id FROM users WHERE id = $1`, [user.id])).toHaveLength(0);
      expect(await t.db.query(`SELECT id FROM projects WHERE owner_id = $1`, [user.id])).toHaveLength(0);
      expect(await t.db.query(`SELECT id FROM refresh_tokens WHERE user_id = $1`, [user.id])).toHaveLength(0);
      expect(await t.db.query(`SELECT id FROM users WHERE lower(email) = $1`, [user.email])).toHaveLength(0);

      expect(errorOf(await t.gql(ME, {}, user.token)).code).toBe('UNAUTHENTICATED');
      expect(errorOf(await t.gql(`mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken } }`, { t: user.refreshToken })).code).toBe('INVALID_TOKEN');
      expect(errorOf(await t.gql(`mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }`, { i: { email: user.email, password: user.password } })).code).toBe('INVALID_CREDENTIALS');

      // Someone else's data is untouched.
      expect((await t.gql<{ project: { id: string } }>(`query($id: ID!) { project(id: $id) { id } }`, { id: kept.id })).data?.project.id).toBe(kept.id);
      expect((await t.gql<{ me: { id: string } }>(ME, {}, bystander.token)).data?.me.id).toBe(bystander.id);
    });

    it('wipes the text of my messages from others’ conversations and ends my live sockets', async () => {
      const user = await signUp(t);
      const other = await signUp(t);
      const conversationId = await openDirect(t, user, other);
      const message = await send(t, user, conversationId, 'Something I said');
      const socket = await connect(t, user.token);
      try {
        const ended = socket.next('session:expired');
        await t.gql(DELETE_ACCOUNT, { password: user.password }, user.token);
        await ended;
        const [row] = await t.db.query(`SELECT author_id, body, deleted_at FROM messages WHERE id = $1`, [message.id]);
        expect(row.author_id).toBeNull();
        expect(row.body).not.toContain('Something I said');
        expect(row.deleted_at).not.toBeNull();
        const history = await t.gql<{ conversationMessages: { nodes: Array<{ id: string; body: string | null; author: unknown }> } }>(
          `query($id: ID!) { conversationMessages(conversationId: $id) { nodes { id body author { id } } } }`,
          { id: conversationId },
          other.token,
        );
        expect(history.data!.conversationMessages.nodes).toEqual([{ id: message.id, body: null, author: null }]);
      } finally {
        socket.close();
      }
    });

    it('frees the email address for a new sign-up', async () => {
      const user = await signUp(t);
      await t.gql(DELETE_ACCOUNT, { password: user.password }, user.token);
      const again = await signUp(t, { email: user.email });
      expect(again.id).not.toBe(user.id);
    });
  });
});
