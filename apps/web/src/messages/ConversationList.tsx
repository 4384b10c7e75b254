import { Link } from 'react-router';
import type { Conversation } from '@kindred/api-client';
import { formatWhen } from '../notifications/notification-label.util';
import { badgeText } from '../notifications/notification-label.util';
import { lastMessagePreview, unreadLabel } from './message-text.util';

interface ConversationListProps {
  conversations: readonly Conversation[];
  selectedId: string | null;
  label: string;
  /** Kept on the links, so the chosen tab stays open beside the conversation. */
  search?: string;
}

/** Conversations by last activity: who, the last message, when, and how many are unread. */
export function ConversationList({ conversations, selectedId, label, search = '' }: ConversationListProps) {
  return (
    <ul className="conversation-list" aria-label={label}>
      {conversations.map((c) => {
        const when = c.lastMessageAt ?? c.createdAt;
        const unread = c.unreadCount;
        return (
          <li key={c.id}>
            <Link
              to={`/messages/${c.id}${search}`}
              className={`conversation-row${unread ? ' conversation-row--unread' : ''}`}
              aria-current={c.id === selectedId ? 'page' : undefined}
            >
              <span className="conversation-row__top">
                <span className="conversation-row__title">{c.displayTitle}</span>
                {c.kind === 'group' ? <span className="conversation-row__kind">Group</span> : null}
                {c.status === 'request' && !c.isIncomingRequest ? <span className="conversation-row__kind">Request sent</span> : null}
                <time className="conversation-row__when" dateTime={when}>
                  {formatWhen(when)}
                </time>
              </span>
              <span className="conversation-row__bottom">
                <span className="conversation-row__preview">
                  <span className="visually-hidden">. </span>
                  {lastMessagePreview(c, c.lastMessage)}
                </span>
                {unread ? (
                  <>
                    <span className="unread-badge" aria-hidden="true">
                      {badgeText(unread)}
                    </span>
                    <span className="visually-hidden">. {unreadLabel(unread)}</span>
                  </>
                ) : null}
              </span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
