import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ERROR_CODES, SOCKET_EVENTS } from '@kindred/domain';
import type { AuthUser } from '../auth/auth-user';
import { CliniciansService } from '../clinicians/clinicians.service';
import { toClinician } from '../clinicians/clinician-models.util';
import { apiError, badInput } from '../common/graphql-errors.util';
import { NewNotification, NotificationsService } from '../notifications/notifications.service';
import { RealtimeService } from '../realtime/realtime.service';
import type { WebinarRegistration } from './models/webinar-registration.model';
import type { RegistrationCsvRow } from './registrations-csv.util';
import { assertCanManage, type LockedWebinar, lockWebinar } from './webinar-access.util';
import { type NoticeRecipient, promotedNotice } from './webinar-notifications.util';
import { type MembershipChange, WebinarThreadsService } from './webinar-threads.service';

interface RegistrationRow {
  user_id: string;
  status: string;
  queued_at: Date;
  registered_at: Date | null;
  cancelled_at: Date | null;
  attended_at: Date | null;
  attendance_source: string | null;
  position: string | null;
}

/** What a write did, for what must happen after it commits. */
export interface RosterOutcome {
  membership: Array<MembershipChange | null>;
  notices: NewNotification[];
}

/**
 * Owns `webinar_registrations`: registering, the waiting list, cancelling with promotion, and
 * attendance. Every change to one webinar's roster runs in a transaction holding that webinar's
 * row lock, so capacity is exact under any number of concurrent registrations and instances: the
 * count of places taken is read after the lock, and the waiting list is ordered by the time each
 * person got the lock (`queued_at`, clock time). The thread's membership changes in the same
 * transaction; sockets follow after the commit.
 */
