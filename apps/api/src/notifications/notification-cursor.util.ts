/**
 * Keyset cursor for the newest-first notification list: the last row's (created_at, id). The time
 * stays PostgreSQL's microsecond text, since a JS Date (milliseconds) would skip or repeat
 * notifications created within one millisecond (a project matching several alerts at once).
 */
export interface NotificationCursor {
  createdAt: string;
  id: string;
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PREFIX = 'n1:';

export function encodeNotificationCursor(cursor: NotificationCursor): string {
  return Buffer.from(`${PREFIX}${cursor.createdAt}|${cursor.id}`, 'utf8').toString('base64url');
}

/** The cursor, or null when it is not one we made. */
export function decodeNotificationCursor(value: string): NotificationCursor | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(value)) return null;
  const text = Buffer.from(value, 'base64url').toString('utf8');
  if (!text.startsWith(PREFIX)) return null;
  const [createdAt, id, ...rest] = text.slice(PREFIX.length).split('|');
  if (rest.length || !createdAt || !id) return null;
  if (!TIMESTAMP.test(createdAt) || Number.isNaN(Date.parse(createdAt)) || !UUID.test(id)) return null;
  return { createdAt, id };
}
