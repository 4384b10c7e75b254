import { JwtService } from '@nestjs/jwt';
import type { SocketMessage, SyncResult } from '@kindred/domain';
import { createGroup, openDirect, send } from './conversation-fixtures';
import { signUp, type SignedUpUser } from './fixtures';
import { connectError, sendOver, sendPayload, settle, socketOpener } from './socket-fixtures';
import { countRows, createTestApp, type TestApp } from './test-app';

/**
 * The socket.io gateway with real socket.io-client connections against the running app on real
 * PostGIS: delivery, idempotent retries, catch-up, refusals, blocks, expiry and membership.
 */
describe('real-time conversations over socket.io', () => {
  let t: TestApp;
  let a: SignedUpUser;
  let b: SignedUpUser;
  let c: SignedUpUser;
  const open = socketOpener(() => t);

  beforeAll(async () => {
    t = await createTestApp();
    await t.reset();
    a = await signUp(t, { displayName: 'Dr Ada' });
    b = await signUp(t, { displayName: 'Nurse Bea' });
    c = await signUp(t, { displayName: 'Cal Pharmacist' });
  });

  afterAll(async () => {
    await t.close();
  });

  it('refuses a handshake without a valid access token', async () => {
    expect((await connectError(t, {})).data?.code).toBe('UNAUTHENTICATED');
    expect((await connectError(t, { token: 'not-a-token' })).data?.code).toBe('UNAUTHENTICATED');
    expect((await connectError(t, { token: b.refreshToken })).data?.code).toBe('UNAUTHENTICATED');
  });

  it('delivers a stored message to every socket of every member (the sender’s other tabs too) and to no one else', async () => {
    const group = await createGroup(t, a, [b], 'Delivery group');
    const aTab1 = await open(a);
    const aTab2 = await open(a);
    const bPhone = await open(b);
    const bLaptop = await open(b);
    const outsider = await open(c);

    const waits = [aTab2, bPhone, bLaptop].map((s) => s.next<SocketMessage>('message:new', (m) => m.conversationId === group));
    const ack = await aTab1.call<SocketMessage>('message:send', sendPayload(group, '  Hello from clinic  '));
    expect(ack.ok).toBe(true);
    if (!ack.ok) return;
    expect(ack.data.body).toBe('Hello from clinic');
    expect(ack.data.seq).toBe(1);
    const delivered = await Promise.all(waits);
    for (const m of delivered) expect(m).toEqual(ack.data);

    // It was stored before anyone saw it.
    const [row] = await t.db.query(`SELECT body, seq FROM messages WHERE id = $1`, [ack.data.id]);
    expect(row).toEqual({ body: 'Hello from clinic', seq: '1' });
    await settle();
    expect(outsider.received('message:new')).toEqual([]);
  });

  it('delivers messages sent through GraphQL live as well', async () => {
    const direct = await openDirect(t, a, b);
    const bSocket = await open(b);
    const wait = bSocket.next<SocketMessage>('message:new', (m) => m.conversationId === direct);
    const sent = await send(t, a, direct, 'Sent over GraphQL');
    expect((await wait).id).toBe(sent.id);
  });

  it('makes a retry with the same client id idempotent: one stored message, one delivery', async () => {
    const group = await createGroup(t, a, [b], 'Retry group');
    const aSocket = await open(a);
    const bSocket = await open(b);
    const payload = sendPayload(group, 'Sent twice by a flaky network');
    const [first, second] = await Promise.all([aSocket.call<SocketMessage>('message:send', payload), aSocket.call<SocketMessage>('message:send', payload)]);
    const third = await aSocket.call<SocketMessage>('message:send', payload);
    expect(first.ok && second.ok && third.ok).toBe(true);
    if (!first.ok || !second.ok || !third.ok) return;
    expect(second.data.id).toBe(first.data.id);
    expect(third.data.id).toBe(first.data.id);
    await settle();
    expect(bSocket.received('message:new').filter((m) => (m as SocketMessage).conversationId === group)).toHaveLength(1);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM messages WHERE conversation_id = $1`, [group]);
    expect(n).toBe(1);
  });

  it('catches a reconnecting client up on everything after its last seen message, in order, exactly once', async () => {
    const group = await createGroup(t, a, [b], 'Catch-up group');
    const aSocket = await open(a);
    let bSocket = await open(b);
    const seen = await Promise.all([bSocket.next<SocketMessage>('message:new'), sendOver(aSocket, group, 'one')]).then(([m]) => m);
    expect(seen.body).toBe('one');

    bSocket.close();
    const missed: SocketMessage[] = [];
    for (const body of ['two', 'three', 'four', 'five']) missed.push(await sendOver(aSocket, group, body));

    bSocket = await open(b);
    const liveAfter = bSocket.next<SocketMessage>('message:new', (m) => m.body === 'six');
    const sync = await bSocket.call<SyncResult>('sync', { conversations: [{ conversationId: group, afterMessageId: seen.id }] });
    expect(sync.ok).toBe(true);
    if (!sync.ok) return;
    const caughtUp = sync.data.conversations[0]!;
    expect(caughtUp.error).toBeUndefined();
    expect(caughtUp.hasMore).toBe(false);
    expect(caughtUp.messages.map((m) => m.body)).toEqual(['two', 'three', 'four', 'five']);
    expect(caughtUp.messages.map((m) => m.seq)).toEqual([2, 3, 4, 5]);
    expect(caughtUp.messages.map((m) => m.id)).toEqual(missed.map((m) => m.id));

    // Live delivery resumes after the catch-up with nothing repeated.
    const six = await sendOver(aSocket, group, 'six');
    expect((await liveAfter).id).toBe(six.id);
    const again = await bSocket.call<SyncResult>('sync', { conversations: [{ conversationId: group, afterMessageId: six.id }] });
    expect(again.ok && again.data.conversations[0]!.messages).toEqual([]);
  });

  it('refuses bad sends with a clear code, stores nothing and keeps serving everyone else', async () => {
    const group = await createGroup(t, a, [b], 'Refusals group');
    const aSocket = await open(a);
    const bSocket = await open(b);
    const outsider = await open(c);
    const before = await countRows(t.db, 'messages');

    const cases: Array<[unknown, string, string | undefined]> = [
      [sendPayload(group, '   '), 'BAD_USER_INPUT', 'body'],
      [sendPayload(group, 'x'.repeat(4001)), 'BAD_USER_INPUT', 'body'],
      [{ ...sendPayload(group, 'hi'), clientId: 'short' }, 'BAD_USER_INPUT', 'clientId'],
      [{ ...sendPayload(group, 'hi'), conversationId: 'nope' }, 'BAD_USER_INPUT', 'conversationId'],
      [sendPayload('00000000-0000-4000-8000-000000000000', 'hi'), 'NOT_FOUND', 'input.conversationId'],
      [null, 'BAD_USER_INPUT', 'payload'],
      ['just a string', 'BAD_USER_INPUT', 'payload'],
      [[1, 2, 3], 'BAD_USER_INPUT', 'payload'],
      [{ conversationId: group, clientId: 12345678, body: { evil: true } }, 'BAD_USER_INPUT', undefined],
    ];
    for (const [payload, code, field] of cases) {
      const ack = await aSocket.call('message:send', payload);
      expect(ack.ok).toBe(false);
      if (ack.ok) continue;
      expect(ack.error.code).toBe(code);
      if (field) expect(ack.error.field).toBe(field);
    }
    const notMember = await outsider.call('message:send', sendPayload(group, 'let me in'));
    expect(notMember.ok === false && notMember.error.code).toBe('NOT_A_MEMBER');
    // Events without an ack, unknown events and garbage do not crash anything.
    aSocket.socket.emit('message:send', sendPayload(group, 'no ack given'));
    aSocket.socket.emit('message:send');
    aSocket.socket.emit('no-such-event', { x: 1 });
    await settle();
    expect(await countRows(t.db, 'messages')).toBe(before + 1); // only the valid one without an ack

    // The gateway still works for everyone.
    const wait = aSocket.next<SocketMessage>('message:new', (m) => m.body === 'still here');
    await sendOver(bSocket, group, 'still here');
    await wait;
    expect(aSocket.socket.connected && outsider.socket.connected).toBe(true);
  });

  it('stops a flood: more than 20 messages in 10 seconds is RATE_LIMITED and stores nothing more', async () => {
    const flooder = await signUp(t, { displayName: 'Fast Typist' });
    const group = await createGroup(t, flooder, [b], 'Flood group');
    const s = await open(flooder);
    for (let i = 0; i < 20; i += 1) await sendOver(s, group, `message ${i}`);
    const ack = await s.call('message:send', sendPayload(group, 'one too many'));
    expect(ack.ok === false && ack.error.code).toBe('RATE_LIMITED');
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM messages WHERE author_id = $1`, [flooder.id]);
    expect(n).toBe(20);
  });

  it('blocks: nothing is delivered either way and direct sends are refused', async () => {
    const x = await signUp(t, { displayName: 'Blocker' });
    const y = await signUp(t, { displayName: 'Blocked' });
    const z = await signUp(t, { displayName: 'Bystander' });
    const group = await createGroup(t, z, [x, y], 'Mixed group');
    const direct = await openDirect(t, x, y);
    const block = await t.gql(`mutation($id: ID!) { blockUser(userId: $id) }`, { id: y.id }, x.token);
    expect(block.data).toEqual({ blockUser: true });

    const xs = await open(x);
    const ys = await open(y);
    const zs = await open(z);
    const toBystander = zs.next<SocketMessage>('message:new', (m) => m.body === 'from the blocked one');
    await sendOver(ys, group, 'from the blocked one');
    await toBystander;
    const fromBlocker = ys.next<SocketMessage>('message:new', (m) => m.body === 'from the blocker', 800);
    const toBystander2 = zs.next<SocketMessage>('message:new', (m) => m.body === 'from the blocker');
    await sendOver(xs, group, 'from the blocker');
    await toBystander2;
    await expect(fromBlocker).rejects.toThrow('No message:new');
    expect(xs.received('message:new').some((m) => (m as SocketMessage).body === 'from the blocked one')).toBe(false);

    const refused = await ys.call('message:send', sendPayload(direct, 'hello?'));
    expect(refused.ok === false && refused.error.code).toBe('BLOCKED');
    const refused2 = await xs.call('message:send', sendPayload(direct, 'hello?'));
    expect(refused2.ok === false && refused2.error.code).toBe('BLOCKED');
  });

  it('drops a socket when its token expires, and keeps one that renewed in time', async () => {
    const jwt = t.app.get(JwtService);
    const shortToken = await jwt.signAsync({ sub: b.id, role: 'clinician', typ: 'access' }, { expiresIn: 2 });
    const group = await createGroup(t, a, [b], 'Expiry group');
    const aSocket = await open(a);
    const expiring = await open(shortToken);
    const renewing = await open(await jwt.signAsync({ sub: b.id, role: 'clinician', typ: 'access' }, { expiresIn: 2 }));
    const renewed = await renewing.call<{ expiresAt: string }>('session:renew', { token: b.token });
    expect(renewed.ok).toBe(true);
    const wrongUser = await renewing.call('session:renew', { token: c.token });
    expect(wrongUser.ok === false && wrongUser.error.code).toBe('BAD_USER_INPUT');

    await expiring.next('session:expired', undefined, 4000);
    await settle(100);
    expect(expiring.socket.connected).toBe(false);
    const wait = renewing.next<SocketMessage>('message:new', (m) => m.body === 'after expiry');
    await sendOver(aSocket, group, 'after expiry');
    await wait;
    expect(expiring.received('message:new')).toEqual([]);
  });

  it('stops delivery at once when a member is removed, and starts it when one is added', async () => {
    const d = await signUp(t, { displayName: 'Dee Visitor' });
    const group = await createGroup(t, a, [b, d], 'Membership group');
    const aSocket = await open(a);
    const dSocket = await open(d);
    const cSocket = await open(c);

    const removed = dSocket.next<{ conversationId: string; reason: string }>('conversation:removed');
    const res = await t.gql(`mutation($c: ID!, $u: ID!) { removeConversationMember(conversationId: $c, userId: $u) { memberCount } }`, { c: group, u: d.id }, a.token);
    expect(res.data).toEqual({ removeConversationMember: { memberCount: 2 } });
    expect(await removed).toEqual({ conversationId: group, reason: 'removed' });
    await sendOver(aSocket, group, 'after removal');

    const added = await t.gql(`mutation($c: ID!, $u: [ID!]!) { addConversationMembers(conversationId: $c, userIds: $u) { memberCount } }`, { c: group, u: [c.id] }, a.token);
    expect(added.data).toEqual({ addConversationMembers: { memberCount: 3 } });
    const wait = cSocket.next<SocketMessage>('message:new', (m) => m.body === 'welcome');
    await sendOver(aSocket, group, 'welcome');
    await wait;
    await settle();
    expect(dSocket.received('message:new')).toEqual([]);
    const sync = await dSocket.call<SyncResult>('sync', { conversations: [{ conversationId: group, afterMessageId: null }] });
    expect(sync.ok && sync.data.conversations[0]!.error?.code).toBe('NOT_A_MEMBER');
  });

  it('shares typing indicators and read receipts with the other members only', async () => {
    const group = await createGroup(t, a, [b], 'Typing group');
    const aTab = await open(a);
    const aOtherTab = await open(a);
    const bSocket = await open(b);
    const outsider = await open(c);

    const typing = bSocket.next<{ userId: string; typing: boolean; displayName: string }>('typing');
    expect((await aTab.call('typing', { conversationId: group, typing: true })).ok).toBe(true);
    expect(await typing).toEqual({ conversationId: group, userId: a.id, displayName: 'Dr Ada', typing: true });
    const refused = await outsider.call('typing', { conversationId: group, typing: true });
    expect(refused.ok === false && refused.error.code).toBe('NOT_A_MEMBER');

    const message = await sendOver(aTab, group, 'Did you see this?');
    const receipt = aOtherTab.next<{ userId: string; messageId: string; seq: number }>('conversation:read', (r) => r.userId === b.id);
    const read = await bSocket.call<{ unreadCount: number }>('conversation:read', { conversationId: group, messageId: message.id });
    expect(read).toEqual({ ok: true, data: { unreadCount: 0 } });
    expect(await receipt).toEqual({ conversationId: group, userId: b.id, messageId: message.id, seq: message.seq });
    await settle();
    expect(aOtherTab.received('typing')).toEqual([]);
    expect(outsider.received('typing')).toEqual([]);
    expect(outsider.received('conversation:read')).toEqual([]);
  });

  it('sends edits, deletes and reactions live to members', async () => {
    const group = await createGroup(t, a, [b], 'Edits group');
    const aSocket = await open(a);
    const bSocket = await open(b);
    const message = await sendOver(aSocket, group, 'Frist draft');

    const edited = bSocket.next<SocketMessage>('message:updated', (m) => m.id === message.id && m.body === 'First draft');
    const editAck = await aSocket.call<SocketMessage>('message:edit', { messageId: message.id, body: 'First draft' });
    expect(editAck.ok && editAck.data.editedAt).toBeTruthy();
    await edited;

    const notYours = await bSocket.call('message:edit', { messageId: message.id, body: 'Hijacked' });
    expect(notYours.ok === false && notYours.error.code).toBe('FORBIDDEN');

    const reacted = aSocket.next<SocketMessage>('message:updated', (m) => m.reactions.length > 0);
    const react = await bSocket.call<SocketMessage>('message:react', { messageId: message.id, emoji: '👍', on: true });
    expect(react.ok && react.data.reactions).toEqual([{ emoji: '👍', count: 1, userIds: [b.id] }]);
    expect((await reacted).reactions).toEqual([{ emoji: '👍', count: 1, userIds: [b.id] }]);
    const badEmoji = await bSocket.call('message:react', { messageId: message.id, emoji: '💩', on: true });
    expect(badEmoji.ok === false && badEmoji.error.field).toBe('emoji');

    const deleted = bSocket.next<SocketMessage>('message:updated', (m) => m.id === message.id && m.deletedAt !== null);
    await aSocket.call('message:delete', { messageId: message.id });
    const gone = await deleted;
    expect(gone.body).toBeNull();
    expect(gone.reactions).toEqual([]);
  });
});
