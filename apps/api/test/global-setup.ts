import { Client } from 'pg';
import { startEmbeddedPostgis, EmbeddedPostgis } from '../src/database/embedded-postgis';

/**
 * Integration tests run against a real PostGIS: the server named by DATABASE_URL (a fresh database
 * is created on it for this run and dropped afterwards), or else an in-memory embedded PGlite
 * started here, outside Jest's module sandbox where PGlite cannot load.
 */
export default async function globalSetup(): Promise<void> {
  const g = globalThis as { __kindredEmbedded?: EmbeddedPostgis; __kindredTestDb?: { adminUrl: string; name: string } };
  const serverUrl = process.env['DATABASE_URL'];
  if (serverUrl) {
    const name = `kindred_test_${process.pid}_${Date.now()}`;
    const admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    process.env['DATABASE_URL'] = url.toString();
    process.env['KINDRED_TEST_DB_KIND'] = 'server';
    g.__kindredTestDb = { adminUrl: serverUrl, name };
    process.stdout.write(`\nIntegration tests on PostgreSQL server, database ${name}\n`);
  } else {
    g.__kindredEmbedded = await startEmbeddedPostgis({ dataDir: ':memory:' });
    process.env['DATABASE_URL'] = g.__kindredEmbedded.url;
    process.env['DATABASE_POOL_SIZE'] = '1';
    process.env['KINDRED_TEST_DB_KIND'] = 'embedded';
    process.stdout.write('\nIntegration tests on embedded PostGIS (PGlite)\n');
  }
  // One app per test file: no fan-out (PGlite could not LISTEN beside the app anyway, and on a server
  // a closed test app would linger as a peer the next one waits for). tests/multi-instance covers it.
  process.env['REALTIME_ADAPTER'] = 'none';
  process.env['SEED_DEMO'] = 'false';
  process.env['EMBEDDED_DB_DIR'] = ':memory:';
  process.env['NODE_ENV'] = 'test';
  process.env['LOG_LEVEL'] = 'warn';
  // Every test signs up and writes from 127.0.0.1 in quick succession: limits far above what a run
  // does (security.integration-spec.ts builds its own app with strict limits).
  process.env['RATE_LIMIT_SIGN_IN_PER_EMAIL'] = '100000';
  process.env['RATE_LIMIT_SIGN_IN_PER_IP'] = '100000';
  process.env['RATE_LIMIT_SIGN_UP_PER_IP'] = '100000';
  process.env['RATE_LIMIT_MUTATIONS_PER_USER'] = '100000';
}
