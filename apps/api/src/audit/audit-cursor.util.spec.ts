import { decodeAuditCursor, encodeAuditCursor } from './audit-cursor.util';

describe('audit log cursors', () => {
  it('round-trip an entry id', () => {
    expect(decodeAuditCursor(encodeAuditCursor('12345'))).toBe('12345');
  });

  it('refuse anything we did not make', () => {
    expect(decodeAuditCursor('not a cursor')).toBeNull();
    expect(decodeAuditCursor(Buffer.from('n1:12', 'utf8').toString('base64url'))).toBeNull();
    expect(decodeAuditCursor(Buffer.from('a1:1; DROP TABLE', 'utf8').toString('base64url'))).toBeNull();
    expect(decodeAuditCursor(Buffer.from('a1:0', 'utf8').toString('base64url'))).toBeNull();
  });
});
