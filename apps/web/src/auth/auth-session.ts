import type { Account, AuthPayload } from '@kindred/api-client';

/** Where the refresh token survives a reload. The access token never leaves memory. */
export const REFRESH_TOKEN_KEY = 'kindred.refreshToken';

export type SessionEndReason = 'signed-out' | 'expired' | 'account-deleted';

export type SessionEvent =
  | { readonly type: 'started'; readonly account: Account }
  | { readonly type: 'account-changed'; readonly account: Account }
  | { readonly type: 'ended'; readonly reason: SessionEndReason };

export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Thrown by a refresh request when the server refused the refresh token (not a network failure). */
export class RefreshRejectedError extends Error {
  constructor(message: string, readonly code?: string) {
    super(message);
    this.name = 'RefreshRejectedError';
  }
}

export type RefreshRequest = (refreshToken: string) => Promise<AuthPayload>;

/**
 * The browser's half of a session: the access token in memory, the refresh token in storage.
 * Refresh tokens rotate on every use, so concurrent refreshes (several queries failing at once,
 * React StrictMode running the restore effect twice) must share one request.
 */
export class AuthSession {
  private accessToken: string | null = null;
  private account: Account | null = null;
  private refreshing: Promise<boolean> | null = null;
  private readonly listeners = new Set<(event: SessionEvent) => void>();

  constructor(
    private readonly storage: KeyValueStorage,
    private readonly requestRefresh: RefreshRequest,
  ) {}

  getAccessToken(): string | null {
    return this.accessToken;
  }

  getRefreshToken(): string | null {
    try {
      return this.storage.getItem(REFRESH_TOKEN_KEY);
    } catch {
      return null;
    }
  }

  getAccount(): Account | null {
    return this.account;
  }

  isSignedIn(): boolean {
    return this.accessToken !== null;
  }

  start(payload: AuthPayload): void {
    this.accessToken = payload.accessToken;
    this.account = payload.account;
    this.writeRefreshToken(payload.refreshToken);
    this.emit({ type: 'started', account: payload.account });
  }

  updateAccount(account: Account): void {
    this.account = account;
    this.emit({ type: 'account-changed', account });
  }

  /**
   * Swaps the stored refresh token for a new pair. Resolves false when there is no token or the
   * server refused it (the token is then forgotten); a network failure keeps the token for later.
   */
  refresh(): Promise<boolean> {
    if (!this.refreshing) {
      this.refreshing = this.doRefresh().finally(() => {
        this.refreshing = null;
      });
    }
    return this.refreshing;
  }

  end(reason: SessionEndReason): void {
    const wasActive = this.accessToken !== null || this.getRefreshToken() !== null;
    this.accessToken = null;
    this.account = null;
    this.writeRefreshToken(null);
    if (wasActive || reason !== 'expired') this.emit({ type: 'ended', reason });
  }

  subscribe(listener: (event: SessionEvent) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private async doRefresh(): Promise<boolean> {
    const token = this.getRefreshToken();
    if (!token) return false;
    try {
      this.start(await this.requestRefresh(token));
      return true;
    } catch (error) {
      if (error instanceof RefreshRejectedError) {
        this.accessToken = null;
        this.account = null;
        this.writeRefreshToken(null);
      }
      return false;
    }
  }

  private writeRefreshToken(token: string | null): void {
    try {
      if (token) this.storage.setItem(REFRESH_TOKEN_KEY, token);
      else this.storage.removeItem(REFRESH_TOKEN_KEY);
    } catch {
      // Storage can be unavailable (private browsing, quotas): the session then lasts one page load.
    }
  }

  private emit(event: SessionEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}

/** localStorage when the browser allows it, otherwise a throwaway in-memory map. */
export function browserStorage(): KeyValueStorage {
  try {
    const probe = '__kindred_probe__';
    window.localStorage.setItem(probe, probe);
    window.localStorage.removeItem(probe);
    return window.localStorage;
  } catch {
    const memory = new Map<string, string>();
    return {
      getItem: (key) => memory.get(key) ?? null,
      setItem: (key, value) => void memory.set(key, value),
      removeItem: (key) => void memory.delete(key),
    };
  }
}
