import type { SocketAck } from '@kindred/domain';

/** How long a client event waits for its ack before it counts as lost (and is retried). */
export const ACK_TIMEOUT_MS = 10_000;

/** Listeners of different events take different payloads; each states its own. */
export type Listener = (...args: never[]) => void;

/**
 * The part of a socket.io client socket the messaging code uses. The real one is a
 * `Socket` from socket.io-client; specs pass a small fake with the same methods.
 */
export interface MessagingTransport {
  readonly connected: boolean;
  /** True while socket.io is connected or still trying to (re)connect by itself. */
  readonly active: boolean;
  on(event: string, listener: Listener): unknown;
  off(event: string, listener: Listener): unknown;
  emit(event: string, ...args: unknown[]): unknown;
  connect(): unknown;
  disconnect(): unknown;
}

/** What an ack-awaiting emit ends with when no answer came (timeout, or the connection dropped). */
export const NO_ACK = 'no-ack' as const;
export type AckOutcome<T> = SocketAck<T> | typeof NO_ACK;

function isAck<T>(value: unknown): value is SocketAck<T> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

/**
 * Emits a client event and resolves with the server's ack, or with NO_ACK after `timeoutMs` or as
 * soon as the connection drops (the caller decides whether to retry). Only emits while connected:
 * socket.io would otherwise buffer the packet and replay it on reconnect, on top of our own retry.
 * Works like `socket.timeout(ms).emit(...)`, but resolves early on disconnect.
 */
export function emitWithAck<T>(transport: MessagingTransport, event: string, payload: unknown, timeoutMs = ACK_TIMEOUT_MS): Promise<AckOutcome<T>> {
  if (!transport.connected) return Promise.resolve(NO_ACK);
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: AckOutcome<T>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      transport.off('disconnect', onDisconnect);
      resolve(outcome);
    };
    const onDisconnect = () => finish(NO_ACK);
    const timer = setTimeout(() => finish(NO_ACK), timeoutMs);
    transport.on('disconnect', onDisconnect);
    transport.emit(event, payload, (answer: unknown) => {
      finish(isAck<T>(answer) ? answer : { ok: false, error: { code: 'BAD_ACK', message: 'The server answered in a way we did not understand.' } });
    });
  });
}
