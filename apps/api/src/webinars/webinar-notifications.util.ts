import { WEBINAR_NOTIFICATION_TYPES, WEBINAR_REMINDERS, type WebinarReminderKind } from '@kindred/domain';
import type { NewNotification } from '../notifications/notifications.service';
import { describeStart } from './webinar-time.util';

/** What a notification about a WHAMinar needs to say. */
export interface WebinarNoticeSubject {
  id: string;
  title: string;
  startsAt: Date;
  timeZone: string;
}

/** Someone to tell, with their email choice from their registration. */
export interface NoticeRecipient {
  userId: string;
  email: boolean;
}

const link = (id: string) => `/webinars/${id}`;

/** The fields that changed, as words for the message ("time", "join link"). */
export type WebinarChange = 'title' | 'description' | 'time' | 'time zone' | 'duration' | 'join link' | 'capacity' | 'themes' | 'speakers' | 'region';

export function updatedNotices(w: WebinarNoticeSubject, sequence: number, changes: readonly WebinarChange[], to: readonly NoticeRecipient[]): NewNotification[] {
  const what = changes.length ? changes.join(', ') : 'details';
  return to.map((r) => ({
    userId: r.userId,
    type: WEBINAR_NOTIFICATION_TYPES.updated,
    message: `‘${w.title}’ has changed (${what}). It is on ${describeStart(w.startsAt, w.timeZone)}.`,
    link: link(w.id),
    payload: { webinarId: w.id, changes: [...changes], sequence, startsAt: w.startsAt.toISOString() },
    dedupeKey: `webinar-updated:${w.id}:${sequence}`,
    emailDigest: r.email,
  }));
}

export function cancelledNotices(w: WebinarNoticeSubject, reason: string | null, to: readonly NoticeRecipient[]): NewNotification[] {
  return to.map((r) => ({
    userId: r.userId,
    type: WEBINAR_NOTIFICATION_TYPES.cancelled,
    message: `‘${w.title}’ on ${describeStart(w.startsAt, w.timeZone)} was cancelled${reason ? `: ${reason}` : '.'}`,
    link: link(w.id),
    payload: { webinarId: w.id, reason },
    dedupeKey: `webinar-cancelled:${w.id}`,
    emailDigest: r.email,
  }));
}

export function promotedNotice(w: WebinarNoticeSubject, to: NoticeRecipient, registeredAt: Date): NewNotification {
  return {
    userId: to.userId,
    type: WEBINAR_NOTIFICATION_TYPES.promoted,
    message: `A place opened up: you are now registered for ‘${w.title}’ on ${describeStart(w.startsAt, w.timeZone)}.`,
    link: link(w.id),
    payload: { webinarId: w.id },
    dedupeKey: `webinar-promoted:${w.id}:${registeredAt.getTime()}`,
    emailDigest: to.email,
  };
}

export function reminderText(w: WebinarNoticeSubject, kind: WebinarReminderKind): { message: string; subject: string } {
  const label = WEBINAR_REMINDERS.find((r) => r.kind === kind)?.label ?? 'soon';
  return {
    message: `Reminder: ‘${w.title}’ starts ${label}, ${describeStart(w.startsAt, w.timeZone)}.`,
    subject: `Reminder: ${w.title} starts ${label}`,
  };
}

export function reminderNotice(w: WebinarNoticeSubject, kind: WebinarReminderKind, userId: string): NewNotification {
  return {
    userId,
    type: WEBINAR_NOTIFICATION_TYPES.reminder,
    message: reminderText(w, kind).message,
    link: link(w.id),
    payload: { webinarId: w.id, kind, startsAt: w.startsAt.toISOString() },
    dedupeKey: `webinar-reminder:${w.id}:${kind}:${w.startsAt.toISOString()}`,
    // Reminders are emailed at once by the scheduler, not in the daily digest.
    emailDigest: false,
  };
}
