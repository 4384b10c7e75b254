import './messages.css';
import { NavLink } from 'react-router';
import { badgeText } from '../notifications/notification-label.util';
import { useUnreadMessageCount } from './useUnreadMessageCount';

/** "Messages, 2 unread" when there are some. */
export function messagesLabel(unread: number | null): string {
  return unread ? `Messages, ${unread} unread` : 'Messages';
}

/** The header's link to the inbox, with the unread count as a badge (and in its accessible name). */
export function MessagesNavLink() {
  const unread = useUnreadMessageCount(true);
  return (
    <NavLink to="/messages" className="site-nav__link messages-link" aria-label={messagesLabel(unread)}>
      Messages
      {unread ? (
        <span className="unread-badge messages-link__badge" aria-hidden="true">
          {badgeText(unread)}
        </span>
      ) : null}
    </NavLink>
  );
}
