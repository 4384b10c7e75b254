import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ERROR_CODES, isThemeId, LIMITS } from '@kindred/domain';
import { formatApproxDistance, LatLng } from '@kindred/geo';
import { MAP_READ_DATABASE } from '../database/map-read-database';
import { BlocksService } from '../blocks/blocks.service';
import { toClinician } from '../clinicians/clinician-models.util';
import { CliniciansService } from '../clinicians/clinicians.service';
import { badInput } from '../common/graphql-errors.util';
import { PlacesService } from '../places/places.service';
import { toThemes } from '../projects/project-models.util';
import { ProjectsService } from '../projects/projects.service';
import type { PeerSearchInput } from './dto/peer-search.input';
import type { PeerConnection, PeerMatch, SimilarProjectConnection } from './models/peer-match.model';
import { PeerCandidate, peerReason, peerScore, rankPeers, RankedPeer, shownDistanceKm } from './peer-scoring.util';


interface CandidateRound {
  candidates: PeerCandidate[];
  /** Farthest distance fetched (km) by each theme walk that hit its limit, i.e. may have more. */
  openWalksKm: number[];
}

/**
 * The best score an unfetched project could have. Such a project shares c themes, and each of
 * those themes' walks hit its limit before reaching it (a complete walk would have fetched it), so
 * it lies beyond the farthest point of c different open walks: at least the c-th smallest of those
 * distances. Its score is at most the overlap of c themes at that distance, for some c.
 */
export function unseenScoreBound(openWalksKm: number[], wanted: number, radiusKm: number): number {
  const sorted = [...openWalksKm].sort((a, b) => a - b);
  const most = Math.min(sorted.length, wanted, LIMITS.project.themes.max);
  let bound = Number.NEGATIVE_INFINITY;
  for (let c = 1; c <= most; c++) bound = Math.max(bound, peerScore(c, wanted, sorted[c - 1]!, radiusKm));
  return bound;
}

export function encodeOffsetCursor(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url');
}

export function decodeOffsetCursor(cursor: string): number | null {
  const m = /^o:(\d{1,7})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return m ? Number(m[1]) : null;
}

/**
 * "Peers near me": other clinicians' projects within a radius, ranked by theme overlap and
 * distance decay, one row per person. Candidates come nearest-first from the GiST index (KNN on
 * the shown point), per level of theme overlap; a search stops as soon as it can prove no
 * unfetched project could enter the page, so the cost follows the page, not the number of
 * projects in the circle.
 */
@Injectable()
export class PeersService {
  /** Candidates fetched per theme in a first round (at least twice the people needed). */
  firstRoundSize = 100;
  /**
   * A round that cannot prove its page fetches 4x more, up to this many per theme (or twice the
   * people needed, if more). Past it the page is the best among the nearest candidates and is
   * flagged approximate: in dense cities thousands of area-precision projects share one rounded
   * point, and proving an exact order would mean reading them all.
   */
  maxWalkSize = 400;

  constructor(
    @Inject(MAP_READ_DATABASE) private readonly db: DataSource,
    private readonly projects: ProjectsService,
    private readonly clinicians: CliniciansService,
    private readonly places: PlacesService,
    private readonly blocks: BlocksService,
  ) {}

  async peers(viewerId: string, input: PeerSearchInput, first: number | null, after: string | null): Promise<PeerConnection> {
    const size = first ?? LIMITS.page.defaultSize;
    if (!Number.isInteger(size) || size < 1 || size > 50) throw badInput('first', 'first must be between 1 and 50.');
    const offset = after ? decodeOffsetCursor(after) : 0;
    if (offset === null) throw badInput('after', 'after is not a cursor from this list.');

    const { origin, themes } = await this.originAndThemes(viewerId, input);
    const { ranked, exact } = await this.rank(viewerId, origin, input.radiusKm, themes, offset + size + 1);
    const page = ranked.slice(offset, offset + size);
    const nodes = await this.toMatches(page, viewerId);
    return {
      nodes,
      pageInfo: { hasNextPage: ranked.length > offset + size, endCursor: page.length ? encodeOffsetCursor(offset + page.length) : null },
      themes: toThemes(themes),
      radiusKm: input.radiusKm,
      exact,
    };
  }

