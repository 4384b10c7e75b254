import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { cellToLatLng, gridDisk, latLngToCell } from 'h3-js';
import { DataSource } from 'typeorm';
import { distanceKm } from '@kindred/geo';
import { checkMapFilter, MapFilter } from '../map/heatmap.service';
import { themeMask } from '../map/theme-mask.util';
import { gapLabel, gapScore, needScores, percentileRanks, roundScore } from './gap-scores.util';
import { AREA_RADIUS_KM, GAP_HEX_RESOLUTION, HIGH_GAP_THRESHOLD } from './indicator-limits.constant';
import { IndicatorsService } from './indicators.service';
import type { GapArea, GapHex, GapLayer } from './models/gap-layer.model';
import { ukLandHexes } from './uk-land-hexes.util';

/** What does not depend on the filter: areas with their need, and the hexagons' areas. */
interface StaticLayer {
  readonly areas: ReadonlyArray<Pick<GapArea, 'code' | 'name' | 'lat' | 'lng' | 'value' | 'needScore'>>;
  readonly hexes: readonly GapHex[];
}

/** Indicators are never edited (only imported and deleted), so their static layer can be kept. */
const MAX_CACHED_LAYERS = 16;

const RADIUS_METRES = AREA_RADIUS_KM * 1000;

/**
 * The area of `pt` among one indicator's areas (`$1`): the nearest centre by spherical distance,
 * found by a GiST-indexed KNN (`<->` on geography is spherical) among the centres within `$2`
 * metres (spherical ST_DWithin, also indexed). No row when no centre is that close. So the area of
 * a point is its Voronoi cell, cut off at AREA_RADIUS_KM. Looking only within the radius first is
 * the same answer (the nearest centre, if within reach, is among them) and about three times
 * faster than ranking every centre for every point.
 */
const nearestArea = (pt: string) => `
  SELECT ia.area_code, ia.centre FROM indicator_areas ia
   WHERE ia.indicator_id = $1 AND ST_DWithin(ia.centre, ${pt}, $2, false)
   ORDER BY ia.centre <-> ${pt}
   LIMIT 1`;

