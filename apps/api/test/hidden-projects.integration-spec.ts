import { UK_BBOX } from '@kindred/geo';
import { createAlert, notificationsOf } from './alerts-fixtures';
import { registerProject, signUp, type SignedUpUser } from './fixtures';
import { around, insertClinician, insertProjects } from './map-fixtures';
import { createTestApp, type GqlResult, type TestApp } from './test-app';

const LEEDS = { lat: 53.8008, lng: -1.5491 };
const LONDON = { lat: 51.5074, lng: -0.1278 };
const LEEDS_BOX = { west: -1.9, south: 53.6, east: -1.2, north: 54.0 };

const PROJECTS = `{ projects(first: 100) { totalCount nodes { id } } }`;
const PROJECT = `query Project($id: ID!) { project(id: $id) { id isMine hiddenAt } }`;
const MY_PROJECTS = `{ myProjects { id hiddenAt } }`;
const MAP_PROJECTS = `query P($bbox: BBoxInput!) { mapProjects(bbox: $bbox) { totalCount nodes { id } } }`;
const HEATMAP = `query Heat($bbox: BBoxInput!, $zoom: Int!, $filter: MapFilterInput) {
  heatmap(bbox: $bbox, zoom: $zoom, filter: $filter) { totalWeight suppressedWeight }
}`;
const SUMMARY = `query S($bbox: BBoxInput!, $zoom: Int!, $filter: MapFilterInput) { mapSummary(bbox: $bbox, zoom: $zoom, filter: $filter) { totalProjects } }`;
const PEERS = `query Peers($input: PeerSearchInput!) { peers(input: $input, first: 50) { nodes { clinician { id } project { id } } } }`;
const SIMILAR = `query S($projectId: ID!) { similarProjects(projectId: $projectId, first: 50) { nodes { project { id } } } }`;
const IMPORT = `mutation Import($input: ImportIndicatorInput!) { importIndicator(input: $input) { indicator { id } } }`;
const GAPS = `query Gaps($id: ID!, $filter: MapFilterInput) { gapLayer(indicatorId: $id, filter: $filter) { areas { code projects } } }`;
const REPORT = `mutation Report($input: ReportInput!) { reportContent(input: $input) { id } }`;
const RESOLVE = `mutation Resolve($input: ResolveReportInput!) { resolveReport(input: $input) { status } }`;
const UPDATE_PROJECT = `mutation Update($id: ID!, $input: UpdateProjectInput!) { updateProject(id: $id, input: $input) { id hiddenAt } }`;

function data<T>(res: GqlResult<T>): T {
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return res.data;
}

/** Every public view that counts projects, as one snapshot to compare before and after. */
interface Views {
  projects: string[];
  mapProjects: string[];
  heat: number;
  heatOneTheme: number;
  heatFiltered: number;
  heatLive: number;
  summary: number;
  summaryLive: number;
  peers: string[];
  similar: string[];
  gapLeeds: number;
}

