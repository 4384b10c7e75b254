import './notifications.css';
import { useEffect, useRef, useState } from 'react';
import { NavLink } from 'react-router';
import { badgeText, notificationsLabel } from './notification-label.util';
import { useUnreadNotificationCount } from './useUnreadNotificationCount';

/**
 * The header's way to notifications: a bell with the unread count. Its accessible name carries
 * the count ("Notifications, 3 unread"); a polite announcement follows when new ones arrive.
 */
export function NotificationsBell() {
  const unread = useUnreadNotificationCount(true);
  const previous = useRef<number | null>(null);
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    if (unread === null) return;
    if (previous.current !== null && unread > previous.current) {
      const fresh = unread - previous.current;
      setAnnouncement(fresh === 1 ? 'You have a new notification.' : `You have ${fresh} new notifications.`);
    }
    previous.current = unread;
  }, [unread]);

  return (
    <>
      <NavLink to="/notifications" className="site-nav__link notifications-bell" aria-label={notificationsLabel(unread)}>
        <svg className="notifications-bell__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2z" />
        </svg>
        <span className="notifications-bell__text">Notifications</span>
        {unread ? (
          <span className="notifications-bell__badge" aria-hidden="true">
            {badgeText(unread)}
          </span>
        ) : null}
      </NavLink>
      <span className="visually-hidden" role="status">
        {announcement}
      </span>
    </>
  );
}
