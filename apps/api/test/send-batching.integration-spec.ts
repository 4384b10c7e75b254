import { randomUUID } from 'node:crypto';
import { MESSAGING_LIMITS, type SocketMessage } from '@kindred/domain';
import { MessagesService } from '../src/conversations/messages.service';
import { SendBatcher, type SendRequest, type SendRow } from '../src/conversations/send-batcher';
import { createGroup, openDirect } from './conversation-fixtures';
import { signUp, type SignedUpUser } from './fixtures';
import { sendPayload, type TestSocket, socketOpener } from './socket-fixtures';
import { createTestApp, type TestApp } from './test-app';

const { floodMessages } = MESSAGING_LIMITS;

async function until(check: () => boolean, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * Group commit of sends (SendBatcher and kindred_send_messages()) on the real database: one
 * statement for many sends gives each send the outcome a single send would, stores each once in
 * arrival order per conversation, keeps idempotency and flood control exact, does not deadlock
 * with itself on several connections, and retries a failed batch one by one. Then the same over
 * real socket.io connections, where the gateway batches concurrent sends on its own.
 */
describe('group-committed sends', () => {
  let t: TestApp;
  let a: SignedUpUser;
  let b: SignedUpUser;
  let outsider: SignedUpUser;
  const open = socketOpener(() => t);

  beforeAll(async () => {
    t = await createTestApp();
    await t.reset();
    a = await signUp(t, { displayName: 'Ada Batch' });
    b = await signUp(t, { displayName: 'Bea Batch' });
    outsider = await signUp(t, { displayName: 'Out Sider' });
  });

  afterAll(async () => {
    await t.close();
  });

  const request = (author: SignedUpUser, conversationId: string, body: string, extra: Partial<SendRequest> = {}): SendRequest => ({
    conversationId,
    authorId: author.id,
    clientId: randomUUID(),
    body,
    parentId: null,
    mentionIds: [],
    ...extra,
  });

  /**
   * Submits every request in the same tick to a batcher that runs one statement at a time: the
   * first goes alone, all the others wait for it and then go as ONE batch statement.
   */
  async function oneBatch(requests: SendRequest[]): Promise<{ rows: Array<SendRow | Error>; batcher: SendBatcher }> {
    const batcher = new SendBatcher(t.db, { maxInFlight: 1, maxBatch: 1000 });
    const warmUp = batcher.send(request(a, await newGroup(a, [b]), 'warm-up'));
    const results = requests.map((r) => batcher.send(r).catch((error: Error) => error));
    await warmUp;
    const rows = await Promise.all(results);
    expect(batcher.stats).toMatchObject({ statements: 2, batches: 1, batchedSends: requests.length });
    return { rows, batcher };
  }

  const newGroup = (owner: SignedUpUser, members: SignedUpUser[]) => createGroup(t, owner, members, `Batch ${randomUUID().slice(0, 6)}`);

  async function stored(conversationId: string): Promise<Array<{ seq: number; body: string; client_id: string; author_id: string }>> {
    const rows: Array<{ seq: string; body: string; client_id: string; author_id: string }> = await t.db.query(
      `SELECT seq, body, client_id, author_id FROM messages WHERE conversation_id = $1 ORDER BY seq`,
      [conversationId],
    );
    return rows.map((r) => ({ ...r, seq: Number(r.seq) }));
  }

  it('gives each send of a mixed batch its own outcome, as a single send would, and stores only the allowed ones', async () => {
    const group = await newGroup(a, [b]);
    const closed = await newGroup(a, [b]);
    await t.db.query(`UPDATE conversations SET status = 'closed' WHERE id = $1`, [closed]);
    const blocker = await signUp(t, { displayName: 'Blocker Batch' });
    const direct = await openDirect(t, a, blocker);
    const blocked = await t.gql(`mutation($id: ID!) { blockUser(userId: $id) }`, { id: a.id }, blocker.token);
    expect(blocked.data).toEqual({ blockUser: true });
    const first = await new SendBatcher(t.db).send(request(a, group, 'already stored', { clientId: 'stored-client-id' }));
    expect(first.outcome).toBe('created');

    const requests = [
      request(a, group, 'allowed 1'),
      request(outsider, group, 'not a member'),
      request(b, group, 'allowed 2'),
      request(a, closed, 'closed'),
      request(a, direct, 'blocked'),
      request(a, randomUUID(), 'no such conversation'),
      request(a, group, 'bad mention', { mentionIds: [outsider.id] }),
      request(a, group, 'bad parent', { parentId: randomUUID() }),
      request(a, closed, 'reused client id', { clientId: 'stored-client-id' }),
      request(a, group, 'retry of a stored one', { clientId: 'stored-client-id' }),
      request(b, group, 'reply', { parentId: first.id!, mentionIds: [a.id] }),
      request(a, group, 'allowed 3'),
    ];
    const { rows } = await oneBatch(requests);
    const outcomes = rows.map((r) => (r instanceof Error ? r.message : `${r.outcome}${r.detail ? `:${r.detail}` : ''}`));
    expect(outcomes).toEqual([
      'created',
      'NOT_A_MEMBER',
      'created',
      'MESSAGING_CLOSED:closed',
      'BLOCKED',
      'NOT_FOUND',
      'BAD_MENTIONS',
      'BAD_PARENT',
      'CLIENT_ID_REUSED',
      'existing',
      'created',
      'created',
    ]);
    const existing = rows[9] as SendRow;
    expect(existing.id).toBe(first.id);
    const reply = rows[10] as SendRow;
    expect(reply).toMatchObject({ parent_id: first.id, mention_ids: [a.id], parent_author: a.id, kind: 'group', status: 'open' });
    expect([...(reply.member_ids ?? [])].sort()).toEqual([a.id, b.id].sort());

    // Stored once each, numbered in arrival order; nothing of the refused ones.
    expect((await stored(group)).map((m) => [m.seq, m.body])).toEqual([
      [1, 'already stored'],
      [2, 'allowed 1'],
      [3, 'allowed 2'],
      [4, 'reply'],
      [5, 'allowed 3'],
    ]);
    expect(await stored(closed)).toEqual([]);
    expect(await stored(direct)).toEqual([]);
  });

  it('keeps retries idempotent inside one batch and across batches, deciding by arrival', async () => {
    const a = await signUp(t, { displayName: 'Idem Potent' });
    const group = await newGroup(a, [b]);
    const other = await newGroup(a, [b]);
    const clientId = `retry-${randomUUID()}`;
    const { rows } = await oneBatch([
      request(a, group, 'once', { clientId }),
      request(b, group, 'between'),
      request(a, group, 'once (retry, same batch)', { clientId }),
      request(a, other, 'elsewhere', { clientId }),
    ]);
    const [created, , retry, reused] = rows as SendRow[];
    expect(created!.outcome).toBe('created');
    expect(retry).toMatchObject({ outcome: 'existing', id: created!.id, body: 'once' });
    expect(reused!.outcome).toBe('CLIENT_ID_REUSED');

    const again = await oneBatch([request(a, group, 'once (retry, next batch)', { clientId }), request(b, group, 'after')]);
    expect(again.rows[0]).toMatchObject({ outcome: 'existing', id: created!.id });
    expect((await stored(group)).map((m) => m.body)).toEqual(['once', 'between', 'after']);
  });

  it('keeps flood control exact inside a batch: the first 20 in arrival order are stored, the rest refused', async () => {
    const flooder = await signUp(t, { displayName: 'Batch Flooder' });
    const one = await newGroup(flooder, [a]);
    const two = await newGroup(flooder, [b]);
    // Alternating conversations: the batch runs them in conversation order, but a conversation's sends in arrival order.
    const requests = Array.from({ length: floodMessages + 6 }, (_, i) => request(flooder, i % 2 ? two : one, `flood ${i}`));
    const { rows } = await oneBatch(requests);
    expect((rows as SendRow[]).map((r) => r.outcome)).toEqual([...Array(floodMessages).fill('created'), ...Array(6).fill('RATE_LIMITED')]);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM messages WHERE author_id = $1`, [flooder.id]);
    expect(n).toBe(floodMessages);
    for (const conversation of [one, two]) {
      const seqs = (await stored(conversation)).map((m) => m.seq);
      expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    }
  });

  it('retries a batch that failed as a whole one send at a time: only the faulty send fails', async () => {
    const group = await newGroup(a, [b]);
    // PostgreSQL text cannot hold NUL: the statement fails, which no check in the function foresees.
    const { rows, batcher } = await oneBatch([
      request(a, group, 'before'),
      request(b, group, 'bad \u0000 byte'),
      request(b, group, 'after'),
    ]);
    expect(batcher.stats.fallbacks).toBe(1);
    expect(rows[0]).toMatchObject({ outcome: 'created', seq: '1' });
    expect(rows[1]).toBeInstanceOf(Error);
    expect(rows[2]).toMatchObject({ outcome: 'created', seq: '2' });
    expect((await stored(group)).map((m) => m.body)).toEqual(['before', 'after']);
  });

  it('runs batches on several connections at once, sharing authors and conversations, without deadlock or loss', async () => {
    const users = await Promise.all(['One', 'Two', 'Three', 'Four'].map((n) => signUp(t, { displayName: `Lock ${n}` })));
    const [u0, u1, u2, u3] = users as [SignedUpUser, SignedUpUser, SignedUpUser, SignedUpUser];
    const groups = await Promise.all([newGroup(u0, [u1, u2, u3]), newGroup(u1, [u0, u2, u3]), newGroup(u2, [u0, u1, u3])]);
    // Four batchers (as four API instances would), one statement at a time each: a first send
    // goes alone, the rest wait and go as one batch, all four batches at once. First by one author
    // each (so no advisory lock orders them) to every conversation, half of them listing the
    // conversations in the opposite order; then with all four authors mixed.
    const batchers = Array.from({ length: 4 }, () => new SendBatcher(t.db, { maxInFlight: 1, maxBatch: 1000 }));
    const sent: SendRequest[] = [];
    const work: Array<Promise<SendRow>> = [];
    const warm = await newGroup(u3, [u0, u1, u2]);
    const phase = async (mixed: boolean) => {
      const started = work.length;
      batchers.forEach((batcher, k) => {
        // Goes alone; the batch behind it then starts with the first conversation of its order.
        const first = request(users[k]!, warm, `warm-up b${k}`);
        sent.push(first);
        work.push(batcher.send(first));
        for (let round = 0; round < 3; round += 1) {
          const order = k % 2 ? [...groups].reverse() : groups;
          order.forEach((group, i) => {
            const author = mixed ? users[(k + i + round) % 4]! : users[k]!;
            const r = request(author, group, `${mixed ? 'mixed' : 'own'} r${round} b${k} ${i}`);
            sent.push(r);
            work.push(batcher.send(r));
          });
        }
      });
      await Promise.all(work.slice(started));
    };
    await phase(false);
    await phase(true);
    const rows = await Promise.all(work);
    expect(rows.map((r) => r.outcome)).toEqual(sent.map(() => 'created'));
    // A deadlock would have been broken by PostgreSQL and the batch retried one by one.
    expect(batchers.reduce((n, x) => n + x.stats.fallbacks, 0)).toBe(0);
    expect(batchers.reduce((n, x) => n + x.stats.batches, 0)).toBeGreaterThan(0);
    for (const group of [...groups, warm]) {
      const messages = await stored(group);
      expect(messages.map((m) => m.seq)).toEqual(messages.map((_, i) => i + 1));
      expect(messages.map((m) => m.client_id).sort()).toEqual(sent.filter((r) => r.conversationId === group).map((r) => r.clientId).sort());
    }
  });

  it('over sockets: concurrent sends of several users in several conversations are stored once, in each sender’s order, and reach every member', async () => {
    const [a, b, c, d] = (await Promise.all(['A', 'B', 'C', 'D'].map((n) => signUp(t, { displayName: `Socket ${n}` })))) as SignedUpUser[];
    const people = [a!, b!, c!, d!];
    const groups = [await newGroup(a, [b, c]), await newGroup(b, [c, d]), await newGroup(d, [a, b, c])];
    const membersOf = new Map<string, SignedUpUser[]>([
      [groups[0]!, [a, b, c]],
      [groups[1]!, [b, c, d]],
      [groups[2]!, [a, b, c, d]],
    ]);
    const socketOf = new Map<string, TestSocket>();
    for (const p of people) socketOf.set(p.id, await open(p));
    const before = { ...t.app.get(MessagesService).sendBatching };

    // Every member sends 5 to each of their conversations, all at once (at most 15 each: under the flood limit).
    const perSender = 5;
    const sends: Array<{ user: SignedUpUser; group: string; body: string; ack: Promise<unknown> }> = [];
    for (let i = 0; i < perSender; i += 1) {
      for (const group of groups) {
        for (const user of membersOf.get(group)!) {
          const body = `${user.id.slice(0, 4)} #${i} in ${group.slice(0, 4)}`;
          sends.push({ user, group, body, ack: socketOf.get(user.id)!.call<SocketMessage>('message:send', sendPayload(group, body), 15_000) });
        }
      }
    }
    const acks = (await Promise.all(sends.map((s) => s.ack))) as Array<{ ok: boolean; data: SocketMessage }>;
    expect(acks.filter((x) => !x.ok)).toEqual([]);
    const after = t.app.get(MessagesService).sendBatching;
    expect(after.batches).toBeGreaterThan(before.batches);
    expect(after.fallbacks).toBe(before.fallbacks);

    for (const group of groups) {
      const messages = await stored(group);
      const expected = sends.filter((s) => s.group === group);
      expect(messages).toHaveLength(expected.length);
      expect(messages.map((m) => m.seq)).toEqual(messages.map((_, i) => i + 1));
      // Each sender's messages in the order they were sent.
      for (const user of membersOf.get(group)!) {
        expect(messages.filter((m) => m.author_id === user.id).map((m) => m.body)).toEqual(
          expected.filter((s) => s.user === user).map((s) => s.body),
        );
      }
      // Every member's socket (the sender's included) got every message of the conversation once, in seq order.
      for (const user of membersOf.get(group)!) {
        const socket = socketOf.get(user.id)!;
        const live = () => (socket.received('message:new') as SocketMessage[]).filter((m) => m.conversationId === group);
        await until(() => live().length >= messages.length, `deliveries of ${group} to ${user.id}`);
        expect(live().map((m) => m.seq)).toEqual(messages.map((m) => m.seq));
      }
    }
  });

  it('over sockets: a concurrent burst from two tabs of one user stores exactly 20 and refuses the rest as RATE_LIMITED', async () => {
    const flooder = await signUp(t, { displayName: 'Two Tab Flooder' });
    const group = await newGroup(flooder, [a]);
    const tabs = [await open(flooder), await open(flooder)];
    const acks = await Promise.all(
      Array.from({ length: 26 }, (_, i) => tabs[i % 2]!.call<SocketMessage>('message:send', sendPayload(group, `burst ${i}`), 15_000)),
    );
    expect(acks.filter((x) => x.ok)).toHaveLength(floodMessages);
    expect(acks.filter((x) => !x.ok).map((x) => (x.ok ? null : x.error.code))).toEqual(Array(26 - floodMessages).fill('RATE_LIMITED'));
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM messages WHERE author_id = $1`, [flooder.id]);
    expect(n).toBe(floodMessages);
  });

  it('over sockets: retries of one client id sent concurrently and later give one stored message and one delivery', async () => {
    const a = await signUp(t, { displayName: 'Retry Socket' });
    const group = await newGroup(a, [b]);
    const aSocket = await open(a);
    const bSocket = await open(b);
    const payload = sendPayload(group, 'said once');
    const acks = await Promise.all([0, 1, 2].map(() => aSocket.call<SocketMessage>('message:send', payload)));
    const later = await aSocket.call<SocketMessage>('message:send', payload);
    const ids = [...acks, later].map((x) => (x.ok ? x.data.id : x.error.code));
    expect(ids.every((id) => /^[0-9a-f-]{36}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(1);
    expect((await stored(group)).map((m) => m.body)).toEqual(['said once']);
    await sendPayloadAndWait(aSocket, bSocket, group);
    expect((bSocket.received('message:new') as SocketMessage[]).filter((m) => m.body === 'said once')).toHaveLength(1);
  });

  /** Sends a marker and waits for it on `to`: everything sent before it has been delivered by then. */
  async function sendPayloadAndWait(from: TestSocket, to: TestSocket, group: string): Promise<void> {
    const marker = `marker ${randomUUID()}`;
    const wait = to.next<SocketMessage>('message:new', (m) => m.body === marker);
    const ack = await from.call<SocketMessage>('message:send', sendPayload(group, marker));
    expect(ack.ok).toBe(true);
    await wait;
  }
});