/** Gap analysis: need (an indicator) against action (projects matching the map filter), per area. */
@Injectable()
export class GapLayerService {
  private readonly cache = new Map<string, Promise<StaticLayer>>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly indicators: IndicatorsService,
  ) {}

  async gapLayer(indicatorId: string, filter: MapFilter | null | undefined): Promise<GapLayer> {
    checkMapFilter(filter);
    const indicator = await this.indicators.get(indicatorId, 'indicatorId');
    // Keyed by creation time too: a deleted and re-imported indicator never meets an old entry.
    const layer = await this.staticLayer(`${indicator.id}:${indicator.createdAt.toISOString()}`, indicator.id, indicator.higherIsWorse);
    const { perArea, unassigned } = await this.projectsPerArea(indicator.id, filter ?? null);

    const counts = layer.areas.map((a) => perArea.get(a.code) ?? 0);
    const action = percentileRanks(counts);
    const areas: GapArea[] = layer.areas.map((a, i) => {
      const actionScore = action[i] as number;
      const gap = gapScore(a.needScore, actionScore);
      return {
        ...a,
        projects: counts[i] as number,
        actionScore: roundScore(actionScore),
        gap: roundScore(gap),
        highGap: gap >= HIGH_GAP_THRESHOLD,
        label: gapLabel(a.needScore, actionScore),
        needScore: roundScore(a.needScore),
      };
    });
    areas.sort((a, b) => b.gap - a.gap || b.needScore - a.needScore || a.name.localeCompare(b.name, 'en-GB') || a.code.localeCompare(b.code));

    return {
      indicator,
      areas,
      hexes: [...layer.hexes],
      hexResolution: GAP_HEX_RESOLUTION,
      radiusKm: AREA_RADIUS_KM,
      assignedProjects: counts.reduce((n, c) => n + c, 0),
      unassignedProjects: unassigned,
    };
  }

  /** Drops what is kept for an indicator (after deleting it). */
  forget(indicatorId: string): void {
    for (const key of this.cache.keys()) if (key.startsWith(`${indicatorId}:`)) this.cache.delete(key);
  }

  private staticLayer(key: string, indicatorId: string, higherIsWorse: boolean): Promise<StaticLayer> {
    let pending = this.cache.get(key);
    if (!pending) {
      pending = this.buildStaticLayer(indicatorId, higherIsWorse);
      pending.catch(() => this.cache.delete(key));
      if (this.cache.size >= MAX_CACHED_LAYERS) this.cache.delete(this.cache.keys().next().value as string);
      this.cache.set(key, pending);
    }
    return pending;
  }

  private async buildStaticLayer(indicatorId: string, higherIsWorse: boolean): Promise<StaticLayer> {
    const rows: Array<{ code: string; name: string; lat: number; lng: number; value: number }> = await this.db.query(
      `SELECT area_code AS code, area_name AS name, ST_Y(centre::geometry) AS lat, ST_X(centre::geometry) AS lng, value
         FROM indicator_areas WHERE indicator_id = $1 ORDER BY area_code`,
      [indicatorId],
    );
    const need = needScores(
      rows.map((r) => r.value),
      higherIsWorse,
    );
    const areas = rows.map((r, i) => ({ ...r, needScore: need[i] as number }));

    const land = ukLandHexes(GAP_HEX_RESOLUTION);
    const hexes: GapHex[] = await this.db.query(
      `SELECT h.h3, a.area_code AS "areaCode"
         FROM unnest($3::text[], $4::float8[], $5::float8[]) WITH ORDINALITY AS h(h3, lat, lng, n)
        CROSS JOIN LATERAL (SELECT ST_SetSRID(ST_MakePoint(h.lng, h.lat), 4326)::geography AS pt) g
        CROSS JOIN LATERAL (${nearestArea('g.pt')}) a
        ORDER BY h.n`,
      [indicatorId, RADIUS_METRES, land.map((h) => h.h3), land.map((h) => h.lat), land.map((h) => h.lng)],
    );
    return { areas, hexes: Object.freeze(claimCentreCells(hexes, areas)) };
  }

  /**
   * Matching projects per area by their shown (rounded) point, never the exact one. With no
   * filter or only themes, from the peer index's per-point counts and each point's area kept in
   * `indicator_point_areas` (points not seen before are placed first); otherwise from the projects.
   */
  private async projectsPerArea(indicatorId: string, filter: MapFilter | null): Promise<{ perArea: Map<string, number>; unassigned: number }> {
    const onlyThemes = !filter || Object.entries(filter).every(([key, value]) => key === 'themes' || value == null);
    const rows = onlyThemes ? await this.countFromPoints(indicatorId, filter?.themes ?? null) : await this.countFromProjects(indicatorId, filter);
    const perArea = new Map<string, number>();
    let unassigned = 0;
    for (const row of rows) {
      if (row.code === null) unassigned += row.projects;
      else perArea.set(row.code, row.projects);
    }
    return { perArea, unassigned };
  }

  private async countFromPoints(indicatorId: string, themes: string[] | null): Promise<Array<{ code: string | null; projects: number }>> {
    const mask = themes?.length ? themeMask(themes) : null;
    // A point's matching projects: all of them, or those of its theme masks sharing a theme.
    const matching =
      mask === null
        ? `SELECT pp.point_key, pp.projects AS n FROM peer_points pp`
        : `SELECT pp.point_key, m.n FROM peer_points pp
             CROSS JOIN LATERAL (SELECT sum(u.n)::int AS n FROM unnest(pp.theme_masks, pp.mask_projects) AS u(m, n) WHERE u.m & $2 <> 0) m
            WHERE pp.theme_union & $2 <> 0`;
    const count = (): Promise<Array<{ code: string | null; placed: boolean; projects: number }>> =>
      this.db.query(
        `SELECT x.area_code AS code, x.point_key IS NOT NULL AS placed, sum(p.n)::int AS projects
           FROM (${matching}) p
           LEFT JOIN indicator_point_areas x ON x.indicator_id = $1 AND x.point_key = p.point_key
          GROUP BY 1, 2`,
        mask === null ? [indicatorId] : [indicatorId, mask],
      );
    let rows = await count();
    if (rows.some((r) => !r.placed)) {
      await this.db.query(
        `INSERT INTO indicator_point_areas (indicator_id, point_key, area_code)
         SELECT $1, pp.point_key, a.area_code FROM peer_points pp
           LEFT JOIN LATERAL (${nearestArea('pp.location')}) a ON true
          WHERE NOT EXISTS (SELECT 1 FROM indicator_point_areas x WHERE x.indicator_id = $1 AND x.point_key = pp.point_key)
         ON CONFLICT DO NOTHING`,
        [indicatorId, RADIUS_METRES],
      );
      rows = await count();
    }
    return rows;
  }

  /**
   * From the projects themselves (filters the peer index does not hold). Projects are
   * grouped by point first (by coordinates: hashing two floats is much cheaper than sorting
   * geographies): rounding puts many on one grid point, so each point's area is looked up once.
   */
  private async countFromProjects(indicatorId: string, filter: MapFilter | null): Promise<Array<{ code: string | null; projects: number }>> {
    const params: unknown[] = [indicatorId, RADIUS_METRES];
    const where = filterConditions(filter, params);
    const rows: Array<{ code: string | null; projects: number }> = await this.db.query(
      `WITH matching AS (
         SELECT ST_X(p.display_location::geometry) AS lng, ST_Y(p.display_location::geometry) AS lat, count(*)::int AS n
           FROM projects p WHERE ${['p.hidden_at IS NULL', ...where].join(' AND ')}
          GROUP BY 1, 2),
       points AS (SELECT ST_SetSRID(ST_MakePoint(lng, lat), 4326)::geography AS pt, n FROM matching)
       SELECT a.area_code AS code, sum(m.n)::int AS projects
         FROM points m
         LEFT JOIN LATERAL (${nearestArea('m.pt')}) a ON true
        GROUP BY a.area_code`,
      params,
    );
    return rows;
  }
}

