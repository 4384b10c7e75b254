import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { type ApiInstance, startApi } from './processes';

/** The last query of each connection with this application_name (pg_stat_activity keeps one per connection). */
async function connectionsNamed(name: string): Promise<Array<{ query: string }>> {
  const db = new Client({ connectionString: process.env['DATABASE_URL'] });
  await db.connect();
  try {
    return (await db.query(`SELECT query FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()`, [name])).rows;
  } finally {
    await db.end();
  }
}

async function gql(base: string, query: string, variables: Record<string, unknown> = {}, token?: string) {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: Record<string, unknown>; errors?: Array<{ message: string }> };
}

/**
 * DATABASE_READ_URL: the heavy map reads go to the replica's pool, everything else to the primary.
 * Here the "replica" is the same database reached under another application_name, so the test can
 * see in pg_stat_activity which pool ran what.
 */
describe('map reads on DATABASE_READ_URL', () => {
  let api: ApiInstance;

  beforeAll(async () => {
    const primary = new URL(process.env['DATABASE_URL']!);
    primary.searchParams.set('application_name', 'kindred-primary');
    const replica = new URL(process.env['DATABASE_URL']!);
    replica.searchParams.set('application_name', 'kindred-read');
    api = await startApi('A', { DATABASE_URL: primary.toString(), DATABASE_READ_URL: replica.toString() });
  });

  afterAll(async () => {
    await api?.kill();
  });

  it('runs the heatmap, map summary and peer finder on the read pool and writes on the primary', async () => {
    const signUp = await gql(api.url, `mutation($i: SignUpInput!) { signUp(input: $i) { accessToken } }`, {
      i: { email: `replica-${randomUUID()}@example.org`, password: `Long-enough-${randomUUID()}`, displayName: 'Replica reader', profession: 'nurse' },
    });
    const token = (signUp.data?.['signUp'] as { accessToken: string }).accessToken;
    const written = await gql(
      api.url,
      `mutation($i: RegisterProjectInput!) { registerProject(input: $i) { id } }`,
      { i: { title: 'Replica test project', summary: 'A project to read back from the map.', themes: ['housing'], stage: 'running', location: { lat: 53.8, lng: -1.55 }, locationPrecision: 'area' } },
      token,
    );
    expect(written.errors).toBeUndefined();
    // Nothing has touched the read pool yet but its start-up: the write went to the primary.
    expect((await connectionsNamed('kindred-read')).map((r) => r.query).join('\n')).not.toMatch(/INSERT INTO|kindred_register/i);

    // One read at a time, each followed by a look at the read pool: pg_stat_activity keeps only a
    // connection's last statement, and the pool reuses connections, so reads asked together could
    // overwrite each other's trace.
    const bbox = '{ west: -3, south: 53, east: 0, north: 55 }';
    const reads: Array<[string, RegExp]> = [
      [`{ heatmap(bbox: ${bbox}, zoom: 8) { totalWeight } }`, /FROM heat_cells/],
      [`{ mapSummary(bbox: ${bbox}, zoom: 8) { totalProjects } }`, /FROM heat_cell_facets/],
      [`{ peers(input: { point: { lat: 53.8, lng: -1.5 }, radiusKm: 50, themes: ["housing"] }) { nodes { distanceKm } } }`, /kindred_peer_(walk|projects)/],
    ];
    for (const [query, trace] of reads) {
      const answer = await gql(api.url, query, {}, token);
      expect(answer.errors).toBeUndefined();
      const onReplica = (await connectionsNamed('kindred-read')).map((r) => r.query).join('\n');
      expect(onReplica).toMatch(trace);
      expect(onReplica).not.toMatch(/INSERT INTO/i);
    }
    const onPrimary = (await connectionsNamed('kindred-primary')).map((r) => r.query).join('\n');
    expect(onPrimary.length).toBeGreaterThan(0); // the sign-up, the project and the token checks
  });
});
