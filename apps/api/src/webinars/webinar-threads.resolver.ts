import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { ConversationsService } from '../conversations/conversations.service';
import { toMessageModel } from '../conversations/message-models.util';
import { MessagesService } from '../conversations/messages.service';
import { Conversation } from '../conversations/models/conversation.model';
import { Message } from '../conversations/models/message.model';
import { WebinarResourceInput } from './dto/webinar-resource.input';
import { PinWebinarMessageArgs, WebinarRefArgs } from './dto/webinars.args';
import { WebinarThread } from './models/webinar-thread.model';
import { Webinar } from './models/webinar.model';
import { WebinarQueriesService } from './webinar-queries.service';
import { WebinarThreadsService } from './webinar-threads.service';

/** The organiser's hold on the thread (close, reopen, pin) and resources; the thread as members see it. */
@Resolver(() => WebinarThread)
export class WebinarThreadsResolver {
  constructor(
    private readonly threads: WebinarThreadsService,
    private readonly queries: WebinarQueriesService,
    private readonly conversations: ConversationsService,
    private readonly messages: MessagesService,
  ) {}

  @Roles('organiser')
  @Mutation(() => Webinar, { description: 'Its organiser or an admin: no more posts (MESSAGING_CLOSED).' })
  async closeWebinarThread(@CurrentUser() user: AuthUser, @Args() args: WebinarRefArgs): Promise<Webinar> {
    await this.threads.setClosed(user, args.webinarId, true);
    return this.queries.get(user, args.webinarId, 'webinarId');
  }

  @Roles('organiser')
  @Mutation(() => Webinar, { description: 'Its organiser or an admin.' })
  async reopenWebinarThread(@CurrentUser() user: AuthUser, @Args() args: WebinarRefArgs): Promise<Webinar> {
    await this.threads.setClosed(user, args.webinarId, false);
    return this.queries.get(user, args.webinarId, 'webinarId');
  }

  @Roles('organiser')
  @Mutation(() => Webinar, { description: 'Its organiser or an admin; messageId null unpins.' })
  async pinWebinarMessage(@CurrentUser() user: AuthUser, @Args() args: PinWebinarMessageArgs): Promise<Webinar> {
    await this.threads.pin(user, args.webinarId, args.messageId ?? null);
    return this.queries.get(user, args.webinarId, 'webinarId');
  }

  @Roles('organiser')
  @Mutation(() => Webinar, { description: 'Its organiser or an admin; at most 20 per WHAMinar.' })
  async addWebinarResource(
    @CurrentUser() user: AuthUser,
    @Args() args: WebinarRefArgs,
    @Args('input') input: WebinarResourceInput,
  ): Promise<Webinar> {
    await this.threads.addResource(user, args.webinarId, input);
    return this.queries.get(user, args.webinarId, 'webinarId');
  }

  @Roles('organiser')
  @Mutation(() => Webinar, { description: 'Its organiser or an admin.' })
  async removeWebinarResource(@CurrentUser() user: AuthUser, @Args('resourceId', { type: () => ID }) resourceId: string): Promise<Webinar> {
    const webinarId = await this.threads.removeResource(user, resourceId);
    return this.queries.get(user, webinarId, 'resourceId');
  }

  @ResolveField(() => Conversation, { nullable: true, description: 'The conversation itself, for members; null otherwise.' })
  async conversation(@Parent() thread: WebinarThread): Promise<Conversation | null> {
    if (!thread.isMember || !thread.viewerId) return null;
    return this.conversations.get(thread.viewerId, thread.conversationId);
  }

  @ResolveField(() => Message, { nullable: true, description: 'The message the organiser pinned, for members; null otherwise.' })
  async pinnedMessage(@Parent() thread: WebinarThread): Promise<Message | null> {
    if (!thread.isMember || !thread.viewerId || !thread.pinnedMessageId) return null;
    const [message] = await this.messages.findVisible(thread.viewerId, [thread.pinnedMessageId]);
    return message ? toMessageModel(message, thread.viewerId) : null;
  }
}
