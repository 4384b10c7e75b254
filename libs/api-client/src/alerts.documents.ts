import { gql, type TypedDocumentNode } from '@apollo/client';
import type { Alert, CreateAlertInput, UpdateAlertInput } from './alerts.types';

export const ALERT_FIELDS = gql`
  fragment AlertFields on Alert {
    id
    name
    centre {
      lat
      lng
    }
    radiusKm
    placeName
    region
    themes {
      id
      label
      group
    }
    emailDigest
    createdAt
    updatedAt
  }
`;

/** The signed-in user's alerts, newest first. */
export const MY_ALERTS: TypedDocumentNode<{ myAlerts: Alert[] }, Record<string, never>> = gql`
  query MyAlerts {
    myAlerts {
      ...AlertFields
    }
  }
  ${ALERT_FIELDS}
`;

/** At most ALERT_LIMITS.perUser per user. */
export const CREATE_ALERT: TypedDocumentNode<{ createAlert: Alert }, { input: CreateAlertInput }> = gql`
  mutation CreateAlert($input: CreateAlertInput!) {
    createAlert(input: $input) {
      ...AlertFields
    }
  }
  ${ALERT_FIELDS}
`;

/** Owner only. */
export const UPDATE_ALERT: TypedDocumentNode<{ updateAlert: Alert }, { id: string; input: UpdateAlertInput }> = gql`
  mutation UpdateAlert($id: ID!, $input: UpdateAlertInput!) {
    updateAlert(id: $id, input: $input) {
      ...AlertFields
    }
  }
  ${ALERT_FIELDS}
`;

/** Owner only. */
export const DELETE_ALERT: TypedDocumentNode<{ deleteAlert: boolean }, { id: string }> = gql`
  mutation DeleteAlert($id: ID!) {
    deleteAlert(id: $id)
  }
`;
