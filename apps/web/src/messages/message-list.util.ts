import type { Clinician, Message, MessageParent } from '@kindred/api-client';
import type { SocketMessage } from '@kindred/domain';

/** One stored message as a thread holds it: the socket shape, however it arrived (socket or GraphQL). */
export type ThreadMessage = SocketMessage;

/** What a reply quotes of its parent, when the parent is not among the loaded messages. */
export interface QuotedMessage {
  readonly id: string;
  readonly authorName: string | null;
  readonly body: string | null;
  readonly deletedAt: string | null;
  readonly hiddenAt: string | null;
}

function socketAuthor(author: Clinician | null): SocketMessage['author'] {
  return author ? { id: author.id, displayName: author.displayName, profession: author.profession } : null;
}

export function fromGraphQLMessage(message: Message): ThreadMessage {
  return {
    id: message.id,
    conversationId: message.conversationId,
    seq: message.seq,
    clientId: message.clientId,
    author: socketAuthor(message.author),
    body: message.body,
    parentId: message.parentId,
    mentionIds: [...message.mentionIds],
    reactions: message.reactions.map((r) => ({ emoji: r.emoji, count: r.count, userIds: [...r.userIds] })),
    createdAt: message.createdAt,
    editedAt: message.editedAt,
    deletedAt: message.deletedAt,
    hiddenAt: message.hiddenAt,
  };
}

export function quoteOf(message: ThreadMessage | MessageParent): QuotedMessage {
  return {
    id: message.id,
    authorName: message.author?.displayName ?? null,
    body: message.body,
    deletedAt: message.deletedAt,
    hiddenAt: message.hiddenAt,
  };
}

/**
 * Merges messages into a thread: one entry per id, ordered by `seq`. A message seen again (an
 * edit, a reaction, the same message from the ack, the live event and a catch-up) replaces the
 * held copy when `prefer` is "incoming" (live news), or is ignored when "existing" (a page fetched
 * earlier must not undo a live update that arrived while it was on its way).
 */
export function mergeMessages(
  existing: readonly ThreadMessage[],
  incoming: readonly ThreadMessage[],
  prefer: 'incoming' | 'existing' = 'incoming',
): ThreadMessage[] {
  if (incoming.length === 0) return existing as ThreadMessage[];
  const byId = new Map<string, ThreadMessage>();
  for (const m of existing) byId.set(m.id, m);
  let changed = false;
  for (const m of incoming) {
    const held = byId.get(m.id);
    if (held && (prefer === 'existing' || held === m)) continue;
    byId.set(m.id, m);
    changed = true;
  }
  if (!changed) return existing as ThreadMessage[];
  return [...byId.values()].sort((a, b) => a.seq - b.seq);
}

/** The newest message held (highest seq), the point a catch-up (`sync`) starts after. */
export function newestMessage(messages: readonly ThreadMessage[]): ThreadMessage | null {
  let newest: ThreadMessage | null = null;
  for (const m of messages) if (!newest || m.seq > newest.seq) newest = m;
  return newest;
}

/** The newest message written by someone else: what marking the conversation read points at. */
export function newestFromOthers(messages: readonly ThreadMessage[], myId: string | null): ThreadMessage | null {
  for (let i = messages.length - 1; i >= 0; i -= 1) {
    const m = messages[i]!;
    if (m.author?.id !== myId) return m;
  }
  return null;
}

/** My newest message the other person has read up to (the one that shows "Seen"), if any. */
export function seenMessageId(messages: readonly ThreadMessage[], myId: string | null, otherReadSeq: number): string | null {
  for (let i = messages.length - 1; i >= 0; i -= 1) {
    const m = messages[i]!;
    if (m.author?.id === myId && m.seq <= otherReadSeq) return m.id;
  }
  return null;
}
