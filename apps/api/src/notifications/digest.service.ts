import { Injectable, Logger } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { CliniciansService } from '../clinicians/clinicians.service';
import { AppConfigService } from '../config/app-config.service';
import { composeDigest } from './digest-email.util';
import { MailService } from './mail.service';
import { DigestItem, NotificationsService } from './notifications.service';

export const DIGEST_JOB = 'notifications-email-digest';

export interface DigestRun {
  /** Digests handed to the mail service, one per user. */
  digests: number;
  /** Notifications those digests carried. */
  notifications: number;
  /** Digests that could not be sent; their notifications wait for the next run. */
  failed: number;
}

/**
 * The daily email digest: every notification flagged for email (e.g. matches of alerts with
 * "email digest" on) that no digest has carried yet, one email per user. Notifications are claimed
 * before sending, so a second run, or a run on another instance at the same time, finds nothing
 * left to send; if sending fails they are handed back for the next run. A crash between claim and
 * send loses that digest rather than sending it twice (the notifications stay in the app).
 */
@Injectable()
export class DigestService {
  private readonly logger = new Logger(DigestService.name);

  constructor(
    private readonly notifications: NotificationsService,
    private readonly clinicians: CliniciansService,
    private readonly mail: MailService,
    private readonly config: AppConfigService,
  ) {}

  @Cron('0 7 * * *', { name: DIGEST_JOB, timeZone: 'UTC' })
  async runDaily(): Promise<void> {
    try {
      const run = await this.sendDueDigests(new Date());
      if (run.digests || run.failed) this.logger.log(`Email digests: ${run.digests} sent (${run.notifications} notifications), ${run.failed} failed`);
    } catch (error) {
      this.logger.error(`Email digest run failed: ${error instanceof Error ? error.stack : String(error)}`);
    }
  }

  async sendDueDigests(now: Date = new Date()): Promise<DigestRun> {
    const items = await this.notifications.claimDueForDigest(now);
    const byUser = new Map<string, DigestItem[]>();
    for (const item of items) byUser.set(item.userId, [...(byUser.get(item.userId) ?? []), item]);
    const users = new Map((await this.clinicians.findByIds([...byUser.keys()])).map((u) => [u.id, u]));

    const run: DigestRun = { digests: 0, notifications: 0, failed: 0 };
    for (const [userId, list] of byUser) {
      const user = users.get(userId);
      // An account deleted since the claim: its notifications went with it.
      if (!user) continue;
      try {
        await this.mail.send(composeDigest({ email: user.email, displayName: user.displayName }, list, this.config.publicUrl));
        run.digests += 1;
        run.notifications += list.length;
      } catch (error) {
        run.failed += 1;
        await this.notifications.releaseFromDigest(list.map((n) => n.id));
        this.logger.warn(`The digest for user ${userId} could not be sent; it will be retried: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return run;
  }
}
