import { Mutation, Query, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { WebinarCalendarService } from './webinar-calendar.service';

/** The signed-in user's private calendar feed of their WHAMinars. */
@Resolver()
export class CalendarFeedResolver {
  constructor(private readonly calendar: WebinarCalendarService) {}

  @Query(() => String, {
    description: 'Your private .ics feed URL (subscribe in a calendar app): every WHAMinar you hold a place at, organise or speak at, join links included. Keep it private.',
  })
  calendarFeedUrl(@CurrentUser() user: AuthUser): Promise<string> {
    return this.calendar.feedUrl(user.id);
  }

  @Mutation(() => String, { description: 'A new feed URL; the old one stops working at once.' })
  resetCalendarFeedToken(@CurrentUser() user: AuthUser): Promise<string> {
    return this.calendar.resetFeed(user.id);
  }
}
