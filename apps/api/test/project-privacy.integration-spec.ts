import { roundToPrecision } from '@kindred/geo';
import { ProjectsService } from '../src/projects/projects.service';
import { createTestApp, TestApp } from './test-app';
import { registerProject, signUp, SignedUpUser } from './fixtures';

/**
 * Location privacy: the exact point of an area or region project must never reach anyone but its
 * owner, through any query. Points are chosen away from grid-cell centres so that the rounded
 * point can never coincide with the exact one.
 */
const POINT_FIELDS = `id locationPrecision location { lat lng } exactLocation { lat lng } isMine`;
const UK = `{ west: -8.7, south: 49.8, east: 1.8, north: 60.9 }`;
const NEAR = `{ west: -2.2, south: 53.2, east: -1.0, north: 54.0 }`;
const PEER_FIELDS = `nodes { distanceKm distanceLabel reason project { ${POINT_FIELDS} } clinician { id } }`;
/** Every query that returns projects or points derived from them: [name, query, variables, signed-in only, names the project]. */
const QUERIES: Array<[string, string, (id: string, strangersProject: string) => Record<string, unknown>, boolean, boolean]> = [
  ['project', `query($id: ID!) { project(id: $id) { ${POINT_FIELDS} } }`, (id) => ({ id }), false, true],
  ['projects', `{ projects(first: 100) { nodes { ${POINT_FIELDS} } } }`, () => ({}), false, true],
  ['projects (filtered)', `{ projects(first: 100, filter: { themes: ["housing"] }) { nodes { ${POINT_FIELDS} } } }`, () => ({}), false, true],
  ['myProjects', `{ myProjects { ${POINT_FIELDS} } }`, () => ({}), true, false],
  ['mapProjects', `{ mapProjects(bbox: ${UK}, first: 500) { nodes { ${POINT_FIELDS} } } }`, () => ({}), false, true],
  ['heatmap (every zoom)', `{ ${[4, 8, 12, 16, 20].map((z) => `z${z}: heatmap(bbox: ${NEAR}, zoom: ${z}) { cells { lat lng weight } }`).join(' ')} }`, () => ({}), false, false],
  ['mapSummary', `{ mapSummary(bbox: ${UK}, zoom: 6) { areas { name lat lng projects } text } }`, () => ({}), false, false],
  ['peers (from a point)', `{ peers(input: { point: { lat: 53.8, lng: -1.55 }, radiusKm: 100, themes: ["housing"] }, first: 50) { ${PEER_FIELDS} } }`, () => ({}), true, false],
  ['similarProjects', `query($p: ID!) { similarProjects(projectId: $p, first: 50) { ${PEER_FIELDS} } }`, (_id, theirs) => ({ p: theirs }), true, true],
];

/** Every number under a `lat` or `lng` key anywhere in a JSON value. */
function coordinates(value: unknown, found: Array<{ key: string; value: number }> = []): Array<{ key: string; value: number }> {
  if (Array.isArray(value)) value.forEach((v) => coordinates(v, found));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if ((key === 'lat' || key === 'lng') && typeof v === 'number') found.push({ key, value: v });
      else coordinates(v, found);
    }
  }
  return found;
}

interface PointNode {
  id: string;
  locationPrecision: string;
  location: unknown;
  exactLocation: unknown;
  isMine: boolean;
}

/** Every project-shaped object in a GraphQL answer. */
function projectNodes(value: unknown, found: PointNode[] = []): PointNode[] {
  if (Array.isArray(value)) value.forEach((v) => projectNodes(v, found));
  else if (value && typeof value === 'object') {
    if ('id' in value && 'exactLocation' in value) found.push(value as PointNode);
    else Object.values(value).forEach((v) => projectNodes(v, found));
  }
  return found;
}

