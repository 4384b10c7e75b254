import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SOCKET_EVENTS, type WebinarReminderKind } from '@kindred/domain';
import { CliniciansService } from '../clinicians/clinicians.service';
import { AppConfigService } from '../config/app-config.service';
import { MailService } from '../notifications/mail.service';
import { NotificationsService } from '../notifications/notifications.service';
import { RealtimeService } from '../realtime/realtime.service';
import { webinarPageUrl } from './webinar-models.util';
import { reminderNotice, reminderText } from './webinar-notifications.util';
import { WebinarsService } from './webinars.service';

export const WEBINAR_REMINDER_JOB = 'webinar-reminders';
const EVERY_MINUTE = 60_000;

interface ClaimedReminder {
  webinar_id: string;
  user_id: string;
  kind: WebinarReminderKind;
  starts_at: Date;
  title: string;
  time_zone: string;
  email_reminders: boolean;
}

export interface ReminderRun {
  /** Reminders claimed and notified in the app. */
  sent: number;
  /** Of those, emails handed to the mail service. */
  emailed: number;
}

/**
 * Reminders to registrants 24 hours and 1 hour before each WHAMinar, checked every minute.
 *
 * Each reminder is claimed by inserting its row in `webinar_reminders` (primary key webinar,
 * user, kind, start) with ON CONFLICT DO NOTHING in the transaction that also writes the in-app
 * notification: of any number of runs on any number of instances, exactly one inserts the row
 * and sends it. Email follows the commit (at most once: a crash between the two loses the email,
 * never duplicates it; the in-app notification is there either way).
 *
 * A run sends what is due at `now`, so after downtime it catches up, but never a stale one: the
 * 24 h reminder is due from 24 h to 1 h before the start (after that the 1 h one replaces it) and
 * the 1 h one until the start. Only people who held their place before the reminder time get it
 * (someone registering 10 minutes before is not reminded), and a webinar moved to a new start is
 * reminded about afresh.
 */
@Injectable()
export class WebinarRemindersService implements OnApplicationShutdown {
  private readonly logger = new Logger(WebinarRemindersService.name);
  private running: Promise<unknown> | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly notifications: NotificationsService,
    private readonly mail: MailService,
    private readonly clinicians: CliniciansService,
    private readonly realtime: RealtimeService,
    private readonly config: AppConfigService,
    private readonly webinars: WebinarsService,
  ) {}

  @Interval(WEBINAR_REMINDER_JOB, EVERY_MINUTE)
  async tick(): Promise<void> {
    if (this.running) return;
    const now = new Date();
    this.running = (async () => {
      try {
        const run = await this.sendDueReminders(now);
        if (run.sent) this.logger.log(`WHAMinar reminders: ${run.sent} sent (${run.emailed} by email)`);
        await this.webinars.finishEnded(now);
      } catch (error) {
        this.logger.error(`WHAMinar reminder run failed: ${error instanceof Error ? error.stack : String(error)}`);
      }
    })();
    try {
      await this.running;
    } finally {
      this.running = null;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.running;
  }

  /** Claims and sends every reminder due at `now` (tests pass their own `now`). */
  async sendDueReminders(now: Date = new Date()): Promise<ReminderRun> {
    const claimed = await this.db.transaction(async (m) => {
      const rows: ClaimedReminder[] = await m.query(
        `WITH due AS (
           SELECT w.id AS webinar_id, r.user_id, k.kind, w.starts_at, w.title, w.time_zone, r.email_reminders
             FROM webinars w
             JOIN webinar_registrations r ON r.webinar_id = w.id AND r.status = 'registered'
             CROSS JOIN (VALUES ('24h', 1440, 60), ('1h', 60, 0)) AS k(kind, from_minutes, until_minutes)
            WHERE w.status = 'published'
              AND $1::timestamptz >= w.starts_at - make_interval(mins => k.from_minutes)
              AND $1::timestamptz < w.starts_at - make_interval(mins => k.until_minutes)
              AND r.registered_at <= w.starts_at - make_interval(mins => k.from_minutes)),
         claimed AS (
           INSERT INTO webinar_reminders (webinar_id, user_id, kind, starts_at)
           SELECT webinar_id, user_id, kind, starts_at FROM due
           ON CONFLICT DO NOTHING
           RETURNING webinar_id, user_id, kind, starts_at)
         SELECT c.webinar_id, c.user_id, c.kind, c.starts_at, d.title, d.time_zone, d.email_reminders
           FROM claimed c JOIN due d USING (webinar_id, user_id, kind)`,
        [now],
      );
      const notices = rows.map((r) =>
        reminderNotice({ id: r.webinar_id, title: r.title, startsAt: r.starts_at, timeZone: r.time_zone }, r.kind, r.user_id),
      );
      await this.notifications.notify(notices, m);
      return rows;
    });

    for (const r of claimed) {
      const { message } = reminderText({ id: r.webinar_id, title: r.title, startsAt: r.starts_at, timeZone: r.time_zone }, r.kind);
      this.realtime.toUsers([r.user_id], SOCKET_EVENTS.notification, { type: 'webinar-reminder', message, link: `/webinars/${r.webinar_id}` });
    }
    const emailed = await this.email(claimed.filter((r) => r.email_reminders));
    return { sent: claimed.length, emailed };
  }

  private async email(reminders: readonly ClaimedReminder[]): Promise<number> {
    if (!reminders.length) return 0;
    const users = new Map((await this.clinicians.findByIds([...new Set(reminders.map((r) => r.user_id))])).map((u) => [u.id, u]));
    let sent = 0;
    for (const r of reminders) {
      const user = users.get(r.user_id);
      if (!user || user.suspendedAt) continue;
      const subject = { id: r.webinar_id, title: r.title, startsAt: r.starts_at, timeZone: r.time_zone };
      const text = reminderText(subject, r.kind);
      try {
        await this.mail.send({
          to: user.email,
          subject: text.subject,
          text: [
            `Hello ${user.displayName},`,
            '',
            text.message,
            `In UTC: ${r.starts_at.toISOString().replace('T', ' ').slice(0, 16)}. Your own time zone is shown on the page.`,
            '',
            `Details, the join link (from 30 minutes before) and the discussion thread: ${webinarPageUrl(this.config.publicUrl, r.webinar_id)}`,
            '',
            'You get this because you registered with email reminders on; cancel your registration on the page to stop them.',
          ].join('\n'),
        });
        sent += 1;
      } catch (error) {
        this.logger.warn(`Reminder email for ${r.webinar_id} to user ${r.user_id} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return sent;
  }
}
