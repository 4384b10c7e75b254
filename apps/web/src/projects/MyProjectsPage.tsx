import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { MY_PROJECTS } from '@kindred/api-client';
import { formErrorsFrom } from '../forms/api-errors.util';
import { EmptyState } from '../layout/EmptyState';
import { ErrorState } from '../layout/ErrorState';
import { LoadingState } from '../layout/LoadingState';
import { useDocumentTitle } from '../layout/useDocumentTitle';
import { ProjectCard } from './ProjectCard';

export function MyProjectsPage() {
  useDocumentTitle('My projects');
  const { data, loading, error, refetch } = useQuery(MY_PROJECTS, { fetchPolicy: 'cache-and-network' });
  const projects = data?.myProjects;

  let body;
  if (projects && projects.length > 0) {
    body = (
      <ul className="card-list">
        {projects.map((project) => (
          <li key={project.id}>
            <ProjectCard project={project} showOwner={false} />
          </li>
        ))}
      </ul>
    );
  } else if (projects) {
    body = (
      <EmptyState title="You have not registered a project yet">
        <p>
          Whether it is an idea or something running for years, registering it helps others doing the same find you.
        </p>
        <p>
          <Link className="button" to="/projects/new">
            Register your first project
          </Link>
        </p>
      </EmptyState>
    );
  } else if (error) {
    body = (
      <ErrorState title="Your projects could not be loaded" onRetry={() => void refetch()}>
        <p>{formErrorsFrom(error, []).form}</p>
      </ErrorState>
    );
  } else if (loading) {
    body = <LoadingState label="Loading your projects…" />;
  }

  return (
    <div className="page">
      <div className="page__header">
        <h1>My projects</h1>
        {projects && projects.length > 0 ? (
          <Link className="button" to="/projects/new">
            Register a project
          </Link>
        ) : null}
      </div>
      {body}
    </div>
  );
}
