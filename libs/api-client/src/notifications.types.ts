import type { UkNation } from './alerts.types';
import type { PageInfo } from './project.types';

export interface Notification {
  readonly __typename?: 'Notification';
  readonly id: string;
  /** "alert-match"; more types later. */
  readonly type: string;
  /** One sentence to show as it is. */
  readonly message: string;
  /** A path in the web app, e.g. "/projects/<id>". */
  readonly link: string | null;
  /** A JSON object whose shape depends on `type` (see AlertMatchPayload). */
  readonly payload: string;
  /** ISO 8601 date-time; null while unread. */
  readonly readAt: string | null;
  /** ISO 8601 date-time. */
  readonly createdAt: string;
}

/** `payload` of an "alert-match" notification. */
export interface AlertMatchPayload {
  readonly alertId: string;
  readonly alertName: string;
  readonly projectId: string;
  readonly projectTitle: string;
  readonly near: string | null;
  /** Rounded; null for a region alert. */
  readonly distanceKm: number | null;
  readonly region: UkNation | null;
  readonly reason: 'registered' | 'moved';
}

export interface NotificationConnection {
  readonly __typename?: 'NotificationConnection';
  readonly nodes: readonly Notification[];
  readonly pageInfo: PageInfo;
}
