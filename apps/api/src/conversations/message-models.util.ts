import type { SocketMessage, SocketReaction } from '@kindred/domain';
import type { Message } from './models/message.model';

/** A `messages` row as the SQL in MessagesService selects it (see MESSAGE_COLUMNS). */
export interface MessageRow {
  id: string;
  conversation_id: string;
  seq: string | number;
  client_id: string;
  author_id: string | null;
  author_name: string | null;
  author_profession: string | null;
  body: string;
  parent_id: string | null;
  mention_ids: string[];
  created_at: Date;
  edited_at: Date | null;
  deleted_at: Date | null;
  hidden_at: Date | null;
}

/** Columns for MessageRow, from `messages m LEFT JOIN users u ON u.id = m.author_id`. */
export const MESSAGE_COLUMNS = `m.id, m.conversation_id, m.seq, m.client_id, m.author_id,
  u.display_name AS author_name, u.profession AS author_profession, m.body, m.parent_id, m.mention_ids,
  m.created_at, m.edited_at, m.deleted_at, m.hidden_at`;

/** The stored message with its reactions: everything any view of it needs. */
export interface StoredMessage {
  id: string;
  conversationId: string;
  seq: number;
  clientId: string;
  authorId: string | null;
  authorName: string | null;
  authorProfession: string | null;
  /** Null when deleted or hidden: the text never leaves the API then. */
  body: string | null;
  parentId: string | null;
  mentionIds: string[];
  reactions: SocketReaction[];
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
  hiddenAt: Date | null;
}

export function toStoredMessage(row: MessageRow, reactions: SocketReaction[] = []): StoredMessage {
  const gone = row.deleted_at !== null || row.hidden_at !== null;
  return {
    id: row.id,
    conversationId: row.conversation_id,
    seq: Number(row.seq),
    clientId: row.client_id,
    authorId: row.author_id,
    authorName: row.author_name,
    authorProfession: row.author_profession,
    body: gone ? null : row.body,
    parentId: row.parent_id,
    mentionIds: gone ? [] : (row.mention_ids ?? []),
    reactions: gone ? [] : reactions,
    createdAt: row.created_at,
    editedAt: row.edited_at,
    deletedAt: row.deleted_at,
    hiddenAt: row.hidden_at,
  };
}

/** The wire form for sockets: same for every recipient (no per-viewer fields). */
export function toSocketMessage(m: StoredMessage): SocketMessage {
  return {
    id: m.id,
    conversationId: m.conversationId,
    seq: m.seq,
    clientId: m.clientId,
    author: m.authorId ? { id: m.authorId, displayName: m.authorName ?? '', profession: m.authorProfession ?? '' } : null,
    body: m.body,
    parentId: m.parentId,
    mentionIds: m.mentionIds,
    reactions: m.reactions,
    createdAt: m.createdAt.toISOString(),
    editedAt: m.editedAt?.toISOString() ?? null,
    deletedAt: m.deletedAt?.toISOString() ?? null,
    hiddenAt: m.hiddenAt?.toISOString() ?? null,
  };
}

/** The GraphQL form, as `viewerId` sees it. */
export function toMessageModel(m: StoredMessage, viewerId: string): Message {
  return {
    id: m.id,
    conversationId: m.conversationId,
    seq: m.seq,
    clientId: m.clientId,
    authorId: m.authorId,
    body: m.body,
    parentId: m.parentId,
    mentionIds: m.mentionIds,
    reactions: m.reactions.map((r) => ({ ...r, reactedByMe: r.userIds.includes(viewerId) })),
    createdAt: m.createdAt,
    editedAt: m.editedAt,
    deletedAt: m.deletedAt,
    hiddenAt: m.hiddenAt,
    isMine: m.authorId === viewerId,
  };
}

/** Groups reaction rows into per-message lists, emoji in first-use order. */
export function groupReactions(
  rows: ReadonlyArray<{ message_id: string; emoji: string; user_ids: string[] }>,
): Map<string, SocketReaction[]> {
  const byMessage = new Map<string, SocketReaction[]>();
  for (const row of rows) {
    const list = byMessage.get(row.message_id) ?? [];
    list.push({ emoji: row.emoji, count: row.user_ids.length, userIds: row.user_ids });
    byMessage.set(row.message_id, list);
  }
  return byMessage;
}
