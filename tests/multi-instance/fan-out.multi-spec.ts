import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import type { SendMessagePayload, SocketAck, SocketMessage, SyncResult } from '@kindred/domain';
import { type ApiInstance, redisAvailable, type RedisServer, startApi, startRedis } from './processes';
import { group, signUp, storedMessages, until, type User } from './clients';

/** A socket.io client that keeps every message it sees, live or caught up, by id. */
class Member {
  readonly live: SocketMessage[] = [];
  socket!: Socket;
  constructor(
    readonly user: User,
    readonly conversationId: string,
  ) {}

  async connect(instance: ApiInstance): Promise<void> {
    this.socket = io(instance.url, { transports: ['websocket'], auth: { token: this.user.token }, reconnection: false, forceNew: true });
    this.socket.on('message:new', (m: SocketMessage) => {
      if (m.conversationId === this.conversationId) this.live.push(m);
    });
    await new Promise<void>((resolve, reject) => {
      this.socket.once('connect', resolve);
      this.socket.once('connect_error', reject);
    });
  }

  async send(body: string, clientId: string = randomUUID()): Promise<SocketAck<SocketMessage>> {
    const payload: SendMessagePayload = { conversationId: this.conversationId, clientId, body };
    return (await this.socket.timeout(5000).emitWithAck('message:send', payload)) as SocketAck<SocketMessage>;
  }

  async sync(afterMessageId: string | null): Promise<SocketMessage[]> {
    const ack = (await this.socket.timeout(5000).emitWithAck('sync', {
      conversations: [{ conversationId: this.conversationId, afterMessageId }],
    })) as SocketAck<SyncResult>;
    if (!ack.ok) throw new Error(JSON.stringify(ack.error));
    return ack.data.conversations[0]!.messages;
  }