describe('project location privacy (integration)', () => {
  let t: TestApp;
  let owner: SignedUpUser;
  let stranger: SignedUpUser;
  const exact = {
    area: { lat: 53.796123, lng: -1.547789 },
    region: { lat: 53.383456, lng: -1.465321 },
  };
  const ids: Record<'area' | 'region', string> = { area: '', region: '' };
  let strangersProject = '';

  beforeAll(async () => {
    t = await createTestApp();
    await t.reset();
    await signUp(t); // the admin
    owner = await signUp(t);
    stranger = await signUp(t);
    for (const precision of ['area', 'region'] as const) {
      const p = await registerProject(t, owner.token, {
        title: `Private ${precision} project`,
        themes: ['housing'],
        location: exact[precision],
        locationPrecision: precision,
      });
      ids[precision] = p.id;
    }
    // Neighbours, so heat cells around the private projects reach k and are shown.
    const neighbour = await signUp(t);
    for (const base of [exact.area, exact.region]) {
      for (const d of [0.004, 0.008, 0.012]) {
        await registerProject(t, neighbour.token, { themes: ['housing'], location: { lat: base.lat + d, lng: base.lng - d }, locationPrecision: 'exact' });
      }
    }
    // Something of the stranger's own, so their myProjects is not trivially empty (and similar projects has a start).
    strangersProject = (
      await registerProject(t, stranger.token, { title: 'Stranger project', themes: ['housing'], location: { lat: 51.452345, lng: -2.587654 } })
    ).id;
  });
  afterAll(async () => t.close());

  for (const [viewer, tokenOf] of [
    ['an anonymous caller', () => undefined],
    ['another signed-in user', () => stranger.token],
  ] as Array<[string, () => string | undefined]>) {
    for (const [name, query, vars, signedInOnly, namesProject] of QUERIES) {
      for (const precision of ['area', 'region'] as const) {
        it(`never gives ${viewer} the exact point of ${precision === 'area' ? 'an' : 'a'} ${precision} project through ${name}`, async () => {
          const res = await t.gql(query, vars(ids[precision], strangersProject), tokenOf());
          if (signedInOnly && !tokenOf()) {
            expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
            return;
          }
          expect(res.errors).toBeUndefined();
          const json = JSON.stringify(res.data);
          const found = coordinates(res.data);
          if (namesProject) expect(json).toContain(ids[precision]);
          // Something location-like came back (the heatmap's cells need k projects: see beforeAll).
          if (name !== 'myProjects') expect(found.length + (json.match(/distanceKm/g)?.length ?? 0)).toBeGreaterThan(0);
          for (const { key, value } of found) {
            expect(value).not.toBe(exact.area[key as 'lat' | 'lng']);
            expect(value).not.toBe(exact.region[key as 'lat' | 'lng']);
          }
          expect(json).not.toContain(String(exact[precision].lat));
          expect(json).not.toContain(String(exact[precision].lng));
          for (const node of projectNodes(res.data)) {
            if (!node.isMine) expect(node.exactLocation).toBeNull();
            if (node.id === ids.area || node.id === ids.region) expect(node).toMatchObject({ isMine: false, exactLocation: null });
          }
        });
      }
    }
  }

  it('shows others the rounded point, the same as roundToPrecision gives', async () => {
    for (const precision of ['area', 'region'] as const) {
      const res = await t.gql<{ project: { location: { lat: number; lng: number }; exactLocation: unknown; isMine: boolean } }>(
        `query($id: ID!) { project(id: $id) { location { lat lng } exactLocation { lat lng } isMine } }`,
        { id: ids[precision] },
        stranger.token,
      );
      expect(res.data?.project).toEqual({ location: roundToPrecision(exact[precision], precision), exactLocation: null, isMine: false });
    }
  });

  it('gives the owner the exact point through project, projects and myProjects', async () => {
    for (const [name, query, vars] of QUERIES.slice(0, 4)) {
      for (const precision of ['area', 'region'] as const) {
        const res = await t.gql(query, vars(ids[precision], strangersProject), owner.token);
        expect(res.errors).toBeUndefined();
        const nodes = projectNodes(res.data);
        const mine = nodes.find((n) => n.id === ids[precision]);
        expect({ name, mine }).toEqual({
          name,
          mine: { id: ids[precision], locationPrecision: precision, isMine: true, exactLocation: exact[precision], location: roundToPrecision(exact[precision], precision) },
        });
      }
    }
  });

  it('keeps the rule for other modules that list projects through ProjectsService.findManyByIds', async () => {
    const service = t.app.get(ProjectsService);
    const wanted = [ids.area, ids.region, 'not-a-uuid', '00000000-0000-4000-8000-000000000000'];
    for (const viewer of [null, stranger.id]) {
      const seen = await service.findManyByIds(wanted, viewer);
      expect(seen.map((p) => p.id).sort()).toEqual([ids.area, ids.region].sort());
      for (const p of seen) {
        expect(p.exactLocation).toBeNull();
        expect(p.isMine).toBe(false);
      }
      for (const { key, value } of coordinates(seen)) expect(value).not.toBe(exact.area[key as 'lat' | 'lng']);
      for (const { key, value } of coordinates(seen)) expect(value).not.toBe(exact.region[key as 'lat' | 'lng']);
    }
    const own = await service.findManyByIds(wanted, owner.id);
    expect(own.find((p) => p.id === ids.region)?.exactLocation).toEqual(exact.region);
  });

  it('recomputes the shown point when the owner changes precision, and hides it again when made coarser', async () => {
    const UPDATE = `mutation($id: ID!, $p: String!) { updateProject(id: $id, input: { locationPrecision: $p }) { id } }`;
    const SHOW = `query($id: ID!) { project(id: $id) { location { lat lng } } }`;
    await t.gql(UPDATE, { id: ids.area, p: 'exact' }, owner.token);
    expect((await t.gql<{ project: { location: unknown } }>(SHOW, { id: ids.area })).data?.project.location).toEqual(exact.area);
    await t.gql(UPDATE, { id: ids.area, p: 'region' }, owner.token);
    expect((await t.gql<{ project: { location: unknown } }>(SHOW, { id: ids.area })).data?.project.location).toEqual(
      roundToPrecision(exact.area, 'region'),
    );
    await t.gql(UPDATE, { id: ids.area, p: 'area' }, owner.token);
    const [row] = await t.db.query(
      `SELECT ST_Y(display_location::geometry) AS lat, ST_X(display_location::geometry) AS lng FROM projects WHERE id = $1`,
      [ids.area],
    );
    expect(row).toEqual(roundToPrecision(exact.area, 'area'));
  });
});
