import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Link, useLocation } from 'react-router';
import { CONVERSATION, type Conversation } from '@kindred/api-client';
import { ERROR_CODES, professionLabel, SOCKET_EVENTS, type ConversationEvent } from '@kindred/domain';
import { useAuth } from '../auth/useAuth';
import { errorCodeOf, formErrorsFrom } from '../forms/api-errors.util';
import { ErrorState } from '../layout/ErrorState';
import { LoadingState } from '../layout/LoadingState';
import { useDocumentTitle } from '../layout/useDocumentTitle';
import { typingText } from './conversation-thread.reducer';
import { ConnectionStatusLine } from './ConnectionStatusLine';
import type { MentionCandidate } from './mentions.util';
import { quoteOf, seenMessageId, type ThreadMessage } from './message-list.util';
import { DELETED_TEXT, HIDDEN_TEXT } from './message-text.util';
import { LeaveGroupButton } from './LeaveGroupButton';
import { MessageComposer, type ReplyTarget } from './MessageComposer';
import { MessageRequestPanel } from './MessageRequestPanel';
import { ThreadMessageList } from './ThreadMessageList';
import { useConversationThread } from './useConversationThread';
import { useMessaging } from './useMessaging';
import { useSocketEvent } from './useSocketEvent';

/** What the Message button passes along when it opens a conversation from a project. */
export interface MessagesLocationState {
  readonly aboutProject?: { readonly id: string; readonly title: string };
}

/** How close to the bottom (px) still counts as "reading the newest", so new messages scroll into view. */
const STICK_TO_BOTTOM_PX = 120;

function subtitle(conversation: Conversation, myId: string | null): string {
  if (conversation.kind === 'direct' && conversation.otherMember) {
    const other = conversation.otherMember;
    return [professionLabel(other.profession, other.specialty), other.organisation].filter(Boolean).join(', ');
  }
  const others = conversation.members.filter((m) => m.user.id !== myId).map((m) => m.user.displayName);
  return `${conversation.memberCount} members: you${others.length ? `, ${others.join(', ')}` : ''}`;
}

function StatusNotice({ conversation }: { conversation: Conversation }) {
  const name = conversation.otherMember?.displayName ?? 'They';
  if (conversation.status === 'declined') {
    return <p className="conversation__notice">This message request was declined. No more messages can be sent here.</p>;
  }
  if (conversation.status === 'closed') {
    return <p className="conversation__notice">This conversation is closed. No more messages can be sent here.</p>;
  }
  if (conversation.status === 'request' && !conversation.isIncomingRequest) {
    return (
      <p className="conversation__notice">
        This is a message request: {name} can read it and choose to accept. They cannot reply until they do.
      </p>
    );
  }
  return null;
}

