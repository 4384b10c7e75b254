import { io } from 'socket.io-client';
import { ERROR_CODES, SOCKET_EVENTS } from '@kindred/domain';
import type { SessionEvent } from '../auth/auth-session';
import { emitWithAck, type MessagingTransport } from './messaging-transport';

/** What the conversation view says about the live connection. */
export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline';

/** The parts of AuthSession the socket needs. */
export interface SocketSession {
  getAccessToken(): string | null;
  refresh(): Promise<boolean>;
  subscribe(listener: (event: SessionEvent) => void): () => void;
}

/** Opens the socket.io connection to the API's own origin; the token is read afresh on every (re)connect. */
export function createSocketTransport(session: Pick<SocketSession, 'getAccessToken'>): MessagingTransport {
  const socket = io(window.location.origin, {
    path: '/socket.io',
    autoConnect: false,
    auth: (cb) => cb({ token: session.getAccessToken() ?? '' }),
  });
  // Each listener states its own payload type; socket.io types them loosely.
  type Untyped = (...args: unknown[]) => void;
  return {
    get connected() {
      return socket.connected;
    },
    get active() {
      return socket.active;
    },
    on: (event, listener) => socket.on(event, listener as unknown as Untyped),
    off: (event, listener) => socket.off(event, listener as unknown as Untyped),
    emit: (event, ...args) => socket.emit(event, ...args),
    connect: () => socket.connect(),
    disconnect: () => socket.disconnect(),
  };
}

/** Refreshes in a row that end in another refusal before we stop trying (the session is gone). */
const MAX_REFRESHES_WITHOUT_CONNECT = 2;

function refusalCode(error: unknown): string | null {
  const data = (error as { data?: { code?: unknown } } | null)?.data;
  return typeof data?.code === 'string' ? data.code : null;
}

/**
 * Keeps one signed-in socket alive: connects with the current access token, refreshes the session
 * and reconnects when the server says the token expired (`session:expired`, or a handshake refused
 * as UNAUTHENTICATED), sends `session:renew` whenever the session is refreshed while connected, and
 * reports connected / reconnecting / offline.
 */
export class MessagingConnection {
  private state: ConnectionStatus = 'connecting';
  private readonly listeners = new Set<(status: ConnectionStatus) => void>();
  private readonly cleanups: Array<() => void> = [];
  private refreshing = false;
  private refreshesWithoutConnect = 0;
  /** A refresh succeeded since the last connect: a reconnect can use the token as it is. */
  private freshToken = false;
  private stopped = false;

  constructor(
    readonly transport: MessagingTransport,
    private readonly session: SocketSession,
  ) {}

  get status(): ConnectionStatus {
    return this.state;
  }

  onStatus(listener: (status: ConnectionStatus) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  start(): void {
    const t = this.transport;
    this.listen('connect', () => {
      this.refreshesWithoutConnect = 0;
      this.freshToken = false;
      this.setStatus('connected');
    });
    this.listen('disconnect', (reason: string) => {
      if (this.stopped) return;
      if (reason === 'io client disconnect') {
        this.setStatus('offline');
      } else if (reason === 'io server disconnect') {
        // The server ended it (an expired token, usually): socket.io will not retry by itself.
        this.setStatus('reconnecting');
        if (this.freshToken) t.connect();
        else if (!this.refreshing) void this.refreshThenConnect();
      } else {
        this.setStatus(t.active ? 'reconnecting' : 'offline');
      }
    });
    this.listen('connect_error', (error: unknown) => {
      if (this.stopped) return;
      const code = refusalCode(error);
      if (code === ERROR_CODES.unauthenticated) {
        void this.refreshThenConnect();
      } else if (code) {
        // Refused for good (a suspended account): nothing to retry.
        this.setStatus('offline');
      } else {
        this.setStatus(t.active ? 'reconnecting' : 'offline');
      }
    });
    this.listen(SOCKET_EVENTS.sessionExpired, () => {
      this.setStatus('reconnecting');
      void this.refreshThenConnect();
    });
    this.cleanups.push(
      this.session.subscribe((event) => {
        // A refreshed session while connected: hand the server the new token before the old one ends.
        if (event.type === 'started' && t.connected) void this.renew();
      }),
    );
    if (typeof window !== 'undefined') {
      const online = () => {
        if (!t.connected && !t.active) t.connect();
      };
      window.addEventListener('online', online);
      this.cleanups.push(() => window.removeEventListener('online', online));
    }
    t.connect();
  }

  stop(): void {
    this.stopped = true;
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.transport.disconnect();
    this.listeners.clear();
  }

  private listen(event: string, listener: (...args: never[]) => void): void {
    this.transport.on(event, listener);
    this.cleanups.push(() => this.transport.off(event, listener));
  }

  private async renew(): Promise<void> {
    const token = this.session.getAccessToken();
    if (!token) return;
    const outcome = await emitWithAck<{ expiresAt: string }>(this.transport, SOCKET_EVENTS.renew, { token });
    if (typeof outcome === 'object' && !outcome.ok && !this.stopped) {
      // Not taken: start again with a fresh handshake, which reads the new token.
      this.transport.disconnect();
      this.transport.connect();
    }
  }

  private async refreshThenConnect(): Promise<void> {
    if (this.refreshing || this.stopped) return;
    if (this.refreshesWithoutConnect >= MAX_REFRESHES_WITHOUT_CONNECT) {
      this.setStatus('offline');
      return;
    }
    this.refreshing = true;
    this.refreshesWithoutConnect += 1;
    this.setStatus('reconnecting');
    let ok = false;
    try {
      ok = await this.session.refresh();
    } catch {
      ok = false;
    }
    this.refreshing = false;
    if (this.stopped) return;
    if (!ok) {
      this.setStatus('offline');
      return;
    }
    this.freshToken = true;
    if (!this.transport.connected && !this.transport.active) this.transport.connect();
  }

  private setStatus(status: ConnectionStatus): void {
    if (this.state === status) return;
    this.state = status;
    for (const listener of this.listeners) listener(status);
  }
}
