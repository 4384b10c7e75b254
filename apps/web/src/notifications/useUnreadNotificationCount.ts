import { useEffect } from 'react';
import { useQuery } from '@apollo/client/react';
import { UNREAD_NOTIFICATION_COUNT } from '@kindred/api-client';

/** How often the unread count is asked for while the tab is visible (push comes with socket.io). */
export const UNREAD_POLL_MS = 60_000;

/**
 * The signed-in user's unread notification count, or null until known. Polls every minute while
 * the page is visible and asks again as soon as the window regains focus.
 */
export function useUnreadNotificationCount(enabled: boolean): number | null {
  const { data, refetch } = useQuery(UNREAD_NOTIFICATION_COUNT, {
    skip: !enabled,
    pollInterval: UNREAD_POLL_MS,
    skipPollAttempt: () => typeof document !== 'undefined' && document.visibilityState === 'hidden',
    fetchPolicy: 'cache-and-network',
  });

  useEffect(() => {
    if (!enabled) return;
    const ask = () => {
      refetch().catch(() => undefined);
    };
    const onVisibility = () => {
      if (document.visibilityState === 'visible') ask();
    };
    window.addEventListener('focus', ask);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('focus', ask);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [enabled, refetch]);

  return enabled ? (data?.unreadNotificationCount ?? null) : null;
}
