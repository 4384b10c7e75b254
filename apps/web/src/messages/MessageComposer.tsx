import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type KeyboardEvent, type Ref } from 'react';
import { MESSAGING_LIMITS } from '@kindred/domain';
import { findMentionQuery, insertMention, matchCandidates, mentionIdsIn, type MentionCandidate, type MentionQuery } from './mentions.util';
import { excerpt } from './message-text.util';

export interface ReplyTarget {
  readonly id: string;
  readonly authorName: string;
  readonly body: string;
}

interface MessageComposerProps {
  /** Who can be mentioned: the other members. */
  candidates: readonly MentionCandidate[];
  replyTo: ReplyTarget | null;
  onCancelReply: () => void;
  onSend: (body: string, mentionIds: string[]) => void;
  /** Each keystroke (the thread throttles what it tells others). */
  onTyping?: () => void;
  textareaRef?: Ref<HTMLTextAreaElement>;
  /** A draft to start from (e.g. naming the project the conversation started from). */
  initialValue?: string;
}

function assignRef<T>(ref: Ref<T> | undefined, value: T | null) {
  if (typeof ref === 'function') ref(value);
  else if (ref) (ref as { current: T | null }).current = value;
}

/**
 * Writing a message. Enter sends, Shift+Enter starts a new line. Typing "@" and a few letters lists
 * the matching members: the arrow keys move through them, Enter or Tab inserts "@Name", Escape
 * closes the list. The mentioned people travel as `mentionIds`.
 */
export function MessageComposer({ candidates, replyTo, onCancelReply, onSend, onTyping, textareaRef, initialValue = '' }: MessageComposerProps) {
  const id = useId();
  const boxId = `${id}-body`;
  const listId = `${id}-mentions`;
  const [value, setValue] = useState(initialValue);
  const [caret, setCaret] = useState(initialValue.length);
  const [active, setActive] = useState(0);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const [chosen, setChosen] = useState<MentionCandidate[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const box = useRef<HTMLTextAreaElement | null>(null);
  const pendingCaret = useRef<number | null>(null);

  const query: MentionQuery | null = useMemo(() => {
    const q = findMentionQuery(value, caret);
    return q && q.start !== dismissedAt ? q : null;
  }, [value, caret, dismissedAt]);
  const suggestions = useMemo(() => (query ? matchCandidates(candidates, query.text) : []), [query, candidates]);
  const open = suggestions.length > 0;
  const activeIndex = Math.min(active, Math.max(suggestions.length - 1, 0));
  const optionId = (i: number) => `${listId}-${i}`;

  // A starting draft is continued, not prefixed: the caret starts at its end.
  useEffect(() => {
    if (initialValue && box.current) box.current.setSelectionRange(initialValue.length, initialValue.length);
    // Only on mount: the draft is the person's from then on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (pendingCaret.current === null || !box.current) return;
    box.current.setSelectionRange(pendingCaret.current, pendingCaret.current);
    pendingCaret.current = null;
  }, [value]);

  const pick = (candidate: MentionCandidate) => {
    if (!query) return;
    const next = insertMention(value, query, candidate);
    setValue(next.value);
    setCaret(next.caret);
    pendingCaret.current = next.caret;
    setChosen((list) => (list.some((c) => c.id === candidate.id) ? list : [...list, candidate]));
    setActive(0);
  };

  const submit = () => {
    const body = value.trim();
    if (!body) {
      setProblem('Write a message first.');
      return;
    }
    if (body.length > MESSAGING_LIMITS.bodyMax) {
      setProblem(`A message can be at most ${MESSAGING_LIMITS.bodyMax.toLocaleString('en-GB')} characters.`);
      return;
    }
    setProblem(null);
    onSend(body, mentionIdsIn(body, chosen));
    setValue('');
    setCaret(0);
    setChosen([]);
    setDismissedAt(null);
    box.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (open) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setActive((activeIndex + step + suggestions.length) % suggestions.length);
        return;
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault();
        const candidate = suggestions[activeIndex];
        if (candidate) pick(candidate);
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        setDismissedAt(query?.start ?? null);
        return;
      }
    }
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      submit();
    } else if (event.key === 'Escape' && replyTo) {
      event.preventDefault();
      onCancelReply();
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit();
  };

  const over = value.trim().length > MESSAGING_LIMITS.bodyMax;
  const hintId = `${id}-hint`;
  const problemId = `${id}-problem`;
  return (
    <form className="composer" onSubmit={onSubmit} noValidate>
      {replyTo ? (
        <div className="composer__reply">
          <p className="composer__reply-text">
            Replying to <strong>{replyTo.authorName}</strong>: “{excerpt(replyTo.body, 80)}”
          </p>
          <button type="button" className="button button--link button--small" onClick={onCancelReply}>
            Cancel reply
          </button>
        </div>
      ) : null}
      <label className="visually-hidden" htmlFor={boxId}>
        {replyTo ? `Reply to ${replyTo.authorName}` : 'Write a message'}
      </label>
      <div className="composer__row">
        <div className="composer__field">
          <textarea
            id={boxId}
            ref={(el) => {
              box.current = el;
              assignRef(textareaRef, el);
            }}
            className="input input--textarea composer__input"
            rows={2}
            value={value}
            placeholder="Write a message"
            aria-describedby={[hintId, problem ? problemId : null].filter(Boolean).join(' ')}
            aria-invalid={problem || over ? true : undefined}
            aria-autocomplete="list"
            aria-controls={open ? listId : undefined}
            aria-activedescendant={open ? optionId(activeIndex) : undefined}
            onChange={(event) => {
              setValue(event.target.value);
              setCaret(event.target.selectionStart ?? event.target.value.length);
              setActive(0);
              if (problem) setProblem(null);
              onTyping?.();
            }}
            onSelect={(event) => setCaret(event.currentTarget.selectionStart ?? 0)}
            onKeyDown={onKeyDown}
            onBlur={() => setDismissedAt(query?.start ?? null)}
            onFocus={() => setDismissedAt(null)}
          />
          {open ? (
            <ul id={listId} className="mention-list" role="listbox" aria-label="People to mention">
              {suggestions.map((c, i) => (
                <li
                  key={c.id}
                  id={optionId(i)}
                  role="option"
                  aria-selected={i === activeIndex}
                  className={`mention-list__option${i === activeIndex ? ' mention-list__option--active' : ''}`}
                  // Keep focus in the box: choose on mouse down, before the blur.
                  onMouseDown={(event) => {
                    event.preventDefault();
                    pick(c);
                  }}
                >
                  {c.displayName}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
        <button type="submit" className="button composer__send">
          Send
        </button>
      </div>
      <p id={hintId} className="composer__hint">
        Enter sends, Shift+Enter adds a line. Type @ to mention someone.
      </p>
      <p className="visually-hidden" role="status">
        {open ? `${suggestions.length === 1 ? '1 person matches' : `${suggestions.length} people match`}. Use the up and down arrows to choose, Enter to insert.` : ''}
      </p>
      {problem ? (
        <p id={problemId} className="field__error" role="alert">
          {problem}
        </p>
      ) : null}
    </form>
  );
}
