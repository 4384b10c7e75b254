import type { MyWebinarRegistration } from '@kindred/api-client';
import { ordinal } from './webinar-labels.util';

/** "You have a place" / "Waiting list: 3rd" on a card; nothing when not signed up. */
export function MyRegistrationChip({ registration }: { registration: MyWebinarRegistration | null }) {
  if (!registration || registration.status === 'cancelled') return null;
  if (registration.status === 'waiting') {
    return (
      <span className="badge webinar-badge webinar-badge--waiting">
        On the waiting list{registration.waitingPosition ? `: ${ordinal(registration.waitingPosition)}` : ''}
      </span>
    );
  }
  return <span className="badge webinar-badge webinar-badge--registered">You have a place</span>;
}
