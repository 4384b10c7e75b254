import './blocked-people.css';
import { useRef, useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { MY_BLOCKS, UNBLOCK_USER, type BlockedUser } from '@kindred/api-client';
import { formErrorsFrom } from '../forms/api-errors.util';
import { ErrorState } from '../layout/ErrorState';
import { LoadingState } from '../layout/LoadingState';
import { formatDate } from '../projects/format.util';

/**
 * The people I have blocked, each with "Unblock". A block stops new conversations and messages
 * either way and hides us from each other's peer results; unblocking lifts all of that.
 */
export function BlockedPeopleSection() {
  const { data, loading, error, refetch } = useQuery(MY_BLOCKS, { fetchPolicy: 'cache-and-network' });
  const [unblock, { loading: unblocking }] = useMutation(UNBLOCK_USER, { refetchQueries: [MY_BLOCKS], awaitRefetchQueries: true });
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const blocks = data?.myBlocks;

  const lift = async (blocked: BlockedUser) => {
    if (unblocking) return;
    setProblem(null);
    try {
      await unblock({ variables: { userId: blocked.user.id } });
      setStatus(`You unblocked ${blocked.user.displayName}.`);
      statusRef.current?.focus();
    } catch (e) {
      setProblem(formErrorsFrom(e, []).form ?? `${blocked.user.displayName} could not be unblocked.`);
    }
  };

  let body;
  if (blocks && blocks.length > 0) {
    body = (
      <ul className="blocked-list">
        {blocks.map((b) => (
          <li key={b.user.id} className="blocked-list__item">
            <span>
              <strong>{b.user.displayName}</strong> <span className="muted">{b.user.professionLabel}</span>
              <br />
              <span className="muted">
                Blocked on <time dateTime={b.blockedAt}>{formatDate(b.blockedAt)}</time>
              </span>
            </span>
            <button
              type="button"
              className="button button--secondary button--small"
              aria-disabled={unblocking || undefined}
              onClick={() => void lift(b)}
            >
              Unblock<span className="visually-hidden"> {b.user.displayName}</span>
            </button>
          </li>
        ))}
      </ul>
    );
  } else if (blocks) {
    body = <p>You have not blocked anyone.</p>;
  } else if (error) {
    body = (
      <ErrorState title="The people you blocked could not be loaded" onRetry={() => void refetch()}>
        <p>{formErrorsFrom(error, []).form}</p>
      </ErrorState>
    );
  } else if (loading) {
    body = <LoadingState label="Loading the people you blocked…" />;
  }

  return (
    <section className="panel account__section" aria-labelledby="blocked-title">
      <h2 id="blocked-title" className="panel__title">
        Blocked people
      </h2>
      <p className="muted">
        People you block cannot start a conversation with you or message you, and you do not see each other in peer results.
      </p>
      <p className="blocked-list__status" role="status" tabIndex={-1} ref={statusRef}>
        {status}
      </p>
      {problem ? (
        <p className="field__error" role="alert">
          {problem}
        </p>
      ) : null}
      {body}
    </section>
  );
}
