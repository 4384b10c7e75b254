import './webinars.css';
import { useState, type ReactNode } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { MARK_WEBINAR_ATTENDANCE, WEBINAR, WEBINAR_REGISTRATIONS, type WebinarRegistration } from '@kindred/api-client';
import { ERROR_CODES, professionLabel } from '@kindred/domain';
import { useAccessTokenSource } from '../auth/AccessTokenContext';
import { errorCodeOf, formErrorsFrom } from '../forms/api-errors.util';
import { EmptyState } from '../layout/EmptyState';
import { ErrorState } from '../layout/ErrorState';
import { LoadingState } from '../layout/LoadingState';
import { useDocumentTitle } from '../layout/useDocumentTitle';
import { downloadWithSession } from './authorized-download.util';
import { fileSlug, ordinal } from './webinar-labels.util';
import { browserTimeZone, formatDateTime } from './webinar-time.util';

function statusText(r: WebinarRegistration): string {
  if (r.status === 'registered') return 'Has a place';
  if (r.status === 'waiting') return r.waitingPosition ? `Waiting (${ordinal(r.waitingPosition)})` : 'Waiting';
  return 'Cancelled';
}

function sourceText(r: WebinarRegistration): string {
  if (!r.attended) return '';
  return r.attendanceSource === 'check-in' ? 'Checked in' : 'Marked by the organiser';
}

/** "12 with a place, 3 waiting, 2 cancelled; 8 attended". */
export function registrationSummary(rows: readonly WebinarRegistration[]): string {
  const count = (status: WebinarRegistration['status']) => rows.filter((r) => r.status === status).length;
  const attended = rows.filter((r) => r.attended).length;
  return `${count('registered')} with a place, ${count('waiting')} waiting, ${count('cancelled')} cancelled; ${attended} attended`;
}

type CsvState = { kind: 'idle' } | { kind: 'working' } | { kind: 'done'; filename: string } | { kind: 'failed'; message: string };

/**
 * /webinars/:id/registrations: the organiser's (or an admin's) list of registrants, the waiting
 * list in order and cancellations, with attendance ticked once it has started, and a CSV export.
 */
