import { useCallback, useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState, useSyncExternalStore } from 'react';
import { useApolloClient, useQuery } from '@apollo/client/react';
import {
  CONVERSATION_MESSAGES,
  DELETE_MESSAGE,
  EDIT_MESSAGE,
  MARK_CONVERSATION_READ,
  MY_CONVERSATIONS,
  REACT_TO_MESSAGE,
  UNREAD_MESSAGE_COUNT,
  type ConversationMember,
  type Message,
} from '@kindred/api-client';
import {
  SOCKET_EVENTS,
  type ReadEvent,
  type SocketError,
  type SocketMessage,
  type SyncPayload,
  type SyncResult,
  type TypingEvent,
} from '@kindred/domain';
import { NETWORK_PROBLEM } from '../forms/api-errors.util';
import { EMPTY_THREAD, threadReducer, type ThreadState } from './conversation-thread.reducer';
import { refusalOf } from './message-api.util';
import { fromGraphQLMessage, newestFromOthers, newestMessage } from './message-list.util';
import type { Draft, PendingMessage } from './message-outbox';
import { emitWithAck, NO_ACK } from './messaging-transport';
import { useMessaging } from './useMessaging';
import { useSocketEvent } from './useSocketEvent';

export const THREAD_PAGE_SIZE = 50;
/** While someone keeps typing, "typing" is said again at most this often... */
export const TYPING_RESEND_MS = 2_000;
/** ...and "stopped" after this long without a keystroke. */
export const TYPING_IDLE_MS = 3_000;
/** Catch-up rounds after a reconnect (each up to MESSAGING_LIMITS.syncPageMax messages). */
const MAX_SYNC_ROUNDS = 10;

const NO_PENDING: readonly PendingMessage[] = [];
const noSubscribe = () => () => undefined;
const noPending = () => NO_PENDING;

function usePageVisible(): boolean {
  const [visible, setVisible] = useState(() => typeof document === 'undefined' || document.visibilityState !== 'hidden');
  useEffect(() => {
    const update = () => setVisible(document.visibilityState !== 'hidden');
    document.addEventListener('visibilitychange', update);
    return () => document.removeEventListener('visibilitychange', update);
  }, []);
  return visible;
}

export interface ConversationThread {
  readonly state: ThreadState;
  /** My messages on their way to this conversation (not yet stored). */
  readonly pending: readonly PendingMessage[];
  readonly loading: boolean;
  readonly error: unknown;
  readonly reload: () => void;
  readonly loadOlder: () => Promise<void>;
  readonly loadingOlder: boolean;
  readonly send: (draft: Omit<Draft, 'conversationId'>) => void;
  readonly retry: (clientId: string) => void;
  readonly discard: (clientId: string) => void;
  /** Each resolves with the refusal, or null when done. */
  readonly edit: (messageId: string, body: string) => Promise<SocketError | null>;
  readonly remove: (messageId: string) => Promise<SocketError | null>;
  readonly react: (messageId: string, emoji: string, on: boolean) => Promise<SocketError | null>;
  readonly notifyTyping: () => void;
  readonly stopTyping: () => void;
}

/**
 * One conversation's messages: the newest page from GraphQL, then live events merged by id and
 * ordered by seq, a catch-up (`sync`) after every reconnect, typing signals both ways, read marks
 * when the page is visible, and edit/delete/react over the socket (GraphQL when it is down).
 */
