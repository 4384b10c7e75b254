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
import { peerReason, peerScore, RankedPeer, shownDistanceKm } from './peer-scoring.util';
import { PeerGroup, PeerTier, PeerWalkRow, rankableRows, toTiers } from './peer-tiers.util';
import { themeMask, themesInMask } from './theme-mask.util';


export function encodeOffsetCursor(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url');
}

export function decodeOffsetCursor(cursor: string): number | null {
  const m = /^o:(\d{1,7})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return m ? Number(m[1]) : null;
}

/**
 * "Peers near me": other clinicians' projects within a radius, ranked by theme overlap and
 * distance decay, one row per person. The search walks the peer index (migration
 * 1764600000000-peer-points): distinct shown points nearest-first, each with its projects grouped
 * by theme mask, so it knows every nearby project's score without reading the projects. It then
 * reads projects only for the best-scoring groups, in rank order, until the page is full, and
 * widens the walk only while an unwalked point could still outrank the page. The cost follows
 * the page and the number of distinct points near the origin, not the number of projects.
 */
@Injectable()
export class PeersService {
  /** Points walked in a first round. */
  firstWalkPoints = 128;
  /**
   * A walk that cannot prove its page walks 4x more points, up to this many. Past it the page is
   * the best among the points walked and is flagged approximate (a safety net: proving a page
   * takes a few hundred points even in the densest city).
   */
  maxWalkPoints = 65_536;
  /** Below this many projects sharing a level's themes nationwide, `rankSimilar` reads the level directly. */
  sparseLevelMax = 5000;

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
   * shared themes, then distance from my project to their shown point, then id. Offset-paginated.
   */
  async similar(viewerId: string, projectId: string, first: number | null, after: string | null): Promise<SimilarProjectConnection> {
    const size = first ?? 10;
    if (!Number.isInteger(size) || size < 1 || size > 50) throw badInput('first', 'first must be between 1 and 50.');
    const offset = after ? decodeOffsetCursor(after) : 0;
    if (offset === null) throw badInput('after', 'after is not a cursor from this list.');
    const mine = await this.projects.findOne(projectId, viewerId);
    if (!mine.isMine || !mine.exactLocation) throw badInput('projectId', 'Choose one of your own projects.');
    const themes = mine.themes.map((t) => t.id);
    const ranked = await this.rankSimilar(viewerId, mine.exactLocation, themes, offset + size + 1);
    const page = ranked.slice(offset, offset + size);
    return {
      nodes: await this.toMatches(page, viewerId),
      pageInfo: { hasNextPage: ranked.length > offset + size, endCursor: page.length ? encodeOffsetCursor(offset + page.length) : null },
      themes: toThemes(themes),
    };
  }

  /**
   * Ranked people, at least `need` of them when that many exist, best first (see `rankPeers` for
   * the order). A round walks the nearest points and ranks their groups into tiers of equal score;
   * it reads the tiers' projects best first while their score beats the best an unwalked point
   * could have (all wanted themes at the walk's farthest distance), so every person taken is in
   * their exact place. A round that runs out of such tiers before the page is full walks 4x more
   * points; what it read is kept.
   */
  async rank(viewerId: string, origin: LatLng, radiusKm: number, themes: string[], need: number): Promise<{ ranked: RankedPeer[]; exact: boolean }> {
    const wanted = themeMask(themes);
    const best = Math.min(themes.length, LIMITS.project.themes.max);
    const groups = new Map<string, PeerGroup>();
    let limit = this.firstWalkPoints;
    const reader = new GroupReader(this.db, viewerId, wanted);
    for (;;) {
      const rows = await this.walk(origin, radiusKm * 1000, wanted, 1, limit);
      const walk = toTiers(rows, themes.length, radiusKm, groups);
      const complete = walk.points < limit;
      const unseenBound = complete ? Number.NEGATIVE_INFINITY : peerScore(best, themes.length, walk.farthestM / 1000, radiusKm);
      const last = !complete && limit >= this.maxWalkPoints;
      const sure = last ? walk.tiers : walk.tiers.filter((t) => t.score > unseenBound);
      const ranked = await this.collect(sure, need, themes, reader, true);
      if (complete) return { ranked, exact: true };
      const proven = ranked.length >= need && ranked[need - 1]!.score > unseenBound;
      if (proven || last) return { ranked, exact: proven };
      limit = Math.min(limit * 4, this.maxWalkPoints);
    }
  }

