import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { ConversationsService } from './conversations.service';
import {
  AddMembersArgs,
  ConversationArgs,
  ConversationIdArgs,
  CreateGroupConversationInput,
  MemberArgs,
  MessagingSettingsInput,
  MyConversationsArgs,
  RenameConversationArgs,
  StartDirectConversationInput,
} from './dto/conversation.inputs';
import { MarkReadArgs } from './dto/message.inputs';
import { MessagesService } from './messages.service';
import { Conversation, ConversationConnection, MessagingSettings } from './models/conversation.model';

/** Signed in only; a conversation is visible to its members and nobody else. */
@Resolver(() => Conversation)
export class ConversationsResolver {
  constructor(
    private readonly conversations: ConversationsService,
    private readonly messages: MessagesService,
  ) {}

  @Query(() => ConversationConnection, { description: 'Your conversations, most recent activity first.' })
  myConversations(@CurrentUser() user: AuthUser, @Args() args: MyConversationsArgs): Promise<ConversationConnection> {
    return this.conversations.list(user.id, args.first ?? null, args.after ?? null, args.requests ?? false);
  }

  @Query(() => Conversation, { description: 'Members only.' })
  conversation(@CurrentUser() user: AuthUser, @Args() args: ConversationArgs): Promise<Conversation> {
    return this.conversations.get(user.id, args.id);
  }

  @Query(() => MessagingSettings)
  messagingSettings(@CurrentUser() user: AuthUser): Promise<MessagingSettings> {
    return this.conversations.settings(user.id);
  }

  @Mutation(() => Conversation, { description: 'Opens (or returns) your direct conversation with someone; a first one is a request.' })
  startDirectConversation(@CurrentUser() user: AuthUser, @Args('input') input: StartDirectConversationInput): Promise<Conversation> {
    return this.conversations.startDirect(user.id, input);
  }

  @Mutation(() => Conversation)
  createGroupConversation(@CurrentUser() user: AuthUser, @Args('input') input: CreateGroupConversationInput): Promise<Conversation> {
    return this.conversations.createGroup(user.id, input);
  }

  @Mutation(() => Conversation, { description: 'Group owner only.' })
  addConversationMembers(@CurrentUser() user: AuthUser, @Args() args: AddMembersArgs): Promise<Conversation> {
    return this.conversations.addMembers(user.id, args.conversationId, args.userIds);
  }

  @Mutation(() => Conversation, { description: 'Group owner only.' })
  removeConversationMember(@CurrentUser() user: AuthUser, @Args() args: MemberArgs): Promise<Conversation> {
    return this.conversations.removeMember(user.id, args.conversationId, args.userId);
  }

  @Mutation(() => Boolean)
  leaveConversation(@CurrentUser() user: AuthUser, @Args() args: ConversationIdArgs): Promise<boolean> {
    return this.conversations.leave(user.id, args.conversationId);
  }

  @Mutation(() => Conversation, { description: 'Group owner only.' })
  renameConversation(@CurrentUser() user: AuthUser, @Args() args: RenameConversationArgs): Promise<Conversation> {
    return this.conversations.rename(user.id, args.conversationId, args.title);
  }

  @Mutation(() => Conversation, { description: 'The recipient of a message request only.' })
  acceptMessageRequest(@CurrentUser() user: AuthUser, @Args() args: ConversationIdArgs): Promise<Conversation> {
    return this.conversations.answerRequest(user.id, args.conversationId, true);
  }

  @Mutation(() => Conversation, { description: 'The recipient of a message request only.' })
  declineMessageRequest(@CurrentUser() user: AuthUser, @Args() args: ConversationIdArgs): Promise<Conversation> {
    return this.conversations.answerRequest(user.id, args.conversationId, false);
  }

  @Mutation(() => Conversation, { description: 'Moves your read mark forward (to the newest message by default).' })
  async markConversationRead(@CurrentUser() user: AuthUser, @Args() args: MarkReadArgs): Promise<Conversation> {
    await this.messages.markRead(user.id, args.conversationId, args.messageId ?? null);
    return this.conversations.get(user.id, args.conversationId, 'conversationId');
  }

  @Mutation(() => MessagingSettings)
  updateMessagingSettings(@CurrentUser() user: AuthUser, @Args('input') input: MessagingSettingsInput): Promise<MessagingSettings> {
    return this.conversations.updateSettings(user.id, input);
  }
}
