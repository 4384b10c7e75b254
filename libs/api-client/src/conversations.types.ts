import type { ConversationKind, ConversationStatus, MessagePolicy } from '@kindred/domain';
import type { Clinician } from './account.types';
import type { PageInfo } from './project.types';

export interface Reaction {
  readonly __typename?: 'Reaction';
  readonly emoji: string;
  readonly count: number;
  readonly userIds: readonly string[];
  readonly reactedByMe: boolean;
}

/** The quoted parent of a reply (one level deep, so it never has a parent of its own). */
export interface MessageParent {
  readonly __typename?: 'Message';
  readonly id: string;
  readonly seq: number;
  readonly author: Clinician | null;
  /** Null once deleted or hidden. */
  readonly body: string | null;
  readonly deletedAt: string | null;
  readonly hiddenAt: string | null;
}

export interface Message {
  readonly __typename?: 'Message';
  readonly id: string;
  readonly conversationId: string;
  /** 1, 2, 3... within the conversation, in commit order. */
  readonly seq: number;
  readonly clientId: string;
  /** Null once the author's account is deleted. */
  readonly author: Clinician | null;
  /** Null when deleted by its author or hidden by a moderator. */
  readonly body: string | null;
  readonly parentId: string | null;
  readonly parent: MessageParent | null;
  readonly mentionIds: readonly string[];
  readonly reactions: readonly Reaction[];
  /** ISO 8601 date-times. */
  readonly createdAt: string;
  readonly editedAt: string | null;
  readonly deletedAt: string | null;
  readonly hiddenAt: string | null;
  readonly isMine: boolean;
}

export interface MessageConnection {
  readonly __typename?: 'MessageConnection';
  /** Newest first. */
  readonly nodes: readonly Message[];
  readonly pageInfo: PageInfo;
}

export interface ConversationMember {
  readonly __typename?: 'ConversationMember';
  readonly user: Clinician;
  /** owner | member */
  readonly role: string;
  readonly lastReadSeq: number;
  readonly joinedAt: string;
}

/** The last message as the inbox shows it. */
export interface ConversationLastMessage {
  readonly __typename?: 'Message';
  readonly id: string;
  readonly seq: number;
  readonly author: (Pick<Clinician, 'id' | 'displayName'> & { readonly __typename?: 'Clinician' }) | null;
  readonly body: string | null;
  readonly createdAt: string;
  readonly deletedAt: string | null;
  readonly hiddenAt: string | null;
  readonly isMine: boolean;
}

export interface Conversation {
  readonly __typename?: 'Conversation';
  readonly id: string;
  readonly kind: ConversationKind;
  readonly status: ConversationStatus;
  readonly title: string | null;
  /** The title, or for a direct conversation the other person's name. */
  readonly displayTitle: string;
  readonly members: readonly ConversationMember[];
  readonly memberCount: number;
  /** owner | member */
  readonly myRole: string;
  readonly createdBy: Clinician | null;
  /** A request someone sent me, waiting for my answer. */
  readonly isIncomingRequest: boolean;
  readonly lastMessage: ConversationLastMessage | null;
  readonly lastMessageAt: string | null;
  readonly unreadCount: number;
  readonly lastSeq: number;
  readonly createdAt: string;
  /** Direct only: the other person. */
  readonly otherMember: Clinician | null;
}

export interface ConversationConnection {
  readonly __typename?: 'ConversationConnection';
  readonly nodes: readonly Conversation[];
  readonly pageInfo: PageInfo;
}

export interface MessagingSettings {
  readonly __typename?: 'MessagingSettings';
  readonly messagePolicy: MessagePolicy;
  readonly emailDigest: boolean;
}

export interface StartDirectConversationInput {
  userId: string;
  projectId?: string | null;
}

export interface CreateGroupConversationInput {
  title: string;
  memberIds: string[];
}

export interface SendMessageInput {
  conversationId: string;
  /** 8 to 64 of A-Za-z0-9_-: the same author and client id return the stored message (idempotent retry). */
  clientId: string;
  body: string;
  parentId?: string | null;
  mentionIds?: string[];
}

export interface MessagingSettingsInput {
  messagePolicy?: MessagePolicy;
  emailDigest?: boolean;
}
