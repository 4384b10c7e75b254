const PREFIX = 'a1:';

/** Keyset cursor of the newest-first audit log: the last entry's id (ids only grow). */
export function encodeAuditCursor(id: string): string {
  return Buffer.from(`${PREFIX}${id}`, 'utf8').toString('base64url');
}

/** The id, or null when the value is not a cursor we made. */
export function decodeAuditCursor(value: string): string | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(value)) return null;
  const text = Buffer.from(value, 'base64url').toString('utf8');
  if (!text.startsWith(PREFIX)) return null;
  const id = text.slice(PREFIX.length);
  return /^[1-9]\d{0,18}$/.test(id) ? id : null;
}
