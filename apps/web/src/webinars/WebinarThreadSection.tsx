import '../messages/messages.css';
import { useCallback, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { CONVERSATION, PIN_WEBINAR_MESSAGE, type Webinar, type WebinarThread } from '@kindred/api-client';
import { SOCKET_EVENTS, type ConversationEvent } from '@kindred/domain';
import { useAuth } from '../auth/useAuth';
import { formErrorsFrom } from '../forms/api-errors.util';
import { typingText } from '../messages/conversation-thread.reducer';
import { ConnectionStatusLine } from '../messages/ConnectionStatusLine';
import type { MentionCandidate } from '../messages/mentions.util';
import { quoteOf, type ThreadMessage } from '../messages/message-list.util';
import { DELETED_TEXT, excerpt, HIDDEN_TEXT } from '../messages/message-text.util';
import { MessageComposer, type ReplyTarget } from '../messages/MessageComposer';
import { ThreadMessageList } from '../messages/ThreadMessageList';
import { useConversationThread } from '../messages/useConversationThread';
import { useMessaging } from '../messages/useMessaging';
import { useSocketEvent } from '../messages/useSocketEvent';
import { browserTimeZone, formatDateTime } from './webinar-time.util';

interface WebinarThreadSectionProps {
  webinar: Webinar;
  viewerZone?: string;
  /** Asks for the WHAMinar again (the thread was pinned, closed or reopened). */
  onThreadChanged: () => void;
}

/**
 * The follow-up discussion on the WHAMinar's page: a conversation of kind "webinar", read and
 * written with the same live machinery as Messages (socket.io, the outbox, catch-up after a
 * reconnect). Posting opens at the start; the organiser can close it and pin a message.
 */
export function WebinarThreadSection({ webinar, viewerZone = browserTimeZone(), onThreadChanged }: WebinarThreadSectionProps) {
  const id = useId();
  const thread = webinar.thread;

  let body;
  if (!thread) {
    body = (
      <p>
        <Link to={`/sign-in?next=${encodeURIComponent(`/webinars/${webinar.id}`)}`}>Sign in</Link> and register to join the discussion.
      </p>
    );
  } else if (!thread.isMember) {
    const waiting = webinar.myRegistration?.status === 'waiting';
    body = (
      <p>
        {waiting
          ? 'You join the discussion when you get a place.'
          : 'The discussion is for the people with a place, the speakers and the organiser. Register to join it.'}{' '}
        {thread.memberCount > 0 ? `${thread.memberCount} ${thread.memberCount === 1 ? 'person is' : 'people are'} in it.` : ''}
      </p>
    );
  } else {
    body = <ThreadLog webinar={webinar} thread={thread} viewerZone={viewerZone} onThreadChanged={onThreadChanged} />;
  }

  return (
    <section className="webinar-thread" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Discussion</h2>
      {body}
    </section>
  );
}

interface ThreadLogProps {
  webinar: Webinar;
  thread: WebinarThread;
  viewerZone: string;
  onThreadChanged: () => void;
}

function ThreadLog({ webinar, thread, viewerZone, onThreadChanged }: ThreadLogProps) {
  const { account } = useAuth();
  const myId = account?.id ?? null;
  const { status } = useMessaging();
  const conversationId = thread.conversationId;
  const conversation = useQuery(CONVERSATION, { variables: { id: conversationId }, fetchPolicy: 'cache-and-network' });
  const members = conversation.data?.conversation.members;
  const live = useConversationThread(conversationId, myId, members);
  const { messages } = live.state;
  const composer = useRef<HTMLTextAreaElement>(null);
  const log = useRef<HTMLDivElement>(null);
  const [replyTo, setReplyTo] = useState<ReplyTarget | null>(null);

  // Pinned, closed, reopened, members joining: the server says so; ask again.
  useSocketEvent<ConversationEvent>(SOCKET_EVENTS.conversationUpdated, (event) => {
    if (event.conversationId !== conversationId) return;
    onThreadChanged();
    void conversation.refetch().catch(() => undefined);
  });

  const candidates: MentionCandidate[] = useMemo(
    () => (members ?? []).filter((m) => m.user.id !== myId).map((m) => ({ id: m.user.id, displayName: m.user.displayName })),
    [members, myId],
  );
  const everyone: MentionCandidate[] = useMemo(() => (members ?? []).map((m) => ({ id: m.user.id, displayName: m.user.displayName })), [members]);
  const byId = useMemo(() => new Map(messages.map((m) => [m.id, m])), [messages]);
  const quoteFor = useCallback(
    (parentId: string | null) => {
      if (!parentId) return null;
      const parent = byId.get(parentId);
      return parent ? quoteOf(parent) : (live.state.quotes[parentId] ?? null);
    },
    [byId, live.state.quotes],
  );
  const reply = useCallback(
    (message: ThreadMessage) => {
      const target = message.parentId ? quoteFor(message.parentId) : quoteOf(message);
      const body = target ? (target.hiddenAt ? HIDDEN_TEXT : target.deletedAt || target.body === null ? DELETED_TEXT : target.body) : '';
      setReplyTo({ id: message.parentId ?? message.id, authorName: target?.authorName ?? 'a deleted account', body });
      composer.current?.focus();
    },
    [quoteFor],
  );

  // Keep the newest in view while the reader is at the bottom.
  const atBottom = useRef(true);
  const lastCount = useRef(0);
  useLayoutEffect(() => {
    const el = log.current;
    const count = messages.length + live.pending.length;
    if (el && count !== lastCount.current && (atBottom.current || live.pending.length > 0)) el.scrollTop = el.scrollHeight;
    lastCount.current = count;
  }, [messages.length, live.pending.length]);

  const closed = thread.status === 'closed' || webinar.status === 'cancelled';
  // Open and not yet open for posting: it has not started.
  const notOpenYet = !closed && !thread.isOpenForPosting;
  const canWrite = !closed && thread.isOpenForPosting;

  return (
    <div className="webinar-thread__body">
      <ConnectionStatusLine status={status} />
      {closed ? (
        <p className="conversation__notice">
          {webinar.status === 'cancelled' ? 'The WHAMinar was cancelled, so the discussion is closed.' : 'The organiser closed this discussion.'} You can still read it.
        </p>
      ) : notOpenYet ? (
        <p className="conversation__notice">
          The discussion opens when the WHAMinar starts, at {formatDateTime(thread.opensAt, viewerZone)}. Until then you can read it here.
        </p>
      ) : null}
      {thread.pinnedMessage ? <PinnedMessage webinar={webinar} thread={thread} /> : null}

      <div
        className="thread"
        ref={log}
        role="log"
        aria-live="polite"
        aria-relevant="additions"
        aria-label={`Discussion of ${webinar.title}`}
        tabIndex={0}
        onScroll={(event) => {
          const el = event.currentTarget;
          atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 120;
        }}
      >
        <ThreadMessageList
          thread={live}
          messages={messages}
          myId={myId}
          members={everyone}
          quoteFor={quoteFor}
          onReply={reply}
          labels={{
            loading: 'Loading the discussion…',
            error: 'The discussion could not be loaded',
            empty: `No messages yet.${canWrite ? ' Start the conversation.' : ''}`,
          }}
        />
      </div>
      <p className="typing-line">{typingText(live.state.typing)}</p>

      {canWrite ? (
        <MessageComposer
          candidates={candidates}
          replyTo={replyTo}
          onCancelReply={() => {
            setReplyTo(null);
            composer.current?.focus();
          }}
          onSend={(body, mentionIds) => {
            live.send({ body, parentId: replyTo?.id ?? null, mentionIds });
            setReplyTo(null);
            atBottom.current = true;
          }}
          onTyping={live.notifyTyping}
          textareaRef={composer}
        />
      ) : null}
      {webinar.canManage && !closed && messages.length > 0 ? <PinPicker webinar={webinar} messages={messages} pinnedId={thread.pinnedMessage?.id ?? null} /> : null}
      <p className="muted webinar-thread__elsewhere">
        The discussion is also in <Link to={`/messages/${conversationId}`}>your messages</Link>.
      </p>
    </div>
  );
}

function PinnedMessage({ webinar, thread }: { webinar: Webinar; thread: WebinarThread }) {
  const pinned = thread.pinnedMessage;
  const [unpin, unpinning] = useMutation(PIN_WEBINAR_MESSAGE);
  const [problem, setProblem] = useState<string | null>(null);
  if (!pinned) return null;
  const text = pinned.hiddenAt ? HIDDEN_TEXT : pinned.deletedAt || pinned.body === null ? DELETED_TEXT : pinned.body;
  return (
    <aside className="webinar-pinned" aria-label="Pinned message">
      <p className="webinar-pinned__label">Pinned by the organiser</p>
      <blockquote className="webinar-pinned__body">
        <p>{text}</p>
      </blockquote>
      <p className="webinar-pinned__author">— {pinned.author?.displayName ?? 'A deleted account'}</p>
      {webinar.canManage ? (
        <button
          type="button"
          className="button button--link button--small"
          aria-disabled={unpinning.loading || undefined}
          onClick={() => {
            setProblem(null);
            unpin({ variables: { webinarId: webinar.id, messageId: null } }).catch((error: unknown) => setProblem(formErrorsFrom(error, []).form));
          }}
        >
          Unpin
        </button>
      ) : null}
      {problem ? (
        <p className="field__error" role="alert">
          {problem}
        </p>
      ) : null}
    </aside>
  );
}

/** The organiser chooses a message to pin above the discussion (a list, so it works from the keyboard). */
function PinPicker({ webinar, messages, pinnedId }: { webinar: Webinar; messages: readonly ThreadMessage[]; pinnedId: string | null }) {
  const id = useId();
  const [pin, pinning] = useMutation(PIN_WEBINAR_MESSAGE);
  const pinnable = useMemo(() => [...messages].filter((m) => m.body && !m.deletedAt && !m.hiddenAt).reverse().slice(0, 50), [messages]);
  const [choice, setChoice] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [news, setNews] = useState('');
  const chosen = choice || pinnable[0]?.id || '';
  if (pinnable.length === 0) return null;
  return (
    <form
      className="webinar-pin"
      aria-label="Pin a message"
      onSubmit={(event) => {
        event.preventDefault();
        if (pinning.loading || !chosen) return;
        setProblem(null);
        setNews('');
        pin({ variables: { webinarId: webinar.id, messageId: chosen } })
          .then(() => setNews('Pinned above the discussion.'))
          .catch((error: unknown) => setProblem(formErrorsFrom(error, []).form));
      }}
    >
      <div className="field">
        <label className="field__label" htmlFor={`${id}-message`}>
          Message to pin
        </label>
        <select id={`${id}-message`} className="input input--select" value={chosen} onChange={(e) => setChoice(e.target.value)}>
          {pinnable.map((m) => (
            <option key={m.id} value={m.id}>
              {m.id === pinnedId ? '(pinned) ' : ''}
              {m.author?.displayName ?? 'A deleted account'}: {excerpt(m.body ?? '', 70)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button button--secondary button--small" aria-disabled={pinning.loading || undefined}>
        Pin
      </button>
      <p className="form__saved" role="status">
        {news}
      </p>
      {problem ? (
        <p className="field__error" role="alert">
          {problem}
        </p>
      ) : null}
    </form>
  );
}