describe('hidden projects leave every public view (integration, real PostGIS)', () => {
  let t: TestApp;
  let admin: SignedUpUser;
  let alice: SignedUpUser;
  let bob: SignedUpUser;
  let alicesProject: string;
  let bobsProject: string;
  let indicatorId: string;

  async function views(): Promise<Views> {
    const weight = async (filter?: Record<string, unknown>) => {
      const h = data(await t.gql<{ heatmap: { totalWeight: number; suppressedWeight: number } }>(HEATMAP, { bbox: UK_BBOX, zoom: 5, filter })).heatmap;
      return h.totalWeight + h.suppressedWeight;
    };
    const summary = async (filter?: Record<string, unknown>) =>
      data(await t.gql<{ mapSummary: { totalProjects: number } }>(SUMMARY, { bbox: UK_BBOX, zoom: 5, filter })).mapSummary.totalProjects;
    const ids = (nodes: Array<{ id: string }>) => nodes.map((n) => n.id).sort();
    const peers = data(
      await t.gql<{ peers: { nodes: Array<{ clinician: { id: string } }> } }>(
        PEERS,
        { input: { point: LEEDS, radiusKm: 50, themes: ['housing', 'food-insecurity'] } },
        alice.token,
      ),
    ).peers.nodes.map((n) => n.clinician.id);
    const similar = data(
      await t.gql<{ similarProjects: { nodes: Array<{ project: { id: string } }> } }>(SIMILAR, { projectId: alicesProject }, alice.token),
    ).similarProjects.nodes.map((n) => n.project.id);
    const gaps = data(await t.gql<{ gapLayer: { areas: Array<{ code: string; projects: number }> } }>(GAPS, { id: indicatorId })).gapLayer.areas;
    return {
      projects: ids(data(await t.gql<{ projects: { nodes: Array<{ id: string }> } }>(PROJECTS)).projects.nodes),
      mapProjects: ids(data(await t.gql<{ mapProjects: { nodes: Array<{ id: string }> } }>(MAP_PROJECTS, { bbox: LEEDS_BOX })).mapProjects.nodes),
      heat: await weight(),
      heatOneTheme: await weight({ themes: ['food-insecurity'] }),
      heatFiltered: await weight({ stage: 'running' }),
      heatLive: await weight({ updatedSince: '2000-01-01T00:00:00Z' }),
      summary: await summary(),
      summaryLive: await summary({ updatedSince: '2000-01-01T00:00:00Z' }),
      peers: [...peers].sort(),
      similar: [...similar].sort(),
      gapLeeds: gaps.find((a) => a.code === 'A-LEEDS')?.projects ?? -1,
    };
  }

  /** Both heat tables as rows, to compare the trigger-maintained cells with a fresh rebuild. */
  async function heatTables(): Promise<unknown[]> {
    const cells = await t.db.query(`SELECT level, theme, cx, cy, n FROM heat_cells ORDER BY 1, 2, 3, 4`);
    const facets = await t.db.query(`SELECT level, theme, cx, cy, stage, profession, seeking, n FROM heat_cell_facets ORDER BY 1, 2, 3, 4, 5, 6, 7`);
    return [cells, facets];
  }

  beforeAll(async () => {
    t = await createTestApp();
    await t.reset();
    admin = await signUp(t);
    alice = await signUp(t, { displayName: 'Alice' });
    bob = await signUp(t, { displayName: 'Bob' });
    indicatorId = data(
      await t.gql<{ importIndicator: { indicator: { id: string } } }>(
        IMPORT,
        {
          input: {
            name: 'Two cities',
            csv: `area_code,area_name,value,lat,lng\nA-LEEDS,Leeds,10,${LEEDS.lat},${LEEDS.lng}\nA-LDN,London,20,${LONDON.lat},${LONDON.lng}`,
          },
        },
        admin.token,
      ),
    ).importIndicator.indicator.id;
    alicesProject = (await registerProject(t, alice.token, { location: LEEDS, themes: ['housing', 'food-insecurity'] })).id;
    bobsProject = (await registerProject(t, bob.token, { location: around(LEEDS, 3), themes: ['housing', 'food-insecurity'], title: 'Bob’s' })).id;
    // Enough neighbours that Leeds cells are shown, not merged away.
    const others = await insertClinician(t.db, 'nurse', 'Neighbour');
    await insertProjects(
      t.db,
      others,
      Array.from({ length: 6 }, (_, i) => ({ ...around(LEEDS, i), themes: ['housing' as const], stage: 'running' as const })),
    );
  });
  afterAll(async () => t.close());

  it('hiding a project from the queue takes it out of the list, the map, the heat, peers, similar projects and gaps', async () => {
    const before = await views();
    expect(before.projects).toContain(bobsProject);
    expect(before.mapProjects).toContain(bobsProject);
    expect(before.peers).toContain(bob.id);
    expect(before.similar).toContain(bobsProject);
    // Alice's, Bob's and six neighbours' projects, all running; two of them on food insecurity.
    expect(before).toMatchObject({ heat: 8, heatOneTheme: 2, heatFiltered: 8, heatLive: 8, summary: 8, summaryLive: 8, gapLeeds: 8 });

    const reportId = data(await t.gql<{ reportContent: { id: string } }>(REPORT, { input: { projectId: bobsProject, reason: 'spam' } }, alice.token))
      .reportContent.id;
    expect(data(await t.gql<{ resolveReport: { status: string } }>(RESOLVE, { input: { reportId, action: 'hide' } }, admin.token)).resolveReport.status).toBe(
      'actioned',
    );

    const after = await views();
    expect(after).toEqual({
      projects: before.projects.filter((id) => id !== bobsProject),
      mapProjects: before.mapProjects.filter((id) => id !== bobsProject),
      heat: before.heat - 1,
      heatOneTheme: before.heatOneTheme - 1,
      heatFiltered: before.heatFiltered - 1,
      heatLive: before.heatLive - 1,
      summary: before.summary - 1,
      summaryLive: before.summaryLive - 1,
      peers: before.peers.filter((id) => id !== bob.id),
      similar: before.similar.filter((id) => id !== bobsProject),
      gapLeeds: before.gapLeeds - 1,
    });
  });

  it('keeps the trigger-maintained heat cells equal to a fresh rebuild', async () => {
    const maintained = await heatTables();
    await t.db.query(`SELECT kindred_rebuild_heat()`);
    expect(await heatTables()).toEqual(maintained);
  });

  it('answers NOT_FOUND to everyone but the owner, who sees when it was hidden', async () => {
    for (const token of [alice.token, undefined]) {
      const res = await t.gql(PROJECT, { id: bobsProject }, token);
      expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
    const mine = data(await t.gql<{ project: { isMine: boolean; hiddenAt: string | null } }>(PROJECT, { id: bobsProject }, bob.token)).project;
    expect(mine.isMine).toBe(true);
    expect(mine.hiddenAt).toEqual(expect.any(String));
    const list = data(await t.gql<{ myProjects: Array<{ id: string; hiddenAt: string | null }> }>(MY_PROJECTS, {}, bob.token)).myProjects;
    expect(list.find((p) => p.id === bobsProject)?.hiddenAt).toEqual(expect.any(String));
    // Nobody else ever learns that a project of theirs was hidden.
    const others = data(await t.gql<{ myProjects: Array<{ hiddenAt: string | null }> }>(MY_PROJECTS, {}, alice.token)).myProjects;
    expect(others.every((p) => p.hiddenAt === null)).toBe(true);
  });

  it('puts it back everywhere, heat included, when the hiding is lifted', async () => {
    const hidden = await views();
    await t.db.query(`UPDATE projects SET hidden_at = NULL WHERE id = $1`, [bobsProject]);
    const shown = await views();
    expect(shown.projects).toContain(bobsProject);
    expect(shown.heat).toBe(hidden.heat + 1);
    expect(shown.heatOneTheme).toBe(hidden.heatOneTheme + 1);
    expect(shown.peers).toContain(bob.id);
    const maintained = await heatTables();
    await t.db.query(`SELECT kindred_rebuild_heat()`);
    expect(await heatTables()).toEqual(maintained);
  });

  it('announces no hidden project to alerts, even when its owner moves it into the area', async () => {
    const watcher = await signUp(t);
    await createAlert(t, watcher.token, { centre: LEEDS, radiusKm: 20 });
    const london = (await registerProject(t, bob.token, { location: LONDON, title: 'Bob’s London project' })).id;
    await t.db.query(`UPDATE projects SET hidden_at = now() WHERE id = $1`, [london]);
    const moved = await t.gql(UPDATE_PROJECT, { id: london, input: { location: around(LEEDS, 2) } }, bob.token);
    expect(moved.errors).toBeUndefined();
    expect(await notificationsOf(t, watcher.token)).toEqual([]);
    // A visible project moved the same way is announced.
    const visible = (await registerProject(t, bob.token, { location: LONDON, title: 'Bob’s visible one' })).id;
    await t.gql(UPDATE_PROJECT, { id: visible, input: { location: around(LEEDS, 2) } }, bob.token);
    expect((await notificationsOf(t, watcher.token)).map((n) => JSON.parse(n.payload).projectId)).toEqual([visible]);
  });

  it('reads a point’s projects for the peer finder through its index of visible projects only', async () => {
    // The index (1764600000000-peer-points) is partial on hidden_at IS NULL: the predicate must
    // stay in the peer finder's query for the planner to use it, and it keeps hidden ones out.
    const plan = await t.db.transaction(async (m) => {
      await m.query('SET LOCAL enable_bitmapscan = off');
      await m.query('SET LOCAL enable_seqscan = off');
      const rows: Array<{ 'QUERY PLAN': string }> = await m.query(
        `EXPLAIN SELECT p.id, p.owner_id FROM projects p
          WHERE kindred_point_key(p.display_location) = kindred_point_key(ST_SetSRID(ST_MakePoint(-1.55, 53.8), 4326)::geography)
            AND kindred_theme_mask(p.themes) = 4 AND p.hidden_at IS NULL AND p.owner_id <> '${alice.id}'
          ORDER BY p.id LIMIT 10`,
      );
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    expect(/Index Scan using (\S+)/.exec(plan)?.[1]).toBe('projects_peer_group_idx');
  });
});
