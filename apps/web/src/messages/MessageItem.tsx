import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { MESSAGING_LIMITS, REACTIONS, type SocketError } from '@kindred/domain';
import { splitMentions, type MentionCandidate } from './mentions.util';
import type { QuotedMessage, ThreadMessage } from './message-list.util';
import { DELETED_TEXT, excerpt, HIDDEN_TEXT, messageTime, messageTimeFull, reactionSummary, sendErrorText } from './message-text.util';

interface MessageItemProps {
  message: ThreadMessage;
  myId: string | null;
  /** The parent this reply quotes, when it is a reply. */
  quote: QuotedMessage | null;
  /** Members, to show "@Name" of the mentioned ones as mentions. */
  members: readonly MentionCandidate[];
  /** Shows "Seen" under it (my newest message the other person has read). */
  seen: boolean;
  onReply: (message: ThreadMessage) => void;
  onEdit: (messageId: string, body: string) => Promise<SocketError | null>;
  onDelete: (messageId: string) => Promise<SocketError | null>;
  onReact: (messageId: string, emoji: string, on: boolean) => Promise<SocketError | null>;
}

type Mode = 'view' | 'editing' | 'confirm-delete';

function Body({ message, members }: { message: ThreadMessage; members: readonly MentionCandidate[] }) {
  if (message.hiddenAt) return <p className="message__body message__body--gone">{HIDDEN_TEXT}</p>;
  if (message.deletedAt || message.body === null) return <p className="message__body message__body--gone">{DELETED_TEXT}</p>;
  const mentioned = members.filter((m) => message.mentionIds.includes(m.id));
  return (
    <p className="message__body">
      {splitMentions(message.body, mentioned).map((part, i) =>
        part.mentionId ? (
          <strong key={i} className="mention">
            {part.text}
          </strong>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </p>
  );
}

function quoteText(quote: QuotedMessage): string {
  if (quote.hiddenAt) return HIDDEN_TEXT;
  if (quote.deletedAt || quote.body === null) return DELETED_TEXT;
  return `“${excerpt(quote.body)}”`;
}

/** One stored message: who and when, the quoted parent, the body, reactions and its actions. */
export function MessageItem({ message, myId, quote, members, seen, onReply, onEdit, onDelete, onReact }: MessageItemProps) {
  const id = useId();
  const mine = !!myId && message.author?.id === myId;
  const gone = !!message.deletedAt || !!message.hiddenAt || message.body === null;
  const author = mine ? 'You' : (message.author?.displayName ?? 'A deleted account');
  const whose = mine ? 'your message' : `${message.author?.displayName ?? 'a deleted account'}’s message`;
  const [mode, setMode] = useState<Mode>('view');
  const [draft, setDraft] = useState(message.body ?? '');
  const [pickerOpen, setPickerOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const reactButton = useRef<HTMLButtonElement>(null);
  const editBox = useRef<HTMLTextAreaElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const bubble = useRef<HTMLDivElement>(null);
  const previousMode = useRef<Mode>('view');

  // Focus follows the inline editor and the delete question in, and back to their button out.
  useEffect(() => {
    if (mode === 'editing') editBox.current?.focus();
    else if (mode === 'confirm-delete') confirmButton.current?.focus();
    else if (previousMode.current === 'editing') editButton.current?.focus();
    // A deleted message has no buttons left: focus stays on the message itself.
    else if (previousMode.current === 'confirm-delete') (deleteButton.current ?? bubble.current)?.focus();
    previousMode.current = mode;
  }, [mode]);

  const run = async (action: () => Promise<SocketError | null>, done?: () => void) => {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    const error = await action();
    setBusy(false);
    if (error) setProblem(sendErrorText(error));
    else done?.();
  };

  const saveEdit = (event: FormEvent) => {
    event.preventDefault();
    const body = draft.trim();
    if (!body) {
      setProblem('A message cannot be empty. Delete it instead.');
      return;
    }
    if (body.length > MESSAGING_LIMITS.bodyMax) {
      setProblem(`A message can be at most ${MESSAGING_LIMITS.bodyMax.toLocaleString('en-GB')} characters.`);
      return;
    }
    if (body === message.body) {
      setMode('view');
      return;
    }
    void run(() => onEdit(message.id, body), () => setMode('view'));
  };

  const toggleReaction = (emoji: string, on: boolean) => {
    setPickerOpen(false);
    void run(() => onReact(message.id, emoji, on));
  };

  const reactions = message.reactions.filter((r) => r.count > 0);
  const pickerId = `${id}-reactions`;
  return (
    <li className={`message${mine ? ' message--mine' : ''}`} id={`message-${message.id}`}>
      <div className="message__bubble" ref={bubble} tabIndex={-1}>
        <p className="message__meta">
          <span className="message__author">{author}</span>{' '}
          <time className="message__time" dateTime={message.createdAt} title={messageTimeFull(message.createdAt)}>
            <span className="visually-hidden">at </span>
            {messageTime(message.createdAt)}
          </time>
          {message.editedAt && !gone ? <span className="message__edited"> · edited</span> : null}
        </p>
        {message.parentId ? (
          <blockquote className="message__quote">
            <span className="visually-hidden">In reply to </span>
            {quote ? (
              <>
                <span className="message__quote-author">{quote.authorName ?? 'A deleted account'}</span>: {quoteText(quote)}
              </>
            ) : (
              'an earlier message'
            )}
          </blockquote>
        ) : null}
        {mode === 'editing' ? (
          <form className="message__edit" onSubmit={saveEdit} noValidate>
            <label className="field__label" htmlFor={`${id}-edit`}>
              Edit your message
            </label>
            <textarea
              id={`${id}-edit`}
              ref={editBox}
              className="input input--textarea"
              rows={3}
              value={draft}
              onChange={(event) => setDraft(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Escape') {
                  event.preventDefault();
                  setMode('view');
                }
              }}
            />
            <div className="message__edit-actions">
              <button type="submit" className="button button--small" aria-disabled={busy || undefined}>
                Save
              </button>
              <button type="button" className="button button--secondary button--small" onClick={() => setMode('view')}>
                Cancel
              </button>
            </div>
          </form>
        ) : (
          <Body message={message} members={members} />
        )}
        {reactions.length > 0 && !gone ? (
          <ul className="reactions" aria-label="Reactions">
            {reactions.map((r) => {
              const reacted = !!myId && r.userIds.includes(myId);
              return (
                <li key={r.emoji}>
                  <button
                    type="button"
                    className={`reaction${reacted ? ' reaction--mine' : ''}`}
                    aria-pressed={reacted}
                    aria-label={reactionSummary(r.emoji, r.count, reacted)}
                    title={reacted ? 'Remove your reaction' : 'Add this reaction'}
                    onClick={() => toggleReaction(r.emoji, !reacted)}
                  >
                    <span aria-hidden="true">
                      {r.emoji} {r.count}
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        ) : null}
      </div>
      {seen ? <p className="message__seen">Seen</p> : null}

      {!gone && mode === 'view' ? (
        <div className="message__actions">
          <button type="button" className="message__action" onClick={() => onReply(message)}>
            Reply<span className="visually-hidden"> to {whose}</span>
          </button>
          <button
            type="button"
            ref={reactButton}
            className="message__action"
            aria-expanded={pickerOpen}
            aria-controls={pickerOpen ? pickerId : undefined}
            onClick={() => setPickerOpen((o) => !o)}
          >
            React<span className="visually-hidden"> to {whose}</span>
          </button>
          {mine ? (
            <>
              <button type="button" ref={editButton} className="message__action" onClick={() => {
                setDraft(message.body ?? '');
                setProblem(null);
                setMode('editing');
              }}>
                Edit<span className="visually-hidden"> your message</span>
              </button>
              <button type="button" ref={deleteButton} className="message__action" onClick={() => setMode('confirm-delete')}>
                Delete<span className="visually-hidden"> your message</span>
              </button>
            </>
          ) : null}
        </div>
      ) : null}

      {pickerOpen && !gone ? (
        <div id={pickerId} className="reaction-picker" role="group" aria-label={`React to ${whose}`}>
          {REACTIONS.map((r) => {
            const reacted = !!myId && !!message.reactions.find((x) => x.emoji === r.emoji)?.userIds.includes(myId);
            return (
              <button
                key={r.emoji}
                type="button"
                className={`reaction${reacted ? ' reaction--mine' : ''}`}
                aria-pressed={reacted}
                aria-label={r.label}
                title={r.label}
                onClick={() => {
                  toggleReaction(r.emoji, !reacted);
                  reactButton.current?.focus();
                }}
                onKeyDown={(event) => {
                  if (event.key === 'Escape') {
                    setPickerOpen(false);
                    reactButton.current?.focus();
                  }
                }}
              >
                <span aria-hidden="true">{r.emoji}</span>
              </button>
            );
          })}
        </div>
      ) : null}

      {mode === 'confirm-delete' ? (
        <div className="confirm message__confirm" role="group" aria-labelledby={`${id}-delete-q`}>
          <p id={`${id}-delete-q`} className="confirm__question">
            Delete this message? Everyone will see “{DELETED_TEXT.toLowerCase()}” instead.
          </p>
          <div className="confirm__actions">
            <button
              type="button"
              ref={confirmButton}
              className="button button--danger button--small"
              aria-disabled={busy || undefined}
              onClick={() => void run(() => onDelete(message.id), () => setMode('view'))}
            >
              Yes, delete it
            </button>
            <button type="button" className="button button--secondary button--small" onClick={() => setMode('view')}>
              Cancel
            </button>
          </div>
        </div>
      ) : null}

      {problem ? (
        <p className="field__error message__problem" role="alert">
          {problem}
        </p>
      ) : null}
    </li>
  );
}
