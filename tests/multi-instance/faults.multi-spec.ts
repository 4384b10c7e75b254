import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { io, type Socket } from 'socket.io-client';
import type { SocketAck, SocketMessage, SyncResult } from '@kindred/domain';
import { type ApiInstance, redisAvailable, type RedisServer, startApi, startRedis } from './processes';

// The throwaway-server helper the benchmarks use (a script outside any project), so it can be stopped and restarted here.
// eslint-disable-next-line @typescript-eslint/no-require-imports, @nx/enforce-module-boundaries
const { startTempPostgres } = require('../../tools/pg-temp.cjs') as {
  startTempPostgres(o: { dir: string }): Promise<{ url: string; stop(): void; restart(): void }>;
};

interface User {
  id: string;
  token: string;
}

async function gqlRaw(base: string, query: string, variables: Record<string, unknown>, token?: string): Promise<{ status: number; body: { data?: Record<string, unknown>; errors?: unknown[] } }> {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: (await res.json()) as { data?: Record<string, unknown>; errors?: unknown[] } };
}

async function signUp(base: string): Promise<User> {
  const { body } = await gqlRaw(base, `mutation($input: SignUpInput!) { signUp(input: $input) { accessToken account { id } } }`, {
    input: { email: `fault-${randomUUID()}@example.org`, password: `Long-enough-${randomUUID()}`, displayName: 'Fault tester', profession: 'nurse' },
  });
  const signUpData = body.data?.['signUp'] as { accessToken: string; account: { id: string } } | undefined;
  if (!signUpData) throw new Error(JSON.stringify(body.errors));
  return { id: signUpData.account.id, token: signUpData.accessToken };
}

async function group(base: string, owner: User, members: User[]): Promise<string> {
  const { body } = await gqlRaw(
    base,
    `mutation($input: CreateGroupConversationInput!) { createGroupConversation(input: $input) { id } }`,
    { input: { title: 'Faults', memberIds: members.map((m) => m.id) } },
    owner.token,
  );
  return (body.data?.['createGroupConversation'] as { id: string }).id;
}

async function connect(instance: ApiInstance, user: User, into: SocketMessage[]): Promise<Socket> {
  const socket = io(instance.url, { transports: ['websocket'], auth: { token: user.token }, reconnection: true, reconnectionDelay: 200, forceNew: true });
  socket.on('message:new', (m: SocketMessage) => into.push(m));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  return socket;
}

async function send(socket: Socket, conversationId: string, body: string, clientId: string = randomUUID()): Promise<SocketAck<SocketMessage>> {
  return (await socket.timeout(8000).emitWithAck('message:send', { conversationId, clientId, body })) as SocketAck<SocketMessage>;
}

async function ready(instance: ApiInstance): Promise<{ status: number; body: { info?: Record<string, Record<string, unknown>>; error?: Record<string, unknown> } }> {
  const res = await fetch(`${instance.url}/health/ready`);
  return { status: res.status, body: (await res.json()) as { info?: Record<string, Record<string, unknown>> } };
}