  close(): void {
    this.socket?.close();
  }
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Two API processes on loopback share one PostgreSQL+PostGIS; a socket.io adapter carries each
 * emit to the other. For each adapter: a message sent through A reaches a client of B live; then
 * A is killed mid-stream and its clients move to B, resend what was not acknowledged (same client
 * ids) and catch up, ending with every stored message exactly once and in order.
 */
describe.each([
  ['postgres', 'PostgreSQL LISTEN/NOTIFY'],
  ['redis', 'Redis streams'],
])('fan-out across two API instances: %s adapter (%s)', (adapter) => {
  let redis: RedisServer | null = null;
  let a: ApiInstance;
  let b: ApiInstance;
  const members: Member[] = [];

  beforeAll(async () => {
    const env: Record<string, string> = { REALTIME_ADAPTER: adapter };
    if (adapter === 'redis') {
      if (!redisAvailable()) throw new Error('redis-server is not installed (apt-get install redis-server)');
      redis = await startRedis();
      env['REDIS_URL'] = redis.url;
    }
    a = await startApi('A', env);
    b = await startApi('B', env);
  });

  afterAll(async () => {
    for (const m of members) m.close();
    await Promise.all([a?.kill(), b?.kill()]);
    await redis?.stop();
  });

  it('delivers a message sent through one instance live to a client of the other, then survives losing an instance', async () => {
    const [sender, onA, onB] = await Promise.all([signUp(a.url, 'Sender'), signUp(a.url, 'Reader on A'), signUp(b.url, 'Reader on B')]);
    const conversationId = await group(a.url, sender, [onA, onB]);
    const s = new Member(sender, conversationId);
    const ra = new Member(onA, conversationId);
    const rb = new Member(onB, conversationId);
    members.push(s, ra, rb);
    await Promise.all([s.connect(a), ra.connect(a), rb.connect(b)]);

    // Live across instances, both ways.
    const first = await s.send('hello from A');
    expect(first.ok).toBe(true);
    await until(() => rb.live.length === 1, 'the first message on B');
    expect(rb.live[0]!.body).toBe('hello from A');
    const fromB = await rb.send('hello back from B');
    expect(fromB.ok).toBe(true);
    await until(() => ra.live.some((m) => m.body === 'hello back from B'), 'B’s message on A');

    // A stream from A; A dies in the middle of it.
    const acked = new Map<string, SocketMessage>();
    const unacked: Array<{ clientId: string; body: string }> = [];
    const stream = (async () => {
      for (let i = 0; i < 16; i += 1) {
        const clientId = randomUUID();
        const body = `stream ${i}`;
        if (!s.socket.connected) {
          unacked.push({ clientId, body });
          continue;
        }
        try {
          const ack = await s.send(body, clientId);
          if (ack.ok) acked.set(clientId, ack.data);
          else unacked.push({ clientId, body });
        } catch {
          unacked.push({ clientId, body }); // no ack: A died with it in flight (it may or may not be stored)
        }
        await pause(15);
      }
    })();
    // (16 + the first: under the flood limit of 20 messages in 10 s per person.)
    await until(() => acked.size >= 6, 'six acknowledged messages before the crash');
    await a.kill();
    // B keeps talking while A's clients are away.
    for (let i = 0; i < 5; i += 1) expect(await rb.send(`while A is down ${i}`)).toMatchObject({ ok: true });
    await stream;

    // A's clients reconnect to B (the load balancer's job), resend what had no ack with the same
    // client ids, and catch up from the last message they saw.
    const lastSeen = ra.live[ra.live.length - 1]!;
    s.close();
    ra.close();
    const s2 = new Member(sender, conversationId);
    const ra2 = new Member(onA, conversationId);
    members.push(s2, ra2);
    await Promise.all([s2.connect(b), ra2.connect(b)]);
    for (const { clientId, body } of unacked) {
      const ack = await s2.send(body, clientId);
      expect(ack).toMatchObject({ ok: true });
      if (ack.ok) acked.set(clientId, ack.data);
    }
    const caughtUp = await ra2.sync(lastSeen.id);

    const stored = await storedMessages(conversationId);
    // Every acknowledged message is stored, once.
    for (const m of acked.values()) expect(stored.some((r) => r.id === m.id)).toBe(true);
    expect(new Set(stored.map((r) => r.id)).size).toBe(stored.length);
    expect(stored.map((r) => r.seq)).toEqual(stored.map((_, i) => i + 1));
    // The catch-up is exactly what followed the last seen message: no gap, no duplicate, in order.
    expect(caughtUp.map((m) => m.id)).toEqual(stored.filter((r) => r.seq > lastSeen.seq).map((r) => r.id));
    // Reader A's whole view (live before the crash, then the catch-up) is the conversation, once each.
    const viewA = [...ra.live, ...caughtUp];
    expect(viewA.map((m) => m.id)).toEqual(stored.map((r) => r.id));
    // Reader B, on the surviving instance all along, saw messages live once each and in order: all
    // of them, except at most one that A stored but could not fan out before it died (a client
    // sees the gap in seq and fills it with sync).
    await until(() => rb.live.some((m) => m.seq === stored[stored.length - 1]!.seq), 'the last message live on B');
    const seen = rb.live.map((m) => m.seq);
    expect(seen).toEqual([...new Set(seen)].sort((x, y) => x - y));
    expect(stored.length - seen.length).toBeLessThanOrEqual(1);
    const gaps = stored.filter((r) => !seen.includes(r.seq));
    for (const gap of gaps) {
      const filled = await rb.sync(stored.find((r) => r.seq === gap.seq - 1)!.id);
      expect(filled[0]!.id).toBe(gap.id);
    }
  });
});

/** The control: without an adapter each instance only reaches its own sockets (so the tests above measure the adapter). */
describe('two API instances without an adapter', () => {
  let a: ApiInstance;
  let b: ApiInstance;
  const members: Member[] = [];

  beforeAll(async () => {
    a = await startApi('A', { REALTIME_ADAPTER: 'none' });
    b = await startApi('B', { REALTIME_ADAPTER: 'none' });
  });

  afterAll(async () => {
    for (const m of members) m.close();
    await Promise.all([a?.kill(), b?.kill()]);
  });

  it('does not deliver across instances, though the message is stored and B’s client can catch up', async () => {
    const [sender, reader] = await Promise.all([signUp(a.url, 'Lonely sender'), signUp(b.url, 'Lonely reader')]);
    const conversationId = await group(a.url, sender, [reader]);
    const s = new Member(sender, conversationId);
    const r = new Member(reader, conversationId);
    members.push(s, r);
    await Promise.all([s.connect(a), r.connect(b)]);
    const ack = await s.send('only A knows');
    expect(ack).toMatchObject({ ok: true });
    await pause(500);
    expect(r.live).toEqual([]);
    expect((await r.sync(null)).map((m) => m.body)).toEqual(['only A knows']);
  });
});
