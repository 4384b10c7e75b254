import { cellToLatLng } from 'h3-js';
import { distanceKm, roundToPrecision, type LatLng } from '@kindred/geo';
import { SAMPLE_INDICATOR } from '../src/indicators/data/children-low-income-sample.constant';
import { INDICATOR_LIMITS } from '../src/indicators/indicator-limits.constant';
import { IndicatorsService } from '../src/indicators/indicators.service';
import { isOnUkLand, ukLandHexes } from '../src/indicators/uk-land-hexes.util';
import { signUp, type SignedUpUser } from './fixtures';
import { around, insertClinician, insertProjects } from './map-fixtures';
import { countRows, createTestApp, type GqlResult, type TestApp } from './test-app';

const LEEDS = { lat: 53.7997, lng: -1.5492 };
const MANCHESTER = { lat: 53.4808, lng: -2.2426 };
const NEWCASTLE = { lat: 54.9783, lng: -1.6178 };
const LONDON = { lat: 51.5074, lng: -0.1278 };
/** Nearer Newcastle than any other fixture centre, but ~85 km from it: outside every area. */
const CARLISLE = { lat: 54.8925, lng: -2.9329 };

const IMPORT = `mutation Import($input: ImportIndicatorInput!) {
  importIndicator(input: $input) {
    importedAreas placedByName
    skipped { line areaCode areaName reason }
    indicator { id name description unit source higherIsWorse areaCount minValue maxValue createdAt }
  }
}`;
const DELETE = `mutation Delete($id: ID!) { deleteIndicator(id: $id) }`;
const LIST = `{ indicators { id name areaCount higherIsWorse source } }`;
const GAPS = `query Gaps($id: ID!, $filter: MapFilterInput) {
  gapLayer(indicatorId: $id, filter: $filter) {
    indicator { id name }
    areas { code name lat lng value needScore projects actionScore gap highGap label }
    hexes { h3 areaCode }
    hexResolution radiusKm assignedProjects unassignedProjects
  }
}`;

interface ImportResult {
  importIndicator: {
    importedAreas: number;
    placedByName: number;
    skipped: Array<{ line: number; areaCode: string; areaName: string; reason: string }>;
    indicator: { id: string; name: string; unit: string | null; source: string | null; higherIsWorse: boolean; areaCount: number; minValue: number; maxValue: number };
  };
}
interface GapArea {
  code: string;
  name: string;
  lat: number;
  lng: number;
  value: number;
  needScore: number;
  projects: number;
  actionScore: number;
  gap: number;
  highGap: boolean;
  label: string;
}
interface GapResult {
  gapLayer: {
    indicator: { id: string; name: string };
    areas: GapArea[];
    hexes: Array<{ h3: string; areaCode: string }>;
    hexResolution: number;
    radiusKm: number;
    assignedProjects: number;
    unassignedProjects: number;
  };
}

/** Three areas placed by their own coordinates: need rises from Leeds to Newcastle. */
const THREE_AREAS = [
  'area_code,area_name,value,lat,lng',
  `A-LEEDS,Leeds,10,${LEEDS.lat},${LEEDS.lng}`,
  `A-MCR,Manchester,20,${MANCHESTER.lat},${MANCHESTER.lng}`,
  `A-NCL,Newcastle,30,${NEWCASTLE.lat},${NEWCASTLE.lng}`,
].join('\n');

