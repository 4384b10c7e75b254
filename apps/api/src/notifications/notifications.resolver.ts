import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { MarkNotificationsReadArgs } from './dto/mark-notifications-read.args';
import { PageArgs } from '../common/dto/page.args';
import { Notification, NotificationConnection } from './models/notification.model';
import { NotificationsService } from './notifications.service';

/** Signed-in only (the global guard); each operation sees only the caller's own notifications. */
@Resolver(() => Notification)
export class NotificationsResolver {
  constructor(private readonly notifications: NotificationsService) {}

  @Query(() => NotificationConnection, { description: 'Your notifications, newest first.' })
  myNotifications(@CurrentUser() user: AuthUser, @Args() args: PageArgs): Promise<NotificationConnection> {
    return this.notifications.list(user.id, args.first ?? null, args.after ?? null);
  }

  @Query(() => Int, { description: 'How many of your notifications are unread.' })
  unreadNotificationCount(@CurrentUser() user: AuthUser): Promise<number> {
    return this.notifications.unreadCount(user.id);
  }

  @Mutation(() => [Notification], { description: 'Marks these of your notifications read and returns them. Someone else’s: FORBIDDEN.' })
  markNotificationsRead(@CurrentUser() user: AuthUser, @Args() args: MarkNotificationsReadArgs): Promise<Notification[]> {
    return this.notifications.markRead(user.id, args.ids);
  }

  @Mutation(() => Int, { description: 'Marks all your notifications read; returns how many were unread.' })
  markAllNotificationsRead(@CurrentUser() user: AuthUser): Promise<number> {
    return this.notifications.markAllRead(user.id);
  }
}