export function useConversationThread(conversationId: string, myId: string | null, members: readonly ConversationMember[] | undefined): ConversationThread {
  const client = useApolloClient();
  const { transport, outbox } = useMessaging();
  const [state, dispatch] = useReducer(threadReducer, EMPTY_THREAD);
  const latest = useRef(state);
  useLayoutEffect(() => {
    latest.current = state;
  });
  const visible = usePageVisible();

  const { data, loading, error, refetch } = useQuery(CONVERSATION_MESSAGES, {
    variables: { conversationId, first: THREAD_PAGE_SIZE },
    fetchPolicy: 'network-only',
  });
  useEffect(() => {
    const page = data?.conversationMessages;
    if (page) dispatch({ type: 'page', nodes: page.nodes, hasMore: page.pageInfo.hasNextPage, endCursor: page.pageInfo.endCursor, older: false });
  }, [data]);

  useEffect(() => {
    if (members) dispatch({ type: 'members', members });
  }, [members]);

  const mine = useCallback((m: { conversationId: string }) => m.conversationId === conversationId, [conversationId]);
  const receive = useCallback((message: SocketMessage) => {
    if (mine(message)) dispatch({ type: 'received', messages: [message] });
  }, [mine]);
  useSocketEvent<SocketMessage>(SOCKET_EVENTS.messageNew, receive);
  useSocketEvent<SocketMessage>(SOCKET_EVENTS.messageUpdated, receive);
  useSocketEvent<TypingEvent>(SOCKET_EVENTS.typingUpdate, (event) => {
    if (mine(event) && event.userId !== myId) dispatch({ type: 'typing', event, at: Date.now() });
  });
  useSocketEvent<ReadEvent>(SOCKET_EVENTS.readUpdate, (event) => {
    if (mine(event)) dispatch({ type: 'read', event });
  });
  useEffect(() => outbox?.onDelivered(receive), [outbox, receive]);

  // "Typing" lapses when the typist's stop never came.
  const someoneTyping = Object.keys(state.typing).length > 0;
  useEffect(() => {
    if (!someoneTyping) return;
    const timer = setInterval(() => dispatch({ type: 'typing-lapsed', now: Date.now() }), 1_000);
    return () => clearInterval(timer);
  }, [someoneTyping]);

  // After a reconnect: everything after the newest message held, in seq order, each once.
  useSocketEvent('connect', () => {
    if (!transport || !latest.current.loaded) return;
    void (async () => {
      let after = newestMessage(latest.current.messages)?.id ?? null;
      for (let round = 0; round < MAX_SYNC_ROUNDS; round += 1) {
        const payload: SyncPayload = { conversations: [{ conversationId, afterMessageId: after }] };
        const outcome = await emitWithAck<SyncResult>(transport, SOCKET_EVENTS.sync, payload);
        if (outcome === NO_ACK || !outcome.ok) return;
        const entry = outcome.data.conversations.find((c) => c.conversationId === conversationId);
        if (!entry || entry.messages.length === 0) return;
        dispatch({ type: 'received', messages: entry.messages });
        if (!entry.hasMore) return;
        after = entry.messages[entry.messages.length - 1]!.id;
      }
    })();
  });

  // Mark read whenever something new from others is on screen and the page is visible.
  const markedSeq = useRef(0);
  useEffect(() => {
    if (!visible || !state.loaded || !myId) return;
    const newest = newestFromOthers(state.messages, myId);
    if (!newest || newest.seq <= Math.max(markedSeq.current, state.readSeqs[myId] ?? 0)) return;
    markedSeq.current = newest.seq;
    const refreshCounts = (unreadCount: number | null) => {
      if (unreadCount !== null) {
        client.cache.modify({
          id: client.cache.identify({ __typename: 'Conversation', id: conversationId }),
          fields: { unreadCount: () => unreadCount },
        });
      }
      void client.refetchQueries({ include: [UNREAD_MESSAGE_COUNT, MY_CONVERSATIONS] }).catch(() => undefined);
    };
    void (async () => {
      if (transport?.connected) {
        const outcome = await emitWithAck<{ unreadCount: number }>(transport, SOCKET_EVENTS.read, { conversationId, messageId: newest.id });
        if (outcome !== NO_ACK && outcome.ok) {
          refreshCounts(outcome.data.unreadCount);
          return;
        }
      }
      try {
        const { data: marked } = await client.mutate({ mutation: MARK_CONVERSATION_READ, variables: { conversationId, messageId: newest.id } });
        refreshCounts(marked?.markConversationRead.unreadCount ?? null);
      } catch {
        markedSeq.current = 0; // try again with the next change
      }
    })();
  }, [visible, state.loaded, state.messages, state.readSeqs, myId, transport, client, conversationId]);

  const subscribePending = useMemo(() => (outbox ? outbox.subscribe.bind(outbox) : noSubscribe), [outbox]);
  const readPending = useMemo(() => (outbox ? outbox.snapshot.bind(outbox) : noPending), [outbox]);
  const pendingAll = useSyncExternalStore(subscribePending, readPending);
  const pending = useMemo(() => {
    const stored = new Set(state.messages.map((m) => m.clientId));
    return pendingAll.filter((p) => p.conversationId === conversationId && !stored.has(p.clientId));
  }, [pendingAll, state.messages, conversationId]);

  const [loadingOlder, setLoadingOlder] = useState(false);
  const loadOlder = useCallback(async () => {
    const before = latest.current.olderCursor;
    if (!before) return;
    setLoadingOlder(true);
    try {
      const { data: older } = await client.query({
        query: CONVERSATION_MESSAGES,
        variables: { conversationId, first: THREAD_PAGE_SIZE, before },
        fetchPolicy: 'network-only',
      });
      const page = older?.conversationMessages;
      if (page) dispatch({ type: 'page', nodes: page.nodes, hasMore: page.pageInfo.hasNextPage, endCursor: page.pageInfo.endCursor, older: true });
    } finally {
      setLoadingOlder(false);
    }
  }, [client, conversationId]);

  /** A change to one message: over the socket when connected, else (or unanswered) by GraphQL. */
  const change = useCallback(
    async (event: string, payload: object, viaGraphQL: () => Promise<Message | undefined>): Promise<SocketError | null> => {
      if (transport?.connected) {
        const outcome = await emitWithAck<SocketMessage>(transport, event, payload);
        if (outcome !== NO_ACK) {
          if (!outcome.ok) return outcome.error;
          dispatch({ type: 'received', messages: [outcome.data] });
          return null;
        }
      }
      try {
        const message = await viaGraphQL();
        if (message) dispatch({ type: 'received', messages: [fromGraphQLMessage(message)] });
        return null;
      } catch (e) {
        return refusalOf(e) ?? { code: 'NETWORK', message: NETWORK_PROBLEM };
      }
    },
    [transport],
  );

  const edit = useCallback(
    (messageId: string, body: string) =>
      change(SOCKET_EVENTS.edit, { messageId, body }, async () => (await client.mutate({ mutation: EDIT_MESSAGE, variables: { messageId, body } })).data?.editMessage),
    [change, client],
  );
  const remove = useCallback(
    (messageId: string) =>
      change(SOCKET_EVENTS.delete, { messageId }, async () => (await client.mutate({ mutation: DELETE_MESSAGE, variables: { messageId } })).data?.deleteMessage),
    [change, client],
  );
  const react = useCallback(
    (messageId: string, emoji: string, on: boolean) =>
      change(SOCKET_EVENTS.react, { messageId, emoji, on }, async () => (await client.mutate({ mutation: REACT_TO_MESSAGE, variables: { messageId, emoji, on } })).data?.reactToMessage),
    [change, client],
  );

  // Typing: "typing" at most every TYPING_RESEND_MS while keys are pressed, "stopped" after TYPING_IDLE_MS.
  const typing = useRef<{ active: boolean; sentAt: number; idle: ReturnType<typeof setTimeout> | null }>({ active: false, sentAt: 0, idle: null });
  const emitTyping = useCallback(
    (on: boolean) => {
      if (transport?.connected) transport.emit(SOCKET_EVENTS.typing, { conversationId, typing: on }, () => undefined);
    },
    [transport, conversationId],
  );
  const stopTyping = useCallback(() => {
    const t = typing.current;
    if (t.idle) clearTimeout(t.idle);
    t.idle = null;
    if (t.active) emitTyping(false);
    t.active = false;
  }, [emitTyping]);
  const notifyTyping = useCallback(() => {
    const t = typing.current;
    const now = Date.now();
    if (!t.active || now - t.sentAt >= TYPING_RESEND_MS) {
      emitTyping(true);
      t.sentAt = now;
    }
    t.active = true;
    if (t.idle) clearTimeout(t.idle);
    t.idle = setTimeout(stopTyping, TYPING_IDLE_MS);
  }, [emitTyping, stopTyping]);
  useEffect(() => stopTyping, [stopTyping]);

  const send = useCallback(
    (draft: Omit<Draft, 'conversationId'>) => {
      stopTyping();
      outbox?.send({ ...draft, conversationId });
    },
    [outbox, conversationId, stopTyping],
  );
  const retry = useCallback((clientId: string) => outbox?.retry(clientId), [outbox]);
  const discard = useCallback((clientId: string) => outbox?.discard(clientId), [outbox]);

  return {
    state,
    pending,
    loading: loading && !state.loaded,
    error: state.loaded ? null : error,
    reload: () => void refetch().catch(() => undefined),
    loadOlder,
    loadingOlder,
    send,
    retry,
    discard,
    edit,
    remove,
    react,
    notifyTyping,
    stopTyping,
  };
}
