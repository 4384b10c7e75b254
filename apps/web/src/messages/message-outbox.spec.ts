import { SOCKET_EVENTS, type SendMessagePayload, type SocketMessage } from '@kindred/domain';
import { FakeTransport } from './fake-transport.testing';
import { socketMessageFixture } from './messages-fixtures.testing';
import { MessageOutbox, SendRefusedError, type FallbackSend } from './message-outbox';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup(options: { connected?: boolean; fallback?: FallbackSend } = {}) {
  const transport = new FakeTransport();
  if (options.connected ?? true) transport.open();
  let n = 0;
  const fallback = jest.fn(options.fallback ?? (() => new Promise<SocketMessage>(() => undefined)));
  const outbox = new MessageOutbox({ transport: () => transport, fallback, ackTimeoutMs: 1_000, newClientId: () => `client-id-${++n}` });
  const delivered: SocketMessage[] = [];
  outbox.onDelivered((m) => delivered.push(m));
  const sends = () => transport.sent(SOCKET_EVENTS.send).map((e) => e.payload as SendMessagePayload);
  return { transport, outbox, fallback, delivered, sends };
}

const stored = (clientId: string) => socketMessageFixture(9, { clientId, author: { id: 'user-1', displayName: 'Dr Asha Patel', profession: 'doctor' } });

describe('the outbox: sending with retries', () => {
  afterEach(() => jest.useRealTimers());

  it('shows a message as sending at once, sends it over the socket, and hands over the stored copy on ack', async () => {
    const { transport, outbox, delivered, sends } = setup();
    const pending = outbox.send({ conversationId: 'conv-1', body: 'Hello', parentId: 'm1', mentionIds: ['user-2'] });
    expect(outbox.snapshot()).toEqual([expect.objectContaining({ clientId: 'client-id-1', status: 'sending', body: 'Hello' })]);
    expect(sends()).toEqual([{ conversationId: 'conv-1', clientId: 'client-id-1', body: 'Hello', parentId: 'm1', mentionIds: ['user-2'] }]);

    transport.lastSent(SOCKET_EVENTS.send).ack!({ ok: true, data: stored(pending.clientId) });
    await flush();
    expect(outbox.snapshot()).toEqual([]);
    expect(delivered.map((m) => m.clientId)).toEqual(['client-id-1']);
  });

  it('resends with the same client id after the connection drops, until acknowledged', async () => {
    const { transport, outbox, delivered, sends } = setup();
    outbox.send({ conversationId: 'conv-1', body: 'Are you there?' });
    transport.drop();
    await flush();
    expect(outbox.snapshot()[0]).toMatchObject({ status: 'sending', waiting: true });

    transport.open();
    outbox.flush(); // what the provider does on every connect
    await flush();
    transport.drop();
    await flush();
    transport.open();
    outbox.flush();
    await flush();
    expect(sends().map((p) => p.clientId)).toEqual(['client-id-1', 'client-id-1', 'client-id-1']);

    transport.lastSent(SOCKET_EVENTS.send).ack!({ ok: true, data: stored('client-id-1') });
    await flush();
    expect(delivered).toHaveLength(1);
    expect(outbox.snapshot()).toEqual([]);
  });

  it('asks again with the same client id when an ack times out on a live connection', async () => {
    jest.useFakeTimers();
    const { transport, outbox, sends } = setup();
    outbox.send({ conversationId: 'conv-1', body: 'Slow server' });
    await jest.advanceTimersByTimeAsync(1_000);
    expect(sends().map((p) => p.clientId)).toEqual(['client-id-1', 'client-id-1']);
    transport.lastSent(SOCKET_EVENTS.send).ack!({ ok: true, data: stored('client-id-1') });
    await jest.advanceTimersByTimeAsync(0);
    expect(outbox.snapshot()).toEqual([]);
  });

  it('shows a refusal (RATE_LIMITED) until "Try again", which sends the same client id', async () => {
    const { transport, outbox, sends, delivered } = setup();
    outbox.send({ conversationId: 'conv-1', body: 'One too many' });
    transport.lastSent(SOCKET_EVENTS.send).ack!({ ok: false, error: { code: 'RATE_LIMITED', message: 'Slow down.' } });
    await flush();
    expect(outbox.snapshot()[0]).toMatchObject({ status: 'failed', error: { code: 'RATE_LIMITED', message: 'Slow down.' } });

    // A reconnect does not resend a refused message by itself.
    outbox.flush();
    await flush();
    expect(sends()).toHaveLength(1);

    outbox.retry('client-id-1');
    expect(outbox.snapshot()[0]).toMatchObject({ status: 'sending', error: null });
    expect(sends().map((p) => p.clientId)).toEqual(['client-id-1', 'client-id-1']);
    transport.lastSent(SOCKET_EVENTS.send).ack!({ ok: true, data: stored('client-id-1') });
    await flush();
    expect(delivered).toHaveLength(1);
  });

  it('sends by GraphQL with the same client id when the socket is down', async () => {
    const { outbox, fallback, delivered } = setup({ connected: false, fallback: async (p) => stored(p.clientId) });
    outbox.send({ conversationId: 'conv-1', body: 'Via GraphQL' });
    await flush();
    expect(fallback).toHaveBeenCalledWith({ conversationId: 'conv-1', clientId: 'client-id-1', body: 'Via GraphQL' });
    expect(delivered.map((m) => m.clientId)).toEqual(['client-id-1']);
  });

  it('waits for the socket when GraphQL is unreachable too, then sends the same client id', async () => {
    const { transport, outbox, fallback, sends } = setup({
      connected: false,
      fallback: () => Promise.reject(new TypeError('Failed to fetch')),
    });
    outbox.send({ conversationId: 'conv-1', body: 'Offline' });
    await flush();
    expect(fallback).toHaveBeenCalledTimes(1);
    expect(outbox.snapshot()[0]).toMatchObject({ status: 'sending', waiting: true });
    transport.open();
    outbox.flush();
    await flush();
    expect(sends().map((p) => p.clientId)).toEqual(['client-id-1']);
  });

  it('fails with the API refusal from GraphQL', async () => {
    const { outbox } = setup({
      connected: false,
      fallback: () => Promise.reject(new SendRefusedError({ code: 'NOT_A_MEMBER', message: 'You are not in this conversation.' })),
    });
    outbox.send({ conversationId: 'conv-1', body: 'Hello?' });
    await flush();
    expect(outbox.snapshot()[0]).toMatchObject({ status: 'failed', error: { code: 'NOT_A_MEMBER' } });
  });

  it('settles a pending message when its stored copy arrives another way (the live event)', () => {
    const { outbox } = setup();
    outbox.send({ conversationId: 'conv-1', body: 'Echo' });
    outbox.settle(stored('client-id-1'));
    expect(outbox.snapshot()).toEqual([]);
  });
});
