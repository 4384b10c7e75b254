import type { LatLng } from './privacy.util';

export interface BBox {
  readonly west: number;
  readonly south: number;
  readonly east: number;
  readonly north: number;
}

/** Rough bounding box of the United Kingdom, used for demo data and default map views. */
export const UK_BBOX: BBox = { west: -8.65, south: 49.86, east: 1.77, north: 60.86 };
export const UK_CENTRE: LatLng = { lat: 54.0, lng: -2.5 };

export function bboxProblem(b: BBox): string | null {
  const values = [b.west, b.south, b.east, b.north];
  if (!values.every(Number.isFinite)) return 'Bounding box values must be finite numbers.';
  if (b.south < -90 || b.north > 90) return 'Latitudes must be between -90 and 90.';
  if (b.west < -180 || b.east > 180) return 'Longitudes must be between -180 and 180.';
  if (b.south >= b.north) return 'South must be less than north.';
  if (b.west >= b.east) return 'West must be less than east.';
  return null;
}

export function bboxContains(b: BBox, p: LatLng): boolean {
  return p.lat >= b.south && p.lat <= b.north && p.lng >= b.west && p.lng <= b.east;
}
