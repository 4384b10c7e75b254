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
const QUERIES: Array<[string, string, (id: string) => Record<string, unknown>]> = [
  ['project', `query($id: ID!) { project(id: $id) { ${POINT_FIELDS} } }`, (id) => ({ id })],
  ['projects', `{ projects(first: 100) { nodes { ${POINT_FIELDS} } } }`, () => ({})],
  ['projects (filtered)', `{ projects(first: 100, filter: { themes: ["housing"] }) { nodes { ${POINT_FIELDS} } } }`, () => ({})],
  ['myProjects', `{ myProjects { ${POINT_FIELDS} } }`, () => ({})],
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
    // Something of the stranger's own, so their myProjects is not trivially empty.
    await registerProject(t, stranger.token, { title: 'Stranger project', location: { lat: 51.452345, lng: -2.587654 } });
  });
  afterAll(async () => t.close());

  for (const [viewer, tokenOf] of [
    ['an anonymous caller', () => undefined],
    ['another signed-in user', () => stranger.token],
  ] as Array<[string, () => string | undefined]>) {
    for (const [name, query, vars] of QUERIES) {
      for (const precision of ['area', 'region'] as const) {
        it(`never gives ${viewer} the exact point of ${precision === 'area' ? 'an' : 'a'} ${precision} project through ${name}`, async () => {
          const res = await t.gql(query, vars(ids[precision]), tokenOf());
          if (name === 'myProjects' && !tokenOf()) {
            expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
            return;
          }
          expect(res.errors).toBeUndefined();
          const json = JSON.stringify(res.data);
          const found = coordinates(res.data);
          if (name !== 'myProjects') {
            expect(json).toContain(ids[precision]);
            expect(found.length).toBeGreaterThan(0);
          }
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
    for (const [name, query, vars] of QUERIES) {
      for (const precision of ['area', 'region'] as const) {
        const res = await t.gql(query, vars(ids[precision]), owner.token);
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
