import { signUp, SignedUpUser } from './fixtures';
import { insertClinician, insertProjects } from './map-fixtures';
import { countRows, createTestApp, TestApp } from './test-app';

const SIMILAR = `query S($projectId: ID!, $first: Int, $after: String) {
  similarProjects(projectId: $projectId, first: $first, after: $after) {
    themes { id }
    pageInfo { hasNextPage endCursor }
    nodes { reason sharedThemes { id } distanceKm project { title exactLocation { lat } } clinician { id } }
  }
}`;

interface SimilarResult {
  similarProjects: {
    themes: Array<{ id: string }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: Array<{ reason: string; sharedThemes: Array<{ id: string }>; distanceKm: number; project: { title: string; exactLocation: unknown }; clinician: { id: string } }>;
  };
}

describe('similar projects, nationwide (integration)', () => {
  let t: TestApp;
  let me: SignedUpUser;
  let mine: string;

  beforeAll(async () => {
    t = await createTestApp();
    await t.reset();
    me = await signUp(t);
    [mine] = await insertProjects(t.db, me.id, [{ lat: 53.8008, lng: -1.5491, themes: ['housing', 'food-insecurity', 'child-poverty'], precision: 'exact', title: 'Mine in Leeds' }]);
    await insertProjects(t.db, me.id, [{ lat: 53.81, lng: -1.55, themes: ['housing', 'food-insecurity', 'child-poverty'], title: 'My other project' }]);
    const other = await insertClinician(t.db, 'nurse');
    await insertProjects(t.db, other, [
      { lat: 55.8642, lng: -4.2518, themes: ['child-poverty', 'housing', 'food-insecurity'], title: 'Glasgow, all three' },
      { lat: 51.5074, lng: -0.1278, themes: ['housing', 'food-insecurity', 'child-poverty', 'advocacy-policy'], title: 'London, all three' },
      { lat: 53.959, lng: -1.0815, themes: ['housing', 'child-poverty'], title: 'York, two' },
      { lat: 53.796, lng: -1.7594, themes: ['housing'], title: 'Bradford, one' },
      { lat: 53.8, lng: -1.55, themes: ['mental-health'], title: 'Leeds, none shared' },
    ]);
  });
  afterAll(async () => t.close());

  it('ranks by shared themes, then distance, never my own projects', async () => {
    const res = await t.gql<SimilarResult>(SIMILAR, { projectId: mine }, me.token);
    expect(res.errors).toBeUndefined();
    const titles = res.data!.similarProjects.nodes.map((n) => n.project.title);
    expect(titles).toEqual(['London, all three', 'Glasgow, all three', 'York, two', 'Bradford, one']);
    expect(res.data!.similarProjects.nodes.every((n) => n.clinician.id !== me.id && n.project.exactLocation === null)).toBe(true);
    expect(res.data!.similarProjects.nodes[2]!.reason).toBe('2 shared themes: housing, child poverty; about 35 km');
  });

  it('pages through the list', async () => {
    const first = await t.gql<SimilarResult>(SIMILAR, { projectId: mine, first: 3 }, me.token);
    expect(first.data!.similarProjects.pageInfo.hasNextPage).toBe(true);
    const second = await t.gql<SimilarResult>(SIMILAR, { projectId: mine, first: 3, after: first.data!.similarProjects.pageInfo.endCursor }, me.token);
    expect(second.data!.similarProjects.nodes.map((n) => n.project.title)).toEqual(['Bradford, one']);
    expect(second.data!.similarProjects.pageInfo.hasNextPage).toBe(false);
  });

  it('works only from one of my own projects, for a signed-in user', async () => {
    const someoneElse = await signUp(t);
    const refused = await t.gql(SIMILAR, { projectId: mine }, someoneElse.token);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'projectId' });
    const anonymous = await t.gql(SIMILAR, { projectId: mine });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const unknown = await t.gql(SIMILAR, { projectId: '00000000-0000-4000-8000-000000000000' }, me.token);
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const badSize = await t.gql(SIMILAR, { projectId: mine, first: 51 }, me.token);
    expect(badSize.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    expect(await countRows(t.db, 'projects')).toBe(7);
  });
});
