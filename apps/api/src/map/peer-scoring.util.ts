import { themeLabel } from '@kindred/domain';
import { formatApproxDistance, roundDistanceKm } from '@kindred/geo';

export interface PeerCandidate {
  projectId: string;
  ownerId: string;
  /** Metres from the origin to the candidate's shown (rounded) point. */
  distanceM: number;
  sharedThemes: string[];
}

export interface RankedPeer extends PeerCandidate {
  /** See `peerScore`. */
  score: number;
}

/**
 * A peer's score, 0..1: theme overlap sets the ceiling (half for being in the search at all, the
 * other half in proportion to the themes shared) and distance decays it exponentially. Decay is
 * local, a tenth of the radius (2 to 20 km), because "near me" matters most: one shared theme down
 * the road beats three shared themes across the county, but more themes win at similar distances.
 */
export function decayScaleKm(radiusKm: number): number {
  return Math.min(Math.max(radiusKm / 10, 2), 20);
}

export function peerScore(sharedCount: number, wantedCount: number, distanceKm: number, radiusKm: number): number {
  const overlap = wantedCount > 0 ? Math.min(sharedCount / wantedCount, 1) : 0;
  return (0.5 + 0.5 * overlap) * Math.exp(-distanceKm / decayScaleKm(radiusKm));
}

/**
 * One row per person (their best-matching project), best score first; ties go to the nearer,
 * then to the lower project id so pages are stable.
 */
export function rankPeers(candidates: PeerCandidate[], wantedCount: number, radiusKm: number): RankedPeer[] {
  const best = new Map<string, RankedPeer>();
  for (const c of candidates) {
    const score = peerScore(c.sharedThemes.length, wantedCount, c.distanceM / 1000, radiusKm);
    const current = best.get(c.ownerId);
    if (!current || compare({ ...c, score }, current) < 0) best.set(c.ownerId, { ...c, score });
  }
  return [...best.values()].sort(compare);
}

function compare(a: RankedPeer, b: RankedPeer): number {
  return b.score - a.score || a.distanceM - b.distanceM || (a.projectId < b.projectId ? -1 : a.projectId > b.projectId ? 1 : 0);
}

/** "3 shared themes: housing, food insecurity, child poverty; about 8 km" */
export function peerReason(sharedThemes: string[], distanceM: number): string {
  const labels = sharedThemes.map((id) => themeLabel(id).toLowerCase());
  const themes =
    labels.length === 0 ? 'no shared themes' : `${labels.length} shared theme${labels.length === 1 ? '' : 's'}: ${labels.join(', ')}`;
  return `${themes}; ${formatApproxDistance(distanceM / 1000)}`;
}

export function shownDistanceKm(distanceM: number): number {
  return roundDistanceKm(distanceM / 1000);
}
