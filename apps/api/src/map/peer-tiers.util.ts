import { peerScore } from './peer-scoring.util';

/** One row of `kindred_peer_walk()`: a walked point, with its projects by number of wanted themes shared. */
export interface PeerWalkRow {
  point_id: string;
  distance_m: number;
  /** How many of the point's visible projects share exactly 1, 2, ... 5 wanted themes. */
  shared_1: number;
  shared_2: number;
  shared_3: number;
  shared_4: number;
  shared_5: number;
}

/** A point's visible projects sharing the same number of wanted themes, and what has been read of them. */
export interface PeerGroup {
  /** `${pointId}:${overlap}` */
  key: string;
  pointId: string;
  overlap: number;
  /** How many visible projects the group held when walked (the searcher's own included). */
  projects: number;
  /** Eligible projects read so far, in id order. */
  rows: Array<{ id: string; ownerId: string; themeMask: number }>;
  /** True once every eligible project of the group has been read. */
  exhausted: boolean;
}

/**
 * Every project of a tier has the same score: the same number of wanted themes at the same
 * distance. Tiers are ranked by score, then distance; inside one, projects go by id, the
 * ranking's last tie-break (see `rankPeers`).
 */
export interface PeerTier {
  score: number;
  distanceM: number;
  overlap: number;
  groups: PeerGroup[];
  /** Sum of the groups' project counts. */
  projects: number;
}

export interface PeerWalk {
  tiers: PeerTier[];
  /** Points the walk returned. */
  points: number;
  /** Distance of the farthest walked point (m); 0 when none. */
  farthestM: number;
}

/**
 * Tiers from a walk's rows, best first. `groups` carries groups over from an earlier, shorter
 * walk of the same search, so what was read of them is not read again.
 */
export function toTiers(rows: readonly PeerWalkRow[], wantedCount: number, radiusKm: number, groups: Map<string, PeerGroup>): PeerWalk {
  let farthestM = 0;
  const tiers = new Map<string, PeerTier>();
  for (const row of rows) {
    const distanceM = Number(row.distance_m);
    farthestM = Math.max(farthestM, distanceM);
    [row.shared_1, row.shared_2, row.shared_3, row.shared_4, row.shared_5].forEach((count, i) => {
      const projects = Number(count);
      if (projects <= 0) return;
      const overlap = i + 1;
      const tierKey = `${overlap}:${distanceM}`;
      let tier = tiers.get(tierKey);
      if (!tier) {
        tier = { score: peerScore(overlap, wantedCount, distanceM / 1000, radiusKm), distanceM, overlap, groups: [], projects: 0 };
        tiers.set(tierKey, tier);
      }
      const key = `${row.point_id}:${overlap}`;
      let group = groups.get(key);
      if (!group) {
        group = { key, pointId: row.point_id, overlap, projects, rows: [], exhausted: false };
        groups.set(key, group);
      }
      tier.groups.push(group);
      tier.projects += projects;
    });
  }
  const ranked = [...tiers.values()].sort((a, b) => b.score - a.score || a.distanceM - b.distanceM);
  return { tiers: ranked, points: rows.length, farthestM };
}

/**
 * The tier's projects that can be ranked now, in id order, after `afterId`: those read so far up
 * to the lowest last-read id among groups not yet exhausted (an unread project of such a group
 * could have any higher id). With every group exhausted, all of them.
 */
export function rankableRows(tier: PeerTier, afterId: string | null): Array<PeerGroup['rows'][number]> {
  let upTo: string | null = null;
  for (const g of tier.groups) {
    if (g.exhausted) continue;
    const last = g.rows[g.rows.length - 1]?.id;
    if (last === undefined) return [];
    if (upTo === null || last < upTo) upTo = last;
  }
  const rows: Array<PeerGroup['rows'][number]> = [];
  for (const group of tier.groups) {
    for (const r of group.rows) {
      if ((afterId === null || r.id > afterId) && (upTo === null || r.id <= upTo)) rows.push(r);
    }
  }
  return rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
