import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useNavigate } from 'react-router';
import {
  ACCEPT_MESSAGE_REQUEST,
  DECLINE_MESSAGE_REQUEST,
  MY_CONVERSATIONS,
  MY_PROJECTS,
  PROJECTS,
  UNREAD_MESSAGE_COUNT,
  type Conversation,
  type Project,
} from '@kindred/api-client';
import { professionLabel } from '@kindred/domain';
import { formErrorsFrom } from '../forms/api-errors.util';
import { ThemeTags } from '../projects/ThemeTags';

/**
 * A message request waiting for my answer: who is asking, their projects beside my own (so shared
 * ground is easy to see), their message in the thread below, and Accept / Decline.
 */
export function MessageRequestPanel({ conversation, onAccepted }: { conversation: Conversation; onAccepted?: () => void }) {
  const navigate = useNavigate();
  const requester = conversation.otherMember ?? conversation.createdBy;
  const name = requester?.displayName ?? 'Someone';
  const { data: mine } = useQuery(MY_PROJECTS, { fetchPolicy: 'cache-first' });
  const { data: theirs } = useQuery(PROJECTS, {
    variables: { filter: { ownerId: requester?.id ?? '' }, first: 5 },
    skip: !requester,
  });
  const [problem, setProblem] = useState<string | null>(null);
  const refetchQueries = [MY_CONVERSATIONS, UNREAD_MESSAGE_COUNT];
  const [accept, { loading: accepting }] = useMutation(ACCEPT_MESSAGE_REQUEST, { refetchQueries });
  const [decline, { loading: declining }] = useMutation(DECLINE_MESSAGE_REQUEST, { refetchQueries });
  const busy = accepting || declining;

  const variables = { conversationId: conversation.id };
  const answer = (run: () => Promise<unknown>, then?: () => void) => {
    if (busy) return;
    setProblem(null);
    run()
      .then(() => then?.())
      .catch((error: unknown) => setProblem(formErrorsFrom(error, []).form ?? 'Your answer could not be sent. Try again.'));
  };

  const projects = mine?.myProjects ?? [];
  const theirProjects = theirs?.projects.nodes ?? [];
  return (
    <section className="panel request-panel" aria-labelledby="request-title">
      <h2 id="request-title" className="panel__title">
        Message request from {name}
      </h2>
      <p>
        {name} would like to talk with you: their message is below. Accept to reply; if you decline, they cannot message
        you again.
      </p>
      <div className="request-panel__sides">
        <div className="request-panel__side">
          <h3 className="request-panel__heading">Who is asking</h3>
          {requester ? (
            <>
              <p className="panel__lead">{requester.displayName}</p>
              <p>{professionLabel(requester.profession, requester.specialty)}</p>
              {requester.organisation ? <p>{requester.organisation}</p> : null}
              <ProjectList projects={theirProjects} empty={`${requester.displayName} has no public projects yet.`} />
            </>
          ) : (
            <p className="muted">A deleted account.</p>
          )}
        </div>
        <div className="request-panel__side">
          <h3 className="request-panel__heading">Your projects</h3>
          <ProjectList projects={projects} empty="You have not registered a project yet." />
        </div>
      </div>
      <div className="request-panel__actions">
        <button type="button" className="button" aria-disabled={busy || undefined} onClick={() =>
            answer(
              () => accept({ variables }),
              () => {
                // It is a conversation now: show it with the conversations list rather than the requests.
                navigate(`/messages/${conversation.id}`, { replace: true });
                onAccepted?.();
              },
            )
          }>
          Accept<span className="visually-hidden"> the request from {name}</span>
        </button>
        <button type="button" className="button button--secondary" aria-disabled={busy || undefined} onClick={() => answer(() => decline({ variables }))}>
          Decline<span className="visually-hidden"> the request from {name}</span>
        </button>
      </div>
      {problem ? (
        <p className="field__error" role="alert">
          {problem}
        </p>
      ) : null}
    </section>
  );
}

function ProjectList({ projects, empty }: { projects: ReadonlyArray<Pick<Project, 'id' | 'title' | 'themes'>>; empty: string }) {
  if (!projects.length) return <p className="muted">{empty}</p>;
  return (
    <ul className="request-panel__projects">
      {projects.map((p) => (
        <li key={p.id}>
          <Link to={`/projects/${p.id}`}>{p.title}</Link>
          <ThemeTags themes={p.themes} />
        </li>
      ))}
    </ul>
  );
}
