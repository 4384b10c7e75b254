import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useApolloClient } from '@apollo/client/react';
import { MY_CONVERSATIONS, UNREAD_MESSAGE_COUNT, UNREAD_NOTIFICATION_COUNT } from '@kindred/api-client';
import { SOCKET_EVENTS, type ReadEvent, type SocketMessage } from '@kindred/domain';
import { useAuth } from '../auth/useAuth';
import { sendOverGraphQL } from './message-api.util';
import { MessageOutbox } from './message-outbox';
import { createSocketTransport, MessagingConnection, type ConnectionStatus, type SocketSession } from './messaging-connection';
import type { MessagingTransport } from './messaging-transport';
import { MessagingContext, type MessagingContextValue } from './MessagingContext';

/** Socket events arrive in bursts (a reconnect, a busy group): ask for the counts once per burst. */
export const COUNTS_REFRESH_DELAY_MS = 300;

interface MessagingProviderProps {
  session: SocketSession;
  /** Specs pass a fake socket; the app opens a socket.io connection. */
  createTransport?: (session: SocketSession) => MessagingTransport;
  children: ReactNode;
}

interface Live {
  readonly transport: MessagingTransport;
  readonly outbox: MessageOutbox;
}

/**
 * One socket per signed-in session (opened at sign-in, closed at sign-out), its connection state,
 * and the outbox of messages on their way. Keeps the header's unread count and the inbox fresh
 * when the server says something changed.
 */
export function MessagingProvider({ session, createTransport = createSocketTransport, children }: MessagingProviderProps) {
  const { status: authStatus, account } = useAuth();
  const client = useApolloClient();
  const myId = authStatus === 'signed-in' ? (account?.id ?? null) : null;
  const [live, setLive] = useState<Live | null>(null);
  const [status, setStatus] = useState<ConnectionStatus>('offline');

  useEffect(() => {
    if (!myId) return;
    const transport = createTransport(session);
    const connection = new MessagingConnection(transport, session);
    const outbox = new MessageOutbox({ transport: () => transport, fallback: (payload) => sendOverGraphQL(client, payload) });

    let timer: ReturnType<typeof setTimeout> | null = null;
    const refreshCounts = () => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        // Only the lists and counts on screen are asked for again.
        void client.refetchQueries({ include: [UNREAD_MESSAGE_COUNT, MY_CONVERSATIONS] }).catch(() => undefined);
      }, COUNTS_REFRESH_DELAY_MS);
    };
    const onMessage = (message: SocketMessage) => {
      // My own message, from this tab's echo or another tab: nothing left to send.
      if (message.author?.id === myId) outbox.settle(message);
      refreshCounts();
    };
    const onRead = (event: ReadEvent) => {
      if (event.userId === myId) refreshCounts();
    };
    const onNotification = () => {
      void client.refetchQueries({ include: [UNREAD_NOTIFICATION_COUNT] }).catch(() => undefined);
    };
    const onConnect = () => {
      outbox.flush();
      refreshCounts();
    };
    const handlers: Array<[string, (...args: never[]) => void]> = [
      ['connect', onConnect],
      [SOCKET_EVENTS.messageNew, onMessage],
      [SOCKET_EVENTS.messageUpdated, refreshCounts],
      [SOCKET_EVENTS.readUpdate, onRead],
      [SOCKET_EVENTS.conversationUpdated, refreshCounts],
      [SOCKET_EVENTS.conversationRemoved, refreshCounts],
      [SOCKET_EVENTS.notification, onNotification],
    ];
    for (const [event, handler] of handlers) transport.on(event, handler);
    const offStatus = connection.onStatus(setStatus);
    connection.start();
    setLive({ transport, outbox });
    setStatus(connection.status);

    return () => {
      if (timer) clearTimeout(timer);
      for (const [event, handler] of handlers) transport.off(event, handler);
      offStatus();
      outbox.stop();
      connection.stop();
      setLive(null);
      setStatus('offline');
    };
  }, [myId, session, createTransport, client]);

  const value = useMemo<MessagingContextValue>(
    () => ({ transport: live?.transport ?? null, outbox: live?.outbox ?? null, status }),
    [live, status],
  );
  return <MessagingContext.Provider value={value}>{children}</MessagingContext.Provider>;
}