/**
 * A hexagon is ~17 km across, so an area whose centre is a few km from a neighbour's (Manchester and
 * Salford, Newcastle and Gateshead) or on the coast can own no hexagon and would vanish from the map.
 * Such an area claims the nearest land hexagon to its centre (the one holding it, or a neighbour of
 * that one) whose owner keeps another; an area still without one is drawn by the client as a dot.
 */
function claimCentreCells(hexes: readonly GapHex[], areas: ReadonlyArray<{ code: string; lat: number; lng: number }>): GapHex[] {
  const result = [...hexes];
  const owned = new Map<string, number>();
  for (const h of result) owned.set(h.areaCode, (owned.get(h.areaCode) ?? 0) + 1);
  const index = new Map<string, number>(result.map((h, i) => [h.h3, i]));
  for (const area of areas) {
    if (owned.has(area.code)) continue;
    const candidates = gridDisk(latLngToCell(area.lat, area.lng, GAP_HEX_RESOLUTION), 1)
      .filter((cell) => index.has(cell))
      .map((cell) => {
        const [lat, lng] = cellToLatLng(cell);
        return { cell, km: distanceKm(area, { lat, lng }) };
      })
      .sort((a, b) => a.km - b.km || a.cell.localeCompare(b.cell));
    for (const { cell } of candidates) {
      const i = index.get(cell) as number;
      const owner = result[i]!.areaCode;
      if ((owned.get(owner) ?? 0) < 2) continue;
      owned.set(owner, (owned.get(owner) ?? 0) - 1);
      owned.set(area.code, 1);
      result[i] = { h3: cell, areaCode: area.code };
      break;
    }
  }
  return result;
}

/** The map filter as SQL on `projects p`, with the heatmap's meaning: any of the themes, and every other field. */
function filterConditions(filter: MapFilter | null, params: unknown[]): string[] {
  const where: string[] = [];
  if (!filter) return where;
  if (filter.themes?.length) where.push(`p.themes && $${params.push([...new Set(filter.themes)])}::text[]`);
  if (filter.stage) where.push(`p.stage = $${params.push(filter.stage)}`);
  if (filter.profession) where.push(`p.owner_profession = $${params.push(filter.profession)}`);
  if (filter.seekingCollaborators != null) where.push(`p.seeking_collaborators = $${params.push(filter.seekingCollaborators)}`);
  if (filter.updatedSince) where.push(`p.updated_at >= $${params.push(filter.updatedSince)}`);
  return where;
}
