import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ERROR_CODES, LIMITS, MESSAGING_LIMITS, type Role, SOCKET_EVENTS } from '@kindred/domain';
import { apiError, badInput, forbidden, notFound } from '../common/graphql-errors.util';
import { CliniciansService, isUuid } from '../clinicians/clinicians.service';
import { toClinician } from '../clinicians/clinician-models.util';
import type { Clinician } from '../clinicians/models/clinician.model';
import { decodeProjectCursor, encodeProjectCursor } from '../projects/project-cursor.util';
import { RealtimeService } from '../realtime/realtime.service';
import type { CreateGroupConversationInput, MessagingSettingsInput, StartDirectConversationInput } from './dto/conversation.inputs';
import { MESSAGE_COLUMNS, type MessageRow, toMessageModel, toStoredMessage } from './message-models.util';
import type { Conversation, ConversationConnection, MessagingSettings } from './models/conversation.model';

interface ConversationRow {
  id: string;
  kind: string;
  status: string;
  title: string | null;
  created_by: string | null;
  last_seq: string;
  last_message_at: Date | null;
  created_at: Date;
  my_role: string;
  unread: number;
  cursor_ts: string;
}

interface MemberRow {
  conversation_id: string;
  user_id: string;
  role: string;
  last_read_seq: string;
  joined_at: Date;
}

const blockedOf = (param: string) =>
  `(SELECT blocked_id FROM blocks WHERE blocker_id = ${param} UNION SELECT blocker_id FROM blocks WHERE blocked_id = ${param})`;

/**
 * Owns `conversations` and `conversation_members`: starting direct conversations (as message
 * requests, under the recipient's policy and blocks), groups and their membership, and the inbox.
 * Whenever membership changes, the members' sockets join or leave the conversation's room at once.
 */
