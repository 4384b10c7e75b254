import './webinars.css';
import { useMemo } from 'react';
import { useMutation } from '@apollo/client/react';
import { Link, useNavigate } from 'react-router';
import { CREATE_WEBINAR } from '@kindred/api-client';
import { useAuth } from '../auth/useAuth';
import { ErrorState } from '../layout/ErrorState';
import { useDocumentTitle } from '../layout/useDocumentTitle';
import { createInput, emptyWebinarValues } from './webinar-form.util';
import { canSchedule } from './webinar-permissions.util';
import { browserTimeZone } from './webinar-time.util';
import { WebinarForm } from './WebinarForm';

/** /webinars/new: organisers and admins schedule a WHAMinar (or a series); anyone else is told why not. */
export function NewWebinarPage({ browserZone = browserTimeZone(), now }: { browserZone?: string; now?: () => Date }) {
  useDocumentTitle('Schedule a WHAMinar');
  const { account } = useAuth();
  const navigate = useNavigate();
  const initial = useMemo(() => emptyWebinarValues(browserZone), [browserZone]);
  const [create, { loading }] = useMutation(CREATE_WEBINAR, {
    // Lists refetch when next shown; drop cached pages so none shows a stale list first.
    update: (cache) => {
      cache.evict({ fieldName: 'webinars' });
      cache.evict({ fieldName: 'recommendedWebinars' });
      cache.gc();
    },
  });

  if (!canSchedule(account)) {
    return (
      <div className="page page--form">
        <h1>Schedule a WHAMinar</h1>
        <ErrorState title="Only organisers can schedule WHAMinars">
          <p>
            If you would like to run one, ask a Kindred admin to make you an organiser. Meanwhile, <Link to="/webinars">see what is coming up</Link>.
          </p>
        </ErrorState>
      </div>
    );
  }

  return (
    <div className="page page--form">
      <h1>Schedule a WHAMinar</h1>
      <p className="lede">Enter the start in your own time zone: everyone else sees it in theirs.</p>
      <WebinarForm
        mode="create"
        initial={initial}
        busy={loading}
        browserZone={browserZone}
        now={now}
        onSubmit={async (values) => {
          const { data } = await create({ variables: { input: createInput(values) } });
          if (!data) return;
          const created = data.createWebinar;
          const flash =
            created.status === 'draft'
              ? 'Your draft is saved. Publish it when you are ready.'
              : created.series
                ? `Your series of ${created.series.occurrenceCount} WHAMinars is published. This is the first.`
                : 'Your WHAMinar is published.';
          navigate(`/webinars/${created.id}`, { state: { flash } });
        }}
        secondaryAction={
          <Link className="button button--link" to="/webinars">
            Cancel
          </Link>
        }
      />
    </div>
  );
}
