import { decodeProjectCursor, encodeProjectCursor } from './project-cursor.util';

const cursor = { createdAt: '2026-11-26T18:50:52.123456Z', id: '0f8fad5b-d9cb-469f-a165-70867728950e' };

describe('project cursor', () => {
  it('round-trips microsecond timestamps and ids', () => {
    const encoded = encodeProjectCursor(cursor);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeProjectCursor(encoded)).toEqual(cursor);
  });

  it.each([
    ['empty', ''],
    ['not base64url', 'a+b/c='],
    ['not JSON', Buffer.from('hello').toString('base64url')],
    ['an object', Buffer.from(JSON.stringify(cursor)).toString('base64url')],
    ['a bad id', Buffer.from(JSON.stringify([cursor.createdAt, 'x; DROP TABLE projects'])).toString('base64url')],
    ['a bad time', Buffer.from(JSON.stringify(['yesterday', cursor.id])).toString('base64url')],
    ['an impossible date', Buffer.from(JSON.stringify(['2026-13-45T99:00:00Z', cursor.id])).toString('base64url')],
    ['too long', 'A'.repeat(500)],
  ])('refuses %s', (_name, value) => {
    expect(decodeProjectCursor(value)).toBeNull();
  });
});
