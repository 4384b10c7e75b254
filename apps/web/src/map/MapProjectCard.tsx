import type { Ref } from 'react';
import { Link } from 'react-router';
import type { MapProject } from '@kindred/api-client';
import { professionLabel, stageLabel } from '@kindred/domain';
import { distanceKm, formatApproxDistance, type LatLng } from '@kindred/geo';
import { MessageButton } from '../messages/MessageButton';
import { ThemeTags } from '../projects/ThemeTags';

export interface DistanceOrigin {
  readonly point: LatLng;
  /** How the origin reads after "from": "your search", "the map centre". */
  readonly label: string;
}

interface MapProjectCardProps {
  project: MapProject;
  origin: DistanceOrigin;
  /** Why this peer matched, when the card was opened from the peers list. */
  reason?: string;
  onClose: () => void;
  /** The title, for moving focus to the card when it opens from the keyboard. */
  headingRef?: Ref<HTMLHeadingElement>;
}

/** A project chosen on the map or in the peers list, in the side panel. */
export function MapProjectCard({ project, origin, reason, onClose, headingRef }: MapProjectCardProps) {
  const away = formatApproxDistance(distanceKm(origin.point, project.location));
  const headingId = `map-card-${project.id}`;
  return (
    <article className="card map-card" aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title map-card__title" ref={headingRef} tabIndex={-1}>
        <Link to={`/projects/${project.id}`}>{project.title}</Link>
      </h2>
      <p className="card__owner">
        {project.owner.displayName}, {professionLabel(project.owner.profession, project.owner.specialty)}
      </p>
      <p className="card__meta">
        <span className="badge badge--stage">{stageLabel(project.stage)}</span>
        {project.placeName ? <span>{project.placeName}</span> : null}
        {project.seekingCollaborators ? <span className="badge badge--seeking">Seeking collaborators</span> : null}
      </p>
      <p className="map-card__distance">
        {away.charAt(0).toUpperCase() + away.slice(1)} away <span className="muted">(from {origin.label})</span>
      </p>
      {reason ? <p className="map-card__reason">{reason}</p> : null}
      <ThemeTags themes={project.themes} />
      <div className="map-card__actions">
        {project.isMine ? (
          <p className="muted map-card__mine">This is your project.</p>
        ) : (
          <div className="map-card__message">
            <MessageButton
              userId={project.owner.id}
              personName={project.owner.displayName}
              project={{ id: project.id, title: project.title }}
            />
          </div>
        )}
        <button type="button" className="button button--secondary button--small" onClick={onClose}>
          Close<span className="visually-hidden"> project card</span>
        </button>
      </div>
    </article>
  );
}
