import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { THEME_IDS, themeLabel } from '@kindred/domain';
import { BBox, cellBounds, cellCentre, cellRange, distanceKm } from '@kindred/geo';
import { MAP_READ_DATABASE } from '../database/map-read-database';
import { AppConfigService } from '../config/app-config.service';
import { PlacesService } from '../places/places.service';
import { toThemes } from '../projects/project-models.util';
import { checkMapFilter, checkViewport, HeatmapService, MapFilter } from './heatmap.service';
import type { AreaSummary, MapSummary, ThemeCount } from './models/map-summary.model';

interface ThemeRow {
  x: number;
  y: number;
  theme: string;
  n: number;
  seeking: number;
}

interface Area {
  level: number;
  x: number;
  y: number;
  projects: number;
  /** Lower bound on distinct projects, for the privacy threshold. */
  distinct: number;
  seeking: number;
  themes: Map<string, number>;
}

const MAX_AREAS = 50;

/**
 * The map as words and tables ("the map without a map"): the same viewport, zoom and filters as
 * the heatmap, summarised by area (heat cells, named after their largest town) and by theme, with
 * a one-paragraph text. Areas under the privacy threshold merge into their parent cell, and what
 * is still small is counted under "elsewhere in this view", never placed.
 */
@Injectable()
export class MapSummaryService {
  constructor(
    @Inject(MAP_READ_DATABASE) private readonly db: DataSource,
    private readonly heatmaps: HeatmapService,
    private readonly places: PlacesService,
    private readonly config: AppConfigService,
  ) {}

  async summary(bbox: BBox, zoom: number, filter: MapFilter | null | undefined): Promise<MapSummary> {
    checkViewport(bbox, zoom);
    checkMapFilter(filter);
    const level = this.heatmaps.levelFor(bbox, zoom);
    const rows = filter?.updatedSince ? await this.liveRows(bbox, level, filter) : await this.storedRows(bbox, level, filter);
    const selected = filter?.themes?.length ? [...new Set(filter.themes)] : null;

    const cells = new Map<string, Area>();
    for (const r of rows) {
      const key = `${r.x}:${r.y}`;
      const area = cells.get(key) ?? { level, x: r.x, y: r.y, projects: 0, distinct: 0, seeking: 0, themes: new Map<string, number>() };
      cells.set(key, area);
      if (r.theme !== '') area.themes.set(r.theme, (area.themes.get(r.theme) ?? 0) + r.n);
      const counts = selected ? selected.includes(r.theme) : r.theme === '';
      if (!counts) continue;
      area.projects += r.n;
      area.seeking += r.seeking;
      area.distinct = selected ? Math.max(area.distinct, r.n) : r.n;
    }
    if (selected) for (const area of cells.values()) for (const t of [...area.themes.keys()]) if (!selected.includes(t)) area.themes.delete(t);

    const k = this.config.get('HEATMAP_MIN_CELL_COUNT');
    const { shown, elsewhere } = mergeSmallAreas([...cells.values()], k);
    const themeTotals = new Map<string, number>();
    for (const area of cells.values()) for (const [t, n] of area.themes) themeTotals.set(t, (themeTotals.get(t) ?? 0) + n);
    const themes = byCount(themeTotals);
    const totalProjects = sum([...cells.values()].map((a) => a.projects));
    const seekingCollaborators = sum([...cells.values()].map((a) => a.seeking));

    const areas: AreaSummary[] = shown
      .sort((a, b) => b.projects - a.projects || a.y - b.y || a.x - b.x)
      .slice(0, MAX_AREAS)
      .map((a) => this.describe(a));
    if (elsewhere.projects > 0) {
      areas.push({ name: 'Elsewhere in this view (small numbers, not placed)', lat: 0, lng: 0, projects: elsewhere.projects, seekingCollaborators: elsewhere.seeking, topThemes: top(elsewhere.themes) });
    }
    return { totalProjects, seekingCollaborators, themes, areas, text: summaryText(totalProjects, seekingCollaborators, themes, areas, selected) };
  }

  private describe(a: Area): AreaSummary {
    const centre = cellCentre(a.x, a.y, a.level);
    const b = cellBounds(a.x, a.y, a.level);
    const halfDiagonalKm = distanceKm({ lat: b.south, lng: b.west }, { lat: b.north, lng: b.east }) / 2;
    const place = this.places.largestNear(centre.lat, centre.lng, halfDiagonalKm);
    return {
      name: place ? `Around ${place.name}` : `Near ${centre.lat.toFixed(2)}, ${centre.lng.toFixed(2)}`,
      lat: centre.lat,
      lng: centre.lng,
      projects: a.projects,
      seekingCollaborators: a.seeking,
      topThemes: top(a.themes),
    };
  }

  private async storedRows(bbox: BBox, level: number, filter: MapFilter | null | undefined): Promise<ThemeRow[]> {
    const r = cellRange(bbox, level);
    const params: unknown[] = [level, r.x0, r.x1, r.y0, r.y1];
    const where = ['level = $1', 'cx BETWEEN $2 AND $3', 'cy BETWEEN $4 AND $5'];
    if (filter?.stage) where.push(`stage = $${params.push(filter.stage)}`);
    if (filter?.profession) where.push(`profession = $${params.push(filter.profession)}`);
    if (filter?.seekingCollaborators != null) where.push(`seeking = $${params.push(filter.seekingCollaborators)}`);
    const rows: Array<{ x: number; y: number; theme: string; n: string; seeking: string }> = await this.db.query(
      `SELECT cx AS x, cy AS y, theme, sum(n) AS n, coalesce(sum(n) FILTER (WHERE seeking), 0) AS seeking
         FROM heat_cell_facets WHERE ${where.join(' AND ')} GROUP BY cx, cy, theme`,
      params,
    );
    return rows.map((row) => ({ x: row.x, y: row.y, theme: row.theme, n: Number(row.n), seeking: Number(row.seeking) }));
  }

