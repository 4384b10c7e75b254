import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { type ApiInstance, startApi } from './processes';

/** A fresh database on the test server (dropped at the end), for start-up races. */
async function freshDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = process.env['KINDRED_MULTI_ADMIN_URL']!;
  const name = `kindred_mig_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

async function migrationNames(url: string): Promise<string[]> {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    return (await db.query(`SELECT name FROM migrations ORDER BY id`)).rows.map((r: { name: string }) => r.name);
  } finally {
    await db.end();
  }
}

describe('migrations with several instances', () => {
  it('lets two instances start at once on an empty database: one migrates, the other waits, both serve', async () => {
    const db = await freshDatabase();
    const instances: ApiInstance[] = [];
    try {
      instances.push(...(await Promise.all([startApi('A', { DATABASE_URL: db.url }), startApi('B', { DATABASE_URL: db.url })])));
      for (const i of instances) expect((await fetch(`${i.url}/health/ready`)).status).toBe(200);
      const names = await migrationNames(db.url);
      expect(names.length).toBeGreaterThan(5);
      expect(new Set(names).size).toBe(names.length);
    } finally {
      await Promise.all(instances.map((i) => i.kill()));
      await db.drop();
    }
  });

  it('migrates as a separate step with migrate.js, after which instances start with MIGRATIONS_RUN=false', async () => {
    const db = await freshDatabase();
    let api: ApiInstance | null = null;
    try {
      const migrate = () =>
        spawnSync(process.execPath, [join(__dirname, '..', '..', 'dist', 'apps', 'api', 'migrate.js')], {
          env: { ...process.env, DATABASE_URL: db.url, LOG_LEVEL: 'warn' },
          encoding: 'utf8',
        });
      const first = migrate();
      expect(first.status).toBe(0);
      expect(first.stdout).toMatch(/Ran \d+ migration\(s\)/);
      const again = migrate();
      expect(again.status).toBe(0);
      expect(again.stdout).toContain('The database is up to date.');
      api = await startApi('A', { DATABASE_URL: db.url, MIGRATIONS_RUN: 'false' });
      expect((await fetch(`${api.url}/health/ready`)).status).toBe(200);
    } finally {
      await api?.kill();
      await db.drop();
    }
  });
});
