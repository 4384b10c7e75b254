import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ERROR_CODES, isProfessionId, isStageId, isThemeId } from '@kindred/domain';
import { BBox, bboxProblem, cellRange, heatLevelForZoom, HEAT_LEVELS } from '@kindred/geo';
import { MAP_READ_DATABASE } from '../database/map-read-database';
import { badInput } from '../common/graphql-errors.util';
import { AppConfigService } from '../config/app-config.service';
import { mergeSmallCells, RawCell } from './heatmap.util';
import type { Heatmap } from './models/heatmap.model';

export interface MapFilter {
  themes?: string[] | null;
  stage?: string | null;
  profession?: string | null;
  seekingCollaborators?: boolean | null;
  updatedSince?: Date | null;
}

/** At most this many cells may lie under one request's viewport; a bigger one is answered coarser. */
export const MAX_CELLS_PER_REQUEST = 4096;

/** Validates a map filter; throws a coded GraphQL error naming the field at fault. */
export function checkMapFilter(filter: MapFilter | null | undefined, prefix = 'filter'): void {
  if (!filter) return;
  const unknown = (filter.themes ?? []).find((t) => !isThemeId(t));
  if (unknown !== undefined) throw badInput(`${prefix}.themes`, `Unknown theme "${unknown}".`, ERROR_CODES.unknownTheme);
  if ((filter.themes?.length ?? 0) > 28) throw badInput(`${prefix}.themes`, 'Too many themes.');
  if (filter.stage != null && !isStageId(filter.stage)) throw badInput(`${prefix}.stage`, `Unknown stage "${filter.stage}".`);
  if (filter.profession != null && !isProfessionId(filter.profession)) {
    throw badInput(`${prefix}.profession`, `Unknown profession "${filter.profession}".`);
  }
  if (filter.updatedSince != null && Number.isNaN(filter.updatedSince.getTime())) throw badInput(`${prefix}.updatedSince`, 'Not a valid date.');
}

export function checkViewport(bbox: BBox, zoom: number): void {
  const problem = bboxProblem(bbox);
  if (problem) throw badInput('bbox', problem);
  if (!Number.isInteger(zoom) || zoom < 0 || zoom > 20) throw badInput('zoom', 'Zoom must be a whole number from 0 to 20.');
}

/**
 * Server-side heatmap. Normally read from the pre-aggregated `heat_cells` (cost grows with the
 * cells in view, not with the projects registered); a filter on `updatedSince`, which cannot be
 * pre-aggregated, aggregates matching projects in the viewport with the spatial index instead.
 */
@Injectable()
export class HeatmapService {
  constructor(@Inject(MAP_READ_DATABASE) private readonly db: DataSource, private readonly config: AppConfigService) {}

  /** The finest stored level at or below the zoom's ideal whose cells under the bbox stay bounded. */
  levelFor(bbox: BBox, zoom: number): number {
    let level: number = heatLevelForZoom(zoom);
    for (;;) {
      const r = cellRange(bbox, level);
      const cells = (r.x1 - r.x0 + 1) * (r.y1 - r.y0 + 1);
      const coarser = HEAT_LEVELS.filter((l) => l < level).at(-1);
      if (cells <= MAX_CELLS_PER_REQUEST || coarser === undefined) return level;
      level = coarser;
    }
  }

  async heatmap(bbox: BBox, zoom: number, filter: MapFilter | null | undefined): Promise<Heatmap> {
    checkViewport(bbox, zoom);
    checkMapFilter(filter);
    const level = this.levelFor(bbox, zoom);
    const raw = filter?.updatedSince ? await this.liveCells(bbox, level, filter) : await this.storedCells(bbox, level, filter);
    const k = this.config.get('HEATMAP_MIN_CELL_COUNT');
    const { cells, suppressedWeight } = mergeSmallCells(raw, level, k);
    return {
      cells,
      level,
      maxWeight: cells.reduce((m, c) => Math.max(m, c.weight), 0),
      totalWeight: cells.reduce((n, c) => n + c.weight, 0),
      minCellCount: k,
      suppressedWeight,
    };
  }

  private async storedCells(bbox: BBox, level: number, filter: MapFilter | null | undefined): Promise<RawCell[]> {
    const r = cellRange(bbox, level);
    const themes = filter?.themes?.length ? [...new Set(filter.themes)] : [''];
    const params: unknown[] = [level, themes, r.x0, r.x1, r.y0, r.y1];
    const where = ['level = $1', 'theme = ANY($2::text[])', 'cx BETWEEN $3 AND $4', 'cy BETWEEN $5 AND $6'];
    const facets: string[] = [];
    if (filter?.stage) facets.push(`stage = $${params.push(filter.stage)}`);
    if (filter?.profession) facets.push(`profession = $${params.push(filter.profession)}`);
    if (filter?.seekingCollaborators != null) facets.push(`seeking = $${params.push(filter.seekingCollaborators)}`);
    // Unfiltered and theme-only views read one total per cell and theme; other filters read facets.
    const table = facets.length ? 'heat_cell_facets' : 'heat_cells';
    // Per theme first: the largest single-theme count is a lower bound on distinct projects.
    const rows: Array<{ x: number; y: number; weight: string; projects: string }> = await this.db.query(
      `SELECT cx AS x, cy AS y, sum(w) AS weight, max(w) AS projects
         FROM (SELECT cx, cy, theme, sum(n) AS w FROM ${table} WHERE ${[...where, ...facets].join(' AND ')} GROUP BY cx, cy, theme) per_theme
        GROUP BY cx, cy`,
      params,
    );
    return rows.map((row) => ({ x: row.x, y: row.y, weight: Number(row.weight), projects: Number(row.projects) }));
  }

  private async liveCells(bbox: BBox, level: number, filter: MapFilter): Promise<RawCell[]> {
    const params: unknown[] = [level, bbox.west, bbox.south, bbox.east, bbox.north];
    const where = ['display_location && ST_MakeEnvelope($2, $3, $4, $5, 4326)::geography', 'hidden_at IS NULL'];
    const themes = filter.themes?.length ? [...new Set(filter.themes)] : null;
    let weight = 'count(*)';
    if (themes) {
      const i = params.push(themes);
      where.push(`themes && $${i}::text[]`);
      weight = `sum(cardinality(ARRAY(SELECT unnest(themes) INTERSECT SELECT unnest($${i}::text[]))))`;
    }
    if (filter.stage) where.push(`stage = $${params.push(filter.stage)}`);
    if (filter.profession) where.push(`owner_profession = $${params.push(filter.profession)}`);
    if (filter.seekingCollaborators != null) where.push(`seeking_collaborators = $${params.push(filter.seekingCollaborators)}`);
    if (filter.updatedSince) where.push(`updated_at >= $${params.push(filter.updatedSince)}`);
    const rows: Array<{ x: number; y: number; weight: string; projects: string }> = await this.db.query(
      `SELECT kindred_cell_x(ST_X(display_location::geometry), $1) AS x,
              kindred_cell_y(ST_Y(display_location::geometry), $1) AS y,
              ${weight} AS weight, count(*) AS projects
         FROM projects WHERE ${where.join(' AND ')}
        GROUP BY 1, 2`,
      params,
    );
    return rows.map((row) => ({ x: row.x, y: row.y, weight: Number(row.weight), projects: Number(row.projects) }));
  }
}
