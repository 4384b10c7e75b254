import type { BBox } from './bbox.util';
import type { LatLng } from './privacy.util';

/**
 * Heatmap cells are Web Mercator tiles: a cell at grid level L is the map tile (x, y) at zoom L.
 * Pre-aggregated counts exist for the even levels below; a map at zoom z uses cells about
 * 8 times smaller than its tiles (level z + 3), i.e. 32-64 px on screen, whatever the zoom.
 */
export const HEAT_LEVELS = [4, 6, 8, 10, 12, 14, 16] as const;
export type HeatLevel = (typeof HEAT_LEVELS)[number];

export const MAX_MERCATOR_LAT = 85.05112878;

export function heatLevelForZoom(zoom: number): HeatLevel {
  const wanted = Math.floor(zoom) + 3;
  let best: HeatLevel = HEAT_LEVELS[0];
  for (const level of HEAT_LEVELS) if (level <= wanted) best = level;
  return best;
}

export function cellOf(point: LatLng, level: number): { x: number; y: number } {
  const n = 2 ** level;
  const lat = Math.max(-MAX_MERCATOR_LAT, Math.min(MAX_MERCATOR_LAT, point.lat));
  const rad = (lat * Math.PI) / 180;
  const x = Math.floor(((point.lng + 180) / 360) * n);
  const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
  return { x: Math.min(n - 1, Math.max(0, x)), y: Math.min(n - 1, Math.max(0, y)) };
}

function tileLat(y: number, n: number): number {
  return (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / n))) * 180) / Math.PI;
}

/** The cell's bounds. */
export function cellBounds(x: number, y: number, level: number): BBox {
  const n = 2 ** level;
  return { west: (x / n) * 360 - 180, east: ((x + 1) / n) * 360 - 180, north: tileLat(y, n), south: tileLat(y + 1, n) };
}

/** The cell's centre (in Mercator space, so the centre of the square drawn on the map). */
export function cellCentre(x: number, y: number, level: number): LatLng {
  const n = 2 ** level;
  return { lat: tileLat(y + 0.5, n), lng: ((x + 0.5) / n) * 360 - 180 };
}

/** The range of cells covering a bounding box (inclusive). */
export function cellRange(b: BBox, level: number): { x0: number; x1: number; y0: number; y1: number } {
  const nw = cellOf({ lat: b.north, lng: b.west }, level);
  const se = cellOf({ lat: b.south, lng: b.east }, level);
  return { x0: nw.x, x1: se.x, y0: nw.y, y1: se.y };
}
