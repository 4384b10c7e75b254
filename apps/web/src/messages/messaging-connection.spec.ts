import { SOCKET_EVENTS } from '@kindred/domain';
import type { SessionEvent } from '../auth/auth-session';
import { accountFixture } from '../testing/fixtures';
import { FakeTransport } from './fake-transport.testing';
import { MessagingConnection, type ConnectionStatus, type SocketSession } from './messaging-connection';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup(refreshResult = true) {
  const transport = new FakeTransport();
  const listeners = new Set<(e: SessionEvent) => void>();
  let token = 'token-1';
  const session: SocketSession & { refresh: jest.Mock } = {
    getAccessToken: () => token,
    refresh: jest.fn(async () => {
      if (!refreshResult) return false;
      token = 'token-2';
      for (const l of listeners) l({ type: 'started', account: accountFixture() });
      return true;
    }),
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
  const connection = new MessagingConnection(transport, session);
  const statuses: ConnectionStatus[] = [];
  connection.onStatus((s) => statuses.push(s));
  connection.start();
  return { transport, session, connection, statuses };
}

describe('the live connection', () => {
  it('connects once started and reports connected, reconnecting and back', () => {
    const { transport, connection, statuses } = setup();
    expect(transport.connectCalls).toBe(1);
    expect(connection.status).toBe('connecting');
    transport.open();
    transport.drop();
    transport.open();
    expect(statuses).toEqual(['connected', 'reconnecting', 'connected']);
  });

  it('on session:expired refreshes the session and reconnects (the handshake reads the fresh token)', async () => {
    const { transport, session, connection } = setup();
    transport.open();
    transport.serverEmit(SOCKET_EVENTS.sessionExpired, {});
    transport.drop('io server disconnect');
    expect(connection.status).toBe('reconnecting');
    await flush();
    expect(session.refresh).toHaveBeenCalledTimes(1);
    expect(transport.connectCalls).toBe(2);
    transport.open();
    expect(connection.status).toBe('connected');
  });

  it('refreshes and retries when the handshake is refused as UNAUTHENTICATED', async () => {
    const { transport, session } = setup();
    transport.refuse('UNAUTHENTICATED');
    await flush();
    expect(session.refresh).toHaveBeenCalledTimes(1);
    expect(transport.connectCalls).toBe(2);
  });

  it('goes offline when the session cannot be refreshed, and stops trying after repeated refusals', async () => {
    const { transport, connection } = setup(false);
    transport.refuse('UNAUTHENTICATED');
    await flush();
    expect(connection.status).toBe('offline');
    expect(transport.connectCalls).toBe(1);
  });

  it('does not loop when a fresh token is refused too', async () => {
    const { transport, session, connection } = setup();
    for (let i = 0; i < 4; i += 1) {
      transport.refuse('UNAUTHENTICATED');
      await flush();
    }
    expect(session.refresh).toHaveBeenCalledTimes(2);
    expect(connection.status).toBe('offline');
  });

  it('hands the server the new token (session:renew) when the session is refreshed while connected', async () => {
    const { transport, session } = setup();
    transport.open();
    await session.refresh();
    expect(transport.lastSent(SOCKET_EVENTS.renew).payload).toEqual({ token: 'token-2' });
  });

  it('disconnects and stops listening when stopped (signed out)', () => {
    const { transport, connection } = setup();
    transport.open();
    connection.stop();
    expect(transport.connected).toBe(false);
    expect(transport.listenerCount('connect')).toBe(0);
    expect(transport.listenerCount(SOCKET_EVENTS.sessionExpired)).toBe(0);
  });
});
