import { useEffect, useRef, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { useNavigate } from 'react-router';
import { DELETE_PROJECT } from '@kindred/api-client';
import { formErrorsFrom } from '../forms/api-errors.util';

interface DeleteProjectButtonProps {
  id: string;
  title: string;
}

/** "Delete project", then an inline confirmation (no browser dialog), then back to My projects. */
export function DeleteProjectButton({ id, title }: DeleteProjectButtonProps) {
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  // Focus follows the question in and back out again.
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (wasConfirming.current) triggerRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);
  const [remove, { loading }] = useMutation(DELETE_PROJECT, {
    // Drop the cached lists (they refetch when next shown). The project itself is left alone:
    // evicting it would make this page refetch a project that no longer exists.
    update: (cache) => {
      cache.evict({ fieldName: 'myProjects' });
      cache.evict({ fieldName: 'projects' });
      cache.gc();
    },
  });

  const confirm = async () => {
    if (loading) return;
    setProblem(null);
    try {
      await remove({ variables: { id } });
      navigate('/my-projects', { state: { flash: `“${title}” has been deleted.` } });
    } catch (error) {
      setProblem(formErrorsFrom(error, []).form ?? 'The project could not be deleted.');
    }
  };

  if (!confirming) {
    return (
      <button ref={triggerRef} type="button" className="button button--danger" onClick={() => setConfirming(true)}>
        Delete project
      </button>
    );
  }
  return (
    <div className="confirm" role="group" aria-labelledby="delete-project-question">
      <p id="delete-project-question" className="confirm__question">
        Delete “{title}”? This cannot be undone.
      </p>
      {problem ? (
        <p className="field__error" role="alert">
          {problem}
        </p>
      ) : null}
      <div className="confirm__actions">
        <button
          type="button"
          className="button button--danger"
          aria-disabled={loading || undefined}
          onClick={() => void confirm()}
          ref={confirmRef}
        >
          Yes, delete project
        </button>
        <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
          Cancel
        </button>
      </div>
    </div>
  );
}
