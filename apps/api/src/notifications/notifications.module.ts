import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CliniciansModule } from '../clinicians/clinicians.module';
import { DigestService } from './digest.service';
import { MailService } from './mail.service';
import { NotificationEntity } from './notification.entity';
import { NotificationsResolver } from './notifications.resolver';
import { NotificationsService } from './notifications.service';

/**
 * Owns `notifications`: a general per-user inbox (type, message, link, JSON payload, read state)
 * that other modules add to through NotificationsService (alert matches now; messages and
 * WHAMinar reminders later), the daily email digest (DigestService, 07:00 UTC) and outgoing mail.
 * The scheduler's jobs stop when the app closes.
 */
@Module({
  imports: [TypeOrmModule.forFeature([NotificationEntity]), CliniciansModule, ScheduleModule.forRoot()],
  providers: [NotificationsService, NotificationsResolver, MailService, DigestService],
  exports: [NotificationsService, DigestService, MailService],
})
export class NotificationsModule {}
