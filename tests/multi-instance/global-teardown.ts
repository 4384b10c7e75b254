import { Client } from 'pg';

export default async function globalTeardown(): Promise<void> {
  const adminUrl = process.env['KINDRED_MULTI_ADMIN_URL'];
  const name = process.env['KINDRED_MULTI_DB_NAME'];
  if (!adminUrl || !name) return;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}
