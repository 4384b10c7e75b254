import { useEffect } from 'react';
import { useQuery } from '@apollo/client/react';
import { UNREAD_MESSAGE_COUNT } from '@kindred/api-client';

/** A slow safety net: the socket's events ask for the count as soon as something changes. */
export const UNREAD_MESSAGES_POLL_MS = 120_000;

/** Unread messages across my conversations, or null until known (or when signed out). */
export function useUnreadMessageCount(enabled: boolean): number | null {
  const { data, refetch } = useQuery(UNREAD_MESSAGE_COUNT, {
    skip: !enabled,
    pollInterval: UNREAD_MESSAGES_POLL_MS,
    skipPollAttempt: () => typeof document !== 'undefined' && document.visibilityState === 'hidden',
    fetchPolicy: 'cache-and-network',
  });

  useEffect(() => {
    if (!enabled) return;
    const ask = () => {
      refetch().catch(() => undefined);
    };
    window.addEventListener('focus', ask);
    return () => window.removeEventListener('focus', ask);
  }, [enabled, refetch]);

  return enabled ? (data?.unreadMessageCount ?? null) : null;
}
