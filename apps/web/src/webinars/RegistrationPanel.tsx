import { useId, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { Link } from 'react-router';
import { CANCEL_WEBINAR_REGISTRATION, CHECK_IN_TO_WEBINAR, REGISTER_FOR_WEBINAR, type Webinar } from '@kindred/api-client';
import { ERROR_CODES } from '@kindred/domain';
import { useAuth } from '../auth/useAuth';
import { errorCodeOf, formErrorsFrom } from '../forms/api-errors.util';
import { isFull, ordinal, placesText, registrationClosedReason } from './webinar-labels.util';
import { browserTimeZone, formatDateTime, formatTime } from './webinar-time.util';

interface RegistrationPanelProps {
  webinar: Webinar;
  viewerZone?: string;
}

type Confirming = 'none' | 'cancel';

/** Words for a refusal the person can act on. */
function refusalText(error: unknown): string {
  switch (errorCodeOf(error)) {
    case ERROR_CODES.alreadyRegistered:
      return 'You are already registered for this WHAMinar.';
    case ERROR_CODES.notRegistered:
      return 'You are not registered for this WHAMinar.';
    case ERROR_CODES.registrationClosed:
      return 'Registration for this WHAMinar has closed.';
    case ERROR_CODES.checkInClosed:
      return 'Check-in is open only while the WHAMinar is on.';
    default:
      return formErrorsFrom(error, []).form ?? 'That did not work. Try again.';
  }
}

/**
 * Register, join the waiting list, or cancel, as capacity and my registration allow; the join link
 * (from 30 minutes before) or when it will appear; and check-in while the WHAMinar is on.
 */
export function RegistrationPanel({ webinar, viewerZone = browserTimeZone() }: RegistrationPanelProps) {
  const { status, account } = useAuth();
  const id = useId();
  const [register, registering] = useMutation(REGISTER_FOR_WEBINAR);
  const [cancel, cancelling] = useMutation(CANCEL_WEBINAR_REGISTRATION);
  const [checkIn, checkingIn] = useMutation(CHECK_IN_TO_WEBINAR);
  const [emailReminders, setEmailReminders] = useState(true);
  const [confirming, setConfirming] = useState<Confirming>('none');
  const [problem, setProblem] = useState<string | null>(null);
  const [news, setNews] = useState('');
  const busy = registering.loading || cancelling.loading || checkingIn.loading;

  const mine = webinar.myRegistration && webinar.myRegistration.status !== 'cancelled' ? webinar.myRegistration : null;
  const holdsPlace = mine?.status === 'registered';
  const waiting = mine?.status === 'waiting';
  const closedReason = registrationClosedReason(webinar);
  const full = isFull(webinar);

  const run = async (action: () => Promise<string>) => {
    if (busy) return;
    setProblem(null);
    setNews('');
    try {
      setNews(await action());
    } catch (error) {
      setProblem(refusalText(error));
    }
  };

  const doRegister = () =>
    run(async () => {
      const { data } = await register({ variables: { webinarId: webinar.id, emailReminders } });
      const reg = data?.registerForWebinar.myRegistration;
      if (reg?.status === 'waiting') {
        const where = reg.waitingPosition ? `${ordinal(reg.waitingPosition)} on the waiting list` : 'on the waiting list';
        return `The WHAMinar is full: you are ${where}. You will be told if a place frees up.`;
      }
      return 'You have a place. We will remind you before it starts.';
    });

  const doCancel = () =>
    run(async () => {
      const wasWaiting = waiting;
      await cancel({ variables: { webinarId: webinar.id } });
      setConfirming('none');
      return wasWaiting ? 'You have left the waiting list.' : 'Your registration is cancelled.';
    });

  const doCheckIn = () =>
    run(async () => {
      await checkIn({ variables: { webinarId: webinar.id } });
      return 'You are checked in. Welcome!';
    });

  // The organiser and speakers who are members take part without registering.
  const organising = status === 'signed-in' && !!account && account.id === webinar.organiser.id;
  const speaking = webinar.isSpeaker;

  let action;
  if ((organising || speaking) && !mine) {
    action = <p className="webinar-registration__mine">{organising ? 'You organise this WHAMinar.' : 'You are speaking at this WHAMinar.'}</p>;
  } else if (status !== 'signed-in') {
    action = closedReason ? (
      <p>{closedReason}</p>
    ) : (
      <p>
        <Link className="button" to={`/sign-in?next=${encodeURIComponent(`/webinars/${webinar.id}`)}`}>
          Sign in to register
        </Link>
      </p>
    );
  } else if (mine && !closedReason) {
    action =
      confirming === 'cancel' ? (
        <div className="confirm" role="group" aria-labelledby={`${id}-confirm`}>
          <p id={`${id}-confirm`} className="confirm__question">
            {holdsPlace ? 'Cancel your place? If anyone is waiting, the first person on the list gets it.' : 'Leave the waiting list? You would join at the back if you registered again.'}
          </p>
          <div className="confirm__actions">
            <button type="button" className="button button--danger" aria-disabled={busy || undefined} onClick={() => void doCancel()}>
              {holdsPlace ? 'Yes, cancel my place' : 'Yes, leave the waiting list'}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setConfirming('none')}>
              {holdsPlace ? 'Keep my place' : 'Stay on the list'}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="button button--secondary" onClick={() => setConfirming('cancel')}>
          {holdsPlace ? 'Cancel my registration' : 'Leave the waiting list'}
        </button>
      );
  } else if (closedReason) {
    action = (
      <>
        <button type="button" className="button" disabled aria-describedby={`${id}-closed`}>
          Register
        </button>
        <p id={`${id}-closed`} className="webinar-registration__closed">
          {closedReason}
        </p>
      </>
    );
  } else {
    action = (
      <>
        <div className="choice webinar-registration__reminders">
          <input id={`${id}-reminders`} type="checkbox" className="choice__input" checked={emailReminders} onChange={(e) => setEmailReminders(e.target.checked)} />
          <label className="choice__label" htmlFor={`${id}-reminders`}>
            Also email me the reminders (a day and an hour before)
          </label>
        </div>
        <button type="button" className="button" aria-disabled={busy || undefined} onClick={() => void doRegister()}>
          {full ? 'Join the waiting list' : 'Register'}
        </button>
        {full ? <p className="muted">It is full. If someone cancels, the first person waiting gets their place.</p> : null}
      </>
    );
  }

  const entitled = holdsPlace || webinar.canManage || webinar.isSpeaker;
  let joinNote = null;
  if (webinar.joinUrl) {
    joinNote = (
      <p>
        <a className="button webinar-join" href={webinar.joinUrl} target="_blank" rel="noopener noreferrer">
          Join the WHAMinar<span className="visually-hidden"> (opens in a new tab)</span>
        </a>
      </p>
    );
  } else if (entitled && !closedReason) {
    joinNote = (
      <p className="webinar-registration__join-later">
        The join link appears at {formatDateTime(webinar.joinUrlAvailableAt, viewerZone)}, 30 minutes before the start.
      </p>
    );
  } else if (waiting && !closedReason) {
    joinNote = <p className="webinar-registration__join-later">If you get a place, the join link will appear here 30 minutes before the start.</p>;
  }

  let attendance = null;
  if (holdsPlace && webinar.isLive && !mine?.attended) {
    attendance = (
      <p>
        <button type="button" className="button button--secondary" aria-disabled={busy || undefined} onClick={() => void doCheckIn()}>
          Check in
        </button>{' '}
        <span className="muted">Let the organiser know you are here.</span>
      </p>
    );
  } else if (holdsPlace && webinar.isLive && mine?.attended && !news) {
    // Just after checking in the status line says so; this would repeat it.
    attendance = (
      <p className="webinar-registration__checked-in">
        You checked in{mine.attendedAt ? ` at ${formatTime(mine.attendedAt, viewerZone)}` : ''}.
      </p>
    );
  }

  return (
    <section className="panel webinar-registration" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel__title">
        Registration
      </h2>
      {!closedReason ? <p className="panel__lead">{placesText(webinar)}</p> : null}
      {holdsPlace ? <p className="webinar-registration__mine">You have a place.</p> : null}
      {waiting ? (
        <p className="webinar-registration__mine">
          You are on the waiting list{mine?.waitingPosition ? `: ${ordinal(mine.waitingPosition)} in line` : ''}.
        </p>
      ) : null}
      {action}
      {joinNote}
      {attendance}
      <p className="form__saved" role="status">
        {busy ? 'Saving…' : news}
      </p>
      {problem ? (
        <p className="field__error" role="alert">
          {problem}
        </p>
      ) : null}
    </section>
  );
}
