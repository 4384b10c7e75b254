import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import type { SendMessagePayload, SocketAck, SocketMessage } from '@kindred/domain';
import type { TestApp } from './test-app';

/** A real socket.io-client connection to the test app, with what it has received. */
export interface TestSocket {
  socket: Socket;
  /** Every `event` payload received so far, in order. */
  received(event: string): unknown[];
  /** Resolves with the next payload of `event` matching `predicate` (or rejects after `ms`). */
  next<T = unknown>(event: string, predicate?: (payload: T) => boolean, ms?: number): Promise<T>;
  /** Emits with an ack and resolves with the ack's answer. */
  call<T = unknown>(event: string, payload: unknown, ms?: number): Promise<SocketAck<T>>;
  close(): void;
}

const EVENTS = [
  'message:new',
  'message:updated',
  'typing',
  'conversation:read',
  'conversation:updated',
  'conversation:removed',
  'notification:new',
  'session:expired',
];

/** Connects with the given access token (websocket transport, no reconnection) and waits for `connect`. */
export async function connect(t: TestApp, token: string | null, options: { reconnection?: boolean } = {}): Promise<TestSocket> {
  const socket = io(t.url, {
    path: '/socket.io',
    transports: ['websocket'],
    auth: token ? { token } : {},
    reconnection: options.reconnection ?? false,
    forceNew: true,
  });
  const log = new Map<string, unknown[]>(EVENTS.map((e) => [e, []]));
  const waiters: Array<{ event: string; predicate: (p: unknown) => boolean; resolve: (p: unknown) => void }> = [];
  for (const event of EVENTS) {
    socket.on(event, (payload: unknown) => {
      log.get(event)!.push(payload);
      for (const w of [...waiters]) {
        if (w.event === event && w.predicate(payload)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(payload);
        }
      }
    });
  }
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (err) => reject(err));
  });
  return {
    socket,
    received: (event) => [...(log.get(event) ?? [])],
    next<T>(event: string, predicate: (payload: T) => boolean = () => true, ms = 5000) {
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`No ${event} within ${ms} ms`)), ms);
        waiters.push({
          event,
          predicate: predicate as (p: unknown) => boolean,
          resolve: (p) => {
            clearTimeout(timer);
            resolve(p as T);
          },
        });
      });
    },
    async call<T>(event: string, payload: unknown, ms = 5000) {
      return (await socket.timeout(ms).emitWithAck(event, payload)) as SocketAck<T>;
    },
    close: () => socket.close(),
  };
}

/** The error a refused handshake gives (`connect_error`). */
export async function connectError(t: TestApp, auth: Record<string, unknown>): Promise<Error & { data?: { code?: string } }> {
  const socket = io(t.url, { path: '/socket.io', transports: ['websocket'], auth, reconnection: false, forceNew: true });
  try {
    return await new Promise((resolve, reject) => {
      socket.once('connect', () => reject(new Error('connected without a valid token')));
      socket.once('connect_error', (err) => resolve(err as Error & { data?: { code?: string } }));
    });
  } finally {
    socket.close();
  }
}

export function sendPayload(conversationId: string, body: string, extra: Partial<SendMessagePayload> = {}): SendMessagePayload {
  return { conversationId, clientId: randomUUID(), body, ...extra };
}

/** Sends over the socket and returns the stored message (throws on an error ack). */
export async function sendOver(s: TestSocket, conversationId: string, body: string, extra: Partial<SendMessagePayload> = {}): Promise<SocketMessage> {
  const ack = await s.call<SocketMessage>('message:send', sendPayload(conversationId, body, extra));
  if (!ack.ok) throw new Error(`send refused: ${JSON.stringify(ack.error)}`);
  return ack.data;
}

/** Waits a little so events that should NOT arrive have had their chance. */
export const settle = (ms = 300) => new Promise((r) => setTimeout(r, ms));

/**
 * An `open(user)` for a describe block: connects as the user (or with a raw token) and closes
 * every socket it opened after each test, or after the block with `closeAfter: 'all'`.
 */
export function socketOpener(app: () => TestApp, closeAfter: 'each' | 'all' = 'each') {
  const sockets: TestSocket[] = [];
  const closeAll = () => {
    for (const s of sockets.splice(0)) s.close();
  };
  if (closeAfter === 'each') afterEach(closeAll);
  else afterAll(closeAll);
  return async (user: { token: string } | string, options?: { reconnection?: boolean }): Promise<TestSocket> => {
    const s = await connect(app(), typeof user === 'string' ? user : user.token, options);
    sockets.push(s);
    return s;
  };
}
