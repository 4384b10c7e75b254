import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Public } from '../auth/public.decorator';
import { Roles } from '../auth/roles.decorator';
import { CreateWebinarInput } from './dto/create-webinar.input';
import { UpdateWebinarSeriesInput } from './dto/update-webinar-series.input';
import { UpdateWebinarInput } from './dto/update-webinar.input';
import { CancelWebinarArgs, PublishWebinarArgs, RecommendedWebinarsArgs, WebinarIdArgs, WebinarsArgs, WebinarsInBBoxArgs } from './dto/webinars.args';
import { RecommendedWebinar, WebinarConnection } from './models/webinar-connection.model';
import { WebinarSeries } from './models/webinar-series.model';
import { Webinar } from './models/webinar.model';
import { WebinarQueriesService } from './webinar-queries.service';
import { WebinarsService } from './webinars.service';

/** Discovery (public, drafts only to their organiser and admins) and scheduling (organisers and admins). */
@Resolver(() => Webinar)
export class WebinarsResolver {
  constructor(
    private readonly queries: WebinarQueriesService,
    private readonly scheduling: WebinarsService,
  ) {}

  @Public()
  @Query(() => Webinar, { description: 'One WHAMinar; NOT_FOUND (field id) for someone else’s draft.' })
  webinar(@CurrentUser() user: AuthUser | null, @Args() args: WebinarIdArgs): Promise<Webinar> {
    return this.queries.get(user, args.id);
  }

  @Public()
  @Query(() => WebinarConnection, { description: 'Upcoming (soonest first) or past (most recent first) WHAMinars.' })
  webinars(@CurrentUser() user: AuthUser | null, @Args() args: WebinarsArgs): Promise<WebinarConnection> {
    return this.queries.list(user, args);
  }

  @Query(() => [RecommendedWebinar], { description: 'Upcoming WHAMinars for you: most themes shared with your projects first, then soonest.' })
  recommendedWebinars(@CurrentUser() user: AuthUser, @Args() args: RecommendedWebinarsArgs): Promise<RecommendedWebinar[]> {
    return this.queries.recommended(user, args.first ?? 10);
  }

  @Public()
  @Query(() => [Webinar], { description: 'The map layer: upcoming published WHAMinars with a region point in the box (at most 200).' })
  webinarsInBBox(@CurrentUser() user: AuthUser | null, @Args() args: WebinarsInBBoxArgs): Promise<Webinar[]> {
    return this.queries.inBBox(user, args);
  }

  @Roles('organiser')
  @Mutation(() => Webinar, { description: 'Organisers and admins. With `recurrence`, returns the first occurrence.' })
  createWebinar(@CurrentUser() user: AuthUser, @Args('input') input: CreateWebinarInput): Promise<Webinar> {
    return this.scheduling.create(user, input);
  }

  @Roles('organiser')
  @Mutation(() => Webinar, { description: 'Its organiser or an admin. Tells everyone signed up.' })
  updateWebinar(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateWebinarInput,
  ): Promise<Webinar> {
    return this.scheduling.update(user, id, input);
  }

  @Roles('organiser')
  @Mutation(() => WebinarSeries, { description: 'Every future occurrence still following the series.' })
  updateWebinarSeries(
    @CurrentUser() user: AuthUser,
    @Args('seriesId', { type: () => ID }) seriesId: string,
    @Args('input') input: UpdateWebinarSeriesInput,
  ): Promise<WebinarSeries> {
    return this.scheduling.updateSeries(user, seriesId, input);
  }

  @Roles('organiser')
  @Mutation(() => Webinar, { description: 'A draft goes public.' })
  publishWebinar(@CurrentUser() user: AuthUser, @Args() args: PublishWebinarArgs): Promise<Webinar> {
    return this.scheduling.publish(user, args.id, args.wholeSeries ?? false);
  }

  @Roles('organiser')
  @Mutation(() => Webinar, { description: 'Tells everyone signed up; the thread closes.' })
  cancelWebinar(@CurrentUser() user: AuthUser, @Args() args: CancelWebinarArgs): Promise<Webinar> {
    return this.scheduling.cancel(user, args.id, args.reason ?? null, args.wholeSeries ?? false);
  }

  @Roles('organiser')
  @Mutation(() => Webinar, { description: 'Once started. (Published WHAMinars also finish by themselves at their end.)' })
  finishWebinar(@CurrentUser() user: AuthUser, @Args() args: WebinarIdArgs): Promise<Webinar> {
    return this.scheduling.finish(user, args.id);
  }
}

@Resolver(() => WebinarSeries)
export class WebinarSeriesResolver {
  constructor(private readonly queries: WebinarQueriesService) {}

  @ResolveField(() => [Webinar], { description: 'Its occurrences the viewer may see, in date order.' })
  occurrences(@CurrentUser() user: AuthUser | null, @Parent() series: WebinarSeries): Promise<Webinar[]> {
    return this.queries.seriesOccurrences(user, series.id);
  }
}