  /**
   * "Similar projects" for one of my projects, nationwide: other people's projects ranked by
   * shared themes, then distance from my project to their shown point. Offset-paginated.
   */
  async similar(viewerId: string, projectId: string, first: number | null, after: string | null): Promise<SimilarProjectConnection> {
    const size = first ?? 10;
    if (!Number.isInteger(size) || size < 1 || size > 50) throw badInput('first', 'first must be between 1 and 50.');
    const offset = after ? decodeOffsetCursor(after) : 0;
    if (offset === null) throw badInput('after', 'after is not a cursor from this list.');
    const mine = await this.projects.findOne(projectId, viewerId);
    if (!mine.isMine || !mine.exactLocation) throw badInput('projectId', 'Choose one of your own projects.');
    const themes = mine.themes.map((t) => t.id);
    const rows: Array<{ id: string; owner_id: string; d: number; themes: string[] }> = await this.db.query(
      `SELECT p.id, p.owner_id, p.themes, ST_Distance(p.display_location, ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography, false) AS d
         FROM projects p
        WHERE p.themes && $3::text[] AND p.owner_id <> $4 AND p.owner_id <> ALL($7::uuid[]) AND p.hidden_at IS NULL
        ORDER BY cardinality(ARRAY(SELECT unnest(p.themes) INTERSECT SELECT unnest($3::text[]))) DESC, d ASC, p.id
        LIMIT $5 OFFSET $6`,
      [mine.exactLocation.lng, mine.exactLocation.lat, themes, viewerId, size + 1, offset, await this.blocks.blockedEitherWay(viewerId)],
    );
    const page: RankedPeer[] = rows.slice(0, size).map((r) => {
      const shared = themes.filter((t) => r.themes.includes(t));
      return { projectId: r.id, ownerId: r.owner_id, distanceM: Number(r.d), sharedThemes: shared, score: shared.length / themes.length };
    });
    return {
      nodes: await this.toMatches(page, viewerId),
      pageInfo: { hasNextPage: rows.length > size, endCursor: page.length ? encodeOffsetCursor(offset + page.length) : null },
      themes: toThemes(themes),
    };
  }

  /**
   * Ranked people, at least `need` of them when that many exist. Each round walks, for every
   * wanted theme, that theme's projects nearest-first through its partial GiST index, up to a
   * limit; it stops once the page's last score beats `unseenScoreBound`, so the cost follows the
   * page and the density of matches, not the number of projects in the circle.
   */
  async rank(viewerId: string, origin: LatLng, radiusKm: number, themes: string[], need: number): Promise<{ ranked: RankedPeer[]; exact: boolean }> {
    const cap = Math.max(this.maxWalkSize, need * 2);
    let limit = Math.min(Math.max(this.firstRoundSize, need * 2), cap);
    for (;;) {
      const round = await this.candidates(viewerId, origin, radiusKm, themes, limit);
      const ranked = rankPeers(round.candidates, themes.length, radiusKm);
      if (round.openWalksKm.length === 0) return { ranked, exact: true };
      const cutoff = ranked[need - 1];
      if (cutoff && cutoff.score > unseenScoreBound(round.openWalksKm, themes.length, radiusKm)) return { ranked, exact: true };
      if (limit >= cap) return { ranked, exact: false };
      limit = Math.min(limit * 4, cap);
    }
  }

