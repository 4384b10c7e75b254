import { THEME_IDS, ThemeId } from '@kindred/domain';
import { signUp, SignedUpUser } from './fixtures';
import { around, insertClinician, insertProjects, seededRandom } from './map-fixtures';
import { withMapAggregatesRebuiltAfter } from '../src/map/map-aggregates.util';
import { rankPeers } from '../src/map/peer-scoring.util';
import { PeersService } from '../src/map/peers.service';
import { themeMask } from '../src/map/theme-mask.util';
import { createTestApp, TestApp } from './test-app';

/**
 * The peer finder's index (migration 1764600000000-peer-points): `peer_points` must always hold
 * what a rebuild from the projects would, whatever writes happen, and searches over it must give
 * the brute-force ranking even where many projects share one rounded point.
 */
const LEEDS = { lat: 53.8008, lng: -1.5491 };
const YORK = { lat: 53.959, lng: -1.0815 };

const PEERS = `query Peers($input: PeerSearchInput!, $first: Int, $after: String) {
  peers(input: $input, first: $first, after: $after) {
    exact pageInfo { endCursor hasNextPage }
    nodes { score reason sharedThemes { id } clinician { id } project { id } }
  }
}`;

interface PeersPage {
  peers: {
    exact: boolean;
    pageInfo: { endCursor: string | null; hasNextPage: boolean };
    nodes: Array<{ score: number; reason: string; sharedThemes: Array<{ id: string }>; clinician: { id: string }; project: { id: string } }>;
  };
}

