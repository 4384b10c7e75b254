import { UK_BBOX } from '@kindred/geo';
import { insertClinician, insertProjects, around } from './map-fixtures';
import { createTestApp, TestApp } from './test-app';

const LEEDS = { lat: 53.8008, lng: -1.5491 };
const MANCHESTER = { lat: 53.4808, lng: -2.2426 };
const OBAN = { lat: 56.415, lng: -5.472 };

const MAP_PROJECTS = `query P($bbox: BBoxInput!, $filter: MapFilterInput, $first: Int) {
  mapProjects(bbox: $bbox, filter: $filter, first: $first) { totalCount truncated nodes { id title location { lat lng } exactLocation { lat lng } owner { displayName } } }
}`;
const SUMMARY = `query S($bbox: BBoxInput!, $zoom: Int!, $filter: MapFilterInput) {
  mapSummary(bbox: $bbox, zoom: $zoom, filter: $filter) {
    totalProjects seekingCollaborators text
    themes { theme { id } count }
    areas { name lat lng projects seekingCollaborators topThemes { theme { id } count } }
  }
}`;

interface ProjectsResult {
  mapProjects: { totalCount: number; truncated: boolean; nodes: Array<{ id: string; title: string; location: { lat: number; lng: number }; exactLocation: unknown }> };
}
interface SummaryResult {
  mapSummary: {
    totalProjects: number;
    seekingCollaborators: number;
    text: string;
    themes: Array<{ theme: { id: string }; count: number }>;
    areas: Array<{ name: string; lat: number; lng: number; projects: number; seekingCollaborators: number; topThemes: Array<{ theme: { id: string }; count: number }> }>;
  };
}

describe('map projects and the map without a map (integration)', () => {
  let t: TestApp;
  const exact: Array<{ lat: number; lng: number }> = [];

  beforeAll(async () => {
    t = await createTestApp();
    await t.reset();
    const owner = await insertClinician(t.db, 'pharmacist', 'Pat Pharmacist');
    const leeds = Array.from({ length: 12 }, (_, i) => ({ ...around(LEEDS, i), themes: ['housing' as const, 'food-insecurity' as const], seeking: i < 5 }));
    const manchester = Array.from({ length: 6 }, (_, i) => ({ ...around(MANCHESTER, i), themes: ['child-poverty' as const], precision: 'region' as const }));
    exact.push(...leeds, ...manchester);
    await insertProjects(t.db, owner, [...leeds, ...manchester, { ...OBAN, themes: ['fuel-poverty'] }]);
  });
  afterAll(async () => t.close());

  it('lists the projects in a box with their rounded points only', async () => {
    const res = await t.gql<ProjectsResult>(MAP_PROJECTS, { bbox: { west: -2.6, south: 53.3, east: -1.2, north: 54.0 } });
    expect(res.errors).toBeUndefined();
    expect(res.data!.mapProjects.totalCount).toBe(18);
    expect(res.data!.mapProjects.truncated).toBe(false);
    for (const node of res.data!.mapProjects.nodes) {
      expect(node.exactLocation).toBeNull();
      expect(exact.some((p) => p.lat === node.location.lat && p.lng === node.location.lng)).toBe(false);
    }
  });

  it('says when a page holds only some of the matches', async () => {
    const res = await t.gql<ProjectsResult>(MAP_PROJECTS, { bbox: UK_BBOX, first: 5, filter: { themes: ['housing'] } });
    expect(res.data!.mapProjects).toMatchObject({ totalCount: 12, truncated: true });
    expect(res.data!.mapProjects.nodes).toHaveLength(5);
  });

  it('refuses a bad box, page size or theme', async () => {
    const inverted = await t.gql(MAP_PROJECTS, { bbox: { west: 1, south: 50, east: -1, north: 55 } });
    expect(inverted.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'bbox' });
    const big = await t.gql(MAP_PROJECTS, { bbox: UK_BBOX, first: 501 });
    expect(big.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const theme = await t.gql(MAP_PROJECTS, { bbox: UK_BBOX, filter: { themes: ['astrology'] } });
    expect(theme.errors?.[0]?.extensions).toMatchObject({ code: 'UNKNOWN_THEME', field: 'filter.themes' });
  });

  it('summarises the view by area and theme, naming areas after their largest town', async () => {
    const res = await t.gql<SummaryResult>(SUMMARY, { bbox: UK_BBOX, zoom: 8 });
    expect(res.errors).toBeUndefined();
    const s = res.data!.mapSummary;
    expect(s.totalProjects).toBe(19);
    expect(s.seekingCollaborators).toBe(5);
    expect(s.themes.map((th) => [th.theme.id, th.count])).toEqual([
      ['food-insecurity', 12],
      ['housing', 12],
      ['child-poverty', 6],
      ['fuel-poverty', 1],
    ]);
    const names = s.areas.map((a) => a.name);
    expect(names.some((n) => /Leeds|Bradford|Wakefield/.test(n))).toBe(true);
    expect(names.some((n) => /Manchester|Salford|Stockport/.test(n))).toBe(true);
    // The lone Oban project is never placed: it is counted under "elsewhere".
    const elsewhere = s.areas.find((a) => a.name.startsWith('Elsewhere'));
    expect(elsewhere).toMatchObject({ projects: 1, lat: 0, lng: 0 });
    expect(s.areas.reduce((n, a) => n + a.projects, 0)).toBe(19);
    expect(s.text).toMatch(/^In this view there are 19 registered projects, 5 seeking collaborators\./);
    expect(s.text).toMatch(/Most action is on food insecurity \(12\), housing \(12\) and child poverty \(6\)\./);
    expect(s.text).toMatch(/No registered action here on child poverty|No registered action here on income and cost of living/);
  });

  it('applies the same filters as the heatmap', async () => {
    const res = await t.gql<SummaryResult>(SUMMARY, { bbox: UK_BBOX, zoom: 6, filter: { themes: ['child-poverty'] } });
    expect(res.data!.mapSummary.totalProjects).toBe(6);
    expect(res.data!.mapSummary.themes.map((th) => th.theme.id)).toEqual(['child-poverty']);
    expect(res.data!.mapSummary.text).toMatch(/^In this view there are 6 registered projects on child poverty/);
    const seeking = await t.gql<SummaryResult>(SUMMARY, { bbox: UK_BBOX, zoom: 6, filter: { seekingCollaborators: true } });
    expect(seeking.data!.mapSummary.totalProjects).toBe(5);
    // "Updated since" is summarised live from projects; it must agree with the stored cells.
    const live = await t.gql<SummaryResult>(SUMMARY, { bbox: UK_BBOX, zoom: 8, filter: { updatedSince: '2000-01-01T00:00:00Z' } });
    const stored = await t.gql<SummaryResult>(SUMMARY, { bbox: UK_BBOX, zoom: 8 });
    expect(live.data!.mapSummary).toEqual(stored.data!.mapSummary);
  });

  it('says plainly when nothing matches', async () => {
    const res = await t.gql<SummaryResult>(SUMMARY, { bbox: UK_BBOX, zoom: 6, filter: { stage: 'finished' } });
    expect(res.data!.mapSummary).toMatchObject({ totalProjects: 0, areas: [] });
    expect(res.data!.mapSummary.text).toBe('No registered projects match these filters in this view. Zoom out or clear some filters to see more.');
  });
});
