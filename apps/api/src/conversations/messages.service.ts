import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { GraphQLError } from 'graphql';
import { DataSource, EntityManager } from 'typeorm';
import { ERROR_CODES, MESSAGING_LIMITS, SOCKET_EVENTS, type SocketReaction } from '@kindred/domain';
import { apiError, badInput, notFound } from '../common/graphql-errors.util';
import { MetricsService } from '../observability/metrics.service';
import { RealtimeService } from '../realtime/realtime.service';
import type { SendMessageInput } from './dto/message.inputs';
import { MessageNotificationsService } from './message-notifications.service';
import { SendBatcher } from './send-batcher';
import {
  groupReactions,
  MESSAGE_COLUMNS,
  type MessageRow,
  type StoredMessage,
  toSocketMessage,
  toStoredMessage,
} from './message-models.util';

/** A member's view of a conversation, read in the same statement as the membership. */
interface Access {
  kind: string;
  status: string;
  memberIds: string[];
  /** Members who have blocked the user or whom the user has blocked. */
  blockedMemberIds: string[];
}

interface AccessRow {
  kind: string;
  status: string;
  member_ids: string[];
  blocked_ids: string[];
}

/** The GraphQL error for a send the database refused. */
export function sendRefusal(outcome: string, detail: string | null): GraphQLError {
  switch (outcome) {
    case 'NOT_FOUND':
      return notFound('Conversation', 'input.conversationId');
    case 'NOT_A_MEMBER':
      return apiError(ERROR_CODES.notAMember, 'You are not a member of this conversation.', 'input.conversationId');
    case 'CLIENT_ID_REUSED':
      return badInput('input.clientId', 'This clientId was already used for a message in another conversation.');
    case 'MESSAGING_CLOSED':
      return apiError(
        ERROR_CODES.messagingClosed,
        detail === 'declined'
          ? 'This message request was declined: no more messages can be sent.'
          : detail === 'alone'
            ? 'The other person has left Kindred.'
            : 'This conversation is closed to new messages.',
      );
    case 'THREAD_NOT_OPEN':
      return apiError(ERROR_CODES.threadNotOpen, `This thread opens for posting when the WHAMinar starts (${detail}).`, undefined, {
        opensAt: detail,
      });
    case 'REQUEST_PENDING':
      return apiError(ERROR_CODES.requestPending, 'Accept this message request before replying.');
    case 'BLOCKED':
      return apiError(ERROR_CODES.blocked, 'You cannot message this person: one of you has blocked the other.');
    case 'RATE_LIMITED':
      return apiError(
        ERROR_CODES.rateLimited,
        `You can send at most ${MESSAGING_LIMITS.floodMessages} messages in ${MESSAGING_LIMITS.floodWindowSeconds} seconds; wait a moment.`,
      );
    case 'BAD_MENTIONS':
      return badInput('input.mentionIds', 'You can only mention members of this conversation.');
    case 'BAD_PARENT':
      return badInput('input.parentId', 'parentId must be a message in this conversation.');
    default:
      return new GraphQLError(`Unexpected send outcome ${outcome}`);
  }
}

export interface SendResult {
  message: StoredMessage;
  /** False when the client id had already been used: the stored message is returned as is. */
  created: boolean;
}

export interface ReadResult {
  conversationId: string;
  seq: number;
  messageId: string;
  unreadCount: number;
}

export interface MessagePage {
  messages: StoredMessage[];
  hasMore: boolean;
}

const BLOCKED_EITHER_WAY = `(SELECT blocked_id FROM blocks WHERE blocker_id = $USER
  UNION SELECT blocker_id FROM blocks WHERE blocked_id = $USER)`;

/** `BLOCKED_EITHER_WAY` with the user's parameter number filled in. */
const blockedSql = (param: string) => BLOCKED_EITHER_WAY.replaceAll('$USER', param);

/**
 * Owns `messages` and `message_reactions`, and each member's read mark. Every operation checks
 * who is asking (a member; the author for edits and deletes) inside the statement or transaction
 * that acts, stores first and only then emits to the conversation's room, so a message a client
 * saw is always a stored one.
 *
 * Sending takes a per-author advisory lock for its transaction: a retried client id and flood
 * control are then exact even with several API instances, and the conversation row's update
 * numbers messages in commit order. Concurrent sends are group-committed (SendBatcher).
 */
