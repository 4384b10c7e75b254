import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useNavigate, useParams } from 'react-router';
import { PROJECT, UPDATE_PROJECT } from '@kindred/api-client';
import { ERROR_CODES } from '@kindred/domain';
import { errorCodeOf, formErrorsFrom } from '../forms/api-errors.util';
import { ErrorState } from '../layout/ErrorState';
import { LoadingState } from '../layout/LoadingState';
import { useDocumentTitle } from '../layout/useDocumentTitle';
import { DeleteProjectButton } from './DeleteProjectButton';
import { valuesFromProject } from './project-form.util';
import { ProjectForm } from './ProjectForm';

export function EditProjectPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { data, loading, error, refetch } = useQuery(PROJECT, { variables: { id }, fetchPolicy: 'network-only' });
  const [update, { loading: saving }] = useMutation(UPDATE_PROJECT);
  const project = data?.project;
  useDocumentTitle(project ? `Edit ${project.title}` : 'Edit project');

  if (loading && !project) {
    return (
      <div className="page page--form">
        <h1>Edit project</h1>
        <LoadingState label="Loading the project…" />
      </div>
    );
  }
  if (error || !project) {
    const code = errorCodeOf(error);
    return (
      <div className="page page--form">
        <h1>Edit project</h1>
        {code === ERROR_CODES.notFound ? (
          <ErrorState title="Project not found">
            <p>
              It may have been deleted. <Link to="/my-projects">Back to my projects</Link>
            </p>
          </ErrorState>
        ) : (
          <ErrorState title="The project could not be loaded" onRetry={() => void refetch()}>
            <p>{formErrorsFrom(error, []).form}</p>
          </ErrorState>
        )}
      </div>
    );
  }
  if (!project.isMine) {
    return (
      <div className="page page--form">
        <h1>Edit project</h1>
        <ErrorState title="This is not your project">
          <p>
            Only its owner can change it. <Link to={`/projects/${project.id}`}>View the project</Link>
          </p>
        </ErrorState>
      </div>
    );
  }

  return (
    <div className="page page--form">
      <h1>Edit project</h1>
      <p className="lede">{project.title}</p>
      <ProjectForm
        key={project.id}
        initial={valuesFromProject(project)}
        submitLabel="Save changes"
        busyLabel="Saving your changes…"
        busy={saving}
        onSubmit={async (input) => {
          await update({ variables: { id: project.id, input } });
          navigate(`/projects/${project.id}`, { state: { flash: 'Your changes are saved.' } });
        }}
        secondaryAction={
          <Link className="button button--link" to={`/projects/${project.id}`}>
            Cancel
          </Link>
        }
      />
      <section className="danger-zone" aria-labelledby="danger-title">
        <h2 id="danger-title">Delete this project</h2>
        <p>Deleting removes the project for everyone. It cannot be undone.</p>
        <DeleteProjectButton id={project.id} title={project.title} />
      </section>
    </div>
  );
}
