import type { QuotedMessage, ThreadMessage } from './message-list.util';
import type { MentionCandidate } from './mentions.util';
import type { ConversationThread } from './useConversationThread';
import { formErrorsFrom } from '../forms/api-errors.util';
import { ErrorState } from '../layout/ErrorState';
import { LoadingState } from '../layout/LoadingState';
import { MessageItem } from './MessageItem';
import { PendingMessageItem } from './PendingMessageItem';

interface ThreadMessageListProps {
  thread: ConversationThread;
  messages: readonly ThreadMessage[];
  myId: string | null;
  members: readonly MentionCandidate[];
  quoteFor: (parentId: string | null) => QuotedMessage | null;
  onReply: (message: ThreadMessage) => void;
  /** My newest message the other person has read (direct conversations), or null. */
  seenId?: string | null;
  /** For "Not delivered to …" on a pending message. */
  otherName?: string | null;
  labels: { loading: string; error: string; empty: string };
}

/**
 * The inside of a thread's log: "Show earlier messages", the loading / error / empty states, the
 * stored messages and my pending ones. Shared by the conversation view and a WHAMinar's discussion.
 */
export function ThreadMessageList({ thread, messages, myId, members, quoteFor, onReply, seenId = null, otherName = null, labels }: ThreadMessageListProps) {
  return (
    <>
      {thread.state.olderCursor ? (
        <p className="thread__older">
          <button
            type="button"
            className="button button--secondary button--small"
            aria-disabled={thread.loadingOlder || undefined}
            onClick={() => {
              if (!thread.loadingOlder) void thread.loadOlder().catch(() => undefined);
            }}
          >
            Show earlier messages
          </button>
        </p>
      ) : null}
      {thread.error ? (
        <ErrorState title={labels.error} onRetry={thread.reload}>
          <p>{formErrorsFrom(thread.error, []).form}</p>
        </ErrorState>
      ) : thread.loading ? (
        <LoadingState label={labels.loading} />
      ) : messages.length === 0 && thread.pending.length === 0 ? (
        <p className="thread__empty">{labels.empty}</p>
      ) : null}
      <ol className="message-list">
        {messages.map((m) => (
          <MessageItem
            key={m.id}
            message={m}
            myId={myId}
            quote={quoteFor(m.parentId)}
            members={members}
            seen={m.id === seenId}
            onReply={onReply}
            onEdit={thread.edit}
            onDelete={thread.remove}
            onReact={thread.react}
          />
        ))}
        {thread.pending.map((p) => (
          <PendingMessageItem key={p.clientId} pending={p} otherName={otherName} onRetry={thread.retry} onDiscard={thread.discard} />
        ))}
      </ol>
    </>
  );
}
