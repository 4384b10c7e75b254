import { useMutation } from '@apollo/client/react';
import { Link, useNavigate } from 'react-router';
import { REGISTER_PROJECT } from '@kindred/api-client';
import { useDocumentTitle } from '../layout/useDocumentTitle';
import { EMPTY_PROJECT } from './project-form.util';
import { ProjectForm } from './ProjectForm';

export function NewProjectPage() {
  useDocumentTitle('Register a project');
  const navigate = useNavigate();
  const [register, { loading }] = useMutation(REGISTER_PROJECT, {
    // Lists refetch when next shown; drop cached pages so they cannot show a stale list first.
    update: (cache) => {
      cache.evict({ fieldName: 'myProjects' });
      cache.evict({ fieldName: 'projects' });
      cache.gc();
    },
  });
  return (
    <div className="page page--form">
      <h1>Register a project</h1>
      <p className="lede">
        Tell other clinicians what you are doing about health inequality. You can change any of this later.
      </p>
      <ProjectForm
        initial={EMPTY_PROJECT}
        submitLabel="Register project"
        busyLabel="Registering your project…"
        busy={loading}
        onSubmit={async (input) => {
          const { data } = await register({ variables: { input } });
          if (data) navigate(`/projects/${data.registerProject.id}`, { state: { flash: 'Your project is registered.' } });
        }}
        secondaryAction={
          <Link className="button button--link" to="/my-projects">
            Cancel
          </Link>
        }
      />
    </div>
  );
}
