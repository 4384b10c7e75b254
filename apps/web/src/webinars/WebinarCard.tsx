import { Link } from 'react-router';
import type { WebinarSummary } from '@kindred/api-client';
import { ThemeTags } from '../projects/ThemeTags';
import { placesText, registrationClosedReason } from './webinar-labels.util';
import { MyRegistrationChip } from './MyRegistrationChip';
import { WebinarStatusBadge } from './WebinarStatusBadge';
import { WebinarTime } from './WebinarTime';

interface WebinarCardProps {
  webinar: WebinarSummary;
  viewerZone?: string;
  /** Why it is recommended ("2 shared themes: housing, child poverty"). */
  reason?: string;
  headingLevel?: 2 | 3;
}

/** One WHAMinar in a list: what, when (in the viewer's zone and the organiser's), places and status. */
export function WebinarCard({ webinar, viewerZone, reason, headingLevel = 3 }: WebinarCardProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const open = registrationClosedReason(webinar) === null;
  return (
    <article className="card webinar-card">
      <Heading className="card__title">
        <Link to={`/webinars/${webinar.id}`}>{webinar.title}</Link>
      </Heading>
      <p className="card__meta">
        <WebinarStatusBadge webinar={webinar} />
        {open ? <span className="webinar-card__places">{placesText(webinar)}</span> : null}
        <MyRegistrationChip registration={webinar.myRegistration} />
      </p>
      <WebinarTime webinar={webinar} viewerZone={viewerZone} />
      <p className="card__owner">
        Organised by {webinar.organiser.displayName}
        {webinar.regionFocus ? ` · ${webinar.regionFocus.placeName ? `${webinar.regionFocus.placeName}, ` : ''}${webinar.regionFocus.region}` : ''}
      </p>
      {reason ? <p className="webinar-card__reason">{reason}</p> : null}
      <ThemeTags themes={webinar.themes} />
    </article>
  );
}
