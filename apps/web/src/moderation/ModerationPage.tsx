import './moderation.css';
import { useRef, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { LIMITS } from '@kindred/domain';
import { MODERATION_QUEUE } from '@kindred/api-client';
import { useAuth } from '../auth/useAuth';
import { formErrorsFrom } from '../forms/api-errors.util';
import { EmptyState } from '../layout/EmptyState';
import { ErrorState } from '../layout/ErrorState';
import { LoadingState } from '../layout/LoadingState';
import { useDocumentTitle } from '../layout/useDocumentTitle';
import { ReportCard } from './ReportCard';

export const MODERATION_PAGE_SIZE = 20;
export const EMPTY_QUEUE_TITLE = 'No open reports — nothing needs a moderator right now';

/** The open reports, oldest first; each is resolved in place and the queue is asked for again. */
function ModerationQueue() {
  const [size, setSize] = useState(MODERATION_PAGE_SIZE);
  const { data, loading, error, refetch } = useQuery(MODERATION_QUEUE, {
    variables: { status: 'open', first: size },
    fetchPolicy: 'cache-and-network',
  });
  const [status, setStatus] = useState('');
  const statusRef = useRef<HTMLParagraphElement>(null);
  const queue = data?.moderationQueue;

  const resolved = (message: string) => {
    setStatus(message);
    // The card is about to go; keep focus on the page.
    statusRef.current?.focus();
  };

  let body;
  if (queue && queue.nodes.length > 0) {
    body = (
      <>
        <h2 className="visually-hidden">Open reports, oldest first</h2>
        <ul className="report-list">
          {queue.nodes.map((report) => (
            <li key={report.id}>
              <ReportCard report={report} onResolved={resolved} />
            </li>
          ))}
        </ul>
        {queue.pageInfo.hasNextPage ? (
          <p className="load-more">
            {size < LIMITS.page.maxSize ? (
              <button type="button" className="button button--secondary" onClick={() => setSize((s) => Math.min(s + MODERATION_PAGE_SIZE, LIMITS.page.maxSize))}>
                Show more reports
              </button>
            ) : (
              <span className="muted">More reports are waiting: resolve these to see them.</span>
            )}
          </p>
        ) : null}
      </>
    );
  } else if (queue) {
    body = (
      <EmptyState title={EMPTY_QUEUE_TITLE}>
        <p>When someone reports a message or a project, it appears here.</p>
      </EmptyState>
    );
  } else if (error) {
    body = (
      <ErrorState title="The moderation queue could not be loaded" onRetry={() => void refetch()}>
        <p>{formErrorsFrom(error, []).form}</p>
      </ErrorState>
    );
  } else if (loading) {
    body = <LoadingState label="Loading the moderation queue…" />;
  }

  return (
    <>
      <p className="moderation-page__status" role="status" tabIndex={-1} ref={statusRef}>
        {status}
      </p>
      {body}
    </>
  );
}

/**
 * Admins only: reports of messages and projects waiting for a decision. Dismiss leaves the content
 * alone; hide takes it out of view; suspend stops its author's account and hides their projects.
 */
export function ModerationPage() {
  useDocumentTitle('Moderation');
  const { account } = useAuth();
  const isAdmin = account?.role === 'admin';
  return (
    <div className="page moderation-page">
      <div className="page__header">
        <h1>Moderation</h1>
      </div>
      {isAdmin ? (
        <>
          <p className="lede">Reports people have made, oldest first. Each decision also closes every other open report on the same content.</p>
          <ModerationQueue />
        </>
      ) : (
        <ErrorState title="Only admins can moderate">
          <p>
            If something on Kindred worries you, use the Report button beside it. <Link to="/">Back to the map</Link>
          </p>
        </ErrorState>
      )}
    </div>
  );
}
