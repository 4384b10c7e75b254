import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { MarkAttendanceArgs, RegisterForWebinarArgs, WebinarRefArgs } from './dto/webinars.args';
import { WebinarRegistration } from './models/webinar-registration.model';
import { Webinar } from './models/webinar.model';
import { WebinarQueriesService } from './webinar-queries.service';
import { WebinarRegistrationsService } from './webinar-registrations.service';

/** Signing up (anyone signed in), attendance, and the organiser's list. */
@Resolver(() => WebinarRegistration)
export class WebinarRegistrationsResolver {
  constructor(
    private readonly registrations: WebinarRegistrationsService,
    private readonly queries: WebinarQueriesService,
  ) {}

  @Mutation(() => Webinar, { description: 'A place, or the waiting list when full (see myRegistration).' })
  async registerForWebinar(@CurrentUser() user: AuthUser, @Args() args: RegisterForWebinarArgs): Promise<Webinar> {
    await this.registrations.register(user, args.webinarId, args.emailReminders ?? true);
    return this.queries.get(user, args.webinarId, 'webinarId');
  }

  @Mutation(() => Webinar, { description: 'Gives up the place (the first person waiting gets it) or leaves the waiting list.' })
  async cancelWebinarRegistration(@CurrentUser() user: AuthUser, @Args() args: WebinarRefArgs): Promise<Webinar> {
    await this.registrations.cancel(user, args.webinarId);
    return this.queries.get(user, args.webinarId, 'webinarId');
  }

  @Mutation(() => Webinar, { description: 'A registrant records attending, from the start to the end.' })
  async checkInToWebinar(@CurrentUser() user: AuthUser, @Args() args: WebinarRefArgs): Promise<Webinar> {
    await this.registrations.checkIn(user, args.webinarId);
    return this.queries.get(user, args.webinarId, 'webinarId');
  }

  @Roles('organiser')
  @Mutation(() => [WebinarRegistration], { description: 'Its organiser or an admin; people holding a place only. Returns the whole list.' })
  async markWebinarAttendance(@CurrentUser() user: AuthUser, @Args() args: MarkAttendanceArgs): Promise<WebinarRegistration[]> {
    await this.registrations.markAttendance(user, args.webinarId, args.userIds, args.attended);
    return this.registrations.list(user, args.webinarId);
  }

  @Roles('organiser')
  @Query(() => [WebinarRegistration], { description: 'Its organiser or an admin: places first, then the waiting list in order, then cancellations.' })
  webinarRegistrations(@CurrentUser() user: AuthUser, @Args() args: WebinarRefArgs): Promise<WebinarRegistration[]> {
    return this.registrations.list(user, args.webinarId);
  }
}