@Injectable()
export class ConversationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clinicians: CliniciansService,
    private readonly realtime: RealtimeService,
  ) {}

  async startDirect(userId: string, input: StartDirectConversationInput): Promise<Conversation> {
    const otherId = input.userId;
    if (otherId === userId) throw badInput('input.userId', 'You cannot start a conversation with yourself.');
    const { id, created } = await this.db.transaction(async (m) => {
      await this.assertReachable(userId, [otherId], 'input.userId', m);
      const key = [userId, otherId].sort().join(':');
      const [existing] = (await m.query(`SELECT id, status, created_by FROM conversations WHERE direct_key = $1 FOR UPDATE`, [key])) as Array<{
        id: string;
        status: string;
        created_by: string | null;
      }>;
      if (existing) {
        if (existing.status === 'declined') {
          if (existing.created_by === userId) {
            throw apiError(ERROR_CODES.messagingClosed, 'This person declined your message request.', 'input.userId');
          }
          // The one who declined may change their mind: the conversation opens.
          await m.query(`UPDATE conversations SET status = 'open', updated_at = now() WHERE id = $1`, [existing.id]);
        }
        return { id: existing.id, created: false };
      }
      await this.assertPolicyAllows(userId, otherId, 'input.userId', m);
      const [row] = (await m.query(
        `INSERT INTO conversations (kind, status, direct_key, created_by) VALUES ('direct', 'request', $1, $2)
         ON CONFLICT (direct_key) DO NOTHING RETURNING id`,
        [key, userId],
      )) as Array<{ id: string }>;
      if (!row) {
        const [again] = (await m.query(`SELECT id FROM conversations WHERE direct_key = $1`, [key])) as Array<{ id: string }>;
        return { id: again!.id, created: false };
      }
      await m.query(
        `INSERT INTO conversation_members (conversation_id, user_id, role) VALUES ($1, $2, 'owner'), ($1, $3, 'member')`,
        [row.id, userId, otherId],
      );
      return { id: row.id, created: true };
    });
    if (created) {
      this.realtime.joinConversation([userId, otherId], id);
      this.realtime.toUsers([userId, otherId], SOCKET_EVENTS.conversationUpdated, { conversationId: id, reason: 'request' });
    }
    return this.get(userId, id);
  }

  async createGroup(userId: string, input: CreateGroupConversationInput): Promise<Conversation> {
    if (input.memberIds.includes(userId)) throw badInput('input.memberIds', 'List the other members: you are added as the owner.');
    const id = await this.db.transaction(async (m) => {
      await this.assertReachable(userId, input.memberIds, 'input.memberIds', m);
      for (const other of input.memberIds) await this.assertPolicyAllows(userId, other, 'input.memberIds', m);
      const [row] = (await m.query(`INSERT INTO conversations (kind, status, title, created_by) VALUES ('group', 'open', $1, $2) RETURNING id`, [
        input.title,
        userId,
      ])) as Array<{ id: string }>;
      await m.query(
        `INSERT INTO conversation_members (conversation_id, user_id, role)
         SELECT $1, u, CASE WHEN u = $2 THEN 'owner' ELSE 'member' END FROM unnest($3::uuid[]) AS u`,
        [row!.id, userId, [userId, ...input.memberIds]],
      );
      return row!.id;
    });
    const everyone = [userId, ...input.memberIds];
    this.realtime.joinConversation(everyone, id);
    this.realtime.toUsers(everyone, SOCKET_EVENTS.conversationUpdated, { conversationId: id, reason: 'created' });
    return this.get(userId, id);
  }

  async addMembers(userId: string, conversationId: string, userIds: readonly string[]): Promise<Conversation> {
    const added = await this.db.transaction(async (m) => {
      const conv = await this.ownedGroup(userId, conversationId, m);
      const fresh = userIds.filter((id) => !conv.memberIds.includes(id));
      if (conv.memberIds.length + fresh.length > MESSAGING_LIMITS.groupMembersMax) {
        throw apiError(
          ERROR_CODES.conversationFull,
          `A group has at most ${MESSAGING_LIMITS.groupMembersMax} members; it has ${conv.memberIds.length}.`,
          'userIds',
        );
      }
      if (!fresh.length) return [];
      await this.assertReachable(userId, fresh, 'userIds', m);
      for (const other of fresh) await this.assertPolicyAllows(userId, other, 'userIds', m);
      await m.query(
        `INSERT INTO conversation_members (conversation_id, user_id, last_read_seq)
         SELECT $1, u, 0 FROM unnest($2::uuid[]) AS u ON CONFLICT DO NOTHING`,
        [conversationId, fresh],
      );
      await m.query(`UPDATE conversations SET updated_at = now() WHERE id = $1`, [conversationId]);
      return fresh;
    });
    if (added.length) {
      this.realtime.joinConversation(added, conversationId);
      this.realtime.toConversation(conversationId, SOCKET_EVENTS.conversationUpdated, { conversationId, reason: 'members' });
    }
    return this.get(userId, conversationId);
  }

  async removeMember(userId: string, conversationId: string, memberId: string): Promise<Conversation> {
    if (memberId === userId) throw badInput('userId', 'To leave a conversation use leaveConversation.');
    await this.db.transaction(async (m) => {
      const conv = await this.ownedGroup(userId, conversationId, m);
      if (!conv.memberIds.includes(memberId)) throw apiError(ERROR_CODES.notAMember, 'This person is not a member.', 'userId');
      await m.query(`DELETE FROM conversation_members WHERE conversation_id = $1 AND user_id = $2`, [conversationId, memberId]);
    });
    this.realtime.leaveConversation([memberId], conversationId, 'removed');
    this.realtime.toConversation(conversationId, SOCKET_EVENTS.conversationUpdated, { conversationId, reason: 'members' });
    return this.get(userId, conversationId);
  }

  /** Leaves a group (the oldest remaining member becomes owner; the last one out deletes it). */
  async leave(userId: string, conversationId: string): Promise<boolean> {
    await this.db.transaction(async (m) => {
      const conv = await this.membership(userId, conversationId, m);
      if (conv.kind === 'direct') {
        throw badInput('conversationId', 'A direct conversation cannot be left; block the person to stop their messages.');
      }
      if (conv.kind === 'webinar') throw badInput('conversationId', 'A WHAMinar thread follows your registration: cancel it to leave.');
      await m.query(`DELETE FROM conversation_members WHERE conversation_id = $1 AND user_id = $2`, [conversationId, userId]);
      if (conv.role === 'owner') {
        await m.query(
          `UPDATE conversation_members SET role = 'owner'
            WHERE (conversation_id, user_id) = (
              SELECT conversation_id, user_id FROM conversation_members WHERE conversation_id = $1 ORDER BY joined_at, user_id LIMIT 1)`,
          [conversationId],
        );
      }
      await m.query(
        `DELETE FROM conversations c WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM conversation_members WHERE conversation_id = $1)`,
        [conversationId],
      );
    });
    this.realtime.leaveConversation([userId], conversationId, 'left');
    this.realtime.toConversation(conversationId, SOCKET_EVENTS.conversationUpdated, { conversationId, reason: 'members' });
    return true;
  }

  async rename(userId: string, conversationId: string, title: string): Promise<Conversation> {
    await this.db.transaction(async (m) => {
      await this.ownedGroup(userId, conversationId, m);
      await m.query(`UPDATE conversations SET title = $2, updated_at = now() WHERE id = $1`, [conversationId, title]);
    });
    this.realtime.toConversation(conversationId, SOCKET_EVENTS.conversationUpdated, { conversationId, reason: 'renamed' });
    return this.get(userId, conversationId);
  }

  async answerRequest(userId: string, conversationId: string, accept: boolean): Promise<Conversation> {
    await this.db.transaction(async (m) => {
      const conv = await this.membership(userId, conversationId, m, true);
      if (conv.status !== 'request' || conv.kind !== 'direct') {
        throw badInput('conversationId', 'This conversation is not a message request waiting for an answer.');
      }
      if (conv.createdBy === userId) throw forbidden('Only the person you wrote to can answer your request.');
      await m.query(`UPDATE conversations SET status = $2, updated_at = now() WHERE id = $1`, [conversationId, accept ? 'open' : 'declined']);
    });
    this.realtime.toConversation(conversationId, SOCKET_EVENTS.conversationUpdated, {
      conversationId,
      reason: accept ? 'accepted' : 'declined',
    });
    return this.get(userId, conversationId);
  }

  /** The conversation as the user sees it; NOT_FOUND or NOT_A_MEMBER otherwise. */
  async get(userId: string, conversationId: string, field = 'id'): Promise<Conversation> {
    const rows = await this.rows(userId, { ids: [conversationId] });
    if (!rows.length) {
      const [exists] = await this.db.query(`SELECT 1 FROM conversations WHERE id = $1`, [conversationId]);
      if (!exists) throw notFound('Conversation', field);
      throw apiError(ERROR_CODES.notAMember, 'You are not a member of this conversation.', field);
    }
    const [conversation] = await this.toModels(userId, rows);
    return conversation!;
  }

  /** The inbox, most recent activity first. `requests`: only requests waiting for my answer. */
  async list(userId: string, first: number | null, after: string | null, requests: boolean): Promise<ConversationConnection> {
    const size = first ?? LIMITS.page.defaultSize;
    const cursor = after ? decodeProjectCursor(after) : null;
    if (after && !cursor) throw badInput('after', 'after is not a cursor from this list.');
    const rows = await this.rows(userId, { requests, cursor, limit: size + 1 });
    const kept = rows.slice(0, size);
    const last = kept[kept.length - 1];
    return {
      nodes: await this.toModels(userId, kept),
      pageInfo: {
        hasNextPage: rows.length > size,
        endCursor: last ? encodeProjectCursor({ createdAt: last.cursor_ts, id: last.id }) : null,
      },
    };
  }

  /** Every conversation the user belongs to (their sockets' rooms). */
  /**
   * What a socket handshake needs, in one query: the user's name and role (null when the account
   * no longer exists or is suspended) and the conversations they belong to.
   */
  async socketSession(userId: string): Promise<{ displayName: string; role: Role; conversationIds: string[] } | null> {
    if (!isUuid(userId)) return null;
    const [row] = (await this.db.query(
      `SELECT u.display_name, u.role,
              ARRAY(SELECT cm.conversation_id FROM conversation_members cm WHERE cm.user_id = u.id) AS conversation_ids
         FROM users u WHERE u.id = $1 AND u.suspended_at IS NULL`,
      [userId],
    )) as Array<{ display_name: string; role: Role; conversation_ids: string[] }>;
    return row ? { displayName: row.display_name, role: row.role, conversationIds: row.conversation_ids } : null;
  }

  async settings(userId: string): Promise<MessagingSettings> {
    const [row] = (await this.db.query(`SELECT message_policy, message_email_digest FROM users WHERE id = $1`, [userId])) as Array<{
      message_policy: string;
      message_email_digest: boolean;
    }>;
    if (!row) throw notFound('Account');
    return { messagePolicy: row.message_policy, emailDigest: row.message_email_digest };
  }

  async updateSettings(userId: string, input: MessagingSettingsInput): Promise<MessagingSettings> {
    await this.db.query(
      `UPDATE users SET message_policy = coalesce($2, message_policy), message_email_digest = coalesce($3, message_email_digest),
              updated_at = now()
        WHERE id = $1`,
      [userId, input.messagePolicy ?? null, input.emailDigest ?? null],
    );
    return this.settings(userId);
  }

  // ---- checks ----

  /** Every id is a live account and no block stands between it and the user. */
  private async assertReachable(userId: string, otherIds: readonly string[], field: string, m: EntityManager): Promise<void> {
    const rows: Array<{ id: string; suspended: boolean; blocked: boolean }> = await m.query(
      `SELECT u.id, u.suspended_at IS NOT NULL AS suspended, u.id IN ${blockedOf('$2')} AS blocked
         FROM users u WHERE u.id = ANY($1::uuid[])`,
      [otherIds, userId],
    );
    const found = new Map(rows.map((r) => [r.id, r]));
    if (otherIds.some((id) => !found.get(id) || found.get(id)!.suspended)) throw notFound('User', field);
    if (rows.some((r) => r.blocked)) {
      throw apiError(ERROR_CODES.blocked, 'You cannot message this person: one of you has blocked the other.', field);
    }
  }

  /**
   * The other person's "who may message me": people who already share an open conversation with
   * them always may; otherwise `anyone`, `shared-theme` (a project theme in common) or `nobody`.
   */
  private async assertPolicyAllows(userId: string, otherId: string, field: string, m: EntityManager): Promise<void> {
    const [row] = (await m.query(
      `SELECT u.message_policy AS policy,
         EXISTS (SELECT 1 FROM conversation_members a
                   JOIN conversation_members b ON b.conversation_id = a.conversation_id AND b.user_id = $2
                   JOIN conversations c ON c.id = a.conversation_id AND c.status = 'open'
                  WHERE a.user_id = $1) AS talked,
         EXISTS (SELECT 1 FROM projects p JOIN projects q ON q.themes && p.themes
                  WHERE p.owner_id = $1 AND q.owner_id = $2 AND p.hidden_at IS NULL AND q.hidden_at IS NULL) AS shares_theme
       FROM users u WHERE u.id = $2`,
      [userId, otherId],
    )) as Array<{ policy: string; talked: boolean; shares_theme: boolean }>;
    if (!row || row.talked || row.policy === 'anyone') return;
    if (row.policy === 'shared-theme' && row.shares_theme) return;
    throw apiError(
      ERROR_CODES.messagingClosed,
      row.policy === 'nobody'
        ? 'This person is not taking new messages.'
        : 'This person takes messages only from people whose projects share a theme with theirs.',
      field,
    );
  }

  private async membership(
    userId: string,
    conversationId: string,
    m: EntityManager,
    lock = false,
  ): Promise<{ kind: string; status: string; createdBy: string | null; role: string; memberIds: string[] }> {
    const [row] = (await m.query(
      `SELECT c.kind, c.status, c.created_by,
         (SELECT role FROM conversation_members WHERE conversation_id = c.id AND user_id = $2) AS role,
         (SELECT coalesce(array_agg(user_id), '{}') FROM conversation_members WHERE conversation_id = c.id) AS member_ids
       FROM conversations c WHERE c.id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [conversationId, userId],
    )) as Array<{ kind: string; status: string; created_by: string | null; role: string | null; member_ids: string[] }>;
    if (!row) throw notFound('Conversation', 'conversationId');
    if (!row.role) throw apiError(ERROR_CODES.notAMember, 'You are not a member of this conversation.', 'conversationId');
    return { kind: row.kind, status: row.status, createdBy: row.created_by, role: row.role, memberIds: row.member_ids };
  }

  private async ownedGroup(userId: string, conversationId: string, m: EntityManager) {
    const conv = await this.membership(userId, conversationId, m, true);
    if (conv.kind !== 'group') throw badInput('conversationId', 'Only a group conversation has members to manage.');
    if (conv.role !== 'owner') throw forbidden('Only the group’s owner can do this.');
    return conv;
  }

  // ---- reading ----

  private async rows(
    userId: string,
    opts: { ids?: string[]; requests?: boolean; cursor?: { createdAt: string; id: string } | null; limit?: number },
  ): Promise<ConversationRow[]> {
    const params: unknown[] = [userId];
    const where: string[] = ['cm.user_id = $1'];
    if (opts.ids) {
      params.push(opts.ids);
      where.push(`c.id = ANY($${params.length}::uuid[])`);
    } else if (opts.requests) {
      where.push(`c.status = 'request' AND c.created_by IS DISTINCT FROM $1`);
    } else {
      where.push(`NOT (c.status = 'request' AND c.created_by IS DISTINCT FROM $1)`);
    }
    if (opts.cursor) {
      params.push(opts.cursor.createdAt, opts.cursor.id);
      where.push(
        `(coalesce(c.last_message_at, c.created_at), c.id) < (CAST($${params.length - 1} AS timestamptz), CAST($${params.length} AS uuid))`,
      );
    }
    let limit = '';
    if (opts.limit) {
      params.push(opts.limit);
      limit = `LIMIT $${params.length}`;
    }
    return this.db.query(
      `SELECT c.id, c.kind, c.status, c.title, c.created_by, c.last_seq, c.last_message_at, c.created_at, cm.role AS my_role,
         to_char(coalesce(c.last_message_at, c.created_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_ts,
         (SELECT count(*)::int FROM messages m
           WHERE m.conversation_id = c.id AND m.seq > cm.last_read_seq AND m.author_id IS DISTINCT FROM $1
             AND m.deleted_at IS NULL AND m.hidden_at IS NULL
             AND (m.author_id IS NULL OR m.author_id NOT IN ${blockedOf('$1')})) AS unread
       FROM conversation_members cm JOIN conversations c ON c.id = cm.conversation_id
       WHERE ${where.join(' AND ')}
       ORDER BY coalesce(c.last_message_at, c.created_at) DESC, c.id DESC ${limit}`,
      params,
    );
  }

  private async toModels(userId: string, rows: ConversationRow[]): Promise<Conversation[]> {
    if (!rows.length) return [];
    const ids = rows.map((r) => r.id);
    const members: MemberRow[] = await this.db.query(
      `SELECT conversation_id, user_id, role, last_read_seq, joined_at FROM conversation_members
        WHERE conversation_id = ANY($1::uuid[]) ORDER BY joined_at, user_id`,
      [ids],
    );
    const lastRows: MessageRow[] = await this.db.query(
      `SELECT DISTINCT ON (m.conversation_id) ${MESSAGE_COLUMNS}
         FROM messages m LEFT JOIN users u ON u.id = m.author_id
        WHERE m.conversation_id = ANY($1::uuid[]) AND (m.author_id IS NULL OR m.author_id NOT IN ${blockedOf('$2')})
        ORDER BY m.conversation_id, m.seq DESC`,
      [ids, userId],
    );
    const lastBy = new Map(lastRows.map((r) => [r.conversation_id, toMessageModel(toStoredMessage(r), userId)]));
    const people = new Map<string, Clinician>();
    const userIds = new Set([...members.map((m) => m.user_id), ...rows.flatMap((r) => (r.created_by ? [r.created_by] : []))]);
    for (const u of await this.clinicians.findByIds([...userIds])) people.set(u.id, toClinician(u));

    return rows.map((r) => {
      const own = members.filter((m) => m.conversation_id === r.id);
      const other = r.kind === 'direct' ? own.find((m) => m.user_id !== userId) : undefined;
      const otherMember = other ? (people.get(other.user_id) ?? null) : null;
      return {
        id: r.id,
        kind: r.kind,
        status: r.status,
        title: r.title,
        displayTitle: r.title ?? otherMember?.displayName ?? 'Conversation',
        members: own.flatMap((m) => {
          const user = people.get(m.user_id);
          return user ? [{ user, role: m.role, lastReadSeq: Number(m.last_read_seq), joinedAt: m.joined_at }] : [];
        }),
        memberCount: own.length,
        myRole: r.my_role,
        createdBy: r.created_by ? (people.get(r.created_by) ?? null) : null,
        isIncomingRequest: r.status === 'request' && r.created_by !== userId,
        lastMessage: lastBy.get(r.id) ?? null,
        lastMessageAt: r.last_message_at,
        unreadCount: r.unread,
        lastSeq: Number(r.last_seq),
        createdAt: r.created_at,
        otherMember,
      };
    });
  }
}
