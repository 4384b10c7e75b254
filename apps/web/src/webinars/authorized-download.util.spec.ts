import { downloadWithSession, DownloadError, filenameFrom, sameOriginPath } from './authorized-download.util';

function fakeResponse(status: number, body: string, headers: Record<string, string> = {}) {
  return {
    ok: status >= 200 && status < 300,
    status,
    headers: { get: (name: string) => headers[name.toLowerCase()] ?? null },
    blob: async () => new Blob([body]),
    json: async () => JSON.parse(body) as unknown,
  } as unknown as Response;
}

describe('downloads sent with the session', () => {
  beforeEach(() => {
    URL.createObjectURL = jest.fn(() => 'blob:fake');
    URL.revokeObjectURL = jest.fn();
  });

  it('fetches from the page’s own origin whatever host PUBLIC_URL names', () => {
    expect(sameOriginPath('http://localhost:3000/api/webinars/w1.ics')).toBe('/api/webinars/w1.ics');
    expect(sameOriginPath('/api/webinars/w1/registrations.csv')).toBe('/api/webinars/w1/registrations.csv');
    expect(filenameFrom('attachment; filename="whaminar-warm-spaces.ics"')).toBe('whaminar-warm-spaces.ics');
    expect(filenameFrom(null)).toBeNull();
  });

  it('sends the Bearer token, refreshes once after a 401, and saves the file under the server’s name', async () => {
    let token = 'old';
    const session = { getAccessToken: () => token, refresh: jest.fn(async () => ((token = 'new'), true)) };
    const fetcher = jest
      .fn()
      .mockResolvedValueOnce(fakeResponse(401, '{"code":"UNAUTHENTICATED","message":"Expired"}'))
      .mockResolvedValueOnce(fakeResponse(200, 'BEGIN:VCALENDAR', { 'content-disposition': 'attachment; filename="whaminar-x.ics"' }));
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    await expect(downloadWithSession('http://localhost:3000/api/webinars/w1.ics', 'fallback.ics', session, fetcher)).resolves.toBe('whaminar-x.ics');
    expect(fetcher.mock.calls.map((c) => [c[0], (c[1] as RequestInit).headers])).toEqual([
      ['/api/webinars/w1.ics', { authorization: 'Bearer old' }],
      ['/api/webinars/w1.ics', { authorization: 'Bearer new' }],
    ]);
    expect(click).toHaveBeenCalledTimes(1);
    click.mockRestore();
  });

  it('passes on the API’s refusal in its own words', async () => {
    const fetcher = jest.fn().mockResolvedValue(fakeResponse(403, '{"code":"FORBIDDEN","message":"Only its organiser can export registrations."}'));
    const failure = downloadWithSession('/api/webinars/w1/registrations.csv', 'r.csv', null, fetcher);
    await expect(failure).rejects.toBeInstanceOf(DownloadError);
    await expect(failure).rejects.toMatchObject({ code: 'FORBIDDEN', message: 'Only its organiser can export registrations.' });
    expect((fetcher.mock.calls[0]![1] as RequestInit).headers).toEqual({});
  });
});
