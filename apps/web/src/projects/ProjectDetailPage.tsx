import { lazy, Suspense } from 'react';
import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { PROJECT } from '@kindred/api-client';
import { ERROR_CODES, LOCATION_PRECISIONS, professionLabel, stageLabel } from '@kindred/domain';
import { useAuth } from '../auth/useAuth';
import { errorCodeOf, formErrorsFrom } from '../forms/api-errors.util';
import { ErrorState } from '../layout/ErrorState';
import { LoadingState } from '../layout/LoadingState';
import { useDocumentTitle } from '../layout/useDocumentTitle';
import { MessageButton } from '../messages/MessageButton';
import { HiddenProjectNotice } from '../moderation/HiddenProjectNotice';
import { ReportButton } from '../moderation/ReportButton';
import { DeleteProjectButton } from './DeleteProjectButton';
import { SimilarProjects } from './SimilarProjects';
import { displayUrl, formatDate } from './format.util';
import { ThemeTags } from './ThemeTags';

const LocationMap = lazy(() => import('../map/LocationMap').then((m) => ({ default: m.LocationMap })));

export function ProjectDetailPage() {
  const { id = '' } = useParams();
  const { status } = useAuth();
  const { data, loading, error, refetch } = useQuery(PROJECT, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const project = data?.project;
  useDocumentTitle(project ? project.title : error ? 'Project not found' : 'Project');

  if (!project) {
    const notFound = errorCodeOf(error) === ERROR_CODES.notFound;
    return (
      <div className="page">
        <h1>{notFound ? 'Project not found' : 'Project'}</h1>
        {error ? (
          notFound ? (
            <ErrorState title="There is no project at this address">
              <p>
                It may have been deleted by its owner. <Link to="/projects">Explore other projects</Link>
              </p>
            </ErrorState>
          ) : (
            <ErrorState title="The project could not be loaded" onRetry={() => void refetch()}>
              <p>{formErrorsFrom(error, []).form}</p>
            </ErrorState>
          )
        ) : loading ? (
          <LoadingState label="Loading the project…" />
        ) : null}
      </div>
    );
  }

  const precision = LOCATION_PRECISIONS.find((p) => p.id === project.locationPrecision);
  const owner = project.owner;
  return (
    <div className="page project-detail">
      <div className="page__header">
        <div>
          <p className="eyebrow">Inequality project</p>
          <h1>{project.title}</h1>
        </div>
        {project.isMine ? (
          <div className="page__header-actions">
            <Link className="button button--secondary" to={`/projects/${project.id}/edit`}>
              Edit project
            </Link>
          </div>
        ) : status === 'signed-in' ? (
          <div className="page__header-actions">
            <ReportButton target={{ projectId: project.id }} subject="this project" />
          </div>
        ) : null}
      </div>
      <HiddenProjectNotice projectId={project.id} isMine={project.isMine} />

      <div className="project-detail__layout">
        <div className="project-detail__main">
          <p className="card__meta">
            <span className="badge badge--stage">{stageLabel(project.stage)}</span>
            {project.seekingCollaborators ? <span className="badge badge--seeking">Seeking collaborators</span> : null}
          </p>
          <div className="prose">
            {project.summary.split(/\n{2,}/).map((paragraph, i) => (
              <p key={i}>{paragraph}</p>
            ))}
          </div>
          <h2>Themes</h2>
          <ThemeTags themes={project.themes} />
          {project.links.length > 0 ? (
            <>
              <h2>Links</h2>
              <ul className="link-list">
                {project.links.map((link) => (
                  <li key={link}>
                    <a href={link} rel="noopener noreferrer nofollow" target="_blank">
                      {displayUrl(link)}
                      <span className="visually-hidden"> (opens in a new tab)</span>
                    </a>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>

        <div className="project-detail__aside">
          <section className="panel" aria-labelledby="who-title">
            <h2 id="who-title" className="panel__title">
              Who
            </h2>
            <p className="panel__lead">{owner.displayName}</p>
            <p>{professionLabel(owner.profession, owner.specialty)}</p>
            {owner.organisation ? <p>{owner.organisation}</p> : null}
            {project.isMine ? null : (
              <MessageButton userId={owner.id} personName={owner.displayName} project={{ id: project.id, title: project.title }} small={false} />
            )}
          </section>
          <section className="panel" aria-labelledby="where-title">
            <h2 id="where-title" className="panel__title">
              Where
            </h2>
            {project.placeName ? <p className="panel__lead">{project.placeName}</p> : null}
            <p className="muted">
              {precision?.label}. {project.isMine ? precision?.description : null}
            </p>
            <Suspense fallback={<LoadingState label="Loading the map…" />}>
              <LocationMap
                lat={project.location.lat}
                lng={project.location.lng}
                precision={project.locationPrecision}
                label={`Map of where ${project.title} is`}
              />
            </Suspense>
          </section>
          <dl className="facts">
            <div>
              <dt>Registered</dt>
              <dd>{formatDate(project.createdAt)}</dd>
            </div>
            <div>
              <dt>Last updated</dt>
              <dd>{formatDate(project.updatedAt)}</dd>
            </div>
          </dl>
          {project.isMine ? <SimilarProjects projectId={project.id} /> : null}
          {project.isMine ? (
            <section className="panel panel--danger" aria-labelledby="delete-title">
              <h2 id="delete-title" className="panel__title">
                Delete
              </h2>
              <DeleteProjectButton id={project.id} title={project.title} />
            </section>
          ) : null}
        </div>
      </div>
    </div>
  );
}
