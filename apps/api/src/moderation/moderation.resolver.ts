import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { ModerationQueueArgs } from './dto/moderation-queue.args';
import { ReportInput } from './dto/report.input';
import { ResolveReportInput } from './dto/resolve-report.input';
import type { ReportStatus } from './moderation.constant';
import { ModerationService } from './moderation.service';
import { Report, ReportConnection } from './models/report.model';

/** Reporting is for every signed-in user; the queue and its decisions are admin only. */
@Resolver(() => Report)
export class ModerationResolver {
  constructor(private readonly moderation: ModerationService) {}

  @Roles('admin')
  @Query(() => ReportConnection, { description: 'Admin only. Open reports oldest first; resolved ones newest first.' })
  moderationQueue(@CurrentUser() user: AuthUser, @Args() args: ModerationQueueArgs): Promise<ReportConnection> {
    return this.moderation.queue(user.id, (args.status ?? 'open') as ReportStatus, args.first ?? null, args.after ?? null);
  }

  @Mutation(() => Report, {
    description: 'Reports a message you can see or a visible project (not your own). A repeat while your report is open returns it.',
  })
  reportContent(@CurrentUser() user: AuthUser, @Args('input') input: ReportInput): Promise<Report> {
    return this.moderation.report(user.id, input);
  }

  @Roles('admin')
  @Mutation(() => Report, { description: 'Admin only. Resolves an open report (and every other open report on the same content).' })
  resolveReport(@CurrentUser() user: AuthUser, @Args('input') input: ResolveReportInput): Promise<Report> {
    return this.moderation.resolve(user.id, input);
  }
}
