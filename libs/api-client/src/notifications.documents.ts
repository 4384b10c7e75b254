import { gql, type TypedDocumentNode } from '@apollo/client';
import type { Notification, NotificationConnection } from './notifications.types';

export const NOTIFICATION_FIELDS = gql`
  fragment NotificationFields on Notification {
    id
    type
    message
    link
    payload
    readAt
    createdAt
  }
`;

export interface MyNotificationsVariables {
  first?: number;
  after?: string | null;
}

/** The signed-in user's notifications, newest first, cursor-paginated (`first` 1..100). */
export const MY_NOTIFICATIONS: TypedDocumentNode<{ myNotifications: NotificationConnection }, MyNotificationsVariables> = gql`
  query MyNotifications($first: Int, $after: String) {
    myNotifications(first: $first, after: $after) {
      nodes {
        ...NotificationFields
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
  ${NOTIFICATION_FIELDS}
`;

export const UNREAD_NOTIFICATION_COUNT: TypedDocumentNode<{ unreadNotificationCount: number }, Record<string, never>> = gql`
  query UnreadNotificationCount {
    unreadNotificationCount
  }
`;

/** My own notifications only (someone else's: FORBIDDEN). */
export const MARK_NOTIFICATIONS_READ: TypedDocumentNode<{ markNotificationsRead: Notification[] }, { ids: string[] }> = gql`
  mutation MarkNotificationsRead($ids: [ID!]!) {
    markNotificationsRead(ids: $ids) {
      ...NotificationFields
    }
  }
  ${NOTIFICATION_FIELDS}
`;

/** Returns how many were unread. */
export const MARK_ALL_NOTIFICATIONS_READ: TypedDocumentNode<{ markAllNotificationsRead: number }, Record<string, never>> = gql`
  mutation MarkAllNotificationsRead {
    markAllNotificationsRead
  }
`;
