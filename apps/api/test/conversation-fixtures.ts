import { randomUUID } from 'node:crypto';
import type { SignedUpUser } from './fixtures';
import type { TestApp } from './test-app';

export interface ConversationSummary {
  id: string;
  kind: string;
  status: string;
  isIncomingRequest: boolean;
  unreadCount: number;
  lastSeq: number;
  memberCount: number;
  displayTitle: string;
}

export const CONVERSATION_FIELDS = `id kind status isIncomingRequest unreadCount lastSeq memberCount displayTitle`;
export const MESSAGE_FIELDS = `id conversationId seq clientId body parentId mentionIds isMine createdAt editedAt deletedAt hiddenAt
  author { id displayName } reactions { emoji count userIds reactedByMe }`;

const START = `mutation($input: StartDirectConversationInput!) { startDirectConversation(input: $input) { ${CONVERSATION_FIELDS} } }`;
const ACCEPT = `mutation($id: ID!) { acceptMessageRequest(conversationId: $id) { ${CONVERSATION_FIELDS} } }`;
const GROUP = `mutation($input: CreateGroupConversationInput!) { createGroupConversation(input: $input) { ${CONVERSATION_FIELDS} } }`;
export const SEND = `mutation($input: SendMessageInput!) { sendMessage(input: $input) { ${MESSAGE_FIELDS} } }`;

/** A's direct conversation with B, accepted by B (open), through the real mutations. */
export async function openDirect(t: TestApp, a: SignedUpUser, b: SignedUpUser): Promise<string> {
  const started = await t.gql<{ startDirectConversation: ConversationSummary }>(START, { input: { userId: b.id } }, a.token);
  const id = started.data?.startDirectConversation.id;
  if (!id) throw new Error(`startDirectConversation failed: ${JSON.stringify(started.errors)}`);
  const accepted = await t.gql(ACCEPT, { id }, b.token);
  if (accepted.errors) throw new Error(`accept failed: ${JSON.stringify(accepted.errors)}`);
  return id;
}

export async function createGroup(t: TestApp, owner: SignedUpUser, members: SignedUpUser[], title = 'Child poverty leads'): Promise<string> {
  const res = await t.gql<{ createGroupConversation: ConversationSummary }>(
    GROUP,
    { input: { title, memberIds: members.map((m) => m.id) } },
    owner.token,
  );
  const id = res.data?.createGroupConversation.id;
  if (!id) throw new Error(`createGroupConversation failed: ${JSON.stringify(res.errors)}`);
  return id;
}

export interface SentMessage {
  id: string;
  seq: number;
  clientId: string;
  body: string | null;
  parentId: string | null;
}

export async function sendGql(t: TestApp, user: SignedUpUser, conversationId: string, body: string, extra: Record<string, unknown> = {}) {
  return t.gql<{ sendMessage: SentMessage }>(SEND, { input: { conversationId, clientId: randomUUID(), body, ...extra } }, user.token);
}

export async function send(t: TestApp, user: SignedUpUser, conversationId: string, body: string, extra: Record<string, unknown> = {}): Promise<SentMessage> {
  const res = await sendGql(t, user, conversationId, body, extra);
  if (!res.data?.sendMessage) throw new Error(`sendMessage failed: ${JSON.stringify(res.errors)}`);
  return res.data.sendMessage;
}
