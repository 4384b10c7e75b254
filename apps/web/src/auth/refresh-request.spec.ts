import { RefreshRejectedError } from './auth-session';
import { requestRefresh } from './refresh-request';
import { authPayloadFixture } from '../testing/fixtures';

// jsdom has no Response; requestRefresh only reads status and json().
function fakeFetch(status: number, json: () => Promise<unknown>): jest.MockedFunction<typeof fetch> {
  return jest.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => ({ status, ok: status < 300, json }) as unknown as Response);
}

function replyWith(body: unknown, status = 200): jest.MockedFunction<typeof fetch> {
  return fakeFetch(status, async () => body);
}

describe('requestRefresh', () => {
  it('posts the refreshSession mutation and returns the new session', async () => {
    const payload = authPayloadFixture();
    const fetchImpl = replyWith({ data: { refreshSession: payload } });
    await expect(requestRefresh('old-token', fetchImpl)).resolves.toEqual(payload);
    const [url, init] = fetchImpl.mock.calls[0] ?? [];
    expect(url).toBe('/graphql');
    const body = JSON.parse(String(init?.body)) as { operationName: string; variables: unknown; query: string };
    expect(body.operationName).toBe('RefreshSession');
    expect(body.variables).toEqual({ refreshToken: 'old-token' });
    expect(body.query).toContain('refreshSession(refreshToken: $refreshToken)');
  });

  it('reports a refused token as RefreshRejectedError with its code', async () => {
    const fetchImpl = replyWith({ data: null, errors: [{ message: 'Token already used.', extensions: { code: 'INVALID_TOKEN' } }] });
    const failure = requestRefresh('used', fetchImpl);
    await expect(failure).rejects.toBeInstanceOf(RefreshRejectedError);
    await expect(failure).rejects.toMatchObject({ code: 'INVALID_TOKEN' });
  });

  it('reports an unreadable reply as an ordinary error, so the token is kept', async () => {
    const fetchImpl = fakeFetch(502, async () => {
      throw new SyntaxError('Unexpected token B');
    });
    const failure = requestRefresh('token', fetchImpl);
    await expect(failure).rejects.toThrow('HTTP 502');
    await expect(failure).rejects.not.toBeInstanceOf(RefreshRejectedError);
  });
});
