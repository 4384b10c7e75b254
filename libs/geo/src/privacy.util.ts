import type { LocationPrecision } from '@kindred/domain';

export interface LatLng {
  readonly lat: number;
  readonly lng: number;
}

/** Grid cell edge in kilometres for each precision; `exact` keeps the point. */
export const PRECISION_GRID_KM: Record<LocationPrecision, number> = {
  exact: 0,
  area: 1,
  region: 10,
};

const KM_PER_DEGREE_LAT = 111.32;

/**
 * Snaps a point to the centre of its grid cell so that everyone else sees only the cell.
 * Latitude rows are a fixed number of degrees tall; each row's longitude step is widened by
 * 1/cos(latitude of the row) so cells stay roughly square in kilometres. The result depends
 * only on the cell, never on where inside it the true point lies.
 */
export function roundToPrecision(point: LatLng, precision: LocationPrecision): LatLng {
  const km = PRECISION_GRID_KM[precision];
  if (km === 0) return { lat: point.lat, lng: point.lng };
  const latStep = km / KM_PER_DEGREE_LAT;
  const row = Math.floor(point.lat / latStep);
  const rowCentreLat = (row + 0.5) * latStep;
  const cos = Math.max(Math.cos((rowCentreLat * Math.PI) / 180), 0.01);
  const lngStep = latStep / cos;
  const col = Math.floor(point.lng / lngStep);
  const lat = clamp(rowCentreLat, -90, 90);
  const lng = clamp((col + 0.5) * lngStep, -180, 180);
  return { lat: round6(lat), lng: round6(lng) };
}

function clamp(v: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, v));
}

function round6(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}
