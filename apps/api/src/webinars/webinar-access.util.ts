import type { EntityManager } from 'typeorm';
import { ERROR_CODES } from '@kindred/domain';
import type { AuthUser } from '../auth/auth-user';
import { isUuid } from '../clinicians/clinicians.service';
import { apiError, forbidden, notFound } from '../common/graphql-errors.util';

/** A webinar row as the write paths need it, read with a row lock. */
export interface LockedWebinar {
  id: string;
  organiser_id: string;
  series_id: string | null;
  detached: boolean;
  title: string;
  description: string;
  time_zone: string;
  local_start: string;
  starts_at: Date;
  ends_at: Date;
  duration_minutes: number;
  join_url: string;
  capacity: number | null;
  themes: string[];
  region: string | null;
  lat: number | null;
  lng: number | null;
  place_name: string | null;
  status: string;
  sequence: number;
  thread_conversation_id: string | null;
  db_now: Date;
}

export const LOCKED_COLUMNS = `w.id, w.organiser_id, w.series_id, w.detached, w.title, w.description, w.time_zone,
  to_char(w.local_start, 'YYYY-MM-DD"T"HH24:MI') AS local_start, w.starts_at, w.ends_at, w.duration_minutes,
  w.join_url, w.capacity, w.themes, w.region, ST_Y(w.location::geometry) AS lat, ST_X(w.location::geometry) AS lng,
  w.place_name, w.status, w.sequence, w.thread_conversation_id, now() AS db_now`;

/**
 * Locks the webinar row for the transaction (registrations, edits and thread changes of one
 * webinar queue behind each other, on any number of instances). NOT_FOUND on `field` when there
 * is none, or when it is a draft the actor may not see. `lock: false` only reads (no transaction needed).
 */
export async function lockWebinar(m: EntityManager, actor: AuthUser | null, id: string, field: string, lock = true): Promise<LockedWebinar> {
  if (!isUuid(id)) throw notFound('WHAMinar', field);
  const [row] = (await m.query(`SELECT ${LOCKED_COLUMNS} FROM webinars w WHERE w.id = $1 ${lock ? 'FOR UPDATE OF w' : ''}`, [id])) as LockedWebinar[];
  if (!row || (row.status === 'draft' && !canManage(actor, row))) throw notFound('WHAMinar', field);
  return row;
}

export function canManage(actor: AuthUser | null, row: { organiser_id: string }): boolean {
  return !!actor && (actor.role === 'admin' || actor.id === row.organiser_id);
}

/** Only its organiser (or an admin) may change a webinar. */
export function assertCanManage(actor: AuthUser, row: { organiser_id: string }): void {
  if (!canManage(actor, row)) throw forbidden('Only the WHAMinar’s organiser (or an admin) can do this.');
}

/** Cancelled and finished webinars are history: they take no more changes. */
export function assertChangeable(row: { status: string }, field = 'id'): void {
  if (row.status === 'cancelled') throw apiError(ERROR_CODES.webinarClosed, 'This WHAMinar was cancelled: it can no longer be changed.', field);
  if (row.status === 'finished') throw apiError(ERROR_CODES.webinarClosed, 'This WHAMinar has finished: it can no longer be changed.', field);
}
