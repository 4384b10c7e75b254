import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import type { Role } from '@kindred/domain';
import type { AuthUser } from '../auth/auth-user';
import { resolveJwtSecret } from '../auth/jwt-secret.util';
import { isUuid } from '../clinicians/clinicians.service';
import { notFound } from '../common/graphql-errors.util';
import { AppConfigService } from '../config/app-config.service';
import { markdownToText } from './markdown.util';
import { webinarPageUrl } from './webinar-models.util';
import { vtimezone } from './vtimezone.util';

interface CalendarRow {
  id: string;
  title: string;
  description: string;
  time_zone: string;
  starts_at: Date;
  ends_at: Date;
  sequence: number;
  status: string;
  join_url: string;
  organiser_id: string;
  organiser_name: string;
  created_at: Date;
  updated_at: Date;
  /** The viewer may have the join link: registered (holding a place), a speaker or the organiser. */
  entitled: boolean;
}

const CALENDAR_COLUMNS = `w.id, w.title, w.description, w.time_zone, w.starts_at, w.ends_at, w.sequence, w.status, w.join_url,
  w.organiser_id, u.display_name AS organiser_name, w.created_at, w.updated_at,
  ($1::uuid IS NOT NULL AND (
     w.organiser_id = $1::uuid
     OR EXISTS (SELECT 1 FROM webinar_speakers sp WHERE sp.webinar_id = w.id AND sp.user_id = $1::uuid)
     OR EXISTS (SELECT 1 FROM webinar_registrations r WHERE r.webinar_id = w.id AND r.user_id = $1::uuid AND r.status = 'registered'))) AS entitled`;

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
/** How far back the private feed reaches. */
const FEED_PAST_DAYS = 180;

/**
 * Calendar files for WHAMinars (RFC 5545, through ical-generator): one event's `.ics`, and each
 * user's private feed of everything they registered for, organise or speak at.
 *
 * Times are written in the organiser's zone (`DTSTART;TZID=Europe/London:20270328T100000`) with a
 * VTIMEZONE built from the server's zone rules, so calendar apps place them exactly and keep them
 * right across daylight-saving changes. UID is stable per webinar and SEQUENCE follows every
 * change, so an imported event updates in place; a cancelled one is METHOD:CANCEL +
 * STATUS:CANCELLED. The join link is in the file only for people entitled to it.
 *
 * Feed tokens: the URL carries a token derived from the user id, a per-user random nonce and a
 * server key (from the JWT secret), so the app can show the same URL again; the database keeps
 * only the token's SHA-256 (looked up on each request). Resetting replaces the nonce, which
 * revokes the old URL at once.
 */
