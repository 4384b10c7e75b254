import { ERROR_CODES, ErrorCode } from '@kindred/domain';
import { distanceKm, formatApproxDistance, LatLng } from '@kindred/geo';
import { isUkNation, UkNation } from './alert-limits.constant';

/** Where an alert listens: a circle, or a whole UK nation. */
export type AlertArea =
  | { readonly kind: 'circle'; readonly centre: LatLng; readonly radiusKm: number; readonly placeName: string | null }
  | { readonly kind: 'region'; readonly region: UkNation };

export interface AreaInput {
  centre?: LatLng | null;
  placeName?: string | null;
  radiusKm?: number | null;
  region?: string | null;
}

export interface NamedPlace {
  name: string;
  lat: number;
  lng: number;
}

/** The gazetteer, as far as areas need it. */
export interface AreaGazetteer {
  /** The best place for a typed name, or null. */
  resolve(name: string): NamedPlace | null;
  /** A name for a bare point ("Leeds"), or null. */
  nameNear(point: LatLng): string | null;
}

export interface AreaProblem {
  code: ErrorCode;
  field: string;
  message: string;
}

export type AreaResult = { area: AlertArea | null; problem?: undefined } | { area?: undefined; problem: AreaProblem };

const bad = (field: string, message: string, code: ErrorCode = ERROR_CODES.badUserInput): AreaResult => ({ problem: { code, field, message } });

/**
 * The area an alert input asks for. `current` is the alert's area when updating (null when
 * creating); `area: null` means "leave it as it is". A region excludes a centre, place and radius;
 * a centre or place needs a radius (an update may keep the current one); a radius alone resizes
 * the current circle.
 */
export function areaFromInput(input: AreaInput, current: AlertArea | null, gazetteer: AreaGazetteer): AreaResult {
  const hasCentre = input.centre != null;
  const placeName = input.placeName?.trim() || null;
  const hasRadius = input.radiusKm != null;

  if (input.region != null) {
    if (hasCentre || placeName || hasRadius) {
      return bad('input.region', 'Choose either a region or a place with a radius, not both.');
    }
    if (!isUkNation(input.region)) return bad('input.region', 'Choose England, Scotland, Wales or Northern Ireland.');
    return { area: { kind: 'region', region: input.region } };
  }

  const keptRadius = current?.kind === 'circle' ? current.radiusKm : null;
  if (hasCentre || placeName) {
    const radiusKm = input.radiusKm ?? keptRadius;
    if (radiusKm == null) return bad('input.radiusKm', 'Choose a radius around the place.');
    if (input.centre) {
      const centre = { lat: input.centre.lat, lng: input.centre.lng };
      return { area: { kind: 'circle', centre, radiusKm, placeName: placeName ?? gazetteer.nameNear(centre) } };
    }
    const place = gazetteer.resolve(placeName!);
    if (!place) return bad('input.placeName', `We could not find a UK place called "${placeName}".`, ERROR_CODES.unknownPlace);
    return { area: { kind: 'circle', centre: { lat: place.lat, lng: place.lng }, radiusKm, placeName: place.name } };
  }

  if (hasRadius) {
    if (current?.kind === 'circle') return { area: { ...current, radiusKm: input.radiusKm! } };
    return bad('input.radiusKm', current ? 'A region alert has no radius: choose a place to search around instead.' : 'Choose a place (or a point) for the radius.');
  }
  if (!current) return bad('input.centre', 'Choose a place (or a point) and a radius, or a region.');
  return { area: null };
}

/** How far beyond its nearest town a point may lie and still be given that town's nation. */
export const NATION_REACH_KM = 60;

/**
 * The UK nation a point lies in, taken from its nearest gazetteer town (every one of the ~4,300
 * has its nation), or null when no town is within NATION_REACH_KM (out at sea, abroad). We hold no
 * nation boundaries; nearest-town is right except within a few km of a border, which beats a box
 * per nation (the English box overlaps the Welsh and Scottish ones by tens of km).
 */
export function nationFromNearestPlace(point: LatLng, nearest: { lat: number; lng: number; region: string | null } | null): UkNation | null {
  if (!nearest || !isUkNation(nearest.region)) return null;
  return distanceKm(point, nearest) <= NATION_REACH_KM ? nearest.region : null;
}

/** "Within 25 km of Leeds", "Anywhere in Wales": how an area reads in lists and emails. */
export function describeArea(area: AlertArea): string {
  if (area.kind === 'region') return `Anywhere in ${area.region}`;
  const where = area.placeName ?? `${area.centre.lat.toFixed(3)}, ${area.centre.lng.toFixed(3)}`;
  return `Within ${area.radiusKm} km of ${where}`;
}

export interface AlertMatchText {
  alertName: string;
  projectTitle: string;
  /** A town near the project's shown point. */
  near: string | null;
  /** From the alert's centre to the project's shown point; null for a region alert. */
  distanceKm: number | null;
  region: UkNation | null;
  /** The project moved into the area rather than being newly registered. */
  moved: boolean;
}

/**
 * "New project near Leeds matching your alert ‘Child poverty near me’: ‘Warm spaces for families’
 * (about 6 km from the centre)". Distances are rounded like every distance shown to others.
 */
export function alertMatchMessage(m: AlertMatchText): string {
  const where = m.near ? ` near ${m.near}` : m.region ? ` in ${m.region}` : '';
  const lead = m.moved ? `Project moved${where}, matching` : `New project${where} matching`;
  const detail = m.distanceKm != null ? ` (${formatApproxDistance(m.distanceKm)} from the centre)` : m.region && m.near ? ` (in ${m.region})` : '';
  return `${lead} your alert ‘${m.alertName}’: ‘${m.projectTitle}’${detail}`;
}
