import { distanceKm } from '@kindred/geo';
import { signUp, SignedUpUser } from './fixtures';
import { insertClinician, insertProjects, seededRandom } from './map-fixtures';
import { rankPeers } from '../src/map/peer-scoring.util';
import { PeersService } from '../src/map/peers.service';
import { createTestApp, TestApp } from './test-app';

const LEEDS = { lat: 53.8008, lng: -1.5491 };
const BRADFORD = { lat: 53.796, lng: -1.7594 }; // ~14 km west of Leeds
const YORK = { lat: 53.959, lng: -1.0815 }; // ~34 km north-east
const SHEFFIELD = { lat: 53.3811, lng: -1.4701 }; // ~47 km south
const LONDON = { lat: 51.5074, lng: -0.1278 };

const PEERS = `query Peers($input: PeerSearchInput!, $first: Int, $after: String) {
  peers(input: $input, first: $first, after: $after) {
    radiusKm themes { id }
    pageInfo { hasNextPage endCursor }
    nodes { score distanceKm distanceLabel reason sharedThemes { id }
      clinician { id displayName profession }
      project { id title isMine exactLocation { lat lng } location { lat lng } owner { id } } }
  }
}`;

interface PeersResult {
  peers: {
    radiusKm: number;
    themes: Array<{ id: string }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: Array<{
      score: number;
      distanceKm: number;
      distanceLabel: string;
      reason: string;
      sharedThemes: Array<{ id: string }>;
      clinician: { id: string; displayName: string; profession: string };
      project: { id: string; title: string; isMine: boolean; exactLocation: unknown; location: { lat: number; lng: number }; owner: { id: string } };
    }>;
  };
}

