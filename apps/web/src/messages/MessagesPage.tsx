import './messages.css';
import { useParams } from 'react-router';
import { useDocumentTitle } from '../layout/useDocumentTitle';
import { ConversationView } from './ConversationView';
import { Inbox } from './Inbox';

function InboxTitle() {
  useDocumentTitle('Messages');
  return null;
}

/**
 * /messages and /messages/:conversationId. Side by side on a wide screen; on a phone the inbox and
 * the open conversation are separate screens (the conversation links back to the inbox).
 */
export function MessagesPage() {
  const { conversationId } = useParams();
  const open = !!conversationId;
  return (
    <div className={`page messages-page${open ? ' messages-page--open' : ''}`}>
      {open ? null : <InboxTitle />}
      <div className="messages-layout">
        <section className="messages-layout__inbox" aria-labelledby="inbox-heading">
          {open ? (
            <h2 id="inbox-heading" className="inbox__heading">
              Messages
            </h2>
          ) : (
            <h1 id="inbox-heading" className="inbox__heading">
              Messages
            </h1>
          )}
          <Inbox selectedId={conversationId ?? null} />
        </section>
        <section className="messages-layout__conversation" aria-label="Conversation">
          {conversationId ? (
            <ConversationView key={conversationId} conversationId={conversationId} />
          ) : (
            <p className="messages-layout__placeholder">Choose a conversation to read it here.</p>
          )}
        </section>
      </div>
    </div>
  );
}
