import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SOCKET_EVENTS } from '@kindred/domain';
import { NewNotification, NotificationsService } from '../notifications/notifications.service';
import { RealtimeService } from '../realtime/realtime.service';
import type { StoredMessage } from './message-models.util';

const PREVIEW = 80;

/** The conversation a message went to, as the notifier needs it. */
export interface SentTo {
  kind: string;
  status: string;
  /** Author of the message replied to (after one-level threading), if any. */
  parentAuthorId?: string | null;
}

export function preview(body: string | null): string {
  if (!body) return '';
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length > PREVIEW ? `${flat.slice(0, PREVIEW - 1)}…` : flat;
}

/**
 * In-app notifications for messages, made after the message is stored and sent, off the sender's
 * path (the ack does not wait): a mention or a reply to your message always notifies; any other
 * message notifies only members with no socket connected ("while away"), once per conversation
 * until they read it (the dedupe key carries their read mark). Members who chose email digests
 * get them in the digest too. Pending work is awaited at shutdown.
 */
@Injectable()
export class MessageNotificationsService implements OnApplicationShutdown {
  private readonly logger = new Logger(MessageNotificationsService.name);
  private readonly pending = new Set<Promise<void>>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly notifications: NotificationsService,
    private readonly realtime: RealtimeService,
  ) {}

  afterSend(message: StoredMessage, conversation: SentTo, recipientIds: readonly string[]): void {
    if (!recipientIds.length || !message.authorId) return;
    const work = this.notify(message, conversation, recipientIds).catch((error: Error) =>
      this.logger.warn(`Message notifications failed for ${message.id}: ${error.message}`),
    );
    this.pending.add(work);
    void work.finally(() => this.pending.delete(work));
  }

  /** Resolves when every notification started so far is written (tests and shutdown). */
  async settled(): Promise<void> {
    while (this.pending.size) await Promise.allSettled([...this.pending]);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.settled();
  }

  private async notify(message: StoredMessage, conversation: SentTo, recipientIds: readonly string[]): Promise<void> {
    // Who needs one: mentioned members and the author of the message replied to always; anyone
    // else only while away. Most sends in a live conversation need none, and then cost no query.
    const mentioned = new Set(recipientIds.filter((id) => message.mentionIds.includes(id)));
    const repliedTo = conversation.parentAuthorId && recipientIds.includes(conversation.parentAuthorId) && !mentioned.has(conversation.parentAuthorId)
      ? conversation.parentAuthorId
      : null;
    const others = recipientIds.filter((id) => !mentioned.has(id) && id !== repliedTo);
    const online = await this.realtime.onlineAmong(others);
    const away = others.filter((id) => !online.has(id));
    const targets = [...mentioned, ...(repliedTo ? [repliedTo] : []), ...away];
    if (!targets.length) return;

    const rows: Array<{ user_id: string; last_read_seq: string; email: boolean; title: string | null }> = await this.db.query(
      `SELECT cm.user_id, cm.last_read_seq, u.message_email_digest AS email, c.title
         FROM conversation_members cm
         JOIN users u ON u.id = cm.user_id
         JOIN conversations c ON c.id = cm.conversation_id
        WHERE cm.conversation_id = $1 AND cm.user_id = ANY($2::uuid[])`,
      [message.conversationId, targets],
    );
    if (!rows.length) return;
    const author = message.authorName ?? 'Someone';
    const where = conversation.kind === 'direct' ? '' : ` in ${rows[0]?.title ?? 'a group'}`;
    const link = `/messages/${message.conversationId}`;
    const text = preview(message.body);
    const payload = { conversationId: message.conversationId, messageId: message.id };
    const isRequest = conversation.status === 'request';

    const list: NewNotification[] = rows.map((row): NewNotification => {
      if (mentioned.has(row.user_id)) {
        return {
          userId: row.user_id,
          type: 'mention',
          message: `${author} mentioned you${where}: “${text}”`,
          link,
          payload,
          dedupeKey: `mention:${message.id}`,
          emailDigest: row.email,
        };
      }
      if (row.user_id === repliedTo) {
        return {
          userId: row.user_id,
          type: 'reply',
          message: `${author} replied to your message${where}: “${text}”`,
          link,
          payload,
          dedupeKey: `reply:${message.id}`,
          emailDigest: row.email,
        };
      }
      return {
        userId: row.user_id,
        type: isRequest ? 'message-request' : 'message',
        message: isRequest ? `${author} sent you a message request: “${text}”` : `New message from ${author}${where}: “${text}”`,
        link,
        payload,
        dedupeKey: `message:${message.conversationId}:${row.last_read_seq}`,
        emailDigest: row.email,
      };
    });
    await this.notifications.notify(list);
    for (const n of list) {
      this.realtime.toUsers([n.userId], SOCKET_EVENTS.notification, { type: n.type, message: n.message, link: n.link });
    }
  }
}
