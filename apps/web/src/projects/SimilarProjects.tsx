import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { SIMILAR_PROJECTS } from '@kindred/api-client';
import { formErrorsFrom } from '../forms/api-errors.util';
import { ErrorState } from '../layout/ErrorState';
import { LoadingState } from '../layout/LoadingState';

/** On my own project's page: projects like it anywhere in the UK, most shared themes first. */
export function SimilarProjects({ projectId }: { projectId: string }) {
  const { data, loading, error, refetch } = useQuery(SIMILAR_PROJECTS, { variables: { projectId, first: 10 } });
  const nodes = data?.similarProjects.nodes ?? [];
  return (
    <section className="panel" aria-labelledby="similar-title">
      <h2 id="similar-title" className="panel__title">
        Similar projects across the UK
      </h2>
      {loading && !data ? (
        <LoadingState label="Finding similar projects…" />
      ) : error ? (
        <ErrorState title="Similar projects could not be loaded" onRetry={() => void refetch()}>
          <p>{formErrorsFrom(error, []).form}</p>
        </ErrorState>
      ) : nodes.length === 0 ? (
        <p>No one else has registered a project on these themes yet.</p>
      ) : (
        <ul className="similar-list">
          {nodes.map((n) => (
            <li key={n.project.id}>
              <Link to={`/projects/${n.project.id}`}>{n.project.title}</Link>
              <span className="similar-list__who">
                {' '}
                by {n.clinician.displayName}, {n.clinician.professionLabel}
              </span>
              <br />
              <span className="similar-list__reason">{n.reason}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
