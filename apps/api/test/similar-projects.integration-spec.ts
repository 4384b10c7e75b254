import { signUp, SignedUpUser } from './fixtures';
import { insertClinician, insertProjects, seededRandom } from './map-fixtures';
import { PeersService } from '../src/map/peers.service';
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

describe('similar projects over many projects, walked or read per level (integration)', () => {
  let t: TestApp;
  let me: SignedUpUser;
  let mine: string;
  const themes = ['housing', 'food-insecurity', 'child-poverty', 'fuel-poverty'] as const;
  const LEEDS = { lat: 53.8008, lng: -1.5491 };

  beforeAll(async () => {
    t = await createTestApp();
    await t.reset();
    me = await signUp(t);
    [mine] = await insertProjects(t.db, me.id, [{ ...LEEDS, themes: [...themes], precision: 'exact' }]);
    // 300 projects across Britain with every overlap, many on shared rounded points.
    const rand = seededRandom(5);
    const pool = [...themes, 'mental-health', 'social-prescribing'] as const;
    for (let person = 0; person < 100; person++) {
      const owner = await insertClinician(t.db, 'nurse', `Person ${person}`);
      await insertProjects(
        t.db,
        owner,
        Array.from({ length: 3 }, () => {
          const picked = pool.filter(() => rand() < 0.4).slice(0, 5);
          return {
            lat: 51 + rand() * 4,
            lng: -3.5 + rand() * 4,
            themes: picked.length ? [...picked] : ['workforce-wellbeing' as const],
            precision: (['area', 'region', 'exact'] as const)[Math.floor(rand() * 3)]!,
          };
        }),
      );
    }
  });
  afterAll(async () => t.close());

  const pages = async () => {
    const got: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 40; page++) {
      const res = await t.gql<{ similarProjects: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: Array<{ project: { id: string } }> } }>(
        `query S($projectId: ID!, $after: String) { similarProjects(projectId: $projectId, first: 25, after: $after) { pageInfo { hasNextPage endCursor } nodes { project { id } } } }`,
        { projectId: mine, after },
        me.token,
      );
      expect(res.errors).toBeUndefined();
      got.push(...res.data!.similarProjects.nodes.map((n) => n.project.id));
      if (!res.data!.similarProjects.pageInfo.hasNextPage) break;
      after = res.data!.similarProjects.pageInfo.endCursor ?? undefined;
    }
    return got;
  };

  it('lists exactly what sorting every project by shared themes, distance and id gives, by either path', async () => {
    const expected: Array<{ id: string }> = await t.db.query(
      `SELECT p.id FROM projects p
        WHERE p.themes && $3::text[] AND p.owner_id <> $4 AND p.hidden_at IS NULL
        ORDER BY cardinality(ARRAY(SELECT unnest(p.themes) INTERSECT SELECT unnest($3::text[]))) DESC,
                 ST_Distance(p.display_location, ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography, false), p.id`,
      [LEEDS.lng, LEEDS.lat, themes, me.id],
    );
    expect(expected.length).toBeGreaterThan(150);
    const peers = t.app.get(PeersService);
    // Walked through the peer index, in several widening rounds per level...
    peers.firstWalkPoints = 4;
    peers.sparseLevelMax = 0;
    expect(await pages()).toEqual(expected.map((r) => r.id));
    // ...or, with every level counted as sparse, each read from the theme index.
    peers.sparseLevelMax = 100_000;
    expect(await pages()).toEqual(expected.map((r) => r.id));
  });
});