describe('peer index upkeep (integration, real PostGIS)', () => {
  let t: TestApp;

  /** Everything but the row ids, which a rebuild renumbers. */
  const snapshot = async () =>
    JSON.stringify(
      await t.db.query(
        `SELECT encode(point_key, 'hex') AS k, ST_AsText(location) AS at, theme_masks, mask_projects, theme_union, projects
           FROM peer_points ORDER BY point_key`,
      ),
    );
  const expectSameAsRebuild = async () => {
    const incremental = await snapshot();
    await t.db.query(`SELECT kindred_rebuild_peer_points()`);
    expect(await snapshot()).toBe(incremental);
  };

  beforeAll(async () => {
    t = await createTestApp();
    await t.reset();
  });
  afterAll(async () => t.close());

  it('gives every theme the same mask bit in the database as in the API', async () => {
    for (const id of THEME_IDS) {
      const [{ mask }] = await t.db.query(`SELECT kindred_theme_mask(ARRAY[$1]::text[]) AS mask`, [id]);
      expect(mask).toBe(themeMask([id]));
    }
    const [{ mask }] = await t.db.query(`SELECT kindred_theme_mask(ARRAY['housing', 'astrology', 'housing']::text[]) AS mask`);
    expect(mask).toBe(themeMask(['housing']));
  });

  it('keeps exactly what a rebuild computes through inserts, theme edits, moves, hiding and deletes', async () => {
    const a = await insertClinician(t.db, 'nurse');
    const b = await insertClinician(t.db, 'pharmacist');
    // Area precision rounds nearby sites onto shared points; exact ones stay apart.
    const ids = await insertProjects(t.db, a, [
      ...Array.from({ length: 12 }, (_, i) => ({ ...around(LEEDS, i, 1.5), themes: ['housing', 'child-poverty'] as ThemeId[] })),
      ...Array.from({ length: 6 }, (_, i) => ({ ...around(LEEDS, i, 1.5), themes: ['mental-health'] as ThemeId[], precision: 'exact' as const })),
    ]);
    const more = await insertProjects(t.db, b, Array.from({ length: 8 }, (_, i) => ({ ...around(YORK, i, 2), themes: ['food-insecurity'] as ThemeId[], precision: 'region' as const })));
    const [{ n }] = await t.db.query(`SELECT sum(projects)::int AS n FROM peer_points`);
    expect(n).toBe(26);
    await expectSameAsRebuild();

    // A theme edit moves projects between masks at their point; a title edit changes nothing.
    await t.db.query(`UPDATE projects SET themes = ARRAY['housing', 'food-insecurity', 'fuel-poverty'] WHERE id = ANY($1::uuid[])`, [ids.slice(0, 5)]);
    await t.db.query(`UPDATE projects SET title = 'Renamed' WHERE id = ANY($1::uuid[])`, [ids]);
    await expectSameAsRebuild();

    // A move takes a project to another point (emptying its old one, if it was alone there).
    await t.db.query(
      `UPDATE projects SET location = ST_SetSRID(ST_MakePoint(-1.08, 53.96), 4326)::geography,
                           display_location = ST_SetSRID(ST_MakePoint(-1.08, 53.96), 4326)::geography
        WHERE id = ANY($1::uuid[])`,
      [[ids[12], ids[13]]],
    );
    await expectSameAsRebuild();

    // Hidden projects leave the index; unhidden ones come back.
    await t.db.query(`UPDATE projects SET hidden_at = now() WHERE id = ANY($1::uuid[])`, [[...ids.slice(3, 9), more[0]]]);
    const [{ hidden }] = await t.db.query(`SELECT sum(projects)::int AS hidden FROM peer_points`);
    expect(hidden).toBe(26 - 7);
    await expectSameAsRebuild();
    await t.db.query(`UPDATE projects SET hidden_at = NULL WHERE id = ANY($1::uuid[])`, [ids.slice(3, 6)]);
    await expectSameAsRebuild();

    // Deleting everything leaves no point behind.
    await t.db.query(`DELETE FROM projects WHERE owner_id = ANY($1::uuid[])`, [[a, b]]);
    expect(await t.db.query(`SELECT * FROM peer_points`)).toEqual([]);
  });

  it('stays exact under concurrent writes to shared points in opposite orders, without deadlocks', async () => {
    const owner = await insertClinician(t.db, 'nurse');
    const ids = await insertProjects(
      t.db,
      owner,
      Array.from({ length: 24 }, (_, i) => ({
        ...around(LEEDS, i % 8, 2),
        themes: (i % 2 ? ['housing'] : ['housing', 'mental-health']) as ThemeId[],
        precision: 'exact' as const,
      })),
    );
    const results = await Promise.allSettled(
      Array.from({ length: 80 }, (_, i) => {
        const trio = [ids[i % 24]!, ids[(i * 7 + 3) % 24]!, ids[(i * 5 + 11) % 24]!];
        // The projects rows are locked in id order first, so the statements themselves cannot
        // deadlock; the triggers' upkeep (heat cells, then peer points, each in key order) must not.
        return t.db.query(
          `UPDATE projects SET themes = CASE WHEN 'fuel-poverty' = ANY(themes) THEN ARRAY['housing'] ELSE ARRAY['housing', 'fuel-poverty'] END
            WHERE id IN (SELECT id FROM projects WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE)`,
          [i % 2 ? trio : trio.reverse()],
        );
      }),
    );
    expect(results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
    await expectSameAsRebuild();
    await t.db.query(`DELETE FROM projects WHERE owner_id = $1`, [owner]);
  });

  it('can defer upkeep during a bulk load and rebuild once, missing nothing', async () => {
    const owner = await insertClinician(t.db, 'nurse');
    await withMapAggregatesRebuiltAfter(t.db, async () => {
      await insertProjects(t.db, owner, Array.from({ length: 5 }, (_, i) => ({ ...around(YORK, i), themes: ['housing'] as ThemeId[] })));
      expect(await t.db.query(`SELECT * FROM peer_points`)).toEqual([]);
    });
    const [{ n }] = await t.db.query(`SELECT sum(projects)::int AS n FROM peer_points`);
    expect(n).toBe(5);
    const [{ tgenabled }] = await t.db.query(`SELECT tgenabled FROM pg_trigger WHERE tgname = 'projects_peer_insert'`);
    expect(tgenabled).toBe('O');
    await expectSameAsRebuild();
    await t.db.query(`DELETE FROM projects WHERE owner_id = $1`, [owner]);
  });
});

describe('peer search where many projects share one rounded point (integration)', () => {
  let t: TestApp;
  let me: SignedUpUser;
  let blockedOwner: string;
  let hiddenProject: string;
  const themes: ThemeId[] = ['housing', 'food-insecurity', 'child-poverty', 'fuel-poverty'];

  beforeAll(async () => {
    t = await createTestApp();
    t.app.get(PeersService).firstWalkPoints = 3;
    await t.reset();
    me = await signUp(t);
    // 240 area projects by 150 people on a handful of 1 km points around Leeds, with every
    // overlap from none to all four wanted themes, plus exact sites between them: equal
    // distances everywhere, so ranks inside a point fall to project ids.
    const rand = seededRandom(11);
    const pool: ThemeId[] = [...themes, 'mental-health', 'social-prescribing'];
    const owners: string[] = [];
    for (let person = 0; person < 150; person++) owners.push(await insertClinician(t.db, 'nurse', `Crowd ${person}`));
    for (let i = 0; i < 240; i++) {
      const picked = pool.filter(() => rand() < 0.45).slice(0, 5);
      await insertProjects(t.db, owners[Math.floor(rand() * owners.length)]!, [
        {
          lat: LEEDS.lat + (rand() - 0.5) * 0.03,
          lng: LEEDS.lng + (rand() - 0.5) * 0.05,
          themes: picked.length ? picked : ['workforce-wellbeing'],
          precision: rand() < 0.8 ? 'area' : 'exact',
        },
      ]);
    }
    // My own projects at the busiest point never count; nor a blocked person's, nor hidden ones.
    await insertProjects(t.db, me.id, [{ ...LEEDS, themes }]);
    blockedOwner = owners[0]!;
    await t.db.query(`INSERT INTO blocks (blocker_id, blocked_id) VALUES ($1, $2)`, [me.id, blockedOwner]);
    [hiddenProject] = await insertProjects(t.db, owners[1]!, [{ ...LEEDS, themes }]);
    await t.db.query(`UPDATE projects SET hidden_at = now() WHERE id = $1`, [hiddenProject]);
  });
  afterAll(async () => t.close());

  it('pages through exactly the brute-force ranking, one row per person, with each one’s shared themes', async () => {
    const rows: Array<{ id: string; owner_id: string; d: number; themes: string[] }> = await t.db.query(
      `SELECT id, owner_id, ST_Distance(display_location, ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography, false) AS d, themes
         FROM projects
        WHERE ST_DWithin(display_location, ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography, 20000, false)
          AND themes && $3::text[] AND owner_id <> $4 AND owner_id <> $5 AND hidden_at IS NULL`,
      [LEEDS.lng, LEEDS.lat, themes, me.id, blockedOwner],
    );
    const expected = rankPeers(
      rows.map((r) => ({ projectId: r.id, ownerId: r.owner_id, distanceM: Number(r.d), sharedThemes: themes.filter((x) => r.themes.includes(x)) })),
      themes.length,
      20,
    );
    expect(expected.length).toBeGreaterThan(100);

    const got: PeersPage['peers']['nodes'] = [];
    let after: string | undefined;
    for (let page = 0; page < 20; page++) {
      const res = await t.gql<PeersPage>(PEERS, { input: { point: LEEDS, radiusKm: 20, themes }, first: 7, after }, me.token);
      expect(res.errors).toBeUndefined();
      expect(res.data!.peers.exact).toBe(true);
      got.push(...res.data!.peers.nodes);
      if (!res.data!.peers.pageInfo.hasNextPage) break;
      after = res.data!.peers.pageInfo.endCursor ?? undefined;
    }
    expect(got.map((n) => n.project.id)).toEqual(expected.slice(0, got.length).map((r) => r.projectId));
    expect(got.length).toBe(Math.min(expected.length, 140));
    expect(new Set(got.map((n) => n.clinician.id)).size).toBe(got.length);
    expect(got.map((n) => n.sharedThemes.map((s) => s.id))).toEqual(expected.slice(0, got.length).map((r) => r.sharedThemes));
    expect(got.some((n) => n.project.id === hiddenProject || n.clinician.id === blockedOwner || n.clinician.id === me.id)).toBe(false);
  });
});
