import type { PeerSearchInput, Place, Project } from '@kindred/api-client';
import type { ThemeId } from '@kindred/domain';
import type { LatLng } from '@kindred/geo';

export const PEER_RADII_KM = [10, 25, 50, 100, 200] as const;
export const DEFAULT_PEER_RADIUS_KM = 50;
export const PEER_PAGE_SIZE = 20;

export type PeerOriginKind = 'project' | 'place' | 'centre';

/** Where "Peers near me" searches from, as chosen in the panel. */
export type PeerOrigin =
  | { readonly kind: 'project'; readonly project: Pick<Project, 'id' | 'title' | 'location' | 'exactLocation'> }
  /** A gazetteer place chosen from the list, or words typed and submitted (the API resolves them). */
  | { readonly kind: 'place'; readonly place: Place | null; readonly text: string }
  | { readonly kind: 'centre'; readonly point: LatLng };

/**
 * The API's peer search input: exactly one of projectId, placeName, point. Themes default on the
 * server to the project's (or all my projects'); the map's theme filter, when set, wins.
 */
export function peerSearchInput(origin: PeerOrigin | null, radiusKm: number, themes: readonly ThemeId[]): PeerSearchInput | null {
  if (!origin) return null;
  const base: PeerSearchInput = { radiusKm };
  if (themes.length) base.themes = [...themes];
  switch (origin.kind) {
    case 'project':
      return { projectId: origin.project.id, ...base };
    case 'place':
      if (origin.place) return { point: { lat: origin.place.lat, lng: origin.place.lng }, ...base };
      return origin.text.trim() ? { placeName: origin.text.trim(), ...base } : null;
    case 'centre':
      return { point: { lat: Math.round(origin.point.lat * 1e4) / 1e4, lng: Math.round(origin.point.lng * 1e4) / 1e4 }, ...base };
  }
}

/** The point distances on project cards are measured from, and how to say it; null when unknown. */
export function peerOriginPoint(origin: PeerOrigin | null): { point: LatLng; label: string } | null {
  if (!origin) return null;
  switch (origin.kind) {
    case 'project': {
      const p = origin.project.exactLocation ?? origin.project.location;
      return { point: { lat: p.lat, lng: p.lng }, label: `your project “${origin.project.title}”` };
    }
    case 'place':
      return origin.place ? { point: { lat: origin.place.lat, lng: origin.place.lng }, label: origin.place.name } : null;
    case 'centre':
      return { point: origin.point, label: 'the point you searched from' };
  }
}