  /**
   * Projects like mine anywhere, at least `need` when that many exist: one level of theme overlap
   * at a time, most shared first, each nearest-first. A level is walked through the peer index
   * (points with enough wanted themes, nearest first) when its projects are common, so the walk
   * soon fills the page; a level whose first walk falls short and that has few projects
   * nationwide (under `sparseLevelMax`) is read straight from the projects' theme index instead,
   * as the walk would cross the country first.
   */
  async rankSimilar(viewerId: string, origin: LatLng, themes: string[], need: number): Promise<RankedPeer[]> {
    const wanted = themeMask(themes);
    const reader = new GroupReader(this.db, viewerId, wanted);
    const ranked: RankedPeer[] = [];
    for (let overlap = Math.min(themes.length, LIMITS.project.themes.max); overlap >= 1 && ranked.length < need; overlap--) {
      const want = need - ranked.length;
      const groups = new Map<string, PeerGroup>();
      let level: RankedPeer[] | null = null;
      for (let limit = this.firstWalkPoints; ; limit = Math.min(limit * 4, this.maxWalkPoints)) {
        const walk = toTiers(await this.walk(origin, Number.POSITIVE_INFINITY, wanted, overlap, limit), themes.length, Number.POSITIVE_INFINITY, groups);
        const complete = walk.points < limit || limit >= this.maxWalkPoints;
        // Nearest first inside the level; past the walk's last distance, unwalked points could come first.
        const sure = walk.tiers
          .filter((t) => t.overlap === overlap && (complete || t.distanceM < walk.farthestM))
          .sort((a, b) => a.distanceM - b.distanceM);
        const found = await this.collect(sure, want, themes, reader, false);
        if (found.length >= want || complete) {
          level = found;
          break;
        }
        if (limit === this.firstWalkPoints) {
          // A first walk that could not fill the page: read the level directly if it is small.
          level = await this.sparseLevel(viewerId, origin, themes, overlap, want);
          if (level) break;
        }
      }
      ranked.push(...level!.map((r) => ({ ...r, score: overlap / themes.length })));
    }
    return ranked;
  }

  /**
   * One overlap level of "similar projects" read directly, nearest first, when fewer than
   * `sparseLevelMax` visible projects share at least `overlap` of the themes; otherwise null.
   * Every such project holds one of the themes' `overlap`-subsets, which the GIN index on themes
   * finds; the exact overlap is then checked on those few rows.
   */
  private async sparseLevel(
    viewerId: string,
    origin: LatLng,
    themes: string[],
    overlap: number,
    want: number,
  ): Promise<RankedPeer[] | null> {
    const subsets = combinations(themes, overlap);
    const holdsOne = (from: number) => `(${subsets.map((_, i) => `p.themes @> $${i + from}::text[]`).join(' OR ')})`;
    // People who blocked the searcher, or whom the searcher blocked, never appear (walked levels
    // leave them out inside kindred_peer_projects). Read before the transaction: on the embedded
    // database the pool has one connection, which the transaction holds.
    const blocked = await this.blocks.blockedEitherWay(viewerId);
    return this.db.transaction(async (m) => {
      // Small reads: starting parallel workers or compiling would cost far more than they save.
      await m.query(`SET LOCAL max_parallel_workers_per_gather = 0`);
      await m.query(`SET LOCAL jit = off`);
      const [count] = (await m.query(
        `SELECT count(*)::int AS n FROM (SELECT 1 FROM projects p WHERE ${holdsOne(2)} AND p.hidden_at IS NULL LIMIT $1) s`,
        [this.sparseLevelMax, ...subsets],
      )) as Array<{ n: number }>;
      if ((count?.n ?? 0) >= this.sparseLevelMax) return null;
      // The overlap as a sum of containment tests: plain operators, far cheaper per row than a function.
      const shared = themes.map((_, i) => `(p.themes @> ARRAY[$${i + 7}::text])::int`).join(' + ');
      const rows: Array<{ id: string; owner_id: string; d: number; themes: string[] }> = await m.query(
        `SELECT p.id, p.owner_id, p.themes, ST_Distance(p.display_location, ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography, false) AS d
           FROM projects p
          WHERE ${holdsOne(7 + themes.length)}
            AND ${shared} = $3
            AND p.hidden_at IS NULL AND p.owner_id <> $4 AND p.owner_id <> ALL($5::uuid[])
          ORDER BY d, p.id
          LIMIT $6`,
        [origin.lng, origin.lat, overlap, viewerId, blocked, want, ...themes, ...subsets],
      );
      return rows.map((r) => ({
        projectId: r.id,
        ownerId: r.owner_id,
        distanceM: Number(r.d),
        sharedThemes: themes.filter((t) => r.themes.includes(t)),
        score: overlap / themes.length,
      }));
    });
  }

  private walk(origin: LatLng, radiusM: number, wanted: number, minOverlap: number, limit: number): Promise<PeerWalkRow[]> {
    return this.db.query(`SELECT * FROM kindred_peer_walk(ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography, $3, $4, $5, $6)`, [
      origin.lng,
      origin.lat,
      radiusM,
      wanted,
      minOverlap,
      limit,
    ]);
  }

