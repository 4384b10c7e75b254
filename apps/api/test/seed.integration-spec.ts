import { isThemeId, LocationPrecision } from '@kindred/domain';
import { roundToPrecision, UK_BBOX, bboxContains } from '@kindred/geo';
import { BulkSeeder } from '../src/projects/seed/bulk-seeder.service';
import { DemoSeedService } from '../src/projects/seed/demo-seed.service';
import { DEMO_LOGIN } from '../src/projects/seed/demo-login.constant';
import { countRows, createTestApp, TestApp } from './test-app';

const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { accessToken account { email displayName } } }`;
const PROJECTS = `{ projects(first: 5) { totalCount nodes { id title placeName themes { id } owner { displayName } } } }`;

interface SignInData {
  signIn: { accessToken: string; account: { email: string; displayName: string } };
}

describe('demo seeding (integration)', () => {
  let t: TestApp;
  let demoSeed: DemoSeedService;

  beforeAll(async () => {
    t = await createTestApp();
    await t.reset();
    demoSeed = t.app.get(DemoSeedService);
  });
  afterAll(async () => t.close());

  it('seeds an empty database once, even when asked twice at the same time', async () => {
    const outcomes = await Promise.all([demoSeed.seedIfEmpty(60), demoSeed.seedIfEmpty(60)]);
    expect(outcomes.sort()).toEqual([false, true]);
    expect(await countRows(t.db, 'projects')).toBe(60);
    expect(await countRows(t.db, 'users')).toBe(30);
  });

  it('does nothing the second time', async () => {
    expect(await demoSeed.seedIfEmpty(60)).toBe(false);
    expect(await countRows(t.db, 'projects')).toBe(60);
    expect(await countRows(t.db, 'users')).toBe(30);
  });

  it('creates the demo login, which can sign in and owns projects', async () => {
    const res = await t.gql<SignInData>(SIGN_IN, { input: { email: DEMO_LOGIN.email, password: DEMO_LOGIN.password } });
    expect(res.errors).toBeUndefined();
    expect(res.data?.signIn.accessToken).toEqual(expect.any(String));
    expect(res.data?.signIn.account.displayName).toMatch(/Demo Kindred \(demo\)$/);
    const [row] = await t.db.query(`SELECT count(*)::int AS n FROM projects p JOIN users u ON u.id = p.owner_id WHERE u.email = $1`, [DEMO_LOGIN.email]);
    expect(row.n).toBeGreaterThanOrEqual(1);
  });

  it('leaves the other demo clinicians unable to sign in', async () => {
    const [someone] = await t.db.query(`SELECT email FROM users WHERE email LIKE 'demo.%@example.invalid' LIMIT 1`);
    expect(someone.email).toMatch(/^demo\.[a-z]+\.\d+@example\.invalid$/);
    const res = await t.gql<SignInData>(SIGN_IN, { input: { email: someone.email, password: DEMO_LOGIN.password } });
    expect(res.errors?.[0]?.extensions?.code).toBe('INVALID_CREDENTIALS');
  });

  it('bulk-seeds more projects after the demo ones, continuing the demo numbering', async () => {
    const progress: number[] = [];
    // Two transactions at a time: parallel on a server, queued for the embedded database's one connection.
    const result = await new BulkSeeder(t.db).seed({ projects: 500, seed: 7, demoLogin: true, batchSize: 120, concurrency: 2, onProgress: (done) => progress.push(done) });
    expect(result).toMatchObject({ projects: 500, clinicians: 250, demoLoginCreated: false, aborted: false });
    expect(progress[progress.length - 1]).toBe(500);
    expect(progress.length).toBeGreaterThan(3);
    expect(await countRows(t.db, 'projects')).toBe(560);
    expect(await countRows(t.db, 'users')).toBe(280);
    const [demo] = await t.db.query(`SELECT count(*)::int AS n FROM users WHERE lower(email) = $1`, [DEMO_LOGIN.email]);
    expect(demo.n).toBe(1);
    expect(await demoSeed.seedIfEmpty(60)).toBe(false);
  });

  it('writes valid themes, UK points and display points rounded exactly as the API rounds them', async () => {
    const rows: Array<{ themes: string[]; precision: LocationPrecision; lat: number; lng: number; dlat: number; dlng: number; owner_ok: boolean }> =
      await t.db.query(`
        SELECT p.themes, p.location_precision AS precision,
               ST_Y(p.location::geometry) AS lat, ST_X(p.location::geometry) AS lng,
               ST_Y(p.display_location::geometry) AS dlat, ST_X(p.display_location::geometry) AS dlng,
               u.email LIKE 'demo%' AS owner_ok
        FROM projects p JOIN users u ON u.id = p.owner_id`);
    expect(rows).toHaveLength(560);
    for (const r of rows) {
      expect(r.themes.length).toBeGreaterThanOrEqual(1);
      expect(r.themes.length).toBeLessThanOrEqual(5);
      for (const theme of r.themes) expect(isThemeId(theme)).toBe(true);
      expect(bboxContains(UK_BBOX, { lat: r.lat, lng: r.lng })).toBe(true);
      expect({ lat: r.dlat, lng: r.dlng }).toEqual(roundToPrecision({ lat: r.lat, lng: r.lng }, r.precision));
      expect(r.owner_ok).toBe(true);
    }
    expect(new Set(rows.map((r) => r.precision))).toEqual(new Set(['exact', 'area', 'region']));
  });

  it('serves the seeded projects through the public API', async () => {
    const res = await t.gql<{ projects: { totalCount: number; nodes: Array<{ title: string; placeName: string; owner: { displayName: string } }> } }>(PROJECTS);
    expect(res.errors).toBeUndefined();
    expect(res.data?.projects.totalCount).toBe(560);
    for (const p of res.data?.projects.nodes ?? []) expect(p.owner.displayName).toMatch(/\(demo\)$/);
  });
});
