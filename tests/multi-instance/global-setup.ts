import { Client } from 'pg';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The multi-instance tests start real API processes (dist/apps/api/main.js) against one real
 * PostgreSQL+PostGIS server: DATABASE_URL must name one (`npm test` starts a throwaway server when
 * it is not set). A fresh database is created for the run and dropped afterwards. Redis servers
 * are started by the tests themselves (Debian's redis-server), since some tests stop and restart them.
 */
export default async function globalSetup(): Promise<void> {
  const serverUrl = process.env['DATABASE_URL'];
  if (!serverUrl) {
    throw new Error('The multi-instance tests need DATABASE_URL: a PostgreSQL+PostGIS server (npm test starts one for them).');
  }
  const main = join(__dirname, '..', '..', 'dist', 'apps', 'api', 'main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: build first (npx nx run api:build).`);
  const name = `kindred_multi_${process.pid}_${Date.now()}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  process.env['KINDRED_MULTI_ADMIN_URL'] = serverUrl;
  process.env['KINDRED_MULTI_DB_NAME'] = name;
  process.env['DATABASE_URL'] = url.toString();
  process.stdout.write(`\nMulti-instance tests on PostgreSQL server, database ${name}\n`);
}
