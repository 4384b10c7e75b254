import { createHash } from 'node:crypto';
import { createTestApp, countRows, GqlResult, TestApp } from './test-app';
import { signUp } from './fixtures';

const SIGN_UP = `mutation($input: SignUpInput!) {
  signUp(input: $input) { accessToken accessTokenExpiresAt refreshToken account { id email displayName profession specialty organisation bio role createdAt } }
}`;
const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { accessToken refreshToken account { id email role } } }`;
const REFRESH = `mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken account { id } } }`;
const SIGN_OUT = `mutation($t: String!) { signOut(refreshToken: $t) }`;
const ME = `{ me { id email role displayName } }`;

type SignUpData = {
  signUp: {
    accessToken: string;
    accessTokenExpiresAt: string;
    refreshToken: string;
    account: { id: string; email: string; displayName: string; profession: string; specialty: string | null; organisation: string | null; bio: string | null; role: string; createdAt: string };
  };
};
type SessionData = { accessToken: string; refreshToken: string; account: { id: string } };

function validSignUp(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const unique = Math.random().toString(36).slice(2, 10);
  return {
    email: `hv-${unique}@example.org`,
    password: 'correct horse battery staple',
    displayName: 'Asha Patel',
    profession: 'health-visitor',
    specialty: null,
    organisation: 'Leeds Community Healthcare',
    ...overrides,
  };
}

function errorOf(res: GqlResult): { code?: string; field?: string; message: string; extensions: Record<string, unknown> } {
  expect(res.errors?.length).toBeGreaterThan(0);
  const [error] = res.errors ?? [];
  return { code: error?.extensions?.code, field: error?.extensions?.field, message: error?.message ?? '', extensions: error?.extensions ?? {} };
}

describe('accounts: sign-up, sign-in, sessions (integration)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    await t.reset();
  });
  afterAll(async () => t.close());

  describe('roles at sign-up', () => {
    it('makes exactly one admin when several people sign up at once on an empty database', async () => {
      await t.reset();
      const results = await Promise.all(Array.from({ length: 8 }, () => signUp(t)));
      expect(results.filter((r) => r.role === 'admin')).toHaveLength(1);
      expect(results.filter((r) => r.role === 'clinician')).toHaveLength(7);
      const rows: Array<{ role: string }> = await t.db.query(`SELECT role FROM users`);
      expect(rows.filter((r) => r.role === 'admin')).toHaveLength(1);
    });

    it('makes later accounts clinicians', async () => {
      const later = await signUp(t);
      expect(later.role).toBe('clinician');
    });
  });

  describe('signUp', () => {
    it('creates the account, hashes the password with argon2id and starts a session', async () => {
      const input = validSignUp({ email: '  Asha.Patel@Example.ORG ', specialty: '  ' });
      const before = Date.now();
      const res = await t.gql<SignUpData>(SIGN_UP, { input });
      expect(res.errors).toBeUndefined();
      const payload = res.data!.signUp;
      expect(payload.account).toMatchObject({
        email: 'asha.patel@example.org',
        displayName: 'Asha Patel',
        profession: 'health-visitor',
        specialty: null,
        organisation: 'Leeds Community Healthcare',
        bio: null,
        role: 'clinician',
      });
      const expiresIn = Date.parse(payload.accessTokenExpiresAt) - before;
      expect(expiresIn).toBeGreaterThan(850_000);
      expect(expiresIn).toBeLessThan(905_000);

      const [row] = await t.db.query(`SELECT email, password_hash FROM users WHERE id = $1`, [payload.account.id]);
      expect(row.email).toBe('asha.patel@example.org');
      expect(row.password_hash).toMatch(/^\$argon2id\$/);
      expect(row.password_hash).not.toContain('correct horse');

      const [token] = await t.db.query(`SELECT token_hash FROM refresh_tokens WHERE user_id = $1`, [payload.account.id]);
      expect(token.token_hash).toBe(createHash('sha256').update(payload.refreshToken).digest('hex'));
      expect(token.token_hash).not.toContain(payload.refreshToken);

      const me = await t.gql<{ me: { id: string; email: string } }>(ME, {}, payload.accessToken);
      expect(me.data?.me).toMatchObject({ id: payload.account.id, email: 'asha.patel@example.org' });
    });

    it('refuses an email already used, whatever its case (EMAIL_TAKEN), writing nothing', async () => {
      const first = await signUp(t);
      const users = await countRows(t.db, 'users');
      const res = await t.gql(SIGN_UP, { input: validSignUp({ email: first.email.toUpperCase() }) });
      const error = errorOf(res);
      expect(error.code).toBe('EMAIL_TAKEN');
      expect(error.field).toBe('input.email');
      expect(await countRows(t.db, 'users')).toBe(users);
    });

    it('gives EMAIL_TAKEN to exactly all but one of concurrent sign-ups with one address', async () => {
      const input = validSignUp();
      const users = await countRows(t.db, 'users');
      const results = await Promise.all(
        [input, { ...input, email: String(input['email']).toUpperCase() }, input].map((i) => t.gql<SignUpData>(SIGN_UP, { input: i })),
      );
      expect(results.filter((r) => r.data?.signUp)).toHaveLength(1);
      expect(results.filter((r) => r.errors?.[0]?.extensions?.code === 'EMAIL_TAKEN')).toHaveLength(2);
      expect(await countRows(t.db, 'users')).toBe(users + 1);
    });

    it.each([
      ['too short', 'Sh0rt!pw', /at least 10/],
      ['too common', 'password123', /too common/],
      ['too repetitive', 'aaaaaaaaaaaaab', /variety/],
      ['containing the email name', 'xx-mariam.khan-2024', /email name/],
      ['too long', 'x1Y2z3'.repeat(30), /at most 128/],
    ])('refuses a password %s with WEAK_PASSWORD saying why, writing nothing', async (_case, password, why) => {
      const users = await countRows(t.db, 'users');
      const res = await t.gql(SIGN_UP, { input: validSignUp({ email: `mariam.khan@clinic-${Date.now()}.example.org`, password }) });
      const error = errorOf(res);
      expect(error.code).toBe('WEAK_PASSWORD');
      expect(error.field).toBe('input.password');
      expect(error.message).toMatch(why);
      expect(await countRows(t.db, 'users')).toBe(users);
    });

    it.each([
      ['a malformed email', { email: 'not-an-email' }, 'input.email'],
      ['an email with spaces inside', { email: 'a b@example.org' }, 'input.email'],
      ['an email over 254 characters', { email: `${'a'.repeat(250)}@example.org` }, 'input.email'],
      ['a one-letter display name', { displayName: 'A' }, 'input.displayName'],
      ['a blank display name', { displayName: '    ' }, 'input.displayName'],
      ['a display name over 80 characters', { displayName: 'A'.repeat(81) }, 'input.displayName'],
      ['an unknown profession', { profession: 'wizard' }, 'input.profession'],
      ['a specialty over 80 characters', { specialty: 's'.repeat(81) }, 'input.specialty'],
      ['an organisation over 120 characters', { organisation: 'o'.repeat(121) }, 'input.organisation'],
    ])('refuses %s with BAD_USER_INPUT naming the field, writing nothing', async (_case, overrides, field) => {
      const users = await countRows(t.db, 'users');
      const res = await t.gql(SIGN_UP, { input: validSignUp(overrides) });
      const error = errorOf(res);
      expect(error.code).toBe('BAD_USER_INPUT');
      expect(error.field).toBe(field);
      expect(await countRows(t.db, 'users')).toBe(users);
    });

    it('lists every field at fault when several are wrong', async () => {
      const res = await t.gql(SIGN_UP, { input: validSignUp({ email: 'nope', displayName: 'A', profession: 'wizard' }) });
      const error = errorOf(res);
      expect(error.code).toBe('BAD_USER_INPUT');
      const fields = (error.extensions['errors'] as Array<{ field: string }>).map((e) => e.field).sort();
      expect(fields).toEqual(['input.displayName', 'input.email', 'input.profession']);
    });
  });

  describe('signIn', () => {
    it('signs in with the right password, the email in any case', async () => {
      const user = await signUp(t);
      const res = await t.gql<{ signIn: SessionData & { account: { email: string } } }>(SIGN_IN, {
        input: { email: ` ${user.email.toUpperCase()} `, password: user.password },
      });
      expect(res.errors).toBeUndefined();
      expect(res.data?.signIn.account).toMatchObject({ id: user.id, email: user.email });
      const me = await t.gql<{ me: { id: string } }>(ME, {}, res.data!.signIn.accessToken);
      expect(me.data?.me.id).toBe(user.id);
    });

    it('answers a wrong password and an unknown email alike (INVALID_CREDENTIALS), starting no session', async () => {
      const user = await signUp(t);
      const sessions = await countRows(t.db, 'refresh_tokens');
      const wrong = errorOf(await t.gql(SIGN_IN, { input: { email: user.email, password: `${user.password}x` } }));
      const unknown = errorOf(await t.gql(SIGN_IN, { input: { email: 'nobody-here@example.org', password: user.password } }));
      const tooLong = errorOf(await t.gql(SIGN_IN, { input: { email: user.email, password: 'p'.repeat(5000) } }));
      for (const error of [wrong, unknown, tooLong]) {
        expect(error.code).toBe('INVALID_CREDENTIALS');
        expect(error.field).toBeUndefined();
      }
      expect(unknown.message).toBe(wrong.message);
      expect(tooLong.message).toBe(wrong.message);
      expect(await countRows(t.db, 'refresh_tokens')).toBe(sessions);
    });
  });

  describe('sessions', () => {
    it('rotates the refresh token: the new pair works and the old refresh token is refused (INVALID_TOKEN)', async () => {
      const user = await signUp(t);
      const res = await t.gql<{ refreshSession: SessionData }>(REFRESH, { t: user.refreshToken });
      expect(res.errors).toBeUndefined();
      const next = res.data!.refreshSession;
      expect(next.account.id).toBe(user.id);
      expect(next.refreshToken).not.toBe(user.refreshToken);
      expect((await t.gql<{ me: { id: string } }>(ME, {}, next.accessToken)).data?.me.id).toBe(user.id);

      const sessions = await countRows(t.db, 'refresh_tokens');
      const reused = errorOf(await t.gql(REFRESH, { t: user.refreshToken }));
      expect(reused.code).toBe('INVALID_TOKEN');
      expect(reused.field).toBe('refreshToken');
      expect(await countRows(t.db, 'refresh_tokens')).toBe(sessions);
      // The rotated-in token still works once.
      expect((await t.gql<{ refreshSession: SessionData }>(REFRESH, { t: next.refreshToken })).data?.refreshSession).toBeDefined();
    });

    it('lets only one of two concurrent refreshes with the same token succeed', async () => {
      const user = await signUp(t);
      const results = await Promise.all([1, 2, 3].map(() => t.gql<{ refreshSession: SessionData }>(REFRESH, { t: user.refreshToken })));
      expect(results.filter((r) => r.data?.refreshSession)).toHaveLength(1);
      expect(results.filter((r) => r.errors?.[0]?.extensions?.code === 'INVALID_TOKEN')).toHaveLength(2);
    });

    it('refuses an expired refresh token and an unknown one (INVALID_TOKEN)', async () => {
      const user = await signUp(t);
      await t.db.query(`UPDATE refresh_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [user.id]);
      expect(errorOf(await t.gql(REFRESH, { t: user.refreshToken })).code).toBe('INVALID_TOKEN');
      expect(errorOf(await t.gql(REFRESH, { t: 'made-up-token' })).code).toBe('INVALID_TOKEN');
    });

    it('signs out: that refresh token stops working, other sessions carry on', async () => {
      const user = await signUp(t);
      const other = (await t.gql<{ signIn: SessionData }>(SIGN_IN, { input: { email: user.email, password: user.password } })).data!.signIn;
      const res = await t.gql<{ signOut: boolean }>(SIGN_OUT, { t: user.refreshToken }, user.token);
      expect(res.data?.signOut).toBe(true);
      expect(errorOf(await t.gql(REFRESH, { t: user.refreshToken })).code).toBe('INVALID_TOKEN');
      expect((await t.gql<{ signOut: boolean }>(SIGN_OUT, { t: user.refreshToken }, user.token)).data?.signOut).toBe(false);
      expect((await t.gql<{ refreshSession: SessionData }>(REFRESH, { t: other.refreshToken })).data?.refreshSession).toBeDefined();
    });

    it("cannot sign out someone else's session", async () => {
      const victim = await signUp(t);
      const attacker = await signUp(t);
      const res = await t.gql<{ signOut: boolean }>(SIGN_OUT, { t: victim.refreshToken }, attacker.token);
      expect(res.data?.signOut).toBe(false);
      const [row] = await t.db.query(`SELECT revoked_at FROM refresh_tokens WHERE user_id = $1`, [victim.id]);
      expect(row.revoked_at).toBeNull();
    });

    it('refuses sign-out without a signed-in user (UNAUTHENTICATED), leaving the token alive', async () => {
      const user = await signUp(t);
      expect(errorOf(await t.gql(SIGN_OUT, { t: user.refreshToken })).code).toBe('UNAUTHENTICATED');
      const [row] = await t.db.query(`SELECT revoked_at FROM refresh_tokens WHERE user_id = $1`, [user.id]);
      expect(row.revoked_at).toBeNull();
    });
  });

  describe('the guard', () => {
    it('refuses `me` without a token, with a garbage token and with a refresh token used as a bearer', async () => {
      const user = await signUp(t);
      expect(errorOf(await t.gql(ME)).code).toBe('UNAUTHENTICATED');
      expect(errorOf(await t.gql(ME, {}, 'not.a.jwt')).code).toBe('UNAUTHENTICATED');
      expect(errorOf(await t.gql(ME, {}, user.refreshToken)).code).toBe('UNAUTHENTICATED');
    });

    it('refuses a well-signed token whose account no longer exists', async () => {
      const user = await signUp(t);
      await t.db.query(`DELETE FROM users WHERE id = $1`, [user.id]);
      expect(errorOf(await t.gql(ME, {}, user.token)).code).toBe('UNAUTHENTICATED');
    });

    it('lets anonymous callers use public queries', async () => {
      const res = await t.gql<{ themes: unknown[] }>(`{ themes { id } }`);
      expect(res.errors).toBeUndefined();
      expect(res.data?.themes.length).toBeGreaterThan(0);
    });
  });
});
