import type { Listener, MessagingTransport } from './messaging-transport';

export interface EmittedEvent {
  readonly event: string;
  readonly payload: unknown;
  readonly ack?: (answer: unknown) => void;
}

/**
 * A test double of the socket (the transport only): records what the client emits, lets a spec
 * answer acks, and plays server events, connects and drops. Everything above it is the real code.
 */
export class FakeTransport implements MessagingTransport {
  connected = false;
  active = false;
  connectCalls = 0;
  readonly emitted: EmittedEvent[] = [];
  private readonly handlers = new Map<string, Set<Listener>>();

  on(event: string, listener: Listener): this {
    if (!this.handlers.has(event)) this.handlers.set(event, new Set());
    this.handlers.get(event)!.add(listener);
    return this;
  }

  off(event: string, listener: Listener): this {
    this.handlers.get(event)?.delete(listener);
    return this;
  }

  emit(event: string, ...args: unknown[]): this {
    const last = args[args.length - 1];
    const ack = typeof last === 'function' ? (last as (answer: unknown) => void) : undefined;
    this.emitted.push({ event, payload: args[0], ack });
    return this;
  }

  connect(): this {
    this.connectCalls += 1;
    this.active = true;
    return this;
  }

  disconnect(): this {
    const was = this.connected;
    this.connected = false;
    this.active = false;
    if (was) this.fire('disconnect', 'io client disconnect');
    return this;
  }

  // The server's side.

  /** The handshake succeeded. */
  open(): void {
    this.connected = true;
    this.active = true;
    this.fire('connect');
  }

  /** The connection dropped; socket.io keeps trying unless the server ended it. */
  drop(reason = 'transport close'): void {
    this.connected = false;
    this.active = reason !== 'io server disconnect';
    this.fire('disconnect', reason);
  }

  /** The handshake was refused by the server (socket.io then stops retrying by itself). */
  refuse(code: string): void {
    this.connected = false;
    this.active = false;
    this.fire('connect_error', Object.assign(new Error(code), { data: { code } }));
  }

  serverEmit(event: string, payload?: unknown): void {
    this.fire(event, payload);
  }

  listenerCount(event: string): number {
    return this.handlers.get(event)?.size ?? 0;
  }

  sent(event: string): EmittedEvent[] {
    return this.emitted.filter((e) => e.event === event);
  }

  lastSent(event: string): EmittedEvent {
    const list = this.sent(event);
    const last = list[list.length - 1];
    if (!last) throw new Error(`nothing was emitted as ${event}`);
    return last;
  }

  private fire(event: string, ...args: unknown[]): void {
    for (const listener of [...(this.handlers.get(event) ?? [])]) (listener as (...a: unknown[]) => void)(...args);
  }
}
