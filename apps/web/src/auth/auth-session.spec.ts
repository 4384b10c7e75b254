import type { AuthPayload } from '@kindred/api-client';
import { AuthSession, REFRESH_TOKEN_KEY, RefreshRejectedError, type KeyValueStorage } from './auth-session';

function memoryStorage(initial: Record<string, string> = {}): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

function payload(n: number): AuthPayload {
  return {
    accessToken: `access-${n}`,
    accessTokenExpiresAt: '2030-01-01T00:00:00.000Z',
    refreshToken: `refresh-${n}`,
    account: {
      id: 'u1',
      email: 'asha@nhs.net',
      displayName: 'Asha',
      profession: 'health-visitor',
      specialty: null,
      organisation: null,
      bio: null,
      role: 'clinician',
      createdAt: '2025-01-01T00:00:00.000Z',
    },
  };
}

describe('AuthSession', () => {
  it('keeps the access token in memory and only the refresh token in storage', () => {
    const storage = memoryStorage();
    const session = new AuthSession(storage, jest.fn());
    session.start(payload(1));
    expect(session.getAccessToken()).toBe('access-1');
    expect([...storage.data.entries()]).toEqual([[REFRESH_TOKEN_KEY, 'refresh-1']]);
  });

  it('restores a session from a stored refresh token and stores the rotated one', async () => {
    const storage = memoryStorage({ [REFRESH_TOKEN_KEY]: 'refresh-0' });
    const request = jest.fn(async () => payload(1));
    const session = new AuthSession(storage, request);
    await expect(session.refresh()).resolves.toBe(true);
    expect(request).toHaveBeenCalledWith('refresh-0');
    expect(session.getAccount()?.displayName).toBe('Asha');
    expect(storage.data.get(REFRESH_TOKEN_KEY)).toBe('refresh-1');
  });

  it('shares one request between concurrent refreshes, because refresh tokens rotate', async () => {
    const storage = memoryStorage({ [REFRESH_TOKEN_KEY]: 'refresh-0' });
    const request = jest.fn(async () => payload(1));
    const session = new AuthSession(storage, request);
    const results = await Promise.all([session.refresh(), session.refresh(), session.refresh()]);
    expect(results).toEqual([true, true, true]);
    expect(request).toHaveBeenCalledTimes(1);
  });

  it('forgets a refresh token the server refused', async () => {
    const storage = memoryStorage({ [REFRESH_TOKEN_KEY]: 'stale' });
    const session = new AuthSession(storage, jest.fn(async () => Promise.reject(new RefreshRejectedError('Expired', 'INVALID_TOKEN'))));
    await expect(session.refresh()).resolves.toBe(false);
    expect(storage.data.has(REFRESH_TOKEN_KEY)).toBe(false);
  });

  it('keeps the refresh token when the network failed', async () => {
    const storage = memoryStorage({ [REFRESH_TOKEN_KEY]: 'still-good' });
    const session = new AuthSession(storage, jest.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    await expect(session.refresh()).resolves.toBe(false);
    expect(storage.data.get(REFRESH_TOKEN_KEY)).toBe('still-good');
  });

  it('does not call the server without a refresh token', async () => {
    const request = jest.fn();
    await expect(new AuthSession(memoryStorage(), request).refresh()).resolves.toBe(false);
    expect(request).not.toHaveBeenCalled();
  });

  it('clears everything and tells listeners when the session ends', () => {
    const storage = memoryStorage();
    const session = new AuthSession(storage, jest.fn());
    const listener = jest.fn();
    session.subscribe(listener);
    session.start(payload(1));
    session.end('expired');
    expect(session.getAccessToken()).toBeNull();
    expect(storage.data.size).toBe(0);
    expect(listener).toHaveBeenLastCalledWith({ type: 'ended', reason: 'expired' });
  });
});
