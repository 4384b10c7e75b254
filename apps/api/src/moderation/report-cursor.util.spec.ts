import { decodeReportCursor, encodeReportCursor } from './report-cursor.util';

const cursor = { status: 'open', createdAt: '2026-03-01T09:00:00.123456Z', id: '5b0e3c1e-8d7f-4f0a-9a4e-0c8b7d6e5f4a' };

describe('moderation queue cursor', () => {
  it('round-trips the microsecond time and id for the same status', () => {
    expect(decodeReportCursor(encodeReportCursor(cursor), 'open')).toEqual(cursor);
  });

  it('refuses a cursor made for another status', () => {
    expect(decodeReportCursor(encodeReportCursor(cursor), 'dismissed')).toBeNull();
  });

  it('refuses anything it did not make', () => {
    for (const value of ['', 'not a cursor!', Buffer.from('n1:2026-03-01T09:00:00Z|x').toString('base64url'), 'a'.repeat(300)]) {
      expect(decodeReportCursor(value, 'open')).toBeNull();
    }
    const badTime = Buffer.from(`r1:open|yesterday|${cursor.id}`).toString('base64url');
    const badId = Buffer.from('r1:open|2026-03-01T09:00:00Z|42').toString('base64url');
    const extra = Buffer.from(`r1:open|2026-03-01T09:00:00Z|${cursor.id}|more`).toString('base64url');
    expect([badTime, badId, extra].map((v) => decodeReportCursor(v, 'open'))).toEqual([null, null, null]);
  });
});
