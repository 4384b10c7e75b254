import { Args, Context, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { badInput } from '../common/graphql-errors.util';
import { CliniciansLoader } from '../clinicians/clinicians.loader';
import { Clinician } from '../clinicians/models/clinician.model';
import {
  ConversationMessagesArgs,
  EditMessageArgs,
  MessageIdArgs,
  ReactArgs,
  SendMessageInput,
} from './dto/message.inputs';
import { toMessageModel } from './message-models.util';
import { MessagesService } from './messages.service';
import { Message, MessageConnection } from './models/message.model';

/** Signed in only; every operation checks membership (and authorship for edits) in the service. */
@Resolver(() => Message)
export class MessagesResolver {
  constructor(
    private readonly messages: MessagesService,
    private readonly people: CliniciansLoader,
  ) {}

  @Query(() => MessageConnection, { description: 'A conversation’s messages, newest first. Members only.' })
  async conversationMessages(@CurrentUser() user: AuthUser, @Args() args: ConversationMessagesArgs): Promise<MessageConnection> {
    let before: number | null = null;
    if (args.before) {
      if (!/^\d{1,15}$/.test(args.before)) throw badInput('before', 'before is not a cursor from this list.');
      before = Number(args.before);
    }
    const page = await this.messages.history(user.id, args.conversationId, args.first ?? 50, before);
    const last = page.messages[page.messages.length - 1];
    return {
      nodes: page.messages.map((m) => toMessageModel(m, user.id)),
      pageInfo: { hasNextPage: page.hasMore, endCursor: last ? String(last.seq) : null },
    };
  }

  @Query(() => Int, { description: 'Unread messages across your conversations.' })
  unreadMessageCount(@CurrentUser() user: AuthUser): Promise<number> {
    return this.messages.unreadTotal(user.id);
  }

  @Mutation(() => Message, { description: 'Stores and delivers a message; the same clientId again returns the stored one.' })
  async sendMessage(@CurrentUser() user: AuthUser, @Args('input') input: SendMessageInput): Promise<Message> {
    const { message } = await this.messages.send(user.id, input);
    return toMessageModel(message, user.id);
  }

  @Mutation(() => Message, { description: 'Author only.' })
  async editMessage(@CurrentUser() user: AuthUser, @Args() args: EditMessageArgs): Promise<Message> {
    return toMessageModel(await this.messages.edit(user.id, args.messageId, args.body), user.id);
  }

  @Mutation(() => Message, { description: 'Author only: the message stays, shown as deleted.' })
  async deleteMessage(@CurrentUser() user: AuthUser, @Args() args: MessageIdArgs): Promise<Message> {
    return toMessageModel(await this.messages.delete(user.id, args.messageId), user.id);
  }

  @Mutation(() => Message, { description: 'Adds (on: true) or removes your reaction.' })
  async reactToMessage(@CurrentUser() user: AuthUser, @Args() args: ReactArgs): Promise<Message> {
    return toMessageModel(await this.messages.react(user.id, args.messageId, args.emoji, args.on), user.id);
  }

  @ResolveField(() => Clinician, { nullable: true })
  author(@Parent() message: Message, @Context('req') req: object | undefined): Promise<Clinician | null> | null {
    return message.authorId ? this.people.forRequest(req).load(message.authorId) : null;
  }

  @ResolveField(() => [Clinician])
  async mentions(@Parent() message: Message, @Context('req') req: object | undefined): Promise<Clinician[]> {
    const found = await this.people.forRequest(req).loadMany(message.mentionIds);
    return found.filter((c): c is Clinician => !!c && !(c instanceof Error));
  }

  @ResolveField(() => Message, { nullable: true, description: 'The message this one replies to.' })
  async parent(@CurrentUser() user: AuthUser, @Parent() message: Message): Promise<Message | null> {
    if (!message.parentId) return null;
    const [parent] = await this.messages.findVisible(user.id, [message.parentId]);
    return parent ? toMessageModel(parent, user.id) : null;
  }
}
