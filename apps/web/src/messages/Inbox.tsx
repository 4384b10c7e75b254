import { useMemo, useRef, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { MY_CONVERSATIONS, type Clinician } from '@kindred/api-client';
import { formErrorsFrom } from '../forms/api-errors.util';
import { EmptyState } from '../layout/EmptyState';
import { ErrorState } from '../layout/ErrorState';
import { LoadingState } from '../layout/LoadingState';
import { ConversationList } from './ConversationList';
import { NewGroupForm } from './NewGroupForm';

export const INBOX_PAGE_SIZE = 50;

/** My conversations by activity, the message requests waiting for me, and a way to start a group. */
export function Inbox({ selectedId }: { selectedId: string | null }) {
  const [params] = useSearchParams();
  const { pathname } = useLocation();
  const tab = params.get('tab') === 'requests' ? 'requests' : 'all';
  const all = useQuery(MY_CONVERSATIONS, { variables: { first: INBOX_PAGE_SIZE }, fetchPolicy: 'cache-and-network' });
  const requests = useQuery(MY_CONVERSATIONS, { variables: { first: INBOX_PAGE_SIZE, requests: true }, fetchPolicy: 'cache-and-network' });
  const [creating, setCreating] = useState(false);
  const newGroupButton = useRef<HTMLButtonElement>(null);

  const conversations = useMemo(() => all.data?.myConversations.nodes.filter((c) => !c.isIncomingRequest), [all.data]);
  const incoming = requests.data?.myConversations.nodes;
  const requestCount = incoming?.length ?? 0;
  const people = useMemo(() => {
    const seen = new Map<string, Clinician>();
    for (const c of conversations ?? []) if (c.kind === 'direct' && c.status === 'open' && c.otherMember) seen.set(c.otherMember.id, c.otherMember);
    return [...seen.values()].sort((a, b) => a.displayName.localeCompare(b.displayName, 'en-GB'));
  }, [conversations]);

  const current = tab === 'requests' ? requests : all;
  const nodes = tab === 'requests' ? incoming : conversations;
  const search = tab === 'requests' ? '?tab=requests' : '';

  let body;
  if (nodes && nodes.length > 0) {
    body = (
      <ConversationList
        conversations={nodes}
        selectedId={selectedId}
        search={search}
        label={tab === 'requests' ? 'Message requests' : 'Conversations, most recent first'}
      />
    );
  } else if (nodes) {
    body =
      tab === 'requests' ? (
        <EmptyState title="No message requests">
          <p>When someone you have not talked with messages you, their request waits here for your answer.</p>
        </EmptyState>
      ) : (
        <EmptyState title="No conversations yet">
          <p>
            <Link to="/">Find peers on the map</Link> and message them from their project card.
          </p>
        </EmptyState>
      );
  } else if (current.error) {
    body = (
      <ErrorState title="Your conversations could not be loaded" onRetry={() => void current.refetch().catch(() => undefined)}>
        <p>{formErrorsFrom(current.error, []).form}</p>
      </ErrorState>
    );
  } else {
    body = <LoadingState label="Loading your conversations…" />;
  }

  return (
    <div className="inbox">
      <nav aria-label="Conversation lists">
        <ul className="inbox-tabs">
          <li>
            <Link to={pathname} className="inbox-tabs__link" aria-current={tab === 'all' ? 'page' : undefined}>
              Conversations
            </Link>
          </li>
          <li>
            <Link
              to={`${pathname}?tab=requests`}
              className="inbox-tabs__link"
              aria-current={tab === 'requests' ? 'page' : undefined}
              aria-label={requestCount ? `Requests, ${requestCount} waiting` : undefined}
            >
              Requests
              {requestCount ? (
                <span className="unread-badge" aria-hidden="true">
                  {requestCount}
                </span>
              ) : null}
            </Link>
          </li>
        </ul>
      </nav>
      {body}
      <div className="inbox__new-group">
        {creating ? (
          <NewGroupForm
            people={people}
            onCancel={() => {
              setCreating(false);
              requestAnimationFrame(() => newGroupButton.current?.focus());
            }}
          />
        ) : (
          <button ref={newGroupButton} type="button" className="button button--secondary button--small" onClick={() => setCreating(true)}>
            New group
          </button>
        )}
      </div>
    </div>
  );
}