@Injectable()
export class WebinarCalendarService {
  private readonly feedKey: Buffer;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfigService,
  ) {
    this.feedKey = createHmac('sha256', resolveJwtSecret(config)).update('kindred:webinar-calendar-feed').digest();
  }

  /** The user's private feed URL, made on first ask. */
  async feedUrl(userId: string): Promise<string> {
    const nonce = randomBytes(16).toString('base64url');
    await this.db.query(
      `INSERT INTO webinar_calendar_feeds (user_id, nonce, token_hash) VALUES ($1, $2, $3) ON CONFLICT (user_id) DO NOTHING`,
      [userId, nonce, hashToken(this.token(userId, nonce))],
    );
    const [row] = (await this.db.query(`SELECT nonce FROM webinar_calendar_feeds WHERE user_id = $1`, [userId])) as Array<{ nonce: string }>;
    return this.urlFor(this.token(userId, row!.nonce));
  }

  /** A new URL; the old one stops working at once. */
  async resetFeed(userId: string): Promise<string> {
    const nonce = randomBytes(16).toString('base64url');
    const token = this.token(userId, nonce);
    await this.db.query(
      `INSERT INTO webinar_calendar_feeds (user_id, nonce, token_hash) VALUES ($1, $2, $3)
       ON CONFLICT (user_id) DO UPDATE SET nonce = EXCLUDED.nonce, token_hash = EXCLUDED.token_hash, created_at = now()`,
      [userId, nonce, hashToken(token)],
    );
    return this.urlFor(token);
  }

  /** The user a feed token belongs to; null for an unknown or revoked token or a suspended account. */
  async userForToken(token: string): Promise<AuthUser | null> {
    if (!TOKEN_PATTERN.test(token)) return null;
    const [row] = (await this.db.query(
      `SELECT f.user_id, u.role FROM webinar_calendar_feeds f JOIN users u ON u.id = f.user_id
        WHERE f.token_hash = $1 AND u.suspended_at IS NULL`,
      [hashToken(token)],
    )) as Array<{ user_id: string; role: Role }>;
    return row ? { id: row.user_id, role: row.role } : null;
  }

  /**
   * One WHAMinar's calendar file. Public for anything but drafts (the organiser and admins get
   * drafts too); NOT_FOUND otherwise. `viewer` (signed in, or from a feed token) decides whether
   * the join link is in it.
   */
  async webinarIcs(id: string, viewer: AuthUser | null): Promise<{ title: string; ics: string }> {
    if (!isUuid(id)) throw notFound('WHAMinar', 'id');
    const [row] = (await this.db.query(
      `SELECT ${CALENDAR_COLUMNS} FROM webinars w JOIN users u ON u.id = w.organiser_id
        WHERE w.id = $2 AND (w.status <> 'draft' OR w.organiser_id = $1::uuid OR $3::boolean)`,
      [viewer?.id ?? null, id, viewer?.role === 'admin'],
    )) as CalendarRow[];
    if (!row) throw notFound('WHAMinar', 'id');
    const method = row.status === 'cancelled' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.PUBLISH;
    return { title: row.title, ics: this.calendar(`Kindred WHAMinar: ${row.title}`, method, [row]) };
  }

  /** The private feed: every WHAMinar the token's owner holds a place at, organises or speaks at (cancelled ones marked so). */
  async feedIcs(token: string): Promise<string | null> {
    const user = await this.userForToken(token);
    if (!user) return null;
    const rows: CalendarRow[] = await this.db.query(
      `SELECT ${CALENDAR_COLUMNS} FROM webinars w JOIN users u ON u.id = w.organiser_id
        WHERE w.status <> 'draft' AND w.ends_at > now() - make_interval(days => $2)
          AND (w.organiser_id = $1::uuid
               OR EXISTS (SELECT 1 FROM webinar_speakers sp WHERE sp.webinar_id = w.id AND sp.user_id = $1::uuid)
               OR EXISTS (SELECT 1 FROM webinar_registrations r WHERE r.webinar_id = w.id AND r.user_id = $1::uuid AND r.status = 'registered'))
        ORDER BY w.starts_at, w.id`,
      [user.id, FEED_PAST_DAYS],
    );
    return this.calendar('Kindred: my WHAMinars', ICalCalendarMethod.PUBLISH, rows);
  }

  private calendar(name: string, method: ICalCalendarMethod, rows: readonly CalendarRow[]): string {
    const host = new URL(this.config.publicUrl).hostname || 'localhost';
    const years = rows.flatMap((r) => [r.starts_at.getUTCFullYear(), r.ends_at.getUTCFullYear()]);
    const fromYear = Math.min(...years, new Date().getUTCFullYear()) - 1;
    const toYear = Math.max(...years, new Date().getUTCFullYear()) + 1;
    const cal = ical({ name, method, prodId: { company: 'Kindred', product: 'WHAMinars', language: 'EN' } });
    // No calendar-wide zone: each event carries its own TZID, and one VTIMEZONE per zone used is
    // generated (with a calendar-wide zone ical-generator would also write DTSTAMP as local time).
    cal.timezone({ name: null, generator: (zone) => vtimezone(zone, fromYear, toYear) });
    for (const r of rows) {
      const pageUrl = webinarPageUrl(this.config.publicUrl, r.id);
      const text = markdownToText(r.description);
      const description = [
        text,
        r.entitled ? `Join: ${r.join_url}` : 'The join link shows on the WHAMinar page to registrants, from 30 minutes before the start.',
        `Details and discussion: ${pageUrl}`,
      ]
        .filter(Boolean)
        .join('\n\n');
      cal.createEvent({
        id: `webinar-${r.id}@${host}`,
        sequence: r.sequence,
        start: DateTime.fromJSDate(r.starts_at, { zone: r.time_zone }),
        end: DateTime.fromJSDate(r.ends_at, { zone: r.time_zone }),
        timezone: r.time_zone,
        stamp: new Date(),
        created: r.created_at,
        lastModified: r.updated_at,
        summary: r.title,
        description,
        location: r.entitled ? r.join_url : pageUrl,
        url: pageUrl,
        organizer: { name: r.organiser_name, email: `no-reply@${host}` },
        status: r.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      });
    }
    return cal.toString();
  }

  private token(userId: string, nonce: string): string {
    return createHmac('sha256', this.feedKey).update(`${userId}:${nonce}`).digest('base64url');
  }

  private urlFor(token: string): string {
    return `${this.config.publicUrl.replace(/\/+$/, '')}/api/calendar/${token}.ics`;
  }
}

function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