/** One conversation: its messages live, typing, read receipts, and writing replies, edits and reactions. */
export function ConversationView({ conversationId }: { conversationId: string }) {
  const { account } = useAuth();
  const myId = account?.id ?? null;
  const { status } = useMessaging();
  const { data, error, loading, refetch } = useQuery(CONVERSATION, { variables: { id: conversationId }, fetchPolicy: 'cache-and-network' });
  const conversation = data?.conversation;
  const [removed, setRemoved] = useState(false);
  const about = (useLocation().state as MessagesLocationState | null)?.aboutProject ?? null;
  useDocumentTitle(conversation ? `${conversation.displayTitle} – Messages` : 'Messages');

  useSocketEvent<ConversationEvent>(SOCKET_EVENTS.conversationUpdated, (event) => {
    if (event.conversationId === conversationId) void refetch().catch(() => undefined);
  });
  useSocketEvent<ConversationEvent>(SOCKET_EVENTS.conversationRemoved, (event) => {
    if (event.conversationId === conversationId) setRemoved(true);
  });

  const thread = useConversationThread(conversationId, myId, conversation?.members);
  const { messages } = thread.state;
  const composer = useRef<HTMLTextAreaElement>(null);
  const log = useRef<HTMLDivElement>(null);
  const [replyTo, setReplyTo] = useState<ReplyTarget | null>(null);

  const members: MentionCandidate[] = useMemo(
    () => (conversation?.members ?? []).map((m) => ({ id: m.user.id, displayName: m.user.displayName })),
    [conversation?.members],
  );
  const candidates = useMemo(() => members.filter((m) => m.id !== myId), [members, myId]);
  const byId = useMemo(() => new Map(messages.map((m) => [m.id, m])), [messages]);
  const other = conversation?.kind === 'direct' ? conversation.otherMember : null;
  const seenId = other ? seenMessageId(messages, myId, thread.state.readSeqs[other.id] ?? 0) : null;

  const quoteFor = useCallback(
    (parentId: string | null) => {
      if (!parentId) return null;
      const parent = byId.get(parentId);
      return parent ? quoteOf(parent) : (thread.state.quotes[parentId] ?? null);
    },
    [byId, thread.state.quotes],
  );

  // Replies are one level deep: replying to a reply answers its parent.
  const reply = useCallback(
    (message: ThreadMessage) => {
      const target = message.parentId ? quoteFor(message.parentId) : quoteOf(message);
      const id = message.parentId ?? message.id;
      const body = target ? (target.hiddenAt ? HIDDEN_TEXT : target.deletedAt || target.body === null ? DELETED_TEXT : target.body) : '';
      setReplyTo({ id, authorName: target?.authorName ?? 'a deleted account', body });
      composer.current?.focus();
    },
    [quoteFor],
  );

  // Keep the newest messages in view while the reader is at the bottom (always after my own send).
  const atBottom = useRef(true);
  const lastCount = useRef(0);
  useLayoutEffect(() => {
    const el = log.current;
    const count = messages.length + thread.pending.length;
    if (el && count !== lastCount.current && (atBottom.current || thread.pending.length > 0)) el.scrollTop = el.scrollHeight;
    lastCount.current = count;
  }, [messages.length, thread.pending.length]);

  const typing = typingText(thread.state.typing);

  // After accepting a request the composer appears: take the person straight to it.
  const [focusComposer, setFocusComposer] = useState(false);
  const canWrite =
    !!conversation && !removed && (conversation.status === 'open' || (conversation.status === 'request' && !conversation.isIncomingRequest));
  useEffect(() => {
    if (focusComposer && canWrite && composer.current) {
      composer.current.focus();
      setFocusComposer(false);
    }
  }, [focusComposer, canWrite]);

  if (removed) {
    return (
      <div className="conversation">
        <h1 className="conversation__title">Conversation</h1>
        <ErrorState title="You are no longer in this conversation">
          <p>
            <Link to="/messages">Back to your conversations</Link>
          </p>
        </ErrorState>
      </div>
    );
  }

  if (!conversation) {
    const code = errorCodeOf(error);
    const gone = code === ERROR_CODES.notFound || code === ERROR_CODES.notAMember || code === ERROR_CODES.forbidden;
    return (
      <div className="conversation">
        <h1 className="conversation__title">Conversation</h1>
        {error ? (
          gone ? (
            <ErrorState title="This conversation is not available">
              <p>
                It may have been removed, or you are not in it. <Link to="/messages">Back to your conversations</Link>
              </p>
            </ErrorState>
          ) : (
            <ErrorState title="The conversation could not be loaded" onRetry={() => void refetch()}>
              <p>{formErrorsFrom(error, []).form}</p>
            </ErrorState>
          )
        ) : loading ? (
          <LoadingState label="Loading the conversation…" />
        ) : null}
      </div>
    );
  }

  return (
    <div className="conversation">
      <div className="conversation__header">
        <Link className="conversation__back" to="/messages">
          <span aria-hidden="true">←</span>All conversations
        </Link>
        <h1 className="conversation__title">{conversation.displayTitle}</h1>
        <p className="conversation__subtitle">{subtitle(conversation, myId)}</p>
        {conversation.kind === 'group' ? <LeaveGroupButton conversationId={conversation.id} title={conversation.displayTitle} /> : null}
        <ConnectionStatusLine status={status} />
      </div>

      {conversation.isIncomingRequest ? <MessageRequestPanel conversation={conversation} onAccepted={() => setFocusComposer(true)} /> : null}
      <StatusNotice conversation={conversation} />

      <div
        className="thread"
        ref={log}
        role="log"
        aria-live="polite"
        aria-relevant="additions"
        aria-label={`Messages with ${conversation.displayTitle}`}
        tabIndex={0}
        onScroll={(event) => {
          const el = event.currentTarget;
          atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < STICK_TO_BOTTOM_PX;
        }}
      >
        <ThreadMessageList
          thread={thread}
          messages={messages}
          myId={myId}
          members={members}
          quoteFor={quoteFor}
          onReply={reply}
          seenId={seenId}
          otherName={other?.displayName ?? null}
          labels={{ loading: 'Loading messages…', error: 'The messages could not be loaded', empty: `No messages yet.${canWrite ? ' Say hello.' : ''}` }}
        />
      </div>
      <p className="typing-line">{typing}</p>

      {canWrite ? (
        <MessageComposer
          candidates={candidates}
          replyTo={replyTo}
          onCancelReply={() => {
            setReplyTo(null);
            composer.current?.focus();
          }}
          onSend={(body, mentionIds) => {
            thread.send({ body, parentId: replyTo?.id ?? null, mentionIds });
            setReplyTo(null);
            atBottom.current = true;
          }}
          onTyping={thread.notifyTyping}
          textareaRef={composer}
          initialValue={about && !conversation.lastMessage ? `Hello, I saw your project “${about.title}” on Kindred. ` : ''}
        />
      ) : null}
    </div>
  );
}
