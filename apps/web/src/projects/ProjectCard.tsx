import { Link } from 'react-router';
import type { Project } from '@kindred/api-client';
import { professionLabel, stageLabel } from '@kindred/domain';
import { ThemeTags } from './ThemeTags';

interface ProjectCardProps {
  project: Project;
  /** Heading level inside the list it appears in. */
  headingLevel?: 2 | 3;
  showOwner?: boolean;
}

export function ProjectCard({ project, headingLevel = 2, showOwner = true }: ProjectCardProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article className="card project-card">
      <Heading className="card__title">
        <Link to={`/projects/${project.id}`}>{project.title}</Link>
      </Heading>
      <p className="card__meta">
        <span className="badge badge--stage">{stageLabel(project.stage)}</span>
        {project.placeName ? <span>{project.placeName}</span> : null}
        {project.seekingCollaborators ? <span className="badge badge--seeking">Seeking collaborators</span> : null}
      </p>
      {showOwner ? (
        <p className="card__owner">
          {project.owner.displayName}, {professionLabel(project.owner.profession, project.owner.specialty)}
          {project.owner.organisation ? ` · ${project.owner.organisation}` : ''}
        </p>
      ) : null}
      <p className="card__summary">{project.summary}</p>
      <ThemeTags themes={project.themes} />
      {project.isMine ? (
        <p className="card__actions">
          <Link to={`/projects/${project.id}/edit`}>
            Edit<span className="visually-hidden"> {project.title}</span>
          </Link>
        </p>
      ) : null}
    </article>
  );
}
