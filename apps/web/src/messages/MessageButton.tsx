import './messages.css';
import { useId, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { Link, useLocation, useNavigate } from 'react-router';
import { START_DIRECT_CONVERSATION } from '@kindred/api-client';
import { ERROR_CODES } from '@kindred/domain';
import { useAuth } from '../auth/useAuth';
import { NETWORK_PROBLEM } from '../forms/api-errors.util';
import { refusalOf } from './message-api.util';
import type { MessagesLocationState } from './ConversationView';

interface MessageButtonProps {
  /** The person to message. */
  userId: string;
  personName: string;
  /** The project it is about, when started from one. */
  project?: { readonly id: string; readonly title: string };
  small?: boolean;
}

/**
 * "Message": opens my direct conversation with this person (starting a message request the
 * first time) and goes to it. A refusal (not taking messages, blocked) shows beside the button.
 * Signed out, it is a link to sign in that comes back here.
 */
export function MessageButton({ userId, personName, project, small = true }: MessageButtonProps) {
  const { status } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const problemId = useId();
  const [problem, setProblem] = useState<string | null>(null);
  const [start, { loading }] = useMutation(START_DIRECT_CONVERSATION);
  const size = small ? ' button--small' : '';

  if (status === 'signed-out') {
    const next = encodeURIComponent(`${location.pathname}${location.search}`);
    return (
      <Link className={`button button--secondary${size}`} to={`/sign-in?next=${next}`}>
        Sign in to message<span className="visually-hidden"> {personName}</span>
      </Link>
    );
  }

  const open = async () => {
    if (loading || status !== 'signed-in') return;
    setProblem(null);
    try {
      const { data } = await start({ variables: { input: { userId, projectId: project?.id ?? null } } });
      if (!data) return;
      const state: MessagesLocationState = project ? { aboutProject: project } : {};
      navigate(`/messages/${data.startDirectConversation.id}`, { state });
    } catch (error) {
      const refusal = refusalOf(error);
      if (!refusal) setProblem(NETWORK_PROBLEM);
      else if (refusal.code === ERROR_CODES.blocked) setProblem(`You cannot message ${personName}.`);
      else if (refusal.code === ERROR_CODES.messagingClosed) setProblem(refusal.message || `${personName} is not taking messages from you.`);
      else setProblem(refusal.message);
    }
  };

  return (
    <span className="message-button">
      <button
        type="button"
        className={`button${size}`}
        aria-disabled={loading || status !== 'signed-in' || undefined}
        aria-describedby={problem ? problemId : undefined}
        onClick={() => void open()}
      >
        Message<span className="visually-hidden"> {personName}</span>
      </button>
      {problem ? (
        <span id={problemId} className="field__error message-button__problem" role="alert">
          {problem}
        </span>
      ) : null}
    </span>
  );
}