  private async liveRows(bbox: BBox, level: number, filter: MapFilter): Promise<ThemeRow[]> {
    const params: unknown[] = [level, bbox.west, bbox.south, bbox.east, bbox.north];
    const where = ['display_location && ST_MakeEnvelope($2, $3, $4, $5, 4326)::geography', 'hidden_at IS NULL'];
    if (filter.stage) where.push(`stage = $${params.push(filter.stage)}`);
    if (filter.profession) where.push(`owner_profession = $${params.push(filter.profession)}`);
    if (filter.seekingCollaborators != null) where.push(`seeking_collaborators = $${params.push(filter.seekingCollaborators)}`);
    if (filter.updatedSince) where.push(`updated_at >= $${params.push(filter.updatedSince)}`);
    const rows: Array<{ x: number; y: number; theme: string; n: string; seeking: string }> = await this.db.query(
      `SELECT kindred_cell_x(ST_X(display_location::geometry), $1) AS x, kindred_cell_y(ST_Y(display_location::geometry), $1) AS y,
              t.theme, count(*) AS n, count(*) FILTER (WHERE seeking_collaborators) AS seeking
         FROM projects CROSS JOIN LATERAL unnest(array_append(themes, '')) AS t(theme)
        WHERE ${where.join(' AND ')}
        GROUP BY 1, 2, 3`,
      params,
    );
    return rows.map((row) => ({ x: row.x, y: row.y, theme: row.theme, n: Number(row.n), seeking: Number(row.seeking) }));
  }
}

function sum(values: number[]): number {
  return values.reduce((n, v) => n + v, 0);
}

function byCount(counts: Map<string, number>): ThemeCount[] {
  return [...counts.entries()]
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([id, count]) => ({ theme: toThemes([id])[0]!, count }));
}

function top(counts: Map<string, number>): ThemeCount[] {
  return byCount(counts).slice(0, 3);
}

/** k-anonymity for areas: merge small cells into parents once; what is still small is not placed. */
export function mergeSmallAreas(areas: Area[], k: number): { shown: Area[]; elsewhere: Area } {
  const shown = areas.filter((a) => a.distinct >= k);
  const parents = new Map<string, Area>();
  for (const a of areas.filter((c) => c.distinct < k)) {
    const key = `${a.x >> 1}:${a.y >> 1}`;
    const p = parents.get(key) ?? { level: a.level - 1, x: a.x >> 1, y: a.y >> 1, projects: 0, distinct: 0, seeking: 0, themes: new Map<string, number>() };
    p.projects += a.projects;
    p.distinct += a.distinct;
    p.seeking += a.seeking;
    for (const [t, n] of a.themes) p.themes.set(t, (p.themes.get(t) ?? 0) + n);
    parents.set(key, p);
  }
  const elsewhere: Area = { level: 0, x: 0, y: 0, projects: 0, distinct: 0, seeking: 0, themes: new Map<string, number>() };
  for (const p of parents.values()) {
    if (p.distinct >= k) {
      shown.push(p);
      continue;
    }
    elsewhere.projects += p.projects;
    elsewhere.seeking += p.seeking;
    for (const [t, n] of p.themes) elsewhere.themes.set(t, (elsewhere.themes.get(t) ?? 0) + n);
  }
  return { shown, elsewhere };
}

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/** One paragraph a screen reader can read out in place of the map. */
export function summaryText(total: number, seeking: number, themes: ThemeCount[], areas: AreaSummary[], selected: string[] | null): string {
  const about = selected ? ` on ${selected.map((t) => themeLabel(t).toLowerCase()).join(' or ')}` : '';
  if (total === 0) return `No registered projects${about} match these filters in this view. Zoom out or clear some filters to see more.`;
  const parts = [`In this view there ${total === 1 ? 'is' : 'are'} ${count(total, 'registered project')}${about}, ${count(seeking, 'seeking', 'seeking')} collaborators.`];
  if (selected && selected.length > 1) parts.push('With several themes chosen, a project counts once for each chosen theme it works on.');
  const leading = themes.slice(0, 3).map((t) => `${t.theme.label.toLowerCase()} (${t.count.toLocaleString('en-GB')})`);
  if (leading.length) parts.push(`Most action is on ${joinWords(leading)}.`);
  const busiest = areas.filter((a) => !a.name.startsWith('Elsewhere')).slice(0, 3).map((a) => `${a.name.replace(/^Around /, 'around ')} (${a.projects.toLocaleString('en-GB')})`);
  if (busiest.length) parts.push(`The busiest areas are ${joinWords(busiest)}.`);
  if (!selected) {
    const present = new Set(themes.map((t) => t.theme.id));
    const missing = toThemes(THEME_IDS).filter((t) => !present.has(t.id)).map((t) => t.label.toLowerCase());
    if (missing.length) parts.push(`No registered action here on ${joinWords(missing.slice(0, 5))}${missing.length > 5 ? ` and ${missing.length - 5} more themes` : ''}.`);
  }
  return parts.join(' ');
}

function joinWords(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
