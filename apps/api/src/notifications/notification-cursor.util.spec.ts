import { decodeNotificationCursor, encodeNotificationCursor } from './notification-cursor.util';

describe('notification cursor', () => {
  const cursor = { createdAt: '2026-03-01T07:00:00.123456Z', id: '0b5cbb8e-5f3c-4b8e-9a53-0d5c1c3f8e21' };

  it('round-trips the microsecond time and id', () => {
    expect(decodeNotificationCursor(encodeNotificationCursor(cursor))).toEqual(cursor);
  });

  it('refuses anything it did not make', () => {
    const project = Buffer.from(JSON.stringify([cursor.createdAt, cursor.id])).toString('base64url');
    for (const bad of ['', 'not a cursor!', project, Buffer.from('n1:yesterday|x').toString('base64url'), 'x'.repeat(201)]) {
      expect(decodeNotificationCursor(bad)).toBeNull();
    }
    const extra = Buffer.from(`n1:${cursor.createdAt}|${cursor.id}|more`).toString('base64url');
    expect(decodeNotificationCursor(extra)).toBeNull();
  });
});