  private async candidates(viewerId: string, origin: LatLng, radiusKm: number, themes: string[], limit: number): Promise<CandidateRound> {
    // The origin is written out in each walk (not a CTE) so the planner can walk the GiST index
    // nearest-first; distances are on the sphere (what `<->` uses), ample for rounded display.
    // Theme ids are checked against the taxonomy before they get here, and must be literals for
    // the planner to pick each theme's partial index.
    const here = 'ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography';
    const walk = (theme: string, i: number) => `(
      SELECT p.id, p.owner_id, ST_Distance(p.display_location, ${here}, false) AS d, p.themes, ${i} AS walk
        FROM projects p
       WHERE p.themes @> ARRAY['${theme}']::text[]
         AND ST_DWithin(p.display_location, ${here}, $3, false)
         AND p.owner_id <> $4
         AND p.owner_id <> ALL($5::uuid[])
         AND p.hidden_at IS NULL
       ORDER BY p.display_location <-> ${here}
       LIMIT ${Number(limit)})`;
    const safe = themes.filter(isThemeId);
    const sql = safe.map(walk).join(' UNION ALL ');
    // People who blocked the searcher, or whom the searcher blocked, never appear.
    const params = [origin.lng, origin.lat, radiusKm * 1000, viewerId, await this.blocks.blockedEitherWay(viewerId)];
    // Planner statistics would rather collect the whole circle with a bitmap scan and sort it;
    // a bounded walk must go nearest-first through the index. The unbounded cost estimates would
    // also trigger JIT compilation, which costs far more than these few hundred rows.
    const rows: Array<{ id: string; owner_id: string; d: number; themes: string[]; walk: number }> = await this.db.transaction(async (m) => {
      await m.query('SET LOCAL enable_bitmapscan = off');
      await m.query('SET LOCAL enable_seqscan = off');
      await m.query('SET LOCAL jit = off');
      return m.query(sql, params);
    });

    const byId = new Map<string, PeerCandidate>();
    const fetched = new Map<number, { count: number; farthestM: number }>();
    for (const r of rows) {
      const f = fetched.get(r.walk) ?? { count: 0, farthestM: 0 };
      f.count += 1;
      f.farthestM = Math.max(f.farthestM, Number(r.d));
      fetched.set(r.walk, f);
      if (byId.has(r.id)) continue;
      byId.set(r.id, {
        projectId: r.id,
        ownerId: r.owner_id,
        distanceM: Number(r.d),
        // In the order the searcher gave them, so reasons read consistently.
        sharedThemes: themes.filter((t) => r.themes.includes(t)),
      });
    }
    const openWalksKm = [...fetched.values()].filter((f) => f.count >= limit).map((f) => f.farthestM / 1000);
    return { candidates: [...byId.values()], openWalksKm };
  }

  private async originAndThemes(viewerId: string, input: PeerSearchInput): Promise<{ origin: LatLng; themes: string[] }> {
    const given = [input.projectId, input.placeName, input.point].filter((v) => v != null && v !== '');
    if (given.length !== 1) throw badInput('input', 'Search from exactly one of: one of your projects, a place, or a point.');

    let origin: LatLng;
    let themes = input.themes ?? null;
    if (input.projectId) {
      const project = await this.projects.findOne(input.projectId, viewerId);
      if (!project.isMine || !project.exactLocation) throw badInput('input.projectId', 'Search from one of your own projects.');
      origin = project.exactLocation;
      themes ??= project.themes.map((t) => t.id);
    } else if (input.placeName) {
      const place = this.places.resolve(input.placeName);
      if (!place) throw badInput('input.placeName', `No UK town or city called "${input.placeName}".`, ERROR_CODES.unknownPlace);
      origin = { lat: place.lat, lng: place.lng };
    } else {
      origin = { lat: input.point!.lat, lng: input.point!.lng };
    }
    if (themes === null) {
      themes = [...new Set((await this.projects.listMine(viewerId)).flatMap((p) => p.themes.map((t) => t.id)))];
    }
    const unknown = themes.find((t) => !isThemeId(t));
    if (unknown !== undefined) throw badInput('input.themes', `Unknown theme "${unknown}".`, ERROR_CODES.unknownTheme);
    if (themes.length === 0) throw badInput('input.themes', 'Choose at least one theme (or register a project) to find peers.');
    return { origin, themes: [...new Set(themes)] };
  }

  private async toMatches(page: RankedPeer[], viewerId: string): Promise<PeerMatch[]> {
    if (page.length === 0) return [];
    const [projects, people] = await Promise.all([
      this.projects.findManyByIds(page.map((p) => p.projectId), viewerId),
      this.clinicians.findByIds(page.map((p) => p.ownerId)),
    ]);
    const projectById = new Map(projects.map((p) => [p.id, p]));
    const personById = new Map(people.map((u) => [u.id, u]));
    return page.flatMap((p) => {
      const project = projectById.get(p.projectId);
      const person = personById.get(p.ownerId);
      if (!project || !person) return [];
      return [
        {
          clinician: toClinician(person),
          project,
          score: Math.round(p.score * 1000) / 1000,
          sharedThemes: toThemes(p.sharedThemes),
          distanceKm: shownDistanceKm(p.distanceM),
          distanceLabel: formatApproxDistance(p.distanceM / 1000),
          reason: peerReason(p.sharedThemes, p.distanceM),
        },
      ];
    });
  }
}
