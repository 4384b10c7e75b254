import { gql, type TypedDocumentNode } from '@apollo/client';
import type {
  Conversation,
  ConversationConnection,
  CreateGroupConversationInput,
  Message,
  MessageConnection,
  MessagingSettings,
  MessagingSettingsInput,
  SendMessageInput,
  StartDirectConversationInput,
} from './conversations.types';

/** A person in a conversation (the same fields as a project's owner). */
export const CONVERSATION_PERSON_FIELDS = gql`
  fragment ConversationPersonFields on Clinician {
    id
    displayName
    profession
    professionLabel
    specialty
    organisation
    role
  }
`;

export const THREAD_MESSAGE_FIELDS = gql`
  fragment ThreadMessageFields on Message {
    id
    conversationId
    seq
    clientId
    author {
      ...ConversationPersonFields
    }
    body
    parentId
    parent {
      id
      seq
      author {
        ...ConversationPersonFields
      }
      body
      deletedAt
      hiddenAt
    }
    mentionIds
    reactions {
      emoji
      count
      userIds
      reactedByMe
    }
    createdAt
    editedAt
    deletedAt
    hiddenAt
    isMine
  }
  ${CONVERSATION_PERSON_FIELDS}
`;

export const CONVERSATION_FIELDS = gql`
  fragment ConversationFields on Conversation {
    id
    kind
    status
    title
    displayTitle
    members {
      user {
        ...ConversationPersonFields
      }
      role
      lastReadSeq
      joinedAt
    }
    memberCount
    myRole
    createdBy {
      ...ConversationPersonFields
    }
    isIncomingRequest
    lastMessage {
      id
      seq
      author {
        id
        displayName
      }
      body
      createdAt
      deletedAt
      hiddenAt
      isMine
    }
    lastMessageAt
    unreadCount
    lastSeq
    createdAt
    otherMember {
      ...ConversationPersonFields
    }
  }
  ${CONVERSATION_PERSON_FIELDS}
`;

export interface MyConversationsVariables {
  first?: number;
  after?: string | null;
  /** true: only message requests waiting for my answer. */
  requests?: boolean | null;
}

/** My conversations by last activity. */
export const MY_CONVERSATIONS: TypedDocumentNode<{ myConversations: ConversationConnection }, MyConversationsVariables> = gql`
  query MyConversations($first: Int, $after: String, $requests: Boolean) {
    myConversations(first: $first, after: $after, requests: $requests) {
      nodes {
        ...ConversationFields
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
  ${CONVERSATION_FIELDS}
`;

/** Members only (NOT_A_MEMBER / NOT_FOUND otherwise). */
export const CONVERSATION: TypedDocumentNode<{ conversation: Conversation }, { id: string }> = gql`
  query Conversation($id: ID!) {
    conversation(id: $id) {
      ...ConversationFields
    }
  }
  ${CONVERSATION_FIELDS}
`;

export interface ConversationMessagesVariables {
  conversationId: string;
  first?: number;
  /** A cursor from a previous page: older messages. */
  before?: string | null;
}

/** Newest first; `first` up to 100. */
export const CONVERSATION_MESSAGES: TypedDocumentNode<{ conversationMessages: MessageConnection }, ConversationMessagesVariables> = gql`
  query ConversationMessages($conversationId: ID!, $first: Int, $before: String) {
    conversationMessages(conversationId: $conversationId, first: $first, before: $before) {
      nodes {
        ...ThreadMessageFields
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
  ${THREAD_MESSAGE_FIELDS}
`;

export const UNREAD_MESSAGE_COUNT: TypedDocumentNode<{ unreadMessageCount: number }, Record<string, never>> = gql`
  query UnreadMessageCount {
    unreadMessageCount
  }
`;

export const MESSAGING_SETTINGS: TypedDocumentNode<{ messagingSettings: MessagingSettings }, Record<string, never>> = gql`
  query MessagingSettings {
    messagingSettings {
      messagePolicy
      emailDigest
    }
  }
`;

export const UPDATE_MESSAGING_SETTINGS: TypedDocumentNode<
  { updateMessagingSettings: MessagingSettings },
  { input: MessagingSettingsInput }
