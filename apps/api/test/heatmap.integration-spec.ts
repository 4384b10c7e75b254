import { UK_BBOX } from '@kindred/geo';
import { withMapAggregatesRebuiltAfter } from '../src/map/map-aggregates.util';
import { countRows, createTestApp, TestApp } from './test-app';
import { around, insertClinician, insertProjects } from './map-fixtures';

const LEEDS = { lat: 53.8008, lng: -1.5491 };
const LONDON = { lat: 51.5074, lng: -0.1278 };
const LERWICK = { lat: 60.155, lng: -1.145 };

const HEATMAP = `query Heat($bbox: BBoxInput!, $zoom: Int!, $filter: MapFilterInput) {
  heatmap(bbox: $bbox, zoom: $zoom, filter: $filter) { level maxWeight totalWeight suppressedWeight minCellCount cells { level x y lat lng weight } }
}`;

interface HeatResult {
  heatmap: {
    level: number;
    maxWeight: number;
    totalWeight: number;
    suppressedWeight: number;
    minCellCount: number;
    cells: Array<{ level: number; x: number; y: number; lat: number; lng: number; weight: number }>;
  };
}

describe('heatmap (integration, real PostGIS)', () => {
  let t: TestApp;
  const heat = (vars: Record<string, unknown>) => t.gql<HeatResult>(HEATMAP, vars);

  beforeAll(async () => {
    t = await createTestApp();
    await t.reset();
    const doctor = await insertClinician(t.db, 'doctor');
    const visitor = await insertClinician(t.db, 'health-visitor');
    // Leeds: 20 projects; 12 on housing, 8 on food insecurity (4 of those also on housing).
    await insertProjects(
      t.db,
      doctor,
      Array.from({ length: 20 }, (_, i) => ({
        ...around(LEEDS, i),
        themes: i < 8 ? ['housing'] : i < 12 ? ['housing', 'food-insecurity'] : i < 16 ? ['food-insecurity'] : ['child-poverty'],
        stage: i % 2 === 0 ? 'running' : 'idea',
        seeking: i % 4 === 0,
      })),
    );
    // London: 15 projects by a health visitor, all child poverty, region precision.
    await insertProjects(
      t.db,
      visitor,
      Array.from({ length: 15 }, (_, i) => ({ ...around(LONDON, i, 8), themes: ['child-poverty'], precision: 'region' as const, stage: 'planning' as const })),
    );
    // One lone project on Shetland.
    await insertProjects(t.db, doctor, [{ ...LERWICK, themes: ['fuel-poverty'], precision: 'exact' }]);
  });
  afterAll(async () => t.close());

  it('accounts for every project across the UK: shown plus suppressed weight equals the projects', async () => {
    const res = await heat({ bbox: UK_BBOX, zoom: 5 });
    expect(res.errors).toBeUndefined();
    const h = res.data!.heatmap;
    expect(h.totalWeight + h.suppressedWeight).toBe(36);
    expect(h.cells.reduce((n, c) => n + c.weight, 0)).toBe(h.totalWeight);
    expect(h.minCellCount).toBe(3);
  });

  it('filters by one theme exactly', async () => {
    const h = (await heat({ bbox: UK_BBOX, zoom: 5, filter: { themes: ['housing'] } })).data!.heatmap;
    expect(h.totalWeight + h.suppressedWeight).toBe(12);
    const child = (await heat({ bbox: UK_BBOX, zoom: 5, filter: { themes: ['child-poverty'] } })).data!.heatmap;
    expect(child.totalWeight + child.suppressedWeight).toBe(19);
  });

  it('counts action on each theme when several themes are selected', async () => {
    const h = (await heat({ bbox: UK_BBOX, zoom: 5, filter: { themes: ['housing', 'food-insecurity'] } })).data!.heatmap;
    // 16 distinct projects, 4 of which work on both themes.
    expect(h.totalWeight + h.suppressedWeight).toBe(20);
  });

  it('filters by stage, profession and seeking collaborators', async () => {
    const byStage = (await heat({ bbox: UK_BBOX, zoom: 5, filter: { stage: 'planning' } })).data!.heatmap;
    expect(byStage.totalWeight + byStage.suppressedWeight).toBe(15);
    const byProfession = (await heat({ bbox: UK_BBOX, zoom: 5, filter: { profession: 'health-visitor' } })).data!.heatmap;
    expect(byProfession.totalWeight + byProfession.suppressedWeight).toBe(15);
    const seeking = (await heat({ bbox: UK_BBOX, zoom: 5, filter: { seekingCollaborators: true } })).data!.heatmap;
    expect(seeking.totalWeight + seeking.suppressedWeight).toBe(5);
    const combined = (await heat({ bbox: UK_BBOX, zoom: 5, filter: { themes: ['housing'], stage: 'running' } })).data!.heatmap;
    expect(combined.totalWeight + combined.suppressedWeight).toBe(6);
  });

  it('agrees with the live aggregation used for "updated since"', async () => {
    for (const filter of [{}, { themes: ['housing'] }, { themes: ['housing', 'food-insecurity'] }, { stage: 'idea' }]) {
      const stored = (await heat({ bbox: UK_BBOX, zoom: 5, filter })).data!.heatmap;
      const live = (await heat({ bbox: UK_BBOX, zoom: 5, filter: { ...filter, updatedSince: '2000-01-01T00:00:00Z' } })).data!.heatmap;
      expect(live.cells).toEqual(stored.cells);
      expect(live.suppressedWeight).toBe(stored.suppressedWeight);
    }
    const future = (await heat({ bbox: UK_BBOX, zoom: 5, filter: { updatedSince: '2999-01-01T00:00:00Z' } })).data!.heatmap;
    expect(future.cells).toEqual([]);
  });

  it('never shows a cell holding fewer than k projects: the lone Shetland project is left out', async () => {
    for (const zoom of [3, 5, 8, 11, 14]) {
      const h = (await heat({ bbox: { west: -3, south: 59.5, east: 0.5, north: 61 }, zoom })).data!.heatmap;
      expect(h.cells).toEqual([]);
      expect(h.suppressedWeight).toBe(1);
    }
  });

  it('builds cells from rounded points: region projects sit in the cell of their rounded point only', async () => {
    const rows: Array<{ exact_lat: number; exact_lng: number; shown_lat: number; shown_lng: number }> = await t.db.query(
      `SELECT ST_Y(location::geometry) exact_lat, ST_X(location::geometry) exact_lng,
              ST_Y(display_location::geometry) shown_lat, ST_X(display_location::geometry) shown_lng
         FROM projects WHERE location_precision = 'region'`,
    );
    const h = (await heat({ bbox: { west: -0.8, south: 51.2, east: 0.5, north: 51.8 }, zoom: 13 })).data!.heatmap;
    expect(h.totalWeight + h.suppressedWeight).toBe(15);
    const shown = new Set(rows.map((r) => `${r.shown_lat},${r.shown_lng}`));
    // Every cell is near some rounded point, and the cells hold all 15 though the exact points are spread over ~16 km.
    for (const c of h.cells) {
      const nearRounded = rows.some((r) => Math.abs(r.shown_lat - c.lat) < 0.05 && Math.abs(r.shown_lng - c.lng) < 0.08);
      expect(nearRounded).toBe(true);
      expect(rows.some((r) => r.exact_lat === c.lat && r.exact_lng === c.lng)).toBe(false);
    }
    expect(shown.size).toBeLessThan(15);
  });

  it('keeps cells current when projects are edited and deleted', async () => {
    const before = (await heat({ bbox: UK_BBOX, zoom: 5, filter: { themes: ['housing'] } })).data!.heatmap;
    await t.db.query(`UPDATE projects SET themes = ARRAY['housing'] WHERE 'child-poverty' = ANY(themes) AND location_precision = 'region'`);
    const moved = (await heat({ bbox: UK_BBOX, zoom: 5, filter: { themes: ['housing'] } })).data!.heatmap;
    expect(moved.totalWeight + moved.suppressedWeight).toBe(before.totalWeight + before.suppressedWeight + 15);
    await t.db.query(`DELETE FROM projects WHERE location_precision = 'region'`);
    const after = (await heat({ bbox: UK_BBOX, zoom: 5 })).data!.heatmap;
    expect(after.totalWeight + after.suppressedWeight).toBe(21);
    const [{ n }] = await t.db.query(
      `SELECT (SELECT count(*) FROM heat_cells WHERE n <= 0) + (SELECT count(*) FROM heat_cell_facets WHERE n <= 0) AS n`,
    );
    expect(Number(n)).toBe(0);
  });

  it('follows a change of the owner\'s profession', async () => {
    await t.db.query(`UPDATE users SET profession = 'pharmacist' WHERE profession = 'doctor'`);
    const h = (await heat({ bbox: UK_BBOX, zoom: 5, filter: { profession: 'pharmacist' } })).data!.heatmap;
    expect(h.totalWeight + h.suppressedWeight).toBe(21);
  });

  it('answers the whole world at zoom 0 with a handful of cells', async () => {
    const res = await heat({ bbox: { west: -180, south: -90, east: 180, north: 90 }, zoom: 0 });
    expect(res.errors).toBeUndefined();
    expect(res.data!.heatmap.level).toBe(4);
    expect(res.data!.heatmap.cells.length).toBeLessThanOrEqual(256);
  });

  it('answers a huge viewport at close zoom coarser instead of scanning everything', async () => {
    const res = await heat({ bbox: { west: -180, south: -90, east: 180, north: 90 }, zoom: 18 });
    expect(res.errors).toBeUndefined();
    expect(res.data!.heatmap.level).toBeLessThanOrEqual(6);
  });

  it.each([
    ['an inverted bbox', { bbox: { west: 1, south: 50, east: -1, north: 55 }, zoom: 5 }, 'bbox'],
    ['south above north', { bbox: { west: -1, south: 56, east: 1, north: 55 }, zoom: 5 }, 'bbox'],
    ['an out-of-range bbox', { bbox: { west: -200, south: 50, east: 1, north: 55 }, zoom: 5 }, 'bbox'],
    ['zoom 21', { bbox: UK_BBOX, zoom: 21 }, 'zoom'],
    ['zoom -1', { bbox: UK_BBOX, zoom: -1 }, 'zoom'],
    ['an unknown stage', { bbox: UK_BBOX, zoom: 5, filter: { stage: 'dreaming' } }, 'filter.stage'],
    ['an unknown profession', { bbox: UK_BBOX, zoom: 5, filter: { profession: 'wizard' } }, 'filter.profession'],
  ])('refuses %s with BAD_USER_INPUT naming the field', async (_label, vars, field) => {
    const res = await heat(vars);
    expect(res.data).toBeNull();
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('refuses an unknown theme with UNKNOWN_THEME', async () => {
    const res = await heat({ bbox: UK_BBOX, zoom: 5, filter: { themes: ['housing', 'astrology'] } });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'UNKNOWN_THEME', field: 'filter.themes' });
  });

  it('keeps exactly what a rebuild from scratch would compute', async () => {
    const snapshot = async () =>
      JSON.stringify([
        await t.db.query(`SELECT * FROM heat_cells ORDER BY level, theme, cx, cy`),
        await t.db.query(`SELECT * FROM heat_cell_facets ORDER BY level, theme, cx, cy, stage, profession, seeking`),
      ]);
    const incremental = await snapshot();
    await t.db.query(`SELECT kindred_rebuild_heat()`);
    expect(await snapshot()).toBe(incremental);
  });

  it('keeps cells exact under concurrent writes that touch the same cells in opposite orders (no deadlock)', async () => {
    const rows: Array<{ id: string; lat: number }> = await t.db.query(
      `SELECT id, ST_Y(display_location::geometry) AS lat FROM projects WHERE hidden_at IS NULL ORDER BY id`,
    );
    const north = rows.filter((r) => r.lat > 53).map((r) => r.id);
    const south = rows.filter((r) => r.lat < 53).map((r) => r.id);
    const pairs = Array.from({ length: 40 }, (_, i) => [north[i % north.length]!, south[i % south.length]!]);
    // Each statement changes facets of a northern and a southern cell; half list them the other way round.
    const results = await Promise.allSettled(
      pairs.map(([a, b], i) =>
        t.db.query(
          `UPDATE projects SET seeking_collaborators = NOT seeking_collaborators, stage = CASE WHEN stage = 'running' THEN 'planning' ELSE 'running' END
            WHERE id = ANY($1::uuid[])`,
          [i % 2 ? [a, b] : [b, a]],
        ),
      ),
    );
    expect(results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
    const snapshot = async () =>
      JSON.stringify([
        await t.db.query(`SELECT * FROM heat_cells ORDER BY level, theme, cx, cy`),
        await t.db.query(`SELECT * FROM heat_cell_facets ORDER BY level, theme, cx, cy, stage, profession, seeking`),
      ]);
    const incremental = await snapshot();
    await t.db.query(`SELECT kindred_rebuild_heat()`);
    expect(await snapshot()).toBe(incremental);
  });

  it('can defer upkeep during a bulk load and rebuild once, missing nothing', async () => {
    const before = (await heat({ bbox: UK_BBOX, zoom: 5 })).data!.heatmap;
    const owner = await insertClinician(t.db, 'nurse');
    await withMapAggregatesRebuiltAfter(t.db, async () => {
      await insertProjects(t.db, owner, Array.from({ length: 5 }, (_, i) => ({ ...around(LONDON, i), themes: ['housing' as const] })));
      // While deferred, the cells do not move yet.
      const during = (await heat({ bbox: UK_BBOX, zoom: 5 })).data!.heatmap;
      expect(during.totalWeight + during.suppressedWeight).toBe(before.totalWeight + before.suppressedWeight);
    });
    const after = (await heat({ bbox: UK_BBOX, zoom: 5 })).data!.heatmap;
    expect(after.totalWeight + after.suppressedWeight).toBe(before.totalWeight + before.suppressedWeight + 5);
    const [{ tgenabled }] = await t.db.query(`SELECT tgenabled FROM pg_trigger WHERE tgname = 'projects_heat_insert'`);
    expect(tgenabled).toBe('O');
    await t.db.query(`DELETE FROM projects WHERE owner_id = $1`, [owner]);
  });

  it('writes nothing when reading', async () => {
    expect(await countRows(t.db, 'projects')).toBe(21);
  });
});
