import { distanceKm, LatLng, roundToPrecision } from '@kindred/geo';
import type { LocationPrecision } from '@kindred/domain';
import type { GqlResult, TestApp } from './test-app';

export const ALERT_FIELDS = `id name radiusKm region placeName emailDigest createdAt updatedAt centre { lat lng } themes { id label }`;
export const MY_ALERTS = `query { myAlerts { ${ALERT_FIELDS} } }`;
export const CREATE_ALERT = `mutation($input: CreateAlertInput!) { createAlert(input: $input) { ${ALERT_FIELDS} } }`;
export const UPDATE_ALERT = `mutation($id: ID!, $input: UpdateAlertInput!) { updateAlert(id: $id, input: $input) { ${ALERT_FIELDS} } }`;
export const DELETE_ALERT = `mutation($id: ID!) { deleteAlert(id: $id) }`;

export const NOTIFICATION_FIELDS = `id type message link payload readAt createdAt`;
export const MY_NOTIFICATIONS = `query($first: Int, $after: String) {
  myNotifications(first: $first, after: $after) { nodes { ${NOTIFICATION_FIELDS} } pageInfo { hasNextPage endCursor } }
}`;
export const UNREAD_COUNT = `query { unreadNotificationCount }`;
export const MARK_READ = `mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) { ${NOTIFICATION_FIELDS} } }`;
export const MARK_ALL_READ = `mutation { markAllNotificationsRead }`;

export interface AlertData {
  id: string;
  name: string;
  radiusKm: number | null;
  region: string | null;
  placeName: string | null;
  emailDigest: boolean;
  centre: LatLng | null;
  themes: Array<{ id: string; label: string }>;
  createdAt: string;
  updatedAt: string;
}

export interface NotificationData {
  id: string;
  type: string;
  message: string;
  link: string | null;
  payload: string;
  readAt: string | null;
  createdAt: string;
}

export const LEEDS: LatLng = { lat: 53.79648, lng: -1.54785 };
export const MANCHESTER: LatLng = { lat: 53.48095, lng: -2.23743 };
export const CARDIFF: LatLng = { lat: 51.48, lng: -3.18 };
export const BRISTOL: LatLng = { lat: 51.455, lng: -2.5879 };

export function errorOf(res: GqlResult): { code?: string; field?: string; message: string; extensions: Record<string, unknown> } {
  expect(res.errors?.length).toBeGreaterThan(0);
  const [error] = res.errors ?? [];
  return { code: error?.extensions?.code, field: error?.extensions?.field, message: error?.message ?? '', extensions: error?.extensions ?? {} };
}

export async function createAlert(t: TestApp, token: string, input: Record<string, unknown>): Promise<AlertData> {
  const res = await t.gql<{ createAlert: AlertData }>(CREATE_ALERT, { input: { name: 'My alert', ...input } }, token);
  if (!res.data?.createAlert) throw new Error(`createAlert fixture failed: ${JSON.stringify(res.errors)}`);
  return res.data.createAlert;
}

export async function notificationsOf(t: TestApp, token: string, first = 100): Promise<NotificationData[]> {
  const res = await t.gql<{ myNotifications: { nodes: NotificationData[] } }>(MY_NOTIFICATIONS, { first }, token);
  if (!res.data) throw new Error(`myNotifications failed: ${JSON.stringify(res.errors)}`);
  return res.data.myNotifications.nodes;
}

/** The stored alert row, for asserting that a refused write changed nothing. */
export async function alertRow(t: TestApp, id: string): Promise<Record<string, unknown> | undefined> {
  const [row] = await t.db.query(
    `SELECT user_id, name, radius_km, region, place_name, themes, email_digest, updated_at, ST_AsText(centre) AS centre FROM alerts WHERE id = $1`,
    [id],
  );
  return row;
}

/** Moves a point `km` along a unit direction given in local (east, north) kilometres. */
export function offset(from: LatLng, direction: { east: number; north: number }, km: number): LatLng {
  const kmPerDegLat = 111.32;
  const kmPerDegLng = 111.32 * Math.cos((from.lat * Math.PI) / 180);
  return { lat: from.lat + (direction.north * km) / kmPerDegLat, lng: from.lng + (direction.east * km) / kmPerDegLng };
}

/**
 * An exact point near a corner of its privacy cell, the cell's centre (the shown point) and the
 * unit direction from the shown point to the exact one, for building alerts that contain one but
 * not the other.
 */
export function cornerCase(base: LatLng, precision: LocationPrecision): { exact: LatLng; shown: LatLng; away: { east: number; north: number }; gapKm: number } {
  const cell = roundToPrecision(base, precision);
  const cellKm = precision === 'region' ? 10 : 1;
  // 40% of a cell from the centre in both directions: still inside the cell, far from its centre.
  const exact = offset(cell, { east: 1, north: 1 }, cellKm * 0.4);
  const shown = roundToPrecision(exact, precision);
  expect(shown).toEqual(cell);
  const gapKm = distanceKm(exact, shown);
  const east = (exact.lng - shown.lng) * 111.32 * Math.cos((shown.lat * Math.PI) / 180);
  const north = (exact.lat - shown.lat) * 111.32;
  const norm = Math.hypot(east, north);
  return { exact, shown, away: { east: east / norm, north: north / norm }, gapKm };
}
