import { Module } from '@nestjs/common';
import { CliniciansModule } from '../clinicians/clinicians.module';
import { ConversationsModule } from '../conversations/conversations.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { PlacesModule } from '../places/places.module';
import { ProjectsModule } from '../projects/projects.module';
import { CalendarFeedResolver } from './calendar-feed.resolver';
import { WebinarCalendarService } from './webinar-calendar.service';
import { WebinarDemoSeedService } from './webinar-demo-seed.service';
import { WebinarQueriesService } from './webinar-queries.service';
import { WebinarRegistrationsResolver } from './webinar-registrations.resolver';
import { WebinarRegistrationsService } from './webinar-registrations.service';
import { WebinarRemindersService } from './webinar-reminders.service';
import { WebinarThreadsResolver } from './webinar-threads.resolver';
import { WebinarThreadsService } from './webinar-threads.service';
import { WebinarsController } from './webinars.controller';
import { WebinarSeriesResolver, WebinarsResolver } from './webinars.resolver';
import { WebinarsService } from './webinars.service';

/**
 * WHAMinars: scheduling (organisers and admins; recurring series), discovery, registration with
 * a waiting list, attendance, calendar files and private feeds, reminders (a scheduler safe on
 * several instances) and each WHAMinar's follow-up thread, which is a conversation of kind
 * 'webinar' (posting, replies, reactions and live delivery are ConversationsModule's).
 *
 * Owns `webinars`, `webinar_series`, `webinar_speakers`, `webinar_registrations`,
 * `webinar_resources`, `webinar_reminders` and `webinar_calendar_feeds`; keeps the thread's
 * membership and opening time (`conversations.opens_at`) in step with registrations.
 */
@Module({
  imports: [CliniciansModule, ConversationsModule, NotificationsModule, PlacesModule, ProjectsModule],
  controllers: [WebinarsController],
  providers: [
    WebinarQueriesService,
    WebinarsService,
    WebinarRegistrationsService,
    WebinarThreadsService,
    WebinarCalendarService,
    WebinarRemindersService,
    WebinarDemoSeedService,
    WebinarsResolver,
    WebinarSeriesResolver,
    WebinarRegistrationsResolver,
    WebinarThreadsResolver,
    CalendarFeedResolver,
  ],
  exports: [WebinarQueriesService, WebinarRemindersService, WebinarDemoSeedService],
})
export class WebinarsModule {}