@Injectable()
export class WebinarRegistrationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly threads: WebinarThreadsService,
    private readonly notifications: NotificationsService,
    private readonly realtime: RealtimeService,
    private readonly clinicians: CliniciansService,
  ) {}

  /** A place if there is one, else the waiting list. */
  async register(actor: AuthUser, webinarId: string, emailReminders: boolean): Promise<void> {
    const outcome = await this.db.transaction(async (m): Promise<RosterOutcome> => {
      const w = await lockWebinar(m, actor, webinarId, 'webinarId');
      assertOpenForRegistration(w);
      const [existing] = (await m.query(`SELECT status FROM webinar_registrations WHERE webinar_id = $1 AND user_id = $2`, [
        webinarId,
        actor.id,
      ])) as Array<{ status: string }>;
      if (existing && existing.status !== 'cancelled') {
        throw apiError(
          ERROR_CODES.alreadyRegistered,
          existing.status === 'waiting' ? 'You are already on the waiting list for this WHAMinar.' : 'You are already registered for this WHAMinar.',
          'webinarId',
        );
      }
      const taken = await this.placesTaken(m, webinarId);
      const status = w.capacity === null || taken < w.capacity ? 'registered' : 'waiting';
      await m.query(
        `INSERT INTO webinar_registrations (webinar_id, user_id, status, queued_at, registered_at, email_reminders)
         VALUES ($1, $2, $3, clock_timestamp(), CASE WHEN $3 = 'registered' THEN clock_timestamp() END, $4)
         ON CONFLICT (webinar_id, user_id) DO UPDATE
           SET status = EXCLUDED.status, queued_at = EXCLUDED.queued_at, registered_at = EXCLUDED.registered_at,
               cancelled_at = NULL, email_reminders = EXCLUDED.email_reminders, attended_at = NULL,
               attendance_source = NULL, updated_at = now()`,
        [webinarId, actor.id, status, emailReminders],
      );
      return { membership: status === 'registered' ? [await this.threads.syncMembers(m, webinarId)] : [], notices: [] };
    });
    this.afterCommit(outcome);
  }

  /** Gives the place up (or leaves the waiting list); the next person waiting takes a freed place. */
  async cancel(actor: AuthUser, webinarId: string): Promise<void> {
    const outcome = await this.db.transaction(async (m): Promise<RosterOutcome> => {
      const w = await lockWebinar(m, actor, webinarId, 'webinarId');
      const [existing] = (await m.query(`SELECT status FROM webinar_registrations WHERE webinar_id = $1 AND user_id = $2`, [
        webinarId,
        actor.id,
      ])) as Array<{ status: string }>;
      if (!existing || existing.status === 'cancelled') {
        throw apiError(ERROR_CODES.notRegistered, 'You are not registered for this WHAMinar.', 'webinarId');
      }
      await m.query(
        `UPDATE webinar_registrations SET status = 'cancelled', cancelled_at = now(), updated_at = now()
          WHERE webinar_id = $1 AND user_id = $2`,
        [webinarId, actor.id],
      );
      const notices = existing.status === 'registered' ? await this.promote(m, w) : [];
      return { membership: [await this.threads.syncMembers(m, webinarId)], notices };
    });
    this.afterCommit(outcome);
  }

  /**
   * Fills free places from the waiting list, first come first served, and tells each person
   * promoted (in the caller's transaction, which must hold the webinar's lock). Nothing moves once
   * the webinar has ended or is not published. The caller syncs the thread's membership.
   */
  async promote(m: EntityManager, w: LockedWebinar): Promise<NewNotification[]> {
    if (w.status !== 'published' || w.db_now >= w.ends_at) return [];
    const taken = await this.placesTaken(m, w.id);
    const free = w.capacity === null ? null : w.capacity - taken;
    if (free !== null && free <= 0) return [];
    const [rows] = (await m.query(
      `UPDATE webinar_registrations SET status = 'registered', registered_at = clock_timestamp(), updated_at = now()
        WHERE (webinar_id, user_id) IN (
          SELECT webinar_id, user_id FROM webinar_registrations
           WHERE webinar_id = $1 AND status = 'waiting' ORDER BY queued_at, user_id LIMIT $2 FOR UPDATE)
        RETURNING user_id, registered_at, email_reminders`,
      [w.id, free],
    )) as [Array<{ user_id: string; registered_at: Date; email_reminders: boolean }>, number];
    const subject = { id: w.id, title: w.title, startsAt: w.starts_at, timeZone: w.time_zone };
    const notices = rows.map((r) => promotedNotice(subject, { userId: r.user_id, email: r.email_reminders }, r.registered_at));
    await this.notifications.notify(notices, m);
    return notices;
  }

  /** Everyone signed up (holding a place or waiting), to tell about changes, with their email choice. */
  async signedUp(m: EntityManager, webinarId: string, exceptUserId: string | null = null): Promise<NoticeRecipient[]> {
    const rows: Array<{ user_id: string; email_reminders: boolean }> = await m.query(
      `SELECT user_id, email_reminders FROM webinar_registrations
        WHERE webinar_id = $1 AND status IN ('registered', 'waiting') AND user_id IS DISTINCT FROM $2::uuid`,
      [webinarId, exceptUserId],
    );
    return rows.map((r) => ({ userId: r.user_id, email: r.email_reminders }));
  }

  /** The organiser marks people holding a place as attended (or clears it), once the event has started. */
  async markAttendance(actor: AuthUser, webinarId: string, userIds: readonly string[], attended: boolean): Promise<void> {
    await this.db.transaction(async (m) => {
      const w = await lockWebinar(m, actor, webinarId, 'webinarId');
      assertCanManage(actor, w);
      if (w.status === 'cancelled') throw apiError(ERROR_CODES.webinarClosed, 'This WHAMinar was cancelled.', 'webinarId');
      if (w.db_now < w.starts_at) throw badInput('webinarId', 'Attendance can be marked once the WHAMinar has started.');
      const rows: Array<{ user_id: string }> = await m.query(
        `SELECT user_id FROM webinar_registrations WHERE webinar_id = $1 AND user_id = ANY($2::uuid[]) AND status = 'registered'`,
        [webinarId, userIds],
      );
      if (rows.length !== userIds.length) {
        throw badInput('userIds', `Only people holding a place can be marked: ${userIds.length - rows.length} of them are not registered.`);
      }
      await m.query(
        `UPDATE webinar_registrations
            SET attended_at = CASE WHEN $3 THEN coalesce(attended_at, now()) END,
                attendance_source = CASE WHEN $3 THEN coalesce(attendance_source, 'organiser') END,
                updated_at = now()
          WHERE webinar_id = $1 AND user_id = ANY($2::uuid[])`,
        [webinarId, userIds, attended],
      );
    });
  }

  /** A registrant checks in, from the start to the end. */
  async checkIn(actor: AuthUser, webinarId: string): Promise<void> {
    await this.db.transaction(async (m) => {
      const w = await lockWebinar(m, actor, webinarId, 'webinarId');
      const [reg] = (await m.query(`SELECT status FROM webinar_registrations WHERE webinar_id = $1 AND user_id = $2`, [webinarId, actor.id])) as Array<{
        status: string;
      }>;
      if (reg?.status !== 'registered') {
        throw apiError(ERROR_CODES.notRegistered, 'Only people holding a place can check in.', 'webinarId');
      }
      if (w.status === 'cancelled') throw apiError(ERROR_CODES.checkInClosed, 'This WHAMinar was cancelled.', 'webinarId');
      if (w.db_now < w.starts_at || w.db_now >= w.ends_at) {
        throw apiError(ERROR_CODES.checkInClosed, 'Check-in is open from the start to the end of the WHAMinar.', 'webinarId', {
          opensAt: w.starts_at.toISOString(),
          closesAt: w.ends_at.toISOString(),
        });
      }
      await m.query(
        `UPDATE webinar_registrations SET attended_at = coalesce(attended_at, now()), attendance_source = coalesce(attendance_source, 'check-in'),
                updated_at = now()
          WHERE webinar_id = $1 AND user_id = $2`,
        [webinarId, actor.id],
      );
    });
  }

  /** The organiser's view: everyone who signed up, places first, then the waiting list in order, then cancellations. */
  async list(actor: AuthUser, webinarId: string): Promise<WebinarRegistration[]> {
    const w = await lockWebinar(this.db.manager, actor, webinarId, 'webinarId', false);
    assertCanManage(actor, w);
    const rows: RegistrationRow[] = await this.db.query(
      `SELECT r.user_id, r.status, r.queued_at, r.registered_at, r.cancelled_at, r.attended_at, r.attendance_source,
              CASE WHEN r.status = 'waiting' THEN row_number() OVER (PARTITION BY r.status ORDER BY r.queued_at, r.user_id) END AS position
         FROM webinar_registrations r WHERE r.webinar_id = $1
        ORDER BY CASE r.status WHEN 'registered' THEN 0 WHEN 'waiting' THEN 1 ELSE 2 END, coalesce(r.registered_at, r.queued_at), r.user_id`,
      [webinarId],
    );
    const people = new Map((await this.clinicians.findByIds(rows.map((r) => r.user_id))).map((u) => [u.id, toClinician(u)]));
    return rows.flatMap((r) => {
      const user = people.get(r.user_id);
      if (!user) return [];
      return [
        {
          user,
          status: r.status,
          waitingPosition: r.position === null ? null : Number(r.position),
          signedUpAt: r.queued_at,
          registeredAt: r.registered_at,
          cancelledAt: r.cancelled_at,
          attended: r.attended_at !== null,
          attendedAt: r.attended_at,
          attendanceSource: r.attendance_source,
        },
      ];
    });
  }

  /** The same list for the CSV export, with the webinar's title for the file name. */
  async csvRows(actor: AuthUser, webinarId: string): Promise<{ title: string; rows: RegistrationCsvRow[] }> {
    const w = await lockWebinar(this.db.manager, actor, webinarId, 'webinarId', false);
    const list = await this.list(actor, webinarId);
    return {
      title: w.title,
      rows: list.map((r) => ({
        name: r.user.displayName,
        profession: r.user.professionLabel,
        specialty: r.user.specialty,
        organisation: r.user.organisation,
        status: r.status,
        waitingPosition: r.waitingPosition,
        registeredAt: r.registeredAt,
        queuedAt: r.signedUpAt,
        cancelledAt: r.cancelledAt,
        attended: r.attended,
        attendedAt: r.attendedAt,
        attendanceSource: r.attendanceSource,
      })),
    };
  }

  /** After a commit: sockets follow membership, and the people told get the notification live. */
  afterCommit(outcome: RosterOutcome): void {
    this.threads.publishMembership(outcome.membership);
    for (const n of outcome.notices) {
      this.realtime.toUsers([n.userId], SOCKET_EVENTS.notification, { type: n.type, message: n.message, link: n.link ?? null });
    }
  }

  private async placesTaken(m: EntityManager, webinarId: string): Promise<number> {
    const [{ n }] = (await m.query(`SELECT count(*)::int AS n FROM webinar_registrations WHERE webinar_id = $1 AND status = 'registered'`, [
      webinarId,
    ])) as Array<{ n: number }>;
    return n;
  }
}

/** Only a published WHAMinar that has not ended takes registrations. */
export function assertOpenForRegistration(w: Pick<LockedWebinar, 'status' | 'ends_at' | 'db_now'>): void {
  const closed = (message: string) => apiError(ERROR_CODES.registrationClosed, message, 'webinarId');
  if (w.status === 'draft') throw closed('This WHAMinar is not published yet.');
  if (w.status === 'cancelled') throw closed('This WHAMinar was cancelled.');
  if (w.status === 'finished' || w.db_now >= w.ends_at) throw closed('This WHAMinar has finished.');
}