  /**
   * Projects of `tiers`, in that order and by id inside each, until `need` of them: with
   * `onePerPerson`, only each owner's first (which, in rank order, is their best).
   */
  private async collect(tiers: PeerTier[], need: number, themes: string[], reader: GroupReader, onePerPerson: boolean): Promise<RankedPeer[]> {
    const wanted = themeMask(themes);
    const out: RankedPeer[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < tiers.length && out.length < need; i++) {
      const tier = tiers[i]!;
      let afterId: string | null = null;
      for (;;) {
        if (tier.groups.some((g) => !g.exhausted && g.rows.length === 0)) await reader.firstPages(tiers, i, need - out.length);
        for (const row of rankableRows(tier, afterId)) {
          afterId = row.id;
          if (onePerPerson && seen.has(row.ownerId)) continue;
          seen.add(row.ownerId);
          out.push({
            projectId: row.id,
            ownerId: row.ownerId,
            distanceM: tier.distanceM,
            sharedThemes: themesInMask(row.themeMask & wanted, themes),
            score: tier.score,
          });
          if (out.length >= need) return out;
        }
        const open = tier.groups.filter((g) => !g.exhausted);
        if (!open.length) break;
        await reader.more(open, need - out.length);
      }
    }
    return out;
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

/**
 * Reads groups' projects in id order for one search (`kindred_peer_projects`): never the
 * searcher's own, blocked people's or hidden ones. Several groups per query.
 */
class GroupReader {
  /** Extra rows per group beyond the people still needed, for owners met twice. */
  private static readonly SLACK = 4;
  /** Groups per query at most. */
  private static readonly BATCH = 400;

  constructor(
    private readonly db: DataSource,
    private readonly viewerId: string,
    private readonly wanted: number,
  ) {}

  /**
   * First pages for tier `from` and the tiers after it until their projects cover what is still
   * needed half again, so most searches read all their projects in one query.
   */
  async firstPages(tiers: PeerTier[], from: number, needed: number): Promise<void> {
    const batch: PeerGroup[] = [];
    let covered = 0;
    for (let i = from; i < tiers.length; i++) {
      if (i > from && (covered >= needed * 1.5 + GroupReader.SLACK || batch.length >= GroupReader.BATCH)) break;
      for (const g of tiers[i]!.groups) {
        if (g.exhausted || g.rows.length) continue;
        batch.push(g);
        covered += g.projects;
      }
    }
    await this.read(batch, needed);
  }

  /** The next page of each of `groups`. */
  async more(groups: PeerGroup[], needed: number): Promise<void> {
    for (let i = 0; i < groups.length; i += GroupReader.BATCH) await this.read(groups.slice(i, i + GroupReader.BATCH), needed);
  }

  private async read(groups: PeerGroup[], needed: number): Promise<void> {
    if (!groups.length) return;
    const limits = groups.map((g) => Math.max(1, Math.min(g.projects - g.rows.length, needed + GroupReader.SLACK)));
    const rows: Array<{ i: string; id: string; owner_id: string; theme_mask: number }> = await this.db.query(
      `SELECT g.i, r.id, r.owner_id, r.theme_mask
         FROM unnest($1::bigint[], $2::int[], $3::uuid[], $4::int[]) WITH ORDINALITY AS g(point_id, overlap, after_id, page, i)
         CROSS JOIN LATERAL kindred_peer_projects(g.point_id, $5, g.overlap, g.after_id, g.page, $6) r
        ORDER BY g.i, r.id`,
      [
        groups.map((g) => g.pointId),
        groups.map((g) => g.overlap),
        groups.map((g) => g.rows[g.rows.length - 1]?.id ?? null),
        limits,
        this.wanted,
        this.viewerId,
      ],
    );
    const got = groups.map(() => 0);
    for (const r of rows) {
      const at = Number(r.i) - 1;
      groups[at]!.rows.push({ id: r.id, ownerId: r.owner_id, themeMask: Number(r.theme_mask) });
      got[at]! += 1;
    }
    groups.forEach((g, at) => {
      // Fewer than asked for: none left. All it held read: none left either.
      if (got[at]! < limits[at]! || g.rows.length >= g.projects) g.exhausted = true;
    });
  }
}

/** Every way of choosing `k` of `items`, in order. */
export function combinations<T>(items: readonly T[], k: number): T[][] {
  if (k === 0) return [[]];
  if (items.length < k) return [];
  const [head, ...rest] = items;
  return [...combinations(rest, k - 1).map((c) => [head!, ...c]), ...combinations(rest, k)];
}
