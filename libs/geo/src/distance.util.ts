import type { LatLng } from './privacy.util';

const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance in kilometres (haversine). */
export function distanceKm(a: LatLng, b: LatLng): number {
  const toRad = (d: number) => (d * Math.PI) / 180;
  const dLat = toRad(b.lat - a.lat);
  const dLng = toRad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(a.lat)) * Math.cos(toRad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Rounds a distance for display to others so it cannot be used to triangulate a site:
 * under 2 km says "under 2 km", then whole km to 20, then steps of 5 km, then 10 km.
 */
export function roundDistanceKm(km: number): number {
  if (km < 2) return 2;
  if (km < 20) return Math.round(km);
  if (km < 100) return Math.round(km / 5) * 5;
  return Math.round(km / 10) * 10;
}

export function formatApproxDistance(km: number): string {
  if (km < 2) return 'under 2 km';
  return `about ${roundDistanceKm(km)} km`;
}