@Injectable()
export class MessagesService {
  private readonly sends: SendBatcher;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly realtime: RealtimeService,
    private readonly notifier: MessageNotificationsService,
    private readonly metrics: MetricsService,
  ) {
    this.sends = new SendBatcher(db);
  }

  /** How sends were grouped into statements so far (tests, diagnostics). */
  get sendBatching(): SendBatcher['stats'] {
    return this.sends.stats;
  }

  async send(userId: string, input: SendMessageInput): Promise<SendResult> {
    // One statement, shared with the sends queued behind it (group commit): the checks, the
    // numbering and the insert run in kindred_send_message(s)().
    const row = await this.sends.send({
      conversationId: input.conversationId,
      authorId: userId,
      clientId: input.clientId,
      body: input.body,
      parentId: input.parentId ?? null,
      mentionIds: input.mentionIds ?? [],
    });
    if (row.outcome === 'existing') {
      const reactions = await this.reactionsOf([row.id!]);
      return { message: toStoredMessage(row as MessageRow, reactions.get(row.id!)), created: false };
    }
    if (row.outcome !== 'created') throw sendRefusal(row.outcome, row.detail);

    const message = toStoredMessage(row as MessageRow);
    this.metrics.messagesSent.inc();
    const blocked = row.blocked_ids ?? [];
    this.realtime.toConversation(message.conversationId, SOCKET_EVENTS.messageNew, toSocketMessage(message), blocked);
    const recipients = (row.member_ids ?? []).filter((id) => id !== userId && !blocked.includes(id));
    this.notifier.afterSend(message, { kind: row.kind!, status: row.status!, parentAuthorId: row.parent_author }, recipients);
    return { message, created: true };
  }

  async edit(userId: string, messageId: string, body: string): Promise<StoredMessage> {
    const message = await this.db.transaction(async (m) => {
      const row = await this.ownMessageForUpdate(userId, messageId, m);
      const [updated] = (await m.query(
        `WITH upd AS (UPDATE messages SET body = $2, edited_at = now() WHERE id = $1 RETURNING *)
         SELECT ${MESSAGE_COLUMNS} FROM upd m LEFT JOIN users u ON u.id = m.author_id`,
        [row.id, body],
      )) as MessageRow[];
      const reactions = await this.reactionsOf([row.id], m);
      return toStoredMessage(updated!, reactions.get(row.id));
    });
    await this.emitUpdated(message);
    return message;
  }

  /** The author's delete: the message keeps its place, its text is wiped and never shown again. */
  async delete(userId: string, messageId: string): Promise<StoredMessage> {
    const message = await this.db.transaction(async (m) => {
      const row = await this.ownMessageForUpdate(userId, messageId, m);
      const [updated] = (await m.query(
        `WITH upd AS (
           UPDATE messages SET body = '(deleted)', mention_ids = '{}', deleted_at = now() WHERE id = $1 RETURNING *)
         SELECT ${MESSAGE_COLUMNS} FROM upd m LEFT JOIN users u ON u.id = m.author_id`,
        [row.id],
      )) as MessageRow[];
      await m.query(`DELETE FROM message_reactions WHERE message_id = $1`, [row.id]);
      return toStoredMessage(updated!);
    });
    await this.emitUpdated(message);
    return message;
  }

  async react(userId: string, messageId: string, emoji: string, on: boolean): Promise<StoredMessage> {
    const message = await this.db.transaction(async (m) => {
      const row = await this.visibleMessage(userId, messageId, m);
      if (row.deleted_at || row.hidden_at) throw badInput('messageId', 'This message was deleted or hidden: it takes no reactions.');
      if (on) {
        await m.query(`INSERT INTO message_reactions (message_id, user_id, emoji) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [
          messageId,
          userId,
          emoji,
        ]);
      } else {
        await m.query(`DELETE FROM message_reactions WHERE message_id = $1 AND user_id = $2 AND emoji = $3`, [messageId, userId, emoji]);
      }
      const reactions = await this.reactionsOf([messageId], m);
      return toStoredMessage(row, reactions.get(messageId));
    });
    await this.emitUpdated(message);
    return message;
  }

  /** A moderator's hide (no membership check: only the moderation service calls this). */
  async hide(messageId: string): Promise<StoredMessage | null> {
    const [row] = (await this.db.query(
      `WITH upd AS (UPDATE messages SET hidden_at = coalesce(hidden_at, now()) WHERE id = $1 RETURNING *)
       SELECT ${MESSAGE_COLUMNS} FROM upd m LEFT JOIN users u ON u.id = m.author_id`,
      [messageId],
    )) as MessageRow[];
    if (!row) return null;
    const message = toStoredMessage(row);
    await this.emitUpdated(message);
    return message;
  }

  /** Whether the user is a member of the message's conversation (for reports). */
  async canSee(userId: string, messageId: string): Promise<boolean> {
    const rows = await this.db.query(
      `SELECT 1 FROM messages m JOIN conversation_members cm ON cm.conversation_id = m.conversation_id AND cm.user_id = $2
        WHERE m.id = $1`,
      [messageId, userId],
    );
    return rows.length > 0;
  }

  /**
   * Moves the reader's mark forward to `messageId` (default: the newest message) and tells the
   * other members (read receipts). Never moves it back.
   */
  async markRead(userId: string, conversationId: string, messageId: string | null, field = 'messageId'): Promise<ReadResult> {
    await this.access(userId, conversationId, this.db.manager, 'conversationId');
    let target: { id: string; seq: number } | null = null;
    if (messageId) {
      const [row] = (await this.db.query(`SELECT id, seq FROM messages WHERE id = $1 AND conversation_id = $2`, [messageId, conversationId])) as Array<{
        id: string;
        seq: string;
      }>;
      if (!row) throw badInput(field, 'messageId must be a message in this conversation.');
      target = { id: row.id, seq: Number(row.seq) };
    } else {
      const [row] = (await this.db.query(`SELECT id, seq FROM messages WHERE conversation_id = $1 ORDER BY seq DESC LIMIT 1`, [
        conversationId,
      ])) as Array<{ id: string; seq: string }>;
      if (row) target = { id: row.id, seq: Number(row.seq) };
    }
    let moved = false;
    if (target) {
      const [, affected] = (await this.db.query(
        `UPDATE conversation_members SET last_read_seq = $3
          WHERE conversation_id = $1 AND user_id = $2 AND last_read_seq < $3`,
        [conversationId, userId, target.seq],
      )) as [unknown, number];
      moved = affected > 0;
    }
    const unreadCount = await this.unreadIn(userId, conversationId);
    const result = { conversationId, seq: target?.seq ?? 0, messageId: target?.id ?? '', unreadCount };
    if (moved && target) {
      const blocked = await this.blockedAmongMembers(userId, conversationId);
      this.realtime.toConversation(
        conversationId,
        SOCKET_EVENTS.readUpdate,
        { conversationId, userId, messageId: target.id, seq: target.seq },
        blocked,
      );
    }
    return result;
  }

  /** Newest first; `before` is the seq the previous page ended at. */
  async history(userId: string, conversationId: string, first: number, before: number | null): Promise<MessagePage> {
    await this.access(userId, conversationId, this.db.manager, 'conversationId');
    const rows = (await this.db.query(
      `SELECT ${MESSAGE_COLUMNS} FROM messages m LEFT JOIN users u ON u.id = m.author_id
        WHERE m.conversation_id = $1 AND ($3::bigint IS NULL OR m.seq < $3)
          AND (m.author_id IS NULL OR m.author_id NOT IN ${blockedSql('$2')})
        ORDER BY m.seq DESC LIMIT $4`,
      [conversationId, userId, before, first + 1],
    )) as MessageRow[];
    return this.page(rows, first);
  }

  /** Catch-up: messages after `afterMessageId` (or from the start), oldest first. */
  async after(userId: string, conversationId: string, afterMessageId: string | null, limit: number): Promise<MessagePage> {
    await this.access(userId, conversationId, this.db.manager, 'conversationId');
    let afterSeq = 0;
    if (afterMessageId) {
      const [row] = (await this.db.query(`SELECT seq FROM messages WHERE id = $1 AND conversation_id = $2`, [
        afterMessageId,
        conversationId,
      ])) as Array<{ seq: string }>;
      if (!row) throw badInput('afterMessageId', 'afterMessageId must be a message in this conversation.');
      afterSeq = Number(row.seq);
    }
    const rows = (await this.db.query(
      `SELECT ${MESSAGE_COLUMNS} FROM messages m LEFT JOIN users u ON u.id = m.author_id
        WHERE m.conversation_id = $1 AND m.seq > $3
          AND (m.author_id IS NULL OR m.author_id NOT IN ${blockedSql('$2')})
        ORDER BY m.seq ASC LIMIT $4`,
      [conversationId, userId, afterSeq, limit + 1],
    )) as MessageRow[];
    return this.page(rows, limit);
  }

  /** Messages by id, each only if the viewer is a member of its conversation. */
  async findVisible(userId: string, ids: readonly string[]): Promise<StoredMessage[]> {
    if (!ids.length) return [];
    const rows = (await this.db.query(
      `SELECT ${MESSAGE_COLUMNS} FROM messages m LEFT JOIN users u ON u.id = m.author_id
        JOIN conversation_members cm ON cm.conversation_id = m.conversation_id AND cm.user_id = $2
        WHERE m.id = ANY($1::uuid[])`,
      [ids, userId],
    )) as MessageRow[];
    const reactions = await this.reactionsOf(rows.map((r) => r.id));
    return rows.map((r) => toStoredMessage(r, reactions.get(r.id)));
  }

  /** Messages by id with no viewer check: for admins' moderation queue only. */
  async findForModeration(ids: readonly string[]): Promise<Map<string, StoredMessage & { storedBody: string }>> {
    if (!ids.length) return new Map();
    const rows = (await this.db.query(
      `SELECT ${MESSAGE_COLUMNS} FROM messages m LEFT JOIN users u ON u.id = m.author_id WHERE m.id = ANY($1::uuid[])`,
      [ids],
    )) as MessageRow[];
    return new Map(rows.map((r) => [r.id, { ...toStoredMessage(r), storedBody: r.body }]));
  }

  async unreadIn(userId: string, conversationId: string): Promise<number> {
    const [row] = (await this.db.query(
      `SELECT count(*)::int AS n FROM conversation_members cm
         JOIN messages m ON m.conversation_id = cm.conversation_id AND m.seq > cm.last_read_seq
        WHERE cm.conversation_id = $1 AND cm.user_id = $2
          AND m.author_id IS DISTINCT FROM $2 AND m.deleted_at IS NULL AND m.hidden_at IS NULL
          AND (m.author_id IS NULL OR m.author_id NOT IN ${blockedSql('$2')})`,
      [conversationId, userId],
    )) as Array<{ n: number }>;
    return row?.n ?? 0;
  }

  /** Unread messages across the user's live conversations. */
  async unreadTotal(userId: string): Promise<number> {
    const [row] = (await this.db.query(
      `SELECT count(*)::int AS n FROM conversation_members cm
         JOIN conversations c ON c.id = cm.conversation_id AND c.status IN ('open', 'request', 'closed')
         JOIN messages m ON m.conversation_id = cm.conversation_id AND m.seq > cm.last_read_seq
        WHERE cm.user_id = $1
          AND m.author_id IS DISTINCT FROM $1 AND m.deleted_at IS NULL AND m.hidden_at IS NULL
          AND (m.author_id IS NULL OR m.author_id NOT IN ${blockedSql('$1')})`,
      [userId],
    )) as Array<{ n: number }>;
    return row?.n ?? 0;
  }

  /**
   * The user's membership and what they may do; NOT_FOUND for an unknown conversation and
   * NOT_A_MEMBER for someone else's.
   */
  async access(userId: string, conversationId: string, m: EntityManager = this.db.manager, field = 'conversationId'): Promise<Access> {
    const [row] = (await m.query(
      `SELECT c.kind, c.status,
         (SELECT coalesce(array_agg(user_id), '{}') FROM conversation_members WHERE conversation_id = c.id) AS member_ids,
         ARRAY(${blockedSql('$2')}) AS blocked_ids
       FROM conversations c WHERE c.id = $1`,
      [conversationId, userId],
    )) as AccessRow[];
    return this.accessFrom(row, userId, field);
  }

  /** Who among the conversation's members has a block with the user (either way). */
  async blockedAmongMembers(userId: string, conversationId: string): Promise<string[]> {
    const rows: Array<{ user_id: string }> = await this.db.query(
      `SELECT user_id FROM conversation_members WHERE conversation_id = $1 AND user_id IN ${blockedSql('$2')}`,
      [conversationId, userId],
    );
    return rows.map((r) => r.user_id);
  }

  private accessFrom(row: AccessRow | undefined, userId: string, field: string): Access {
    if (!row) throw notFound('Conversation', field);
    const memberIds = row.member_ids ?? [];
    if (!memberIds.includes(userId)) {
      throw apiError(ERROR_CODES.notAMember, 'You are not a member of this conversation.', field);
    }
    const blocked = new Set(row.blocked_ids ?? []);
    return {
      kind: row.kind,
      status: row.status,
      memberIds,
      blockedMemberIds: memberIds.filter((id) => blocked.has(id)),
    };
  }

  /** The user's own message, locked for the update; NOT_FOUND, NOT_A_MEMBER or FORBIDDEN otherwise. */
  private async ownMessageForUpdate(userId: string, messageId: string, m: EntityManager): Promise<MessageRow> {
    const row = await this.visibleMessage(userId, messageId, m, true);
    if (row.author_id !== userId) throw apiError(ERROR_CODES.forbidden, 'Only its author can change a message.', 'messageId');
    if (row.deleted_at) throw badInput('messageId', 'This message was deleted.');
    if (row.hidden_at) throw badInput('messageId', 'This message was hidden by a moderator.');
    return row;
  }

  private async visibleMessage(userId: string, messageId: string, m: EntityManager, lock = false): Promise<MessageRow> {
    const [row] = (await m.query(
      `SELECT ${MESSAGE_COLUMNS}, EXISTS (
           SELECT 1 FROM conversation_members cm WHERE cm.conversation_id = m.conversation_id AND cm.user_id = $2) AS is_member
         FROM messages m LEFT JOIN users u ON u.id = m.author_id WHERE m.id = $1 ${lock ? 'FOR UPDATE OF m' : ''}`,
      [messageId, userId],
    )) as Array<MessageRow & { is_member: boolean }>;
    if (!row) throw notFound('Message', 'messageId');
    if (!row.is_member) throw apiError(ERROR_CODES.notAMember, 'You are not a member of this conversation.', 'messageId');
    return row;
  }

  private async emitUpdated(message: StoredMessage): Promise<void> {
    const blocked = message.authorId ? await this.blockedAmongMembers(message.authorId, message.conversationId) : [];
    this.realtime.toConversation(message.conversationId, SOCKET_EVENTS.messageUpdated, toSocketMessage(message), blocked);
  }

  private async page(rows: MessageRow[], limit: number): Promise<MessagePage> {
    const kept = rows.slice(0, limit);
    const reactions = await this.reactionsOf(kept.map((r) => r.id));
    return { messages: kept.map((r) => toStoredMessage(r, reactions.get(r.id))), hasMore: rows.length > limit };
  }

  async reactionsOf(ids: readonly string[], m: EntityManager = this.db.manager): Promise<Map<string, SocketReaction[]>> {
    if (!ids.length) return new Map();
    const rows: Array<{ message_id: string; emoji: string; user_ids: string[] }> = await m.query(
      `SELECT message_id, emoji, array_agg(user_id ORDER BY created_at, user_id) AS user_ids
         FROM message_reactions WHERE message_id = ANY($1::uuid[])
        GROUP BY message_id, emoji ORDER BY message_id, min(created_at)`,
      [ids],
    );
    return groupReactions(rows);
  }
}
