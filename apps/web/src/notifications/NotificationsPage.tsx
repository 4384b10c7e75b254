import './notifications.css';
import { useEffect, useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import {
  MARK_ALL_NOTIFICATIONS_READ,
  MARK_NOTIFICATIONS_READ,
  MY_NOTIFICATIONS,
  UNREAD_NOTIFICATION_COUNT,
  type Notification,
  type PageInfo,
} from '@kindred/api-client';
import { formErrorsFrom } from '../forms/api-errors.util';
import { EmptyState } from '../layout/EmptyState';
import { ErrorState } from '../layout/ErrorState';
import { LoadingState } from '../layout/LoadingState';
import { useDocumentTitle } from '../layout/useDocumentTitle';
import { formatWhen } from './notification-label.util';
import { useUnreadNotificationCount } from './useUnreadNotificationCount';

export const NOTIFICATIONS_PAGE_SIZE = 20;

/** Only paths inside the app become links; anything else is shown as text. */
function internalPath(link: string | null): string | null {
  return link && link.startsWith('/') && !link.startsWith('//') ? link : null;
}

function NotificationItem({ notification, onOpen }: { notification: Notification; onOpen: (n: Notification) => void }) {
  const unread = notification.readAt === null;
  const path = internalPath(notification.link);
  const hidden = unread ? <span className="visually-hidden">Unread: </span> : null;
  return (
    <li className={`notification${unread ? ' notification--unread' : ''}`}>
      <span className="notification__dot" aria-hidden="true" />
      <p className="notification__message">
        {path ? (
          <Link to={path} onClick={() => onOpen(notification)}>
            {hidden}
            {notification.message}
          </Link>
        ) : (
          <>
            {hidden}
            {notification.message}
          </>
        )}
      </p>
      <time className="notification__when" dateTime={notification.createdAt}>
        {formatWhen(notification.createdAt)}
      </time>
    </li>
  );
}

/** A further page, fetched when "Show older notifications" is pressed. */
function OlderNotifications({
  after,
  onOpen,
  onPageInfo,
}: {
  after: string;
  onOpen: (n: Notification) => void;
  onPageInfo: (pageInfo: PageInfo) => void;
}) {
  const { data, error, refetch } = useQuery(MY_NOTIFICATIONS, { variables: { first: NOTIFICATIONS_PAGE_SIZE, after } });
  const pageInfo = data?.myNotifications.pageInfo;
  useEffect(() => {
    if (pageInfo) onPageInfo(pageInfo);
  }, [pageInfo, onPageInfo]);
  if (error && !data) {
    return (
      <li>
        <ErrorState title="Older notifications could not be loaded" onRetry={() => void refetch()} />
      </li>
    );
  }
  if (!data) {
    return (
      <li>
        <LoadingState label="Loading older notifications…" />
      </li>
    );
  }
  return (
    <>
      {data.myNotifications.nodes.map((n) => (
        <NotificationItem key={n.id} notification={n} onOpen={onOpen} />
      ))}
    </>
  );
}

/** My notifications, newest first: each links to what it is about; opening one marks it read. */
export function NotificationsPage() {
  useDocumentTitle('Notifications');
  const { data, loading, error, refetch } = useQuery(MY_NOTIFICATIONS, {
    variables: { first: NOTIFICATIONS_PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
  });
  const unread = useUnreadNotificationCount(true);
  const [older, setOlder] = useState<string[]>([]);
  const [olderPageInfo, setOlderPageInfo] = useState<PageInfo | null>(null);
  const [status, setStatus] = useState('');
  const [markRead] = useMutation(MARK_NOTIFICATIONS_READ, { refetchQueries: [UNREAD_NOTIFICATION_COUNT] });
  const [markAll, { loading: markingAll }] = useMutation(MARK_ALL_NOTIFICATIONS_READ, {
    // Every page shown and the count: simplest to ask again.
    refetchQueries: [MY_NOTIFICATIONS, UNREAD_NOTIFICATION_COUNT],
    awaitRefetchQueries: true,
  });

  const open = (n: Notification) => {
    if (n.readAt === null) markRead({ variables: { ids: [n.id] } }).catch(() => undefined);
  };

  const nodes = data?.myNotifications.nodes;
  const pageInfo = older.length ? olderPageInfo : (data?.myNotifications.pageInfo ?? null);

  let body;
  if (nodes && nodes.length > 0) {
    body = (
      <>
        <ul className="notification-list" aria-label="Notifications, newest first">
          {nodes.map((n) => (
            <NotificationItem key={n.id} notification={n} onOpen={open} />
          ))}
          {older.map((after) => (
            <OlderNotifications key={after} after={after} onOpen={open} onPageInfo={setOlderPageInfo} />
          ))}
        </ul>
        {pageInfo?.hasNextPage && pageInfo.endCursor ? (
          <p className="load-more">
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setOlder((list) => [...list, pageInfo.endCursor!]);
                setOlderPageInfo(null);
                setStatus('Loading older notifications.');
              }}
            >
              Show older notifications
            </button>
          </p>
        ) : null}
      </>
    );
  } else if (nodes) {
    body = (
      <EmptyState title="No notifications yet">
        <p>
          When someone registers a project in an area you are watching, you will hear about it here.{' '}
          <Link to="/alerts">Save an area on the Alerts page.</Link>
        </p>
      </EmptyState>
    );
  } else if (error) {
    body = (
      <ErrorState title="Your notifications could not be loaded" onRetry={() => void refetch()}>
        <p>{formErrorsFrom(error, []).form}</p>
      </ErrorState>
    );
  } else if (loading) {
    body = <LoadingState label="Loading your notifications…" />;
  }

  return (
    <div className="page notifications-page">
      <div className="page__header">
        <h1>Notifications</h1>
      </div>
      <div className="notifications-page__actions">
        <p className="muted" aria-live="polite">
          {unread === null ? '' : unread === 0 ? 'All read.' : `${unread} unread.`}
        </p>
        {nodes && nodes.length > 0 ? (
          <button
            type="button"
            className="button button--secondary button--small"
            aria-disabled={markingAll || !unread || undefined}
            onClick={() => {
              if (markingAll || !unread) return;
              markAll()
                .then(() => setStatus('All notifications are marked as read.'))
                .catch((e: unknown) => setStatus(formErrorsFrom(e, []).form ?? 'They could not be marked as read.'));
            }}
          >
            Mark all as read
          </button>
        ) : null}
        <Link to="/alerts">Manage alerts</Link>
      </div>
      <p className="visually-hidden" role="status">
        {status}
      </p>
      {body}
    </div>
  );
}