describe('indicators and the gaps view (integration, real PostGIS)', () => {
  let t: TestApp;
  let admin: SignedUpUser;
  let clinician: SignedUpUser;

  const importAs = (token: string | undefined, input: Record<string, unknown>) =>
    t.gql<ImportResult>(IMPORT, { input: { name: 'Test need', ...input } }, token);
  const gaps = (id: string, filter?: Record<string, unknown>) => t.gql<GapResult>(GAPS, { id, filter });
  const written = async () => ({ indicators: await countRows(t.db, 'indicators'), areas: await countRows(t.db, 'indicator_areas') });

  /** Asserts a refused import: BAD_USER_INPUT on input.csv, the message, the lines listed, and nothing written. */
  async function expectRefused(csv: string, message: RegExp, lines: Array<number | null>) {
    const before = await written();
    const res = await importAs(admin.token, { csv });
    expect(res.data).toBeNull();
    const error = res.errors?.[0];
    expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error?.extensions?.field).toBe('input.csv');
    expect(error?.message).toMatch(message);
    const listed = (error?.extensions?.['errors'] as Array<{ line: number | null }>).map((e) => e.line);
    expect(listed).toEqual(lines);
    expect(await written()).toEqual(before);
    return error!;
  }

  beforeAll(async () => {
    t = await createTestApp();
    await t.reset();
    admin = await signUp(t); // the first account on an empty database is admin
    clinician = await signUp(t);
    expect([admin.role, clinician.role]).toEqual(['admin', 'clinician']);
  });
  afterAll(async () => t.close());

  describe('importing from CSV', () => {
    afterEach(async () => {
      await t.db.query('DELETE FROM indicators');
    });

    it('imports a messy but valid file: BOM, CRLF, quotes, blank lines, coordinates and names; skips and reports what it cannot place', async () => {
      const csv = [
        '\uFEFFarea_code,area_name,value,lat,lng',
        'E08000035,Leeds,24.1,,',
        '',
        'E06000023,"Bristol",18.9,,',
        'X1,"Somewhere, with a comma",30,52.0,-1.0',
        ' E08000003 , Manchester , 33.4 ,,',
        'X2,Qwzx Nowhere,20,,',
      ].join('\r\n');
      const res = await importAs(admin.token, { name: '  Child poverty (test)  ', unit: '% of children', source: 'Test data', csv });
      expect(res.errors).toBeUndefined();
      const result = res.data!.importIndicator;
      expect(result.importedAreas).toBe(4);
      expect(result.placedByName).toBe(3);
      expect(result.skipped).toEqual([
        { line: 7, areaCode: 'X2', areaName: 'Qwzx Nowhere', reason: expect.stringContaining('no UK town or city called "Qwzx Nowhere"') },
      ]);
      expect(result.indicator).toMatchObject({
        name: 'Child poverty (test)',
        unit: '% of children',
        source: 'Test data',
        higherIsWorse: true,
        areaCount: 4,
        minValue: 18.9,
        maxValue: 33.4,
      });

      const rows: Array<{ area_code: string; area_name: string; value: number; lat: number; lng: number; imported_by: string }> = await t.db.query(
        `SELECT a.area_code, a.area_name, a.value, ST_Y(a.centre::geometry) lat, ST_X(a.centre::geometry) lng, i.imported_by
           FROM indicator_areas a JOIN indicators i ON i.id = a.indicator_id ORDER BY a.area_code`,
      );
      expect(rows.map((r) => [r.area_code, r.area_name, r.value])).toEqual([
        ['E06000023', 'Bristol', 18.9],
        ['E08000003', 'Manchester', 33.4],
        ['E08000035', 'Leeds', 24.1],
        ['X1', 'Somewhere, with a comma', 30],
      ]);
      expect(distanceKm(rows[2]!, LEEDS)).toBeLessThan(5);
      expect(rows[3]).toMatchObject({ lat: 52, lng: -1 });
      expect(new Set(rows.map((r) => r.imported_by))).toEqual(new Set([admin.id]));

      const list = await t.gql<{ indicators: Array<{ name: string; areaCount: number }> }>(LIST);
      expect(list.data!.indicators).toEqual([expect.objectContaining({ name: 'Child poverty (test)', areaCount: 4 })]);
    });

    it('refuses a file with no header line', async () => {
      await expectRefused('E08000035,Leeds,24.1\nE08000003,Manchester,33.4', /Line 1: the first line must be the header area_code,area_name,value/, [1]);
    });

    it('refuses a missing column', async () => {
      await expectRefused('area_code,area_name\nE08000035,Leeds', /Line 1: the header has no value column/, [1]);
    });

    it('refuses a bad number, naming its line, and lists every bad row', async () => {
      const error = await expectRefused(
        'area_code,area_name,value\nE08000035,Leeds,24.1\nE08000003,Manchester,lots\nE06000023,Bristol,1,234\n',
        /^The CSV was not imported\. Line 3: value "lots" is not a number/,
        [3, 4],
      );
      expect(error.message).toContain('Line 4: expected 3 fields like the header, found 4');
    });

    it('refuses a repeated area code', async () => {
      await expectRefused('area_code,area_name,value\nE08000035,Leeds,24.1\nE08000003,Manchester,33\ne08000035,Leeds again,20', /Line 4: area code "e08000035" already appears on line 2/, [4]);
    });

    it(`refuses more than ${INDICATOR_LIMITS.maxRows} rows`, async () => {
      const body = Array.from({ length: INDICATOR_LIMITS.maxRows + 1 }, (_, i) => `C${i},Leeds,${i}`).join('\n');
      await expectRefused(`area_code,area_name,value\n${body}`, /more than 1,000 data rows/, [null]);
    });

    it('refuses a file over the size limit with its own message, not HTTP 413', async () => {
      const csv = `area_code,area_name,value\nA,Leeds,1\nB,York,2\n#${'x'.repeat(INDICATOR_LIMITS.maxCsvBytes)}`;
      await expectRefused(csv, /^The CSV was not imported\. The file is \d+ KB; at most 512 KB/, [null]);
    });

    it('refuses, writing nothing, when fewer than 80% of areas can be placed, listing each with its line', async () => {
      const csv = ['area_code,area_name,value', 'A,Leeds,1', 'B,Qwzx One,2', 'C,York,3', 'D,Qwzx Two,4', 'E,Bristol,5'].join('\n');
      const error = await expectRefused(csv, /^Only 3 of 5 areas \(60%\) could be placed on the map; at least 80% must be, so nothing was imported/, [3, 5]);
      expect((error.extensions?.['errors'] as Array<{ message: string }>).map((e) => e.message)).toEqual([
        expect.stringMatching(/^Line 3: no UK town or city called "Qwzx One"/),
        expect.stringMatching(/^Line 5: no UK town or city called "Qwzx Two"/),
      ]);
    });

    it('accepts exactly 80% placed', async () => {
      const csv = ['area_code,area_name,value', 'A,Leeds,1', 'B,Qwzx One,2', 'C,York,3', 'D,Hull,4', 'E,Bristol,5'].join('\n');
      const res = await importAs(admin.token, { csv });
      expect(res.errors).toBeUndefined();
      expect(res.data!.importIndicator.importedAreas).toBe(4);
      expect(res.data!.importIndicator.skipped.map((s) => s.line)).toEqual([3]);
    });

    it('refuses a second indicator with the same name, ignoring case', async () => {
      expect((await importAs(admin.token, { csv: THREE_AREAS })).errors).toBeUndefined();
      const before = await written();
      const res = await importAs(admin.token, { name: 'TEST NEED', csv: THREE_AREAS });
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
      expect(await written()).toEqual(before);
    });

    it('validates the description fields', async () => {
      const res = await importAs(admin.token, { name: 'ab', unit: 'u'.repeat(41), csv: THREE_AREAS });
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect((res.errors?.[0]?.extensions?.['errors'] as Array<{ field: string }>).map((e) => e.field)).toEqual(['input.name', 'input.unit']);
      expect(await written()).toEqual({ indicators: 0, areas: 0 });
    });

    it('is for admins only: FORBIDDEN for a clinician, UNAUTHENTICATED anonymously, nothing written', async () => {
      const asClinician = await importAs(clinician.token, { csv: THREE_AREAS });
      expect(asClinician.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(asClinician.data).toBeNull();
      const anonymous = await importAs(undefined, { csv: THREE_AREAS });
      expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(await written()).toEqual({ indicators: 0, areas: 0 });
    });

    it('deletes an indicator with its areas (admins only); NOT_FOUND after that', async () => {
      const id = (await importAs(admin.token, { csv: THREE_AREAS })).data!.importIndicator.indicator.id;
      expect((await gaps(id)).errors).toBeUndefined();

      const forbidden = await t.gql(DELETE, { id }, clinician.token);
      expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect((await t.gql(DELETE, { id })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(await written()).toEqual({ indicators: 1, areas: 3 });

      const res = await t.gql<{ deleteIndicator: boolean }>(DELETE, { id }, admin.token);
      expect(res.data?.deleteIndicator).toBe(true);
      expect(await written()).toEqual({ indicators: 0, areas: 0 });
      expect((await gaps(id)).errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'indicatorId' });
      expect((await t.gql(DELETE, { id }, admin.token)).errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
      expect((await t.gql(DELETE, { id: 'not-a-uuid' }, admin.token)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    });
  });

  describe('the gap layer', () => {
    let indicatorId: string;
    let roundedProject: { exact: LatLng; shown: LatLng; nearestExact: string; nearestShown: string };

    beforeAll(async () => {
      await t.db.query('DELETE FROM indicators');
      await t.db.query('DELETE FROM projects');
      indicatorId = (await importAs(admin.token, { name: 'Three cities', csv: THREE_AREAS })).data!.importIndicator.indicator.id;
      const doctor = await insertClinician(t.db, 'doctor');
      // Leeds: 5 projects (3 housing, 2 food insecurity). Manchester: 2 (housing, child poverty). Newcastle: none.
      await insertProjects(t.db, doctor, [
        ...[0, 1, 2].map((i) => ({ ...around(LEEDS, i), themes: ['housing' as const] })),
        ...[3, 4].map((i) => ({ ...around(LEEDS, i), themes: ['food-insecurity' as const] })),
        { ...around(MANCHESTER, 1), themes: ['housing'] },
        { ...around(MANCHESTER, 2), themes: ['child-poverty'] },
        // Outside every area: far from all centres, or nearest Newcastle but beyond 60 km.
        { ...LONDON, themes: ['housing'] },
        { ...CARLISLE, themes: ['housing'] },
      ]);
    });

    const byCode = (areas: GapArea[]) => Object.fromEntries(areas.map((a) => [a.code, a]));

    it('counts projects per area and ranks need against action, largest gap first', async () => {
      const res = await gaps(indicatorId);
      expect(res.errors).toBeUndefined();
      const layer = res.data!.gapLayer;
      expect(layer.areas.map((a) => [a.code, a.projects, a.needScore, a.actionScore, a.gap, a.highGap, a.label])).toEqual([
        ['A-NCL', 0, 1, 0, 1, true, 'High need, little action'],
        ['A-MCR', 2, 0.5, 0.5, 0, false, 'High need, active'],
        ['A-LEEDS', 5, 0, 1, 0, false, 'Lower need, active'],
      ]);
      expect(layer.assignedProjects).toBe(7);
      expect(layer.unassignedProjects).toBe(2);
      expect(layer.radiusKm).toBe(60);
      expect(layer.hexResolution).toBe(5);
      const leeds = byCode(layer.areas)['A-LEEDS']!;
      expect(leeds).toMatchObject({ name: 'Leeds', value: 10 });
      expect(distanceKm(leeds, LEEDS)).toBeLessThan(0.01);
    });

    it('uses the map filter: a theme changes the counts and so the gaps', async () => {
      const food = byCode((await gaps(indicatorId, { themes: ['food-insecurity'] })).data!.gapLayer.areas);
      expect([food['A-LEEDS']!.projects, food['A-MCR']!.projects, food['A-NCL']!.projects]).toEqual([2, 0, 0]);
      // Manchester loses its action: half its need is now a gap.
      expect(food['A-MCR']).toMatchObject({ actionScore: 0, gap: 0.5, highGap: true, label: 'High need, little action' });

      const housing = byCode((await gaps(indicatorId, { themes: ['housing'] })).data!.gapLayer.areas);
      expect([housing['A-LEEDS']!.projects, housing['A-MCR']!.projects, housing['A-NCL']!.projects]).toEqual([3, 1, 0]);

      const several = (await gaps(indicatorId, { themes: ['housing', 'food-insecurity'] })).data!.gapLayer;
      expect(byCode(several.areas)['A-LEEDS']!.projects).toBe(5);
      expect(several.unassignedProjects).toBe(2);

      const planning = (await gaps(indicatorId, { stage: 'planning' })).data!.gapLayer;
      expect(planning.assignedProjects + planning.unassignedProjects).toBe(0);
    });

    it('refuses a bad filter or an unknown indicator with the usual codes', async () => {
      expect((await gaps(indicatorId, { themes: ['astrology'] })).errors?.[0]?.extensions).toMatchObject({ code: 'UNKNOWN_THEME', field: 'filter.themes' });
      expect((await gaps('00000000-0000-4000-8000-000000000000')).errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'indicatorId' });
      expect((await gaps('nonsense')).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    });

    it('inverts need when lower is worse', async () => {
      const res = await importAs(admin.token, { name: 'Three cities, lower is worse', higherIsWorse: false, csv: THREE_AREAS });
      const areas = byCode((await gaps(res.data!.importIndicator.indicator.id)).data!.gapLayer.areas);
      expect([areas['A-LEEDS']!.needScore, areas['A-MCR']!.needScore, areas['A-NCL']!.needScore]).toEqual([1, 0.5, 0]);
      expect(areas['A-LEEDS']!.gap).toBe(0);
    });

    it('assigns a project by its rounded point, never its exact one', async () => {
      // Walk from Leeds towards Manchester to a site nearer Leeds whose ~10 km cell centre is nearer Manchester.
      let found: typeof roundedProject | null = null;
      for (let f = 0.4; f <= 0.6 && !found; f += 0.001) {
        const exact = { lat: LEEDS.lat + (MANCHESTER.lat - LEEDS.lat) * f, lng: LEEDS.lng + (MANCHESTER.lng - LEEDS.lng) * f };
        const shown = roundToPrecision(exact, 'region');
        const nearest = (p: LatLng) => (distanceKm(p, LEEDS) < distanceKm(p, MANCHESTER) ? 'A-LEEDS' : 'A-MCR');
        if (nearest(exact) !== nearest(shown) && Math.abs(distanceKm(shown, LEEDS) - distanceKm(shown, MANCHESTER)) > 1) {
          found = { exact, shown, nearestExact: nearest(exact), nearestShown: nearest(shown) };
        }
      }
      expect(found).not.toBeNull();
      roundedProject = found!;
      const owner = await insertClinician(t.db, 'nurse');
      await insertProjects(t.db, owner, [{ ...roundedProject.exact, precision: 'region', themes: ['migration-asylum'] }]);

      const areas = byCode((await gaps(indicatorId, { themes: ['migration-asylum'] })).data!.gapLayer.areas);
      expect(areas[roundedProject.nearestShown]!.projects).toBe(1);
      expect(areas[roundedProject.nearestExact]!.projects).toBe(0);
    });

    it('tags every UK land hexagon within 60 km of a centre with its nearest area, and no other hexagon', async () => {
      const layer = (await gaps(indicatorId)).data!.gapLayer;
      const centres = byCode(layer.areas);
      expect(layer.hexes.length).toBeGreaterThan(100);
      expect(new Set(layer.hexes.map((h) => h.h3)).size).toBe(layer.hexes.length);
      for (const hex of layer.hexes) {
        const [lat, lng] = cellToLatLng(hex.h3);
        expect(isOnUkLand(lat, lng)).toBe(true);
        const area = centres[hex.areaCode];
        expect(area).toBeDefined();
        const km = distanceKm({ lat, lng }, area!);
        expect(km).toBeLessThanOrEqual(60.05);
        for (const other of layer.areas) expect(km).toBeLessThanOrEqual(distanceKm({ lat, lng }, other) + 0.05);
      }
      // Conversely, every land hexagon clearly within reach of a centre is drawn.
      const returned = new Set(layer.hexes.map((h) => h.h3));
      const missing = ukLandHexes(5).filter((h) => Math.min(...layer.areas.map((a) => distanceKm(h, a))) < 59.9 && !returned.has(h.h3));
      expect(missing).toEqual([]);
    });

    it('counts from the peer index exactly as from the projects, as points appear, move and hide', async () => {
      // No filter, or themes only, reads per-point counts and each point's remembered area; any
      // other filter counts the projects themselves. A filter every project passes must agree.
      const everyone = { updatedSince: '2000-01-01T00:00:00Z' };
      const agree = async () => {
        for (const [fast, slow] of [
          [undefined, everyone],
          [{ themes: ['housing', 'food-insecurity'] }, { ...everyone, themes: ['housing', 'food-insecurity'] }],
        ] as const) {
          const a = (await gaps(indicatorId, fast)).data!.gapLayer;
          const b = (await gaps(indicatorId, slow)).data!.gapLayer;
          expect(a.areas.map((x) => [x.code, x.projects])).toEqual(b.areas.map((x) => [x.code, x.projects]));
          expect([a.assignedProjects, a.unassignedProjects]).toEqual([b.assignedProjects, b.unassignedProjects]);
        }
      };
      await agree();
      const owner = await insertClinician(t.db, 'nurse');
      const ids = await insertProjects(t.db, owner, [
        ...[5, 6, 7].map((i) => ({ ...around(NEWCASTLE, i), themes: ['housing' as const], precision: 'exact' as const })),
        { ...around(MANCHESTER, 4), themes: ['food-insecurity'] },
      ]);
      await agree();
      await t.db.query(`UPDATE projects SET display_location = location WHERE id = $1`, [ids[3]]);
      await t.db.query(`UPDATE projects SET hidden_at = now() WHERE id = $1`, [ids[0]]);
      await agree();
      await t.db.query(`DELETE FROM projects WHERE owner_id = $1`, [owner]);
    });

    it('answers the same after the layer is cached, with fresh counts', async () => {
      const first = (await gaps(indicatorId)).data!.gapLayer;
      const owner = await insertClinician(t.db, 'pharmacist');
      await insertProjects(t.db, owner, [{ ...around(NEWCASTLE, 1), themes: ['fuel-poverty'] }]);
      const second = (await gaps(indicatorId)).data!.gapLayer;
      expect(second.hexes).toEqual(first.hexes);
      expect(byCode(second.areas)['A-NCL']!.projects).toBe(byCode(first.areas)['A-NCL']!.projects + 1);
    });
  });

  describe('the import service (as the CLI uses it)', () => {
    it('reports progress and writes with no importer', async () => {
      await t.db.query('DELETE FROM indicators');
      const steps: string[] = [];
      const result = await t.app.get(IndicatorsService).import({ name: 'From the command line', higherIsWorse: false }, THREE_AREAS, null, (p) =>
        steps.push(p.step === 'placing' ? `placing ${p.done}/${p.total}` : p.step),
      );
      expect(steps).toEqual(['parsed', 'placing 1/3', 'placing 2/3', 'placing 3/3', 'writing']);
      expect(result).toMatchObject({ importedAreas: 3, placedByName: 0, skipped: [], indicator: { higherIsWorse: false, areaCount: 3 } });
      const [row] = await t.db.query(`SELECT imported_by FROM indicators`);
      expect(row.imported_by).toBeNull();
    });
  });

  describe('the bundled sample', () => {
    it('is imported once on an empty database, placing every area, and stays small on the wire', async () => {
      await t.db.query('DELETE FROM indicators');
      const service = t.app.get(IndicatorsService);
      // Two instances starting on one empty database import it once.
      expect((await Promise.all([service.importSampleIfEmpty(), service.importSampleIfEmpty()])).sort()).toEqual([false, true]);
      expect(await service.importSampleIfEmpty()).toBe(false);

      const list = (await t.gql<{ indicators: Array<{ id: string; name: string; areaCount: number; source: string }> }>(LIST)).data!.indicators;
      expect(list).toHaveLength(1);
      expect(list[0]).toMatchObject({ name: SAMPLE_INDICATOR.name, source: expect.stringMatching(/^Illustrative sample, not official statistics/) });
      expect(list[0]!.areaCount).toBe(69);

      const res: GqlResult<GapResult> = await gaps(list[0]!.id);
      expect(res.errors).toBeUndefined();
      const layer = res.data!.gapLayer;
      expect(layer.areas).toHaveLength(69);
      expect(layer.hexes.length).toBeGreaterThan(500);
      // Every area is drawn, even one crowded by a neighbour's centre a few km away (Manchester
      // beside Salford) or on the coast (Sunderland): it claims the land hexagon nearest its centre.
      expect(new Set(layer.hexes.map((h) => h.areaCode)).size).toBe(69);
      const centres = new Map(layer.areas.map((a) => [a.code, a]));
      for (const hex of layer.hexes) {
        const [lat, lng] = cellToLatLng(hex.h3);
        expect(isOnUkLand(lat, lng)).toBe(true);
        expect(distanceKm({ lat, lng }, centres.get(hex.areaCode)!)).toBeLessThanOrEqual(60.05);
      }
      expect(JSON.stringify(res).length).toBeLessThan(150_000);
    });
  });
});
