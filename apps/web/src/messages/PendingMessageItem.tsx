import type { PendingMessage } from './message-outbox';
import { sendErrorText } from './message-text.util';

interface PendingMessageItemProps {
  pending: PendingMessage;
  /** The other person in a direct conversation, for clearer refusals. */
  otherName: string | null;
  onRetry: (clientId: string) => void;
  onDiscard: (clientId: string) => void;
}

/** A message I wrote that is not stored yet: "Sending…", or why it was refused, with "Try again". */
export function PendingMessageItem({ pending, otherName, onRetry, onDiscard }: PendingMessageItemProps) {
  const failed = pending.status === 'failed';
  return (
    <li className={`message message--mine message--pending${failed ? ' message--failed' : ''}`} data-client-id={pending.clientId}>
      <div className="message__bubble">
        <p className="message__meta">
          <span className="message__author">You</span>
        </p>
        <p className="message__body">{pending.body}</p>
      </div>
      {failed && pending.error ? (
        <div className="message__failure">
          <p className="field__error" role="alert">
            Not sent: {sendErrorText(pending.error, otherName)}
          </p>
          <div className="message__actions">
            <button type="button" className="message__action" onClick={() => onRetry(pending.clientId)}>
              Try again<span className="visually-hidden"> to send “{pending.body.slice(0, 40)}”</span>
            </button>
            <button type="button" className="message__action" onClick={() => onDiscard(pending.clientId)}>
              Discard<span className="visually-hidden"> “{pending.body.slice(0, 40)}”</span>
            </button>
          </div>
        </div>
      ) : (
        <p className="message__status">{pending.waiting ? 'Waiting for the connection…' : 'Sending…'}</p>
      )}
    </li>
  );
}
