import type { Clinician, Conversation, ConversationMember, Message } from '@kindred/api-client';
import type { SocketMessage } from '@kindred/domain';

export const ME_ID = 'user-1';
export const OTHER_ID = 'user-2';

export function personFixture(overrides: Partial<Clinician> = {}): Clinician {
  return {
    __typename: 'Clinician',
    id: OTHER_ID,
    displayName: 'Sam Okafor',
    profession: 'nurse',
    professionLabel: 'Nurse',
    specialty: null,
    organisation: 'Bradford Community Health',
    role: 'clinician',
    ...overrides,
  };
}

export const ME_PERSON = personFixture({ id: ME_ID, displayName: 'Dr Asha Patel', profession: 'doctor', professionLabel: 'Doctor', specialty: 'Paediatrics', organisation: 'Leeds Children’s Hospital' });
export const OTHER_PERSON = personFixture();

export function memberFixture(user: Clinician, overrides: Partial<ConversationMember> = {}): ConversationMember {
  return { __typename: 'ConversationMember', user, role: 'member', lastReadSeq: 0, joinedAt: '2026-03-01T09:00:00.000Z', ...overrides };
}

export function conversationFixture(overrides: Partial<Conversation> = {}): Conversation {
  return {
    __typename: 'Conversation',
    id: 'conv-1',
    kind: 'direct',
    status: 'open',
    title: null,
    displayTitle: 'Sam Okafor',
    members: [memberFixture(ME_PERSON), memberFixture(OTHER_PERSON)],
    memberCount: 2,
    myRole: 'member',
    createdBy: ME_PERSON,
    isIncomingRequest: false,
    lastMessage: null,
    lastMessageAt: null,
    unreadCount: 0,
    lastSeq: 0,
    createdAt: '2026-03-01T09:00:00.000Z',
    otherMember: OTHER_PERSON,
    ...overrides,
  };
}

/** A stored message as GraphQL returns it. */
export function messageFixture(seq: number, overrides: Partial<Message> = {}): Message {
  const author = overrides.author === undefined ? OTHER_PERSON : overrides.author;
  return {
    __typename: 'Message',
    id: `m${seq}`,
    conversationId: 'conv-1',
    seq,
    clientId: `client-${seq}-abcdef`,
    author,
    body: `Message ${seq}`,
    parentId: null,
    parent: null,
    mentionIds: [],
    reactions: [],
    createdAt: `2026-03-01T10:0${seq % 10}:00.000Z`,
    editedAt: null,
    deletedAt: null,
    hiddenAt: null,
    isMine: author?.id === ME_ID,
    ...overrides,
  };
}

/** The same message as the socket carries it. */
export function socketMessageFixture(seq: number, overrides: Partial<SocketMessage> = {}): SocketMessage {
  return {
    id: `m${seq}`,
    conversationId: 'conv-1',
    seq,
    clientId: `client-${seq}-abcdef`,
    author: { id: OTHER_ID, displayName: 'Sam Okafor', profession: 'nurse' },
    body: `Message ${seq}`,
    parentId: null,
    mentionIds: [],
    reactions: [],
    createdAt: `2026-03-01T10:0${seq % 10}:00.000Z`,
    editedAt: null,
    deletedAt: null,
    hiddenAt: null,
    ...overrides,
  };
}
