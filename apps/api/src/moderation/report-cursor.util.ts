/**
 * Keyset cursor for the moderation queue: the last row's (created_at, id), with the time kept as
 * PostgreSQL's microsecond text (a JS Date would skip or repeat reports made in one millisecond).
 * The status is part of the cursor, so a cursor from one list cannot page another.
 */
export interface ReportCursor {
  status: string;
  createdAt: string;
  id: string;
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PREFIX = 'r1:';

export function encodeReportCursor(cursor: ReportCursor): string {
  return Buffer.from(`${PREFIX}${cursor.status}|${cursor.createdAt}|${cursor.id}`, 'utf8').toString('base64url');
}

/** The cursor, or null when it is not one we made for this status. */
export function decodeReportCursor(value: string, status: string): ReportCursor | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(value)) return null;
  const text = Buffer.from(value, 'base64url').toString('utf8');
  if (!text.startsWith(PREFIX)) return null;
  const [forStatus, createdAt, id, ...rest] = text.slice(PREFIX.length).split('|');
  if (rest.length || forStatus !== status || !createdAt || !id) return null;
  if (!TIMESTAMP.test(createdAt) || Number.isNaN(Date.parse(createdAt)) || !UUID.test(id)) return null;
  return { status, createdAt, id };
}
