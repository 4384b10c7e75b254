import { ERROR_CODES, SOCKET_EVENTS, type SendMessagePayload, type SocketError, type SocketMessage } from '@kindred/domain';
import { ACK_TIMEOUT_MS, emitWithAck, NO_ACK, type MessagingTransport } from './messaging-transport';

export type PendingStatus = 'sending' | 'failed';

/** A message I wrote that the server has not confirmed yet. */
export interface PendingMessage {
  readonly clientId: string;
  readonly conversationId: string;
  readonly body: string;
  readonly parentId: string | null;
  readonly mentionIds: readonly string[];
  readonly createdAt: string;
  readonly status: PendingStatus;
  /** Why it failed (status "failed"), e.g. RATE_LIMITED. */
  readonly error: SocketError | null;
  /** True once an attempt went unanswered: it is waiting for the connection to come back. */
  readonly waiting: boolean;
}

export interface Draft {
  readonly conversationId: string;
  readonly body: string;
  readonly parentId?: string | null;
  readonly mentionIds?: readonly string[];
}

/** How a send that cannot use the socket goes instead (the GraphQL `sendMessage` mutation). */
export type FallbackSend = (payload: SendMessagePayload) => Promise<SocketMessage>;

/** A refusal from the API (an error code), as opposed to a network failure worth retrying. */
export class SendRefusedError extends Error {
  constructor(readonly error: SocketError) {
    super(error.message);
    this.name = 'SendRefusedError';
  }
}

export interface OutboxOptions {
  /** The socket now, or null before there is one. */
  readonly transport: () => MessagingTransport | null;
  readonly fallback: FallbackSend;
  readonly ackTimeoutMs?: number;
  readonly newClientId?: () => string;
  readonly now?: () => Date;
}

/** Codes that say "try again later" rather than "this message is refused". */
const TRANSIENT = new Set<string>([ERROR_CODES.unauthenticated, 'BAD_ACK']);

export function randomClientId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return `c${Date.now().toString(36)}${Math.random().toString(36).slice(2, 12)}`;
}

/**
 * Messages on their way. Each gets a client id once, when written; every attempt (the socket
 * with an ack timeout, the GraphQL mutation when the socket is down, a retry after a reconnect or
 * a click on "Try again") sends that same id, so the server stores it once however often it
 * arrives. A send stays "sending" until acknowledged; a refusal (RATE_LIMITED...) makes it "failed"
 * with the reason until the person retries or discards it.
 */
export class MessageOutbox {
  private items: PendingMessage[] = [];
  private readonly inFlight = new Set<string>();
  private readonly listeners = new Set<() => void>();
  private readonly deliveredListeners = new Set<(message: SocketMessage) => void>();
  private stopped = false;

  constructor(private readonly options: OutboxOptions) {}

  /** Every pending message, oldest first; the same array until something changes. */
  snapshot(): readonly PendingMessage[] {
    return this.items;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Called with each message the server confirmed (the stored copy). */
  onDelivered(listener: (message: SocketMessage) => void): () => void {
    this.deliveredListeners.add(listener);
    return () => {
      this.deliveredListeners.delete(listener);
    };
  }

  send(draft: Draft): PendingMessage {
    const pending: PendingMessage = {
      clientId: (this.options.newClientId ?? randomClientId)(),
      conversationId: draft.conversationId,
      body: draft.body,
      parentId: draft.parentId ?? null,
      mentionIds: [...(draft.mentionIds ?? [])],
      createdAt: (this.options.now?.() ?? new Date()).toISOString(),
      status: 'sending',
      error: null,
      waiting: false,
    };
    this.items = [...this.items, pending];
    this.changed();
    void this.attempt(pending.clientId);
    return pending;
  }

  /** "Try again" on a failed message: the same client id again. */
  retry(clientId: string): void {
    if (!this.find(clientId)) return;
    this.update(clientId, { status: 'sending', error: null, waiting: false });
    void this.attempt(clientId);
  }

  discard(clientId: string): void {
    this.items = this.items.filter((p) => p.clientId !== clientId);
    this.changed();
  }

  /** The connection is back: resend everything still waiting for an answer. */
  flush(): void {
    for (const p of this.items) if (p.status === 'sending') void this.attempt(p.clientId);
  }

  /** A stored message arrived by another way (the live event): it needs no more sending. */
  settle(message: SocketMessage): void {
    if (!this.find(message.clientId)) return;
    this.items = this.items.filter((p) => p.clientId !== message.clientId);
    this.changed();
  }

  stop(): void {
    this.stopped = true;
    this.listeners.clear();
    this.deliveredListeners.clear();
  }

  private find(clientId: string): PendingMessage | undefined {
    return this.items.find((p) => p.clientId === clientId);
  }

  private payloadOf(p: PendingMessage): SendMessagePayload {
    return {
      conversationId: p.conversationId,
      clientId: p.clientId,
      body: p.body,
      ...(p.parentId ? { parentId: p.parentId } : {}),
      ...(p.mentionIds.length ? { mentionIds: [...p.mentionIds] } : {}),
    };
  }

  private async attempt(clientId: string): Promise<void> {
    if (this.inFlight.has(clientId) || this.stopped) return;
    this.inFlight.add(clientId);
    try {
      // Keep asking while connected and unanswered (a slow server); a dropped connection ends
      // the loop and the reconnect flushes.
      while (!this.stopped) {
        const pending = this.find(clientId);
        if (!pending || pending.status !== 'sending') return;
        const again = await this.tryOnce(pending);
        if (!again) return;
      }
    } finally {
      this.inFlight.delete(clientId);
    }
  }

  /** One attempt; true when it went unanswered and the socket is still connected. */
  private async tryOnce(pending: PendingMessage): Promise<boolean> {
    const { clientId } = pending;
    const transport = this.options.transport();
    if (transport?.connected) {
      const outcome = await emitWithAck<SocketMessage>(transport, SOCKET_EVENTS.send, this.payloadOf(pending), this.options.ackTimeoutMs ?? ACK_TIMEOUT_MS);
      if (outcome === NO_ACK) {
        this.update(clientId, { waiting: true });
        return transport.connected;
      }
      if (outcome.ok) this.delivered(outcome.data);
      else if (TRANSIENT.has(outcome.error.code)) this.update(clientId, { waiting: true });
      else this.update(clientId, { status: 'failed', error: outcome.error, waiting: false });
      return false;
    }
    try {
      this.delivered(await this.options.fallback(this.payloadOf(pending)));
    } catch (error) {
      if (error instanceof SendRefusedError && !TRANSIENT.has(error.error.code)) {
        this.update(clientId, { status: 'failed', error: error.error, waiting: false });
      } else {
        // Unreachable both ways: wait for the socket to come back (flush), unless it already has.
        this.update(clientId, { waiting: true });
        return this.options.transport()?.connected ?? false;
      }
    }
    return false;
  }

  private delivered(message: SocketMessage): void {
    if (this.stopped) return;
    this.items = this.items.filter((p) => p.clientId !== message.clientId);
    this.changed();
    for (const listener of this.deliveredListeners) listener(message);
  }

  private update(clientId: string, patch: Partial<PendingMessage>): void {
    if (this.stopped) return;
    let changed = false;
    this.items = this.items.map((p) => {
      if (p.clientId !== clientId) return p;
      changed = true;
      return { ...p, ...patch };
    });
    if (changed) this.changed();
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