async function until<T>(check: () => Promise<T | false> | T | false, what: string, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await Promise.resolve(check()).catch(() => false as const);
    if (value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('fault: Redis stops and comes back', () => {
  let redis: RedisServer;
  let a: ApiInstance;
  let b: ApiInstance;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    if (!redisAvailable()) throw new Error('redis-server is not installed (apt-get install redis-server)');
    redis = await startRedis();
    const env = { REALTIME_ADAPTER: 'redis', REDIS_URL: redis.url };
    a = await startApi('A', env);
    b = await startApi('B', env);
  });

  afterAll(async () => {
    for (const s of sockets) s.close();
    await Promise.all([a?.kill(), b?.kill()]);
    await redis?.stop();
  });

  it('keeps serving reads and local delivery without Redis, and fans out again when it is back', async () => {
    const [u1, u2, u3] = await Promise.all([signUp(a.url), signUp(a.url), signUp(b.url)]);
    const conversationId = await group(a.url, u1, [u2!, u3!]);
    const onA: SocketMessage[] = [];
    const onB: SocketMessage[] = [];
    const s1 = await connect(a, u1, []);
    const s2 = await connect(a, u2, onA);
    const s3 = await connect(b, u3, onB);
    sockets.push(s1, s2, s3);
    expect((await ready(a)).body.info?.['realtime']).toMatchObject({ adapter: 'redis', fanOut: 'connected' });

    await redis.stop();
    await until(async () => (await ready(a)).body.info?.['realtime']?.['fanOut'] !== 'connected' || false, 'A to notice Redis is gone');
    // Reads still work and readiness stays up (the database is fine).
    const r = await ready(a);
    expect(r.status).toBe(200);
    const read = await gqlRaw(a.url, `{ myConversations { nodes { id } } }`, {}, u1.token);
    expect(read.body.data?.['myConversations']).toEqual({ nodes: [{ id: conversationId }] });
    // A message is stored and acknowledged, and reaches this instance's sockets at once.
    const ack = await send(s1, conversationId, 'while Redis is down');
    expect(ack).toMatchObject({ ok: true });
    await until(() => onA.some((m) => m.body === 'while Redis is down'), 'local delivery on A');
    // B's client missed it live but catches up from the database.
    const sync = (await s3.timeout(5000).emitWithAck('sync', { conversations: [{ conversationId, afterMessageId: null }] })) as SocketAck<SyncResult>;
    expect(sync.ok && sync.data.conversations[0]!.messages.map((m) => m.body)).toContain('while Redis is down');

    await redis.restart();
    await until(async () => (await ready(a)).body.info?.['realtime']?.['fanOut'] === 'connected' || false, 'A to reconnect to Redis');
    await until(async () => (await ready(b)).body.info?.['realtime']?.['fanOut'] === 'connected' || false, 'B to reconnect to Redis');
    // Fan-out recovers: a new message reaches B live again.
    const deadline = Date.now() + 20_000;
    let delivered = false;
    for (let i = 0; !delivered && Date.now() < deadline; i += 1) {
      expect(await send(s1, conversationId, `after Redis is back ${i}`)).toMatchObject({ ok: true });
      await pause(500);
      delivered = onB.some((m) => m.body?.startsWith('after Redis is back'));
    }
    expect(delivered).toBe(true);
  });
});

describe('fault: PostgreSQL stops and comes back', () => {
  let pg: { url: string; stop(): void; restart(): void };
  let a: ApiInstance;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    pg = await startTempPostgres({ dir: `/tmp/kindred-fault-pg-${process.pid}` });
    a = await startApi('A', { DATABASE_URL: pg.url, REALTIME_ADAPTER: 'postgres' });
  });

  afterAll(async () => {
    for (const s of sockets) s.close();
    await a?.kill();
    try {
      pg?.stop();
    } catch {
      // already stopped
    }
  });

  it('fails readiness while the database is gone, recovers without a restart, and loses no acknowledged message', async () => {
    const [u1, u2] = await Promise.all([signUp(a.url), signUp(a.url)]);
    const conversationId = await group(a.url, u1, [u2!]);
    const s1 = await connect(a, u1, []);
    sockets.push(s1);
    expect((await ready(a)).status).toBe(200);

    const acked: SocketMessage[] = [];
    const refused: string[] = [];
    const stream = (async () => {
      for (let i = 0; i < 15; i += 1) {
        try {
          const ack = await send(s1, conversationId, `message ${i}`);
          if (ack.ok) acked.push(ack.data);
          else refused.push(ack.error.code);
        } catch {
          refused.push('TIMEOUT');
        }
        await pause(150);
      }
    })();
    await until(() => (acked.length >= 3 ? true : false), 'a few messages before the outage');
    pg.stop();
    const down = await until(async () => {
      const r = await ready(a);
      return r.status === 503 ? r : false;
    }, 'readiness to fail');
    expect(down.body.error?.['database']).toMatchObject({ status: 'down' });
    await pause(1000);
    pg.restart();
    await until(async () => ((await ready(a)).status === 200 ? true : false), 'readiness to recover', 30_000);
    await stream;
    // Sending works again through the same process.
    const after = await until(async () => {
      const ack = await send(s1, conversationId, 'after the outage');
      return ack.ok ? ack.data : false;
    }, 'a send after recovery');
    acked.push(after);
    expect(refused.length).toBeGreaterThan(0); // the outage was real: some sends were refused, none pretended

    const db = new Client({ connectionString: pg.url });
    await db.connect();
    const { rows } = await db.query(`SELECT id FROM messages WHERE conversation_id = $1`, [conversationId]);
    await db.end();
    const stored = new Set(rows.map((r: { id: string }) => r.id));
    for (const m of acked) expect(stored.has(m.id)).toBe(true);
  });
});