> = gql`
  mutation UpdateMessagingSettings($input: MessagingSettingsInput!) {
    updateMessagingSettings(input: $input) {
      messagePolicy
      emailDigest
    }
  }
`;

/** Returns the existing direct conversation with that person, or starts one (a request). */
export const START_DIRECT_CONVERSATION: TypedDocumentNode<
  { startDirectConversation: Conversation },
  { input: StartDirectConversationInput }
> = gql`
  mutation StartDirectConversation($input: StartDirectConversationInput!) {
    startDirectConversation(input: $input) {
      ...ConversationFields
    }
  }
  ${CONVERSATION_FIELDS}
`;

export const CREATE_GROUP_CONVERSATION: TypedDocumentNode<
  { createGroupConversation: Conversation },
  { input: CreateGroupConversationInput }
> = gql`
  mutation CreateGroupConversation($input: CreateGroupConversationInput!) {
    createGroupConversation(input: $input) {
      ...ConversationFields
    }
  }
  ${CONVERSATION_FIELDS}
`;

export const ACCEPT_MESSAGE_REQUEST: TypedDocumentNode<{ acceptMessageRequest: Conversation }, { conversationId: string }> = gql`
  mutation AcceptMessageRequest($conversationId: ID!) {
    acceptMessageRequest(conversationId: $conversationId) {
      ...ConversationFields
    }
  }
  ${CONVERSATION_FIELDS}
`;

export const DECLINE_MESSAGE_REQUEST: TypedDocumentNode<{ declineMessageRequest: Conversation }, { conversationId: string }> = gql`
  mutation DeclineMessageRequest($conversationId: ID!) {
    declineMessageRequest(conversationId: $conversationId) {
      ...ConversationFields
    }
  }
  ${CONVERSATION_FIELDS}
`;

export const LEAVE_CONVERSATION: TypedDocumentNode<{ leaveConversation: boolean }, { conversationId: string }> = gql`
  mutation LeaveConversation($conversationId: ID!) {
    leaveConversation(conversationId: $conversationId)
  }
`;

/** The GraphQL path for a send, used when the socket is down; the same clientId keeps it idempotent. */
export const SEND_MESSAGE: TypedDocumentNode<{ sendMessage: Message }, { input: SendMessageInput }> = gql`
  mutation SendMessage($input: SendMessageInput!) {
    sendMessage(input: $input) {
      ...ThreadMessageFields
    }
  }
  ${THREAD_MESSAGE_FIELDS}
`;

export const EDIT_MESSAGE: TypedDocumentNode<{ editMessage: Message }, { messageId: string; body: string }> = gql`
  mutation EditMessage($messageId: ID!, $body: String!) {
    editMessage(messageId: $messageId, body: $body) {
      ...ThreadMessageFields
    }
  }
  ${THREAD_MESSAGE_FIELDS}
`;

export const DELETE_MESSAGE: TypedDocumentNode<{ deleteMessage: Message }, { messageId: string }> = gql`
  mutation DeleteMessage($messageId: ID!) {
    deleteMessage(messageId: $messageId) {
      ...ThreadMessageFields
    }
  }
  ${THREAD_MESSAGE_FIELDS}
`;

export const REACT_TO_MESSAGE: TypedDocumentNode<{ reactToMessage: Message }, { messageId: string; emoji: string; on: boolean }> = gql`
  mutation ReactToMessage($messageId: ID!, $emoji: String!, $on: Boolean!) {
    reactToMessage(messageId: $messageId, emoji: $emoji, on: $on) {
      ...ThreadMessageFields
    }
  }
  ${THREAD_MESSAGE_FIELDS}
`;

/** Moves my read mark to `messageId` (default the newest); never back. */
export const MARK_CONVERSATION_READ: TypedDocumentNode<
  { markConversationRead: Pick<Conversation, 'id' | 'unreadCount'> & { readonly __typename?: 'Conversation' } },
  { conversationId: string; messageId?: string | null }
> = gql`
  mutation MarkConversationRead($conversationId: ID!, $messageId: ID) {
    markConversationRead(conversationId: $conversationId, messageId: $messageId) {
      id
      unreadCount
    }
  }
`;