describe('peer finder (integration, real PostGIS)', () => {
  let t: TestApp;
  let me: SignedUpUser;
  let myProjectId: string;
  const people: Record<string, string> = {};
  const peers = (input: Record<string, unknown>, first?: number, after?: string, token = me.token) =>
    t.gql<PeersResult>(PEERS, { input, first, after }, token);

  beforeAll(async () => {
    t = await createTestApp();
    await t.reset();
    me = await signUp(t, { displayName: 'Dr Me' });
    [myProjectId] = await insertProjects(t.db, me.id, [
      { ...LEEDS, themes: ['housing', 'food-insecurity', 'child-poverty'], precision: 'exact', title: 'My Leeds project' },
    ]);
    // A hand-built neighbourhood around Leeds.
    people.bradfordAll = await insertClinician(t.db, 'nurse', 'Bradford, all three themes');
    people.leedsOne = await insertClinician(t.db, 'pharmacist', 'Leeds, one theme');
    people.yorkTwo = await insertClinician(t.db, 'health-visitor', 'York, two themes');
    people.sheffieldAll = await insertClinician(t.db, 'doctor', 'Sheffield, all three themes');
    people.londonAll = await insertClinician(t.db, 'doctor', 'London, all three');
    people.leedsNone = await insertClinician(t.db, 'midwife', 'Leeds, unrelated theme');
    await insertProjects(t.db, people.bradfordAll, [{ ...BRADFORD, themes: ['housing', 'food-insecurity', 'child-poverty'], title: 'Bradford best' }]);
    await insertProjects(t.db, people.leedsOne, [
      { lat: LEEDS.lat + 0.01, lng: LEEDS.lng, themes: ['housing'], title: 'Leeds one' },
      { lat: LEEDS.lat + 0.02, lng: LEEDS.lng, themes: ['mental-health'], title: 'Leeds other' },
    ]);
    await insertProjects(t.db, people.yorkTwo, [{ ...YORK, themes: ['housing', 'child-poverty', 'transport-access'], title: 'York two', precision: 'region' }]);
    await insertProjects(t.db, people.sheffieldAll, [{ ...SHEFFIELD, themes: ['child-poverty', 'housing', 'food-insecurity'], title: 'Sheffield all' }]);
    await insertProjects(t.db, people.londonAll, [{ ...LONDON, themes: ['child-poverty', 'housing', 'food-insecurity'], title: 'London all' }]);
    await insertProjects(t.db, people.leedsNone, [{ ...LEEDS, themes: ['workforce-wellbeing'], title: 'Leeds unrelated' }]);
  });
  afterAll(async () => t.close());

  it('ranks people by theme overlap and distance decay, one row each, never me', async () => {
    const res = await peers({ projectId: myProjectId, radiusKm: 60 });
    expect(res.errors).toBeUndefined();
    const names = res.data!.peers.nodes.map((n) => n.clinician.displayName);
    // Scores ((0.5 + 0.5 overlap) * exp(-d / 6 km) for a 60 km radius): Leeds 1/3 at 1 km 0.56,
    // Bradford 3/3 at 14 km 0.097, York 2/3 at ~34 km 0.003, Sheffield 3/3 at 47 km 0.0004.
    expect(names).toEqual(['Leeds, one theme', 'Bradford, all three themes', 'York, two themes', 'Sheffield, all three themes']);
    expect(res.data!.peers.nodes.every((n) => n.clinician.id !== me.id)).toBe(true);
    const scores = res.data!.peers.nodes.map((n) => n.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('explains each match with shared themes and a rounded distance', async () => {
    const res = await peers({ projectId: myProjectId, radiusKm: 60 });
    const bradford = res.data!.peers.nodes.find((n) => n.clinician.displayName === 'Bradford, all three themes')!;
    expect(bradford.reason).toBe('3 shared themes: housing, food insecurity, child poverty; about 14 km');
    expect(bradford.distanceKm).toBe(14);
    const leedsOne = res.data!.peers.nodes.find((n) => n.clinician.displayName === 'Leeds, one theme')!;
    expect(leedsOne.project.title).toBe('Leeds one');
    expect(leedsOne.distanceLabel).toBe('under 2 km');
  });

  it('keeps to the radius', async () => {
    const res = await peers({ projectId: myProjectId, radiusKm: 20 });
    expect(res.data!.peers.nodes.map((n) => n.clinician.displayName)).toEqual(['Leeds, one theme', 'Bradford, all three themes']);
  });

  it('hides people I blocked and people who blocked me, in peers and similar projects', async () => {
    const SIMILAR = `query($id: ID!) { similarProjects(projectId: $id, first: 50) { nodes { clinician { displayName } } } }`;
    const names = async () => (await peers({ projectId: myProjectId, radiusKm: 60 })).data!.peers.nodes.map((n) => n.clinician.displayName);
    const similar = async () =>
      ((await t.gql<{ similarProjects: { nodes: Array<{ clinician: { displayName: string } }> } }>(SIMILAR, { id: myProjectId }, me.token)).data!
        .similarProjects.nodes.map((n) => n.clinician.displayName));
    expect(await names()).toContain('Bradford, all three themes');
    expect(await similar()).toContain('York, two themes');
    const block = await t.gql(`mutation($id: ID!) { blockUser(userId: $id) }`, { id: people.bradfordAll }, me.token);
    expect(block.data).toEqual({ blockUser: true });
    await t.db.query(`INSERT INTO blocks (blocker_id, blocked_id) VALUES ($1, $2)`, [people.yorkTwo, me.id]);
    try {
      expect(await names()).toEqual(['Leeds, one theme', 'Sheffield, all three themes']);
      expect(await similar()).not.toContain('Bradford, all three themes');
      expect(await similar()).not.toContain('York, two themes');
    } finally {
      await t.gql(`mutation($id: ID!) { unblockUser(userId: $id) }`, { id: people.bradfordAll }, me.token);
      await t.db.query(`DELETE FROM blocks WHERE blocker_id = $1`, [people.yorkTwo]);
    }
    expect(await names()).toContain('Bradford, all three themes');
  });

  it('measures to the rounded point of a region project and never reveals its exact point', async () => {
    const res = await peers({ projectId: myProjectId, radiusKm: 60 });
    const york = res.data!.peers.nodes.find((n) => n.clinician.displayName === 'York, two themes')!;
    expect(york.project.exactLocation).toBeNull();
    expect(york.project.location).not.toEqual({ lat: YORK.lat, lng: YORK.lng });
    expect(distanceKm(york.project.location, YORK)).toBeLessThan(8);
  });

  it('searches from a typed place or a point with chosen themes', async () => {
    const fromPoint = await peers({ point: LONDON, radiusKm: 10, themes: ['child-poverty'] });
    expect(fromPoint.data!.peers.nodes.map((n) => n.clinician.displayName)).toEqual(['London, all three']);
    const fromPlace = await peers({ placeName: 'Sheffield', radiusKm: 5, themes: ['housing'] });
    expect(fromPlace.errors).toBeUndefined();
    expect(fromPlace.data!.peers.nodes.map((n) => n.clinician.displayName)).toEqual(['Sheffield, all three themes']);
  });

  it('defaults to the themes of my projects', async () => {
    const res = await peers({ point: LEEDS, radiusKm: 5 });
    expect(res.data!.peers.themes.map((th) => th.id).sort()).toEqual(['child-poverty', 'food-insecurity', 'housing']);
    expect(res.data!.peers.nodes.map((n) => n.clinician.displayName)).toEqual(['Leeds, one theme']);
  });

  it('pages through the ranking without gaps or repeats', async () => {
    const all = (await peers({ projectId: myProjectId, radiusKm: 200 })).data!.peers.nodes.map((n) => n.clinician.id);
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = (await peers({ projectId: myProjectId, radiusKm: 200 }, 2, after)).data!.peers;
      seen.push(...page.nodes.map((n) => n.clinician.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor!;
    }
    expect(seen).toEqual(all);
  });

  it('needs a signed-in user', async () => {
    const res = await t.gql(PEERS, { input: { point: LEEDS, radiusKm: 10, themes: ['housing'] } });
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it.each([
    ['radius 0', { point: LEEDS, radiusKm: 0, themes: ['housing'] }, 'input.radiusKm', 'BAD_USER_INPUT'],
    ['radius 201', { point: LEEDS, radiusKm: 201, themes: ['housing'] }, 'input.radiusKm', 'BAD_USER_INPUT'],
    ['an unknown theme', { point: LEEDS, radiusKm: 10, themes: ['astrology'] }, 'input.themes', 'UNKNOWN_THEME'],
    ['a latitude out of range', { point: { lat: 95, lng: 0 }, radiusKm: 10, themes: ['housing'] }, 'input.point.lat', 'BAD_USER_INPUT'],
    ['an unknown place', { placeName: 'Atlantis', radiusKm: 10, themes: ['housing'] }, 'input.placeName', 'UNKNOWN_PLACE'],
    ['two origins at once', { point: LEEDS, placeName: 'Leeds', radiusKm: 10 }, 'input', 'BAD_USER_INPUT'],
  ])('refuses %s', async (_label, input, field, code) => {
    const res = await peers(input);
    expect(res.data).toBeNull();
    expect(res.errors?.[0]?.extensions).toMatchObject({ code, field });
  });

  it('refuses to search from someone else\'s project', async () => {
    const other = await signUp(t);
    const res = await peers({ projectId: myProjectId, radiusKm: 10 }, undefined, undefined, other.token);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.projectId' });
  });

  it('refuses a page size over 50', async () => {
    const res = await peers({ point: LEEDS, radiusKm: 10, themes: ['housing'] }, 51);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });
});

describe('peer finder on a crowded neighbourhood (integration)', () => {
  let t: TestApp;
  let me: SignedUpUser;
  const THEME_POOL = ['housing', 'food-insecurity', 'child-poverty', 'mental-health', 'fuel-poverty', 'social-prescribing'] as const;

  beforeAll(async () => {
    t = await createTestApp();
    // Small first walks, so proving each page takes several widening walks.
    t.app.get(PeersService).firstWalkPoints = 2;
    await t.reset();
    me = await signUp(t);
    // 600 projects by 300 people within ~25 km of Leeds, with every kind of theme overlap, so the
    // search has to widen its nearest-first walks several times before it can prove a page.
    const rand = seededRandom(7);
    for (let person = 0; person < 300; person++) {
      const owner = await insertClinician(t.db, 'nurse', `Person ${person}`);
      await insertProjects(
        t.db,
        owner,
        Array.from({ length: 2 }, () => {
          const themes = THEME_POOL.filter(() => rand() < 0.35);
          return {
            lat: LEEDS.lat + (rand() - 0.5) * 0.45,
            lng: LEEDS.lng + (rand() - 0.5) * 0.75,
            themes: themes.length ? themes : ['workforce-wellbeing' as const],
            precision: rand() < 0.5 ? ('area' as const) : ('exact' as const),
          };
        }),
      );
    }
  });
  afterAll(async () => t.close());

  it('returns exactly the ranking a brute-force scan of every project gives, page by page', async () => {
    const themes = ['housing', 'food-insecurity', 'child-poverty'];
    const rows: Array<{ id: string; owner_id: string; d: number; themes: string[] }> = await t.db.query(
      `SELECT id, owner_id, ST_Distance(display_location, ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography, false) AS d, themes
         FROM projects WHERE ST_DWithin(display_location, ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography, 30000)
          AND themes && $3::text[] AND owner_id <> $4`,
      [LEEDS.lng, LEEDS.lat, themes, me.id],
    );
    const expected = rankPeers(
      rows.map((r) => ({ projectId: r.id, ownerId: r.owner_id, distanceM: Number(r.d), sharedThemes: r.themes.filter((x) => themes.includes(x)) })),
      themes.length,
      30,
    ).map((r) => r.projectId);
    expect(expected.length).toBeGreaterThan(150);

    const got: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 10; page++) {
      const res = await t.gql<PeersResult>(PEERS, { input: { point: LEEDS, radiusKm: 30, themes }, first: 10, after }, me.token);
      expect(res.errors).toBeUndefined();
      got.push(...res.data!.peers.nodes.map((n) => n.project.id));
      after = res.data!.peers.pageInfo.endCursor ?? undefined;
    }
    expect(got).toEqual(expected.slice(0, 100));
  });

});

describe('peer finder when the nearest projects hide better matches (integration)', () => {
  let t: TestApp;
  let me: SignedUpUser;
  const east = (km: number, i = 0) => ({ lat: LEEDS.lat + i * 0.0001, lng: LEEDS.lng + km / (111.32 * Math.cos((LEEDS.lat * Math.PI) / 180)) });

  beforeAll(async () => {
    t = await createTestApp();
    t.app.get(PeersService).firstWalkPoints = 2;
    await t.reset();
    me = await signUp(t);
    const a = await insertClinician(t.db, 'nurse', 'A: ten projects, two themes, 1 km');
    const b = await insertClinician(t.db, 'nurse', 'B: two themes, 1.1 km');
    await insertProjects(t.db, a, Array.from({ length: 10 }, (_, i) => ({ ...east(1, i), themes: ['housing', 'food-insecurity'], precision: 'exact' as const })));
    await insertProjects(t.db, b, [{ ...east(1.1), themes: ['housing', 'food-insecurity'], precision: 'exact' }]);
    for (let i = 0; i < 3; i++) {
      const e = await insertClinician(t.db, 'nurse', `E${i}: one theme, 500 m`);
      await insertProjects(t.db, e, [{ ...east(0.5, i), themes: ['child-poverty'], precision: 'exact' }]);
    }
  });
  afterAll(async () => t.close());

  it('widens its walks until no unseen project could outrank the page', async () => {
    // Scores with a 30 km radius (decay 3 km): A 0.597, B 0.577, each E 0.565. The first walks
    // reach only the E's and some of A's ten points; B must still come second.
    const res = await t.gql<PeersResult>(
      PEERS,
      { input: { point: LEEDS, radiusKm: 30, themes: ['housing', 'food-insecurity', 'child-poverty'] }, first: 2 },
      me.token,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.peers.nodes.map((n) => n.clinician.displayName)).toEqual(['A: ten projects, two themes, 1 km', 'B: two themes, 1.1 km']);
  });
  it('says when a page is only the best of the nearest matches', async () => {
    const service = t.app.get(PeersService);
    service.maxWalkPoints = 4; // the three E's and one of A's points
    try {
      const res = await t.gql<{ peers: { exact: boolean; nodes: Array<{ clinician: { displayName: string } }> } }>(
        `query($input: PeerSearchInput!) { peers(input: $input, first: 2) { exact nodes { clinician { displayName } } } }`,
        { input: { point: LEEDS, radiusKm: 30, themes: ['housing', 'food-insecurity', 'child-poverty'] } },
        me.token,
      );
      expect(res.data!.peers.exact).toBe(false);
      // The best of what the nearest walks found: B was out of reach.
      expect(res.data!.peers.nodes.map((n) => n.clinician.displayName)).toEqual(['A: ten projects, two themes, 1 km', 'E0: one theme, 500 m']);
    } finally {
      service.maxWalkPoints = 65_536;
    }
    const proven = await t.gql<{ peers: { exact: boolean } }>(
      `query($input: PeerSearchInput!) { peers(input: $input, first: 2) { exact } }`,
      { input: { point: LEEDS, radiusKm: 30, themes: ['housing', 'food-insecurity', 'child-poverty'] } },
      me.token,
    );
    expect(proven.data!.peers.exact).toBe(true);
  });
});
