import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import type { SendMessagePayload, SocketAck, SocketMessage } from '@kindred/domain';
import { group, signUp, storedMessages, until, type User } from './clients';
import { type ApiInstance, startApi } from './processes';

/**
 * Group commit across two API processes on one PostgreSQL: both batch concurrent sends into the
 * same conversations at once, from the same authors (each person has a socket on each instance).
 * Every send is acknowledged, stored once, numbered without gaps in each sender's order, and
 * delivered live to every member on both instances; no batch deadlocks (each instance would
 * then retry one by one and log it).
 */
describe('group-committed sends from two API instances at once', () => {
  let a: ApiInstance;
  let b: ApiInstance;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    const env = { REALTIME_ADAPTER: 'postgres', DATABASE_POOL_SIZE: '8', LOG_LEVEL: 'warn' };
    [a, b] = await Promise.all([startApi('A', env), startApi('B', env)]);
  });

  afterAll(async () => {
    for (const s of sockets) s.close();
    await Promise.all([a?.stop(), b?.stop()]);
  });

  async function connect(instance: ApiInstance, user: User, live: Map<string, SocketMessage[]>): Promise<Socket> {
    const socket = io(instance.url, { transports: ['websocket'], auth: { token: user.token }, reconnection: false, forceNew: true });
    sockets.push(socket);
    socket.on('message:new', (m: SocketMessage) => {
      const list = live.get(m.conversationId) ?? [];
      list.push(m);
      live.set(m.conversationId, list);
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    return socket;
  }

  it('stores and delivers every message once, in order, without deadlock', async () => {
    const people = await Promise.all(Array.from({ length: 6 }, (_, i) => signUp(i % 2 ? b.url : a.url, `Batcher ${i}`)));
    const [owner, ...others] = people as [User, ...User[]];
    const conversations = [await group(a.url, owner, others), await group(b.url, owner, others)];

    // Each person: one socket on A and one on B, each with what it received.
    const clients = await Promise.all(
      people.map(async (user) => {
        const onA = new Map<string, SocketMessage[]>();
        const onB = new Map<string, SocketMessage[]>();
        const [sa, sb] = await Promise.all([connect(a, user, onA), connect(b, user, onB)]);
        return { user, sockets: [sa, sb], received: [onA, onB] };
      }),
    );

    // Everyone at once: 8 sends to each conversation (16 each, under the flood limit), the first
    // conversation's through A and the second's through B for half of the people, the other way
    // round for the rest, so both instances batch sends of the same authors and conversations.
    const perConversation = 8;
    const sends: Array<{ user: User; conversationId: string; clientId: string; ack: Promise<SocketAck<SocketMessage>> }> = [];
    for (let i = 0; i < perConversation; i += 1) {
      clients.forEach((client, k) => {
        conversations.forEach((conversationId, c) => {
          const socket = client.sockets[(k + c) % 2]!;
          const payload: SendMessagePayload = { conversationId, clientId: randomUUID(), body: `${k}:${c}:${i}` };
          const ack = socket.timeout(20_000).emitWithAck('message:send', payload) as Promise<SocketAck<SocketMessage>>;
          sends.push({ user: client.user, conversationId, clientId: payload.clientId, ack });
        });
      });
    }
    const acks = await Promise.all(sends.map((s) => s.ack));
    expect(acks.filter((x) => !x.ok)).toEqual([]);
    const acked = acks.map((x) => (x as { ok: true; data: SocketMessage }).data);

    for (const conversationId of conversations) {
      const mine = sends.map((s, i) => ({ ...s, message: acked[i]! })).filter((s) => s.conversationId === conversationId);
      const stored = await storedMessages(conversationId);
      expect(stored.map((m) => m.seq)).toEqual(stored.map((_, i) => i + 1));
      expect(stored.map((m) => m.id).sort()).toEqual(mine.map((s) => s.message.id).sort());
      // Each sender's messages numbered in the order sent (one socket per sender and conversation).
      for (const client of clients) {
        const seqs = mine.filter((s) => s.user === client.user).map((s) => s.message.seq);
        expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
      }
      // Every socket of every member, on both instances, got each message once.
      for (const client of clients) {
        for (const received of client.received) {
          await until(() => (received.get(conversationId)?.length ?? 0) >= stored.length, 'every delivery', 20_000);
          expect((received.get(conversationId) ?? []).map((m) => m.id).sort()).toEqual(stored.map((m) => m.id).sort());
        }
      }
    }
    // Neither instance had to fall back after a failed batch (a deadlock would show here).
    for (const instance of [a, b]) expect(instance.output()).not.toMatch(/sends failed|deadlock/i);
  });
});
