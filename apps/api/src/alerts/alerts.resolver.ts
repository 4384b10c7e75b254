import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { ALERT_LIMITS } from './alert-limits.constant';
import { AlertsService } from './alerts.service';
import { CreateAlertInput } from './dto/create-alert.input';
import { UpdateAlertInput } from './dto/update-alert.input';
import { Alert } from './models/alert.model';

/** Signed-in only (the global guard); an alert is only ever its owner's to see or change. */
@Resolver(() => Alert)
export class AlertsResolver {
  constructor(private readonly alerts: AlertsService) {}

  @Query(() => [Alert], { description: 'Your alerts, newest first.' })
  myAlerts(@CurrentUser() user: AuthUser): Promise<Alert[]> {
    return this.alerts.listMine(user.id);
  }

  @Mutation(() => Alert, { description: `At most ${ALERT_LIMITS.perUser} alerts each.` })
  createAlert(@CurrentUser() user: AuthUser, @Args('input') input: CreateAlertInput): Promise<Alert> {
    return this.alerts.create(user.id, input);
  }

  @Mutation(() => Alert, { description: 'Owner only.' })
  updateAlert(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateAlertInput,
  ): Promise<Alert> {
    return this.alerts.update(user.id, id, input);
  }

  @Mutation(() => Boolean, { description: 'Owner only.' })
  deleteAlert(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.alerts.delete(user.id, id);
  }
}
