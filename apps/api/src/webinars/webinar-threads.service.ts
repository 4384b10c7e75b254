import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ERROR_CODES, SOCKET_EVENTS, WEBINAR_LIMITS } from '@kindred/domain';
import type { AuthUser } from '../auth/auth-user';
import { isUuid } from '../clinicians/clinicians.service';
import { apiError, badInput, notFound } from '../common/graphql-errors.util';
import { RealtimeService } from '../realtime/realtime.service';
import type { WebinarResourceInput } from './dto/webinar-resource.input';
import { assertCanManage, assertChangeable, lockWebinar } from './webinar-access.util';

/** Who joined and left a thread in one transaction, for the sockets to follow after commit. */
export interface MembershipChange {
  conversationId: string;
  added: string[];
  removed: string[];
}

/**
 * A WHAMinar's follow-up thread: a conversation of kind 'webinar' whose members are always the
 * organiser, the speakers who are users and the registrants holding a place (never the waiting
 * list). Posting, replies, reactions, mentions and live delivery are the conversations module's,
 * unchanged; this service keeps the membership in step (direct SQL inside the caller's
 * transaction, so a registration and its membership commit together), sets when posting opens
 * (`conversations.opens_at`, the start), and lets the organiser close, reopen and pin.
 */
@Injectable()
export class WebinarThreadsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly realtime: RealtimeService,
  ) {}

  /** A new thread, owned by the organiser, opening for posting at the start. */
  async create(m: EntityManager, thread: { title: string; organiserId: string; opensAt: Date }): Promise<string> {
    const [row] = (await m.query(
      `INSERT INTO conversations (kind, status, title, created_by, opens_at) VALUES ('webinar', 'open', $1, $2, $3) RETURNING id`,
      [thread.title, thread.organiserId, thread.opensAt],
    )) as Array<{ id: string }>;
    return row!.id;
  }

  /** Keeps the thread's title and opening time with the webinar's. */
  async reschedule(m: EntityManager, conversationId: string, title: string, opensAt: Date): Promise<void> {
    await m.query(`UPDATE conversations SET title = $2, opens_at = $3, updated_at = now() WHERE id = $1`, [conversationId, title, opensAt]);
  }

  async setStatus(m: EntityManager, conversationId: string, status: 'open' | 'closed'): Promise<void> {
    await m.query(`UPDATE conversations SET status = $2, updated_at = now() WHERE id = $1`, [conversationId, status]);
  }

  /**
   * Makes the thread's members exactly the organiser (owner), the user speakers and the registered
   * people; returns who was added and removed.
   */
  async syncMembers(m: EntityManager, webinarId: string): Promise<MembershipChange | null> {
    const [w] = (await m.query(`SELECT thread_conversation_id, organiser_id FROM webinars WHERE id = $1`, [webinarId])) as Array<{
      thread_conversation_id: string | null;
      organiser_id: string;
    }>;
    if (!w?.thread_conversation_id) return null;
    const desired = `
      SELECT $2::uuid AS user_id
      UNION SELECT user_id FROM webinar_speakers WHERE webinar_id = $1 AND user_id IS NOT NULL
      UNION SELECT user_id FROM webinar_registrations WHERE webinar_id = $1 AND status = 'registered'`;
    const added: Array<{ user_id: string }> = await m.query(
      `INSERT INTO conversation_members (conversation_id, user_id, role)
       SELECT $3, d.user_id, CASE WHEN d.user_id = $2 THEN 'owner' ELSE 'member' END FROM (${desired}) d
       ON CONFLICT (conversation_id, user_id) DO NOTHING
       RETURNING user_id`,
      [webinarId, w.organiser_id, w.thread_conversation_id],
    );
    const [removed] = (await m.query(
      `DELETE FROM conversation_members WHERE conversation_id = $3 AND user_id NOT IN (${desired}) RETURNING user_id`,
      [webinarId, w.organiser_id, w.thread_conversation_id],
    )) as [Array<{ user_id: string }>, number];
    return { conversationId: w.thread_conversation_id, added: added.map((r) => r.user_id), removed: removed.map((r) => r.user_id) };
  }

  /** After commit: every socket of the people added joins the room; those removed leave it. */
  publishMembership(changes: ReadonlyArray<MembershipChange | null>): void {
    for (const change of changes) {
      if (!change || (!change.added.length && !change.removed.length)) continue;
      this.realtime.joinConversation(change.added, change.conversationId);
      this.realtime.leaveConversation(change.removed, change.conversationId, 'left');
      this.realtime.toConversation(change.conversationId, SOCKET_EVENTS.conversationUpdated, {
        conversationId: change.conversationId,
        reason: 'members',
      });
    }
  }

  /** The organiser closes the thread (no more posts: MESSAGING_CLOSED) or opens it again. */
  async setClosed(actor: AuthUser, webinarId: string, closed: boolean): Promise<void> {
    const conversationId = await this.db.transaction(async (m) => {
      const w = await lockWebinar(m, actor, webinarId, 'webinarId');
      assertCanManage(actor, w);
      if (!w.thread_conversation_id) throw notFound('Thread', 'webinarId');
      if (!closed && w.status === 'cancelled') {
        throw apiError(ERROR_CODES.webinarClosed, 'This WHAMinar was cancelled: its thread stays closed.', 'webinarId');
      }
      await this.setStatus(m, w.thread_conversation_id, closed ? 'closed' : 'open');
      return w.thread_conversation_id;
    });
    this.realtime.toConversation(conversationId, SOCKET_EVENTS.conversationUpdated, { conversationId, reason: closed ? 'closed' : 'reopened' });
  }

  /** Pins one message of the thread (or unpins with null). */
  async pin(actor: AuthUser, webinarId: string, messageId: string | null): Promise<void> {
    const conversationId = await this.db.transaction(async (m) => {
      const w = await lockWebinar(m, actor, webinarId, 'webinarId');
      assertCanManage(actor, w);
      if (messageId) {
        const [message] = (await m.query(`SELECT conversation_id, deleted_at, hidden_at FROM messages WHERE id = $1`, [messageId])) as Array<{
          conversation_id: string;
          deleted_at: Date | null;
          hidden_at: Date | null;
        }>;
        if (!message || message.conversation_id !== w.thread_conversation_id) {
          throw badInput('messageId', 'messageId must be a message in this WHAMinar’s thread.');
        }
        if (message.deleted_at || message.hidden_at) throw badInput('messageId', 'A deleted or hidden message cannot be pinned.');
      }
      await m.query(`UPDATE webinars SET pinned_message_id = $2, updated_at = now() WHERE id = $1`, [webinarId, messageId]);
      return w.thread_conversation_id;
    });
    if (conversationId) this.realtime.toConversation(conversationId, SOCKET_EVENTS.conversationUpdated, { conversationId, reason: 'pinned' });
  }

  async addResource(actor: AuthUser, webinarId: string, input: WebinarResourceInput): Promise<void> {
    await this.db.transaction(async (m) => {
      const w = await lockWebinar(m, actor, webinarId, 'webinarId');
      assertCanManage(actor, w);
      if (w.status === 'cancelled') assertChangeable(w, 'webinarId');
      const [{ n }] = (await m.query(`SELECT count(*)::int AS n FROM webinar_resources WHERE webinar_id = $1`, [webinarId])) as Array<{ n: number }>;
      if (n >= WEBINAR_LIMITS.resources.perWebinar) {
        throw badInput('input', `A WHAMinar has at most ${WEBINAR_LIMITS.resources.perWebinar} resources; remove one first.`);
      }
      await m.query(`INSERT INTO webinar_resources (webinar_id, kind, title, url, created_by) VALUES ($1, $2, $3, $4, $5)`, [
        webinarId,
        input.kind,
        input.title,
        input.url,
        actor.id,
      ]);
      await m.query(`UPDATE webinars SET updated_at = now() WHERE id = $1`, [webinarId]);
    });
  }

  /** Removes a resource; returns its webinar's id. */
  async removeResource(actor: AuthUser, resourceId: string): Promise<string> {
    if (!isUuid(resourceId)) throw notFound('Resource', 'resourceId');
    return this.db.transaction(async (m) => {
      const [resource] = (await m.query(`SELECT webinar_id FROM webinar_resources WHERE id = $1`, [resourceId])) as Array<{ webinar_id: string }>;
      if (!resource) throw notFound('Resource', 'resourceId');
      const w = await lockWebinar(m, actor, resource.webinar_id, 'resourceId');
      assertCanManage(actor, w);
      await m.query(`DELETE FROM webinar_resources WHERE id = $1`, [resourceId]);
      await m.query(`UPDATE webinars SET updated_at = now() WHERE id = $1`, [w.id]);
      return w.id;
    });
  }
}
