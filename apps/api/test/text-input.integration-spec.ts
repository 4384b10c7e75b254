import { randomUUID } from 'node:crypto';
import { ERROR_CODES } from '@kindred/domain';
import { createGroup, sendGql } from './conversation-fixtures';
import { projectInput, signUp, type SignedUpUser } from './fixtures';
import { count } from './http-fixtures';
import { sendPayload, socketOpener } from './socket-fixtures';
import { createTestApp, type GqlResult, type TestApp } from './test-app';

/**
 * PostgreSQL text cannot hold a NUL character (U+0000). Any text arriving with one, over GraphQL
 * or the socket, in any argument, is refused up front as bad input naming the field, and nothing
 * is written; before, it failed inside the statement as INTERNAL_SERVER_ERROR.
 */

const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { accessToken } }`;
const REGISTER = `mutation($input: RegisterProjectInput!) { registerProject(input: $input) { id } }`;
const PLACES = `query($query: String!) { places(query: $query) { id } }`;

function refusedAs(res: GqlResult, field: string): void {
  expect(res.data ?? null).toBeNull();
  expect(res.errors).toHaveLength(1);
  const [error] = res.errors!;
  expect(error!.extensions).toMatchObject({ code: ERROR_CODES.badUserInput, field });
  expect(error!.message).toContain('must not contain a NUL character');
}

describe('text holding a NUL character (integration)', () => {
  let t: TestApp;
  let alice: SignedUpUser;
  let bob: SignedUpUser;
  const open = socketOpener(() => t);

  beforeAll(async () => {
    t = await createTestApp();
    await t.reset();
    alice = await signUp(t);
    bob = await signUp(t);
  });
  afterAll(async () => t.close());

  it('refuses a sign-up whose name holds one, naming the field, and creates no account', async () => {
    const before = await count(t, 'users');
    const res = await t.gql(SIGN_UP, {
      input: { email: `nul-${randomUUID().slice(0, 8)}@example.org`, password: 'Tall-river-nul-lantern', displayName: 'Dr \u0000 Nul', profession: 'doctor' },
    });
    refusedAs(res, 'input.displayName');
    expect(await count(t, 'users')).toBe(before);
  });

  it('refuses a project whose title, or one of whose themes, holds one, and stores nothing', async () => {
    refusedAs(await t.gql(REGISTER, { input: projectInput({ title: 'Welfare\u0000advice' }) }, alice.token), 'input.title');
    refusedAs(await t.gql(REGISTER, { input: projectInput({ themes: ['housing', 'food\u0000'] }) }, alice.token), 'input.themes[1]');
    expect(await count(t, 'projects')).toBe(0);
    // The same input without it is fine: only the NUL was at fault.
    const ok = await t.gql<{ registerProject: { id: string } }>(REGISTER, { input: projectInput({ title: 'Welfare advice' }) }, alice.token);
    expect(ok.errors).toBeUndefined();
    expect(await count(t, 'projects')).toBe(1);
  });

  it('refuses a plain string argument holding one (a place search)', async () => {
    refusedAs(await t.gql(PLACES, { query: 'Le\u0000eds' }), 'query');
  });

  it('refuses a message holding one over GraphQL and over the socket, storing nothing and delivering nothing', async () => {
    const group = await createGroup(t, alice, [bob]);
    const before = await count(t, 'messages');
    refusedAs(await sendGql(t, alice, group, 'hello \u0000 there'), 'input.body');

    const [a, b] = await Promise.all([open(alice), open(bob)]);
    const ack = await a.call('message:send', sendPayload(group, 'hello \u0000 there'));
    expect(ack).toMatchObject({ ok: false, error: { code: ERROR_CODES.badUserInput, field: 'body' } });
    expect(await count(t, 'messages')).toBe(before);
    expect(b.received('message:new')).toEqual([]);

    // The socket stays usable: the next, clean message is stored and delivered.
    const delivered = b.next<{ body: string }>('message:new');
    const next = await a.call('message:send', sendPayload(group, 'hello there'));
    expect(next.ok).toBe(true);
    expect((await delivered).body).toBe('hello there');
  });
});