export function WebinarRegistrationsPage({ viewerZone = browserTimeZone() }: { viewerZone?: string }) {
  const { id = '' } = useParams();
  const session = useAccessTokenSource();
  const webinarQuery = useQuery(WEBINAR, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const webinar = webinarQuery.data?.webinar;
  const canManage = !!webinar?.canManage;
  const list = useQuery(WEBINAR_REGISTRATIONS, { variables: { webinarId: id }, skip: !canManage, fetchPolicy: 'cache-and-network' });
  const [mark] = useMutation(MARK_WEBINAR_ATTENDANCE);
  const [savingId, setSavingId] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [news, setNews] = useState('');
  const [csv, setCsv] = useState<CsvState>({ kind: 'idle' });
  useDocumentTitle(webinar ? `Registrants – ${webinar.title}` : 'Registrants');

  const frame = (content: ReactNode) => (
    <div className="page webinar-registrants">
      <p className="webinar-detail__back">
        <Link to={webinar ? `/webinars/${webinar.id}` : '/webinars'}>
          <span aria-hidden="true">← </span>
          {webinar ? 'Back to the WHAMinar' : 'All WHAMinars'}
        </Link>
      </p>
      <h1>Registrants{webinar ? <span className="webinar-registrants__subtitle">{webinar.title}</span> : null}</h1>
      {content}
    </div>
  );

  if (!webinar) {
    if (webinarQuery.error) {
      return frame(
        errorCodeOf(webinarQuery.error) === ERROR_CODES.notFound ? (
          <ErrorState title="WHAMinar not found">
            <p>
              <Link to="/webinars">See all WHAMinars</Link>
            </p>
          </ErrorState>
        ) : (
          <ErrorState title="The WHAMinar could not be loaded" onRetry={() => void webinarQuery.refetch()}>
            <p>{formErrorsFrom(webinarQuery.error, []).form}</p>
          </ErrorState>
        ),
      );
    }
    return frame(<LoadingState label="Loading the registrants…" />);
  }
  if (!canManage) {
    return frame(
      <ErrorState title="Only its organiser can see who registered">
        <p>
          Organisers and admins see the registrants of their WHAMinars. <Link to={`/webinars/${webinar.id}`}>Back to the WHAMinar</Link>
        </p>
      </ErrorState>,
    );
  }

  const started = webinar.isLive || webinar.isPast;
  const rows = list.data?.webinarRegistrations;

  const setAttended = async (r: WebinarRegistration, attended: boolean) => {
    if (savingId) return;
    setSavingId(r.user.id);
    setProblem(null);
    setNews('');
    try {
      await mark({
        variables: { webinarId: webinar.id, userIds: [r.user.id], attended },
        update: (cache, { data }) => {
          if (data) cache.writeQuery({ query: WEBINAR_REGISTRATIONS, variables: { webinarId: webinar.id }, data: { webinarRegistrations: data.markWebinarAttendance } });
        },
      });
      setNews(attended ? `${r.user.displayName} marked as attended.` : `${r.user.displayName} no longer marked as attended.`);
    } catch (error) {
      setProblem(formErrorsFrom(error, []).form ?? 'Attendance could not be saved. Try again.');
    } finally {
      setSavingId(null);
    }
  };

  const exportCsv = async () => {
    if (csv.kind === 'working') return;
    setCsv({ kind: 'working' });
    try {
      const filename = await downloadWithSession(`/api/webinars/${encodeURIComponent(webinar.id)}/registrations.csv`, `registrations-${fileSlug(webinar.title)}.csv`, session);
      setCsv({ kind: 'done', filename });
    } catch (error) {
      setCsv({ kind: 'failed', message: error instanceof Error ? error.message : 'The file could not be downloaded.' });
    }
  };

  let body;
  if (rows && rows.length > 0) {
    body = (
      <>
        <p className="webinar-registrants__summary">{registrationSummary(rows)}</p>
        {!started ? <p className="muted">Attendance can be marked once the WHAMinar has started ({formatDateTime(webinar.startsAt, viewerZone)}).</p> : null}
        <div className="data-table__wrap">
          <table className="data-table webinar-registrants__table">
            <caption className="visually-hidden">Registrants of {webinar.title}: places first, then the waiting list in order, then cancellations</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Status</th>
                <th scope="col">Signed up</th>
                <th scope="col">Attended</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const checkboxId = `attended-${r.user.id}`;
                return (
                  <tr key={r.user.id}>
                    <th scope="row" className="webinar-registrants__name">
                      {r.user.displayName}
                      <span className="webinar-registrants__role">
                        {professionLabel(r.user.profession, r.user.specialty)}
                        {r.user.organisation ? `, ${r.user.organisation}` : ''}
                      </span>
                    </th>
                    <td>{statusText(r)}</td>
                    <td>{formatDateTime(r.signedUpAt, viewerZone)}</td>
                    <td>
                      {r.status === 'registered' ? (
                        <div className="choice">
                          <input
                            id={checkboxId}
                            type="checkbox"
                            className="choice__input"
                            checked={r.attended}
                            disabled={!started || webinar.status === 'cancelled'}
                            aria-disabled={savingId === r.user.id || undefined}
                            onChange={(e) => void setAttended(r, e.target.checked)}
                          />
                          <label className="choice__label" htmlFor={checkboxId}>
                            <span className="visually-hidden">{r.user.displayName} attended</span>
                            <span aria-hidden="true">{r.attended ? 'Yes' : 'No'}</span>
                          </label>
                        </div>
                      ) : (
                        <span className="muted">—</span>
                      )}
                      {r.attended ? <span className="webinar-registrants__source">{sourceText(r)}</span> : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </>
    );
  } else if (rows) {
    body = (
      <EmptyState title="Nobody has registered yet">
        <p>
          Share the WHAMinar’s page: <Link to={`/webinars/${webinar.id}`}>{webinar.title}</Link>.
        </p>
      </EmptyState>
    );
  } else if (list.error) {
    body = (
      <ErrorState title="The registrants could not be loaded" onRetry={() => void list.refetch()}>
        <p>{formErrorsFrom(list.error, []).form}</p>
      </ErrorState>
    );
  } else {
    body = <LoadingState label="Loading the registrants…" />;
  }

  return frame(
    <>
      <div className="webinar-registrants__actions">
        <button type="button" className="button button--secondary" aria-disabled={csv.kind === 'working' || undefined} onClick={() => void exportCsv()}>
          Download as CSV
        </button>
        <p className="form__saved" role="status">
          {csv.kind === 'working' ? 'Preparing the file…' : csv.kind === 'done' ? `Downloaded ${csv.filename}.` : ''}
        </p>
        {csv.kind === 'failed' ? (
          <p className="field__error" role="alert">
            {csv.message}
          </p>
        ) : null}
      </div>
      {body}
      <p className="form__saved" role="status">
        {news}
      </p>
      {problem ? (
        <p className="field__error" role="alert">
          {problem}
        </p>
      ) : null}
    </>,
  );
}
