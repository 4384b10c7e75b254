import type { BBoxInput } from '@kindred/api-client';
import { MAX_MERCATOR_LAT, UK_BBOX, type LatLng } from '@kindred/geo';

export interface RawBounds {
  readonly west: number;
  readonly south: number;
  readonly east: number;
  readonly north: number;
}

export interface PixelSize {
  readonly width: number;
  readonly height: number;
}

const clamp = (n: number, min: number, max: number) => Math.min(max, Math.max(min, n));
// Rounded outwards to 4 decimal places (about 10 m): the box still covers the view, and
// tiny jitters of a float do not make a new request.
const down = (n: number) => Math.floor(n * 1e4) / 1e4;
const up = (n: number) => Math.ceil(n * 1e4) / 1e4;

/**
 * The API's viewport from Leaflet's bounds, clamped to what the API accepts: longitudes in
 * -180..180 (a view wider than the world, or one panned past the antimeridian, asks for every
 * longitude), latitudes within Web Mercator's. Null when the map has no area (not laid out yet).
 */
export function clampBBox(bounds: RawBounds): BBoxInput | null {
  const values = [bounds.west, bounds.south, bounds.east, bounds.north];
  if (!values.every(Number.isFinite)) return null;
  let west = clamp(down(bounds.west), -180, 180);
  let east = clamp(up(bounds.east), -180, 180);
  if (bounds.east - bounds.west >= 360 || west >= east) {
    west = -180;
    east = 180;
  }
  const south = clamp(down(bounds.south), -MAX_MERCATOR_LAT, MAX_MERCATOR_LAT);
  const north = clamp(up(bounds.north), -MAX_MERCATOR_LAT, MAX_MERCATOR_LAT);
  if (south >= north) return null;
  return { west, south, east, north };
}

const TILE = 256;
const mercatorY = (lat: number) => {
  const rad = (clamp(lat, -MAX_MERCATOR_LAT, MAX_MERCATOR_LAT) * Math.PI) / 180;
  return (1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2;
};
const latOfMercatorY = (y: number) => (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;

/**
 * The viewport a map of `size` pixels would show around `centre` at `zoom` (Web Mercator), for
 * the table view, which has the view in its URL but no map to ask.
 */
export function bboxAround(centre: LatLng, zoom: number, size: PixelSize): BBoxInput | null {
  const world = TILE * 2 ** zoom;
  const x = ((centre.lng + 180) / 360) * world;
  const y = mercatorY(centre.lat) * world;
  const halfW = size.width / 2;
  const halfH = size.height / 2;
  return clampBBox({
    west: ((x - halfW) / world) * 360 - 180,
    east: ((x + halfW) / world) * 360 - 180,
    north: latOfMercatorY(clamp((y - halfH) / world, 0, 1)),
    south: latOfMercatorY(clamp((y + halfH) / world, 0, 1)),
  });
}

/** The whole UK, the view before anyone moves the map. */
export const UK_VIEW_BBOX: BBoxInput = { ...UK_BBOX };
/** The zoom a desktop map shows the UK at; the table view asks for this when no view is set. */
export const UK_VIEW_ZOOM = 5;

export function bboxCentre(bbox: BBoxInput): LatLng {
  return { lat: (bbox.south + bbox.north) / 2, lng: (bbox.west + bbox.east) / 2 };
}
