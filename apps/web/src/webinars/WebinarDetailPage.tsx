import './webinars.css';
import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { WEBINAR, type Webinar } from '@kindred/api-client';
import { ERROR_CODES, professionLabel } from '@kindred/domain';
import { errorCodeOf, formErrorsFrom } from '../forms/api-errors.util';
import { ErrorState } from '../layout/ErrorState';
import { LoadingState } from '../layout/LoadingState';
import { useDocumentTitle } from '../layout/useDocumentTitle';
import { ThemeTags } from '../projects/ThemeTags';
import { AddToCalendar } from './AddToCalendar';
import { OrganiserTools } from './OrganiserTools';
import { RegistrationPanel } from './RegistrationPanel';
import { useRefreshAt } from './useRefreshAt';
import { speakerText } from './webinar-labels.util';
import { browserTimeZone, durationText } from './webinar-time.util';
import { WebinarResources } from './WebinarResources';
import { WebinarStatusBadge } from './WebinarStatusBadge';
import { WebinarThreadSection } from './WebinarThreadSection';
import { WebinarTime } from './WebinarTime';

function StatusNotice({ webinar }: { webinar: Webinar }) {
  if (webinar.status === 'cancelled') {
    return (
      <div className="notice webinar-notice webinar-notice--cancelled" role="note">
        This WHAMinar was cancelled.{webinar.cancelReason ? ` The organiser said: “${webinar.cancelReason}”` : ''}
      </div>
    );
  }
  if (webinar.status === 'draft') {
    return (
      <div className="notice webinar-notice" role="note">
        This is a draft: only its organiser and admins can see it. Publish it to let people find it and register.
      </div>
    );
  }
  if (webinar.status === 'finished' || webinar.isPast) {
    return (
      <div className="notice webinar-notice" role="note">
        This WHAMinar has finished. The discussion carries on below for everyone who had a place.
      </div>
    );
  }
  if (webinar.isLive) {
    return (
      <div className="notice webinar-notice webinar-notice--live" role="note">
        This WHAMinar is on now.
      </div>
    );
  }
  return null;
}

/**
 * /webinars/:id: what, when (in the viewer's zone and the organiser's), who speaks, registration
 * and the join link, calendar files, resources and the live follow-up discussion; for the
 * organiser, the tools to run it.
 */
export function WebinarDetailPage({ viewerZone = browserTimeZone() }: { viewerZone?: string }) {
  const { id = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(WEBINAR, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const webinar = data?.webinar;
  useDocumentTitle(webinar ? webinar.title : error ? 'WHAMinar not found' : 'WHAMinar');
  const refresh = () => void refetch().catch(() => undefined);
  // The join link, the discussion and check-in change at these moments: ask the server again then.
  useRefreshAt([webinar?.joinUrlAvailableAt, webinar?.startsAt, webinar?.endsAt], refresh);

  if (!webinar) {
    const notFound = errorCodeOf(error) === ERROR_CODES.notFound;
    return (
      <div className="page">
        <h1>{notFound ? 'WHAMinar not found' : 'WHAMinar'}</h1>
        {error ? (
          notFound ? (
            <ErrorState title="There is no WHAMinar at this address">
              <p>
                It may be a draft, or the address may be wrong. <Link to="/webinars">See all WHAMinars</Link>
              </p>
            </ErrorState>
          ) : (
            <ErrorState title="The WHAMinar could not be loaded" onRetry={refresh}>
              <p>{formErrorsFrom(error, []).form}</p>
            </ErrorState>
          )
        ) : loading ? (
          <LoadingState label="Loading the WHAMinar…" />
        ) : null}
      </div>
    );
  }

  const organiser = webinar.organiser;
  return (
    <div className="page webinar-detail">
      <p className="webinar-detail__back">
        <Link to="/webinars">
          <span aria-hidden="true">← </span>All WHAMinars
        </Link>
      </p>
      <div className="page__header">
        <div>
          <p className="eyebrow">WHAMinar</p>
          <h1>{webinar.title}</h1>
        </div>
        <p className="card__meta">
          <WebinarStatusBadge webinar={webinar} />
        </p>
      </div>
      <StatusNotice webinar={webinar} />

      {/* Reading order: the details, then registration and calendars, then the discussion; on a wide
          screen the second sits beside the other two. */}
      <div className="webinar-detail__layout">
        <div className="webinar-detail__main">
          <section aria-labelledby="webinar-when-title" className="webinar-detail__when">
            <h2 id="webinar-when-title" className="visually-hidden">
              When
            </h2>
            <WebinarTime webinar={webinar} viewerZone={viewerZone} />
            <p className="muted">
              {durationText(webinar.durationMinutes)}
              {webinar.series && !webinar.detachedFromSeries ? ` · One of a series of ${webinar.series.occurrenceCount}` : ''}
              {webinar.series && webinar.detachedFromSeries ? ' · Changed on its own, apart from its series' : ''}
            </p>
          </section>

          {/* descriptionHtml is rendered by the API from Markdown with raw HTML refused and only
              https links allowed (apps/api/src/webinars/markdown.util.ts): it is safe to insert as is. */}
          <div className="prose webinar-description" dangerouslySetInnerHTML={{ __html: webinar.descriptionHtml }} />

          {webinar.speakers.length > 0 ? (
            <section aria-labelledby="webinar-speakers-title">
              <h2 id="webinar-speakers-title">Speakers</h2>
              <ul className="webinar-speakers">
                {webinar.speakers.map((s, i) => (
                  <li key={s.user?.id ?? `${s.name}-${i}`}>{speakerText(s)}</li>
                ))}
              </ul>
            </section>
          ) : null}

          {webinar.themes.length > 0 ? (
            <section aria-labelledby="webinar-themes-title">
              <h2 id="webinar-themes-title">Themes</h2>
              <ThemeTags themes={webinar.themes} />
            </section>
          ) : null}

          {webinar.regionFocus ? (
            <section aria-labelledby="webinar-region-title">
              <h2 id="webinar-region-title">Region</h2>
              <p>
                {webinar.regionFocus.placeName ? `${webinar.regionFocus.placeName}, ` : ''}
                {webinar.regionFocus.region}
                {webinar.regionFocus.point ? (
                  <>
                    {' · '}
                    <Link to={`/?lat=${webinar.regionFocus.point.lat}&lng=${webinar.regionFocus.point.lng}&z=9`}>See the area on the map</Link>
                  </>
                ) : null}
              </p>
            </section>
          ) : null}

          <WebinarResources webinar={webinar} />
        </div>

        <div className="webinar-detail__aside">
          <RegistrationPanel webinar={webinar} viewerZone={viewerZone} />
          {webinar.status !== 'draft' ? <AddToCalendar webinar={webinar} /> : null}
          <section className="panel" aria-labelledby="webinar-organiser-title">
            <h2 id="webinar-organiser-title" className="panel__title">
              Organiser
            </h2>
            <p className="panel__lead">{organiser.displayName}</p>
            <p>{professionLabel(organiser.profession, organiser.specialty)}</p>
            {organiser.organisation ? <p>{organiser.organisation}</p> : null}
          </section>
          {webinar.canManage ? <OrganiserTools webinar={webinar} /> : null}
        </div>

        <div className="webinar-detail__thread">
          <WebinarThreadSection webinar={webinar} viewerZone={viewerZone} onThreadChanged={refresh} />
        </div>
      </div>
    </div>
  );
}
