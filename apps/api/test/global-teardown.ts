import { Client } from 'pg';
import type { EmbeddedPostgis } from '../src/database/embedded-postgis';

export default async function globalTeardown(): Promise<void> {
  const g = globalThis as { __kindredEmbedded?: EmbeddedPostgis; __kindredTestDb?: { adminUrl: string; name: string } };
  await g.__kindredEmbedded?.stop();
  if (g.__kindredTestDb) {
    const admin = new Client({ connectionString: g.__kindredTestDb.adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${g.__kindredTestDb.name} WITH (FORCE)`);
    await admin.end();
  }
}
