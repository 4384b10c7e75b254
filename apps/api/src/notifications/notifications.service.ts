import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { LIMITS } from '@kindred/domain';
import { badInput, forbidden, notFound } from '../common/graphql-errors.util';
import type { Notification, NotificationConnection } from './models/notification.model';
import { decodeNotificationCursor, encodeNotificationCursor } from './notification-cursor.util';
import { NotificationEntity } from './notification.entity';

/** What a producer (alerts now; messages, WHAMinar reminders later) hands over. */
export interface NewNotification {
  userId: string;
  /** Lower-case words joined by hyphens, e.g. "alert-match". */
  type: string;
  message: string;
  /** Path in the web app, e.g. "/projects/<id>". */
  link?: string | null;
  payload?: Record<string, unknown>;
  /** At most one notification per user and key: a later one with the same key is skipped. */
  dedupeKey?: string | null;
  /** Also carry it in the user's next email digest. */
  emailDigest?: boolean;
}

/** A notification claimed for an email digest. */
export interface DigestItem {
  id: string;
  userId: string;
  message: string;
  link: string | null;
  createdAt: Date;
}

interface NotificationRow {
  id: string;
  user_id: string;
  type: string;
  message: string;
  link: string | null;
  payload: Record<string, unknown>;
  read_at: Date | null;
  created_at: Date;
  cursor_ts: string;
}

const COLUMNS = `id, user_id, type, message, link, payload, read_at, created_at,
  to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_ts`;

function toNotification(row: NotificationRow): Notification {
  return {
    id: row.id,
    type: row.type,
    message: row.message,
    link: row.link,
    payload: JSON.stringify(row.payload ?? {}),
    readAt: row.read_at,
    createdAt: row.created_at,
  };
}

/**
 * Owns `notifications`: a general per-user inbox. Every read and write is scoped to one user, so
 * no one can see or change another's notifications; producers only ever add.
 */
@Injectable()
export class NotificationsService {
  constructor(@InjectRepository(NotificationEntity) private readonly notifications: Repository<NotificationEntity>) {}

  /**
   * Adds notifications in one statement; a repeat of a user's `dedupeKey` is skipped, so callers
   * may retry freely. Returns how many were created.
   */
  async notify(list: readonly NewNotification[], manager: EntityManager = this.notifications.manager): Promise<number> {
    if (!list.length) return 0;
    const rows: Array<{ id: string }> = await manager.query(
      `INSERT INTO notifications (user_id, type, message, link, payload, dedupe_key, email_digest)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::jsonb[], $6::text[], $7::boolean[])
       ON CONFLICT (user_id, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING
       RETURNING id`,
      [
        list.map((n) => n.userId),
        list.map((n) => n.type),
        list.map((n) => n.message),
        list.map((n) => n.link ?? null),
        list.map((n) => JSON.stringify(n.payload ?? {})),
        list.map((n) => n.dedupeKey ?? null),
        list.map((n) => n.emailDigest ?? false),
      ],
    );
    return rows.length;
  }

  /** The user's notifications, newest first, with a keyset cursor on (created_at, id). */
  async list(userId: string, first: number | null, after: string | null): Promise<NotificationConnection> {
    const size = first ?? LIMITS.page.defaultSize;
    const cursor = after ? decodeNotificationCursor(after) : null;
    if (after && !cursor) throw badInput('after', 'after is not a cursor from this list.');
    const params: unknown[] = [userId, size + 1];
    let page = '';
    if (cursor) {
      params.push(cursor.createdAt, cursor.id);
      page = `AND (created_at, id) < (CAST($3 AS timestamptz), CAST($4 AS uuid))`;
    }
    const rows: NotificationRow[] = await this.notifications.query(
      `SELECT ${COLUMNS} FROM notifications WHERE user_id = $1 ${page} ORDER BY created_at DESC, id DESC LIMIT $2`,
      params,
    );
    const nodes = rows.slice(0, size);
    const last = nodes[nodes.length - 1];
    return {
      nodes: nodes.map(toNotification),
      pageInfo: {
        hasNextPage: rows.length > size,
        endCursor: last ? encodeNotificationCursor({ createdAt: last.cursor_ts, id: last.id }) : null,
      },
    };
  }

  async unreadCount(userId: string): Promise<number> {
    const [row] = (await this.notifications.query(
      `SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL`,
      [userId],
    )) as Array<{ n: number }>;
    return row?.n ?? 0;
  }

  /**
   * Marks the caller's own notifications read (already read ones keep their time). An id that is
   * not a notification is NOT_FOUND and someone else's is FORBIDDEN; either way nothing changes.
   */
  async markRead(userId: string, ids: readonly string[]): Promise<Notification[]> {
    if (!ids.length) return [];
    const owners: Array<{ id: string; user_id: string }> = await this.notifications.query(
      `SELECT id, user_id FROM notifications WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    if (owners.length < ids.length) throw notFound('Notification', 'ids');
    if (owners.some((o) => o.user_id !== userId)) throw forbidden('You can only mark your own notifications read.');
    const [rows] = (await this.notifications.query(
      `UPDATE notifications SET read_at = COALESCE(read_at, now())
        WHERE user_id = $1 AND id = ANY($2::uuid[])
        RETURNING ${COLUMNS}`,
      [userId, ids],
    )) as [NotificationRow[], number];
    return rows.sort((a, b) => b.cursor_ts.localeCompare(a.cursor_ts) || b.id.localeCompare(a.id)).map(toNotification);
  }

  /** Marks every unread notification of the caller read; returns how many changed. */
  async markAllRead(userId: string): Promise<number> {
    const [, affected] = (await this.notifications.query(
      `UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL`,
      [userId],
    )) as [unknown, number];
    return affected;
  }

  /**
   * Claims every notification due for an email digest (flagged, not yet in a digest, created by
   * `now`) by stamping `digested_at`, oldest first. Rows another run has locked are skipped, so
   * runs on several instances at once never claim the same notification twice.
   */
  async claimDueForDigest(now: Date): Promise<DigestItem[]> {
    const [rows] = (await this.notifications.query(
      `UPDATE notifications SET digested_at = $1
        WHERE id IN (
          SELECT id FROM notifications
           WHERE email_digest AND digested_at IS NULL AND created_at <= $1
           FOR UPDATE SKIP LOCKED)
        RETURNING id, user_id, message, link, created_at`,
      [now],
    )) as [Array<{ id: string; user_id: string; message: string; link: string | null; created_at: Date }>, number];
    return rows
      .map((r) => ({ id: r.id, userId: r.user_id, message: r.message, link: r.link, createdAt: r.created_at }))
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
  }

  /** Hands claimed notifications back (their digest could not be sent), for the next run. */
  async releaseFromDigest(ids: readonly string[]): Promise<void> {
    if (!ids.length) return;
    await this.notifications.query(`UPDATE notifications SET digested_at = NULL WHERE id = ANY($1::uuid[])`, [ids]);
  }
}
