import './webinars.css';
import { useMemo, type ReactNode } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useNavigate, useParams } from 'react-router';
import { UPDATE_WEBINAR, WEBINAR } from '@kindred/api-client';
import { ERROR_CODES } from '@kindred/domain';
import { errorCodeOf, formErrorsFrom } from '../forms/api-errors.util';
import { ErrorState } from '../layout/ErrorState';
import { LoadingState } from '../layout/LoadingState';
import { useDocumentTitle } from '../layout/useDocumentTitle';
import { updateInput, valuesFromWebinar } from './webinar-form.util';
import { browserTimeZone } from './webinar-time.util';
import { WebinarForm } from './WebinarForm';

/** /webinars/:id/edit: its organiser or an admin changes the details; registrants are told what changed. */
export function EditWebinarPage({ browserZone = browserTimeZone(), now }: { browserZone?: string; now?: () => Date }) {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { data, loading, error, refetch } = useQuery(WEBINAR, { variables: { id }, fetchPolicy: 'network-only' });
  const [update, { loading: saving }] = useMutation(UPDATE_WEBINAR);
  const webinar = data?.webinar;
  const initial = useMemo(() => (webinar ? valuesFromWebinar(webinar) : null), [webinar]);
  useDocumentTitle(webinar ? `Edit ${webinar.title}` : 'Edit WHAMinar');

  const frame = (content: ReactNode) => (
    <div className="page page--form">
      <h1>Edit WHAMinar</h1>
      {content}
    </div>
  );

  if (!webinar || !initial) {
    if (loading) return frame(<LoadingState label="Loading the WHAMinar…" />);
    return frame(
      errorCodeOf(error) === ERROR_CODES.notFound ? (
        <ErrorState title="WHAMinar not found">
          <p>
            It may have been removed, or the address is wrong. <Link to="/webinars">See all WHAMinars</Link>
          </p>
        </ErrorState>
      ) : (
        <ErrorState title="The WHAMinar could not be loaded" onRetry={() => void refetch()}>
          <p>{formErrorsFrom(error, []).form}</p>
        </ErrorState>
      ),
    );
  }
  if (!webinar.canManage) {
    return frame(
      <ErrorState title="Only its organiser can change this WHAMinar">
        <p>
          Organisers and admins edit WHAMinars. <Link to={`/webinars/${webinar.id}`}>Back to the WHAMinar</Link>
        </p>
      </ErrorState>,
    );
  }
  if (webinar.status === 'cancelled' || webinar.status === 'finished') {
    return frame(
      <ErrorState title={`This WHAMinar is ${webinar.status} and can no longer be changed`}>
        <p>
          <Link to={`/webinars/${webinar.id}`}>Back to the WHAMinar</Link>
        </p>
      </ErrorState>,
    );
  }

  return frame(
    <>
      <p className="lede">{webinar.title}</p>
      {webinar.series && !webinar.detachedFromSeries ? (
        <p className="notice">This is one of a series. Saving changes here changes this occurrence only and takes it out of the series’ later edits.</p>
      ) : null}
      <WebinarForm
        key={webinar.id}
        mode="edit"
        initial={initial}
        savedDescriptionHtml={webinar.descriptionHtml}
        busy={saving}
        browserZone={browserZone}
        now={now}
        onSubmit={async (values) => {
          const input = updateInput(initial, values);
          if (Object.keys(input).length > 0) await update({ variables: { id: webinar.id, input } });
          navigate(`/webinars/${webinar.id}`, {
            state: { flash: Object.keys(input).length > 0 ? 'Your changes are saved. Everyone registered has been told.' : 'Nothing changed.' },
          });
        }}
        secondaryAction={
          <Link className="button button--link" to={`/webinars/${webinar.id}`}>
            Cancel
          </Link>
        }
      />
    </>,
  );
}
