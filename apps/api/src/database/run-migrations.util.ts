import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';

/** Same key on every instance: only one of them migrates at a time. */
const MIGRATION_LOCK_KEY = 'kindred:migrations';

/**
 * Runs pending migrations under a PostgreSQL advisory lock, so several instances starting at once
 * (or the migration Job beside a rolling deploy) never race: the others wait, then find nothing
 * left to do. The embedded database has one connection and one process, so it needs no lock
 * (holding it on the only connection would leave none for the migrations).
 */
export async function runMigrationsLocked(dataSource: DataSource, options: { embedded: boolean; logger?: Logger }): Promise<number> {
  const logger = options.logger ?? new Logger('Migrations');
  if (options.embedded) return (await dataSource.runMigrations({ transaction: 'each' })).length;
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query(`SELECT pg_advisory_lock(hashtext($1))`, [MIGRATION_LOCK_KEY]);
    const ran = await dataSource.runMigrations({ transaction: 'each' });
    if (ran.length) logger.log(`Ran ${ran.length} migration(s): ${ran.map((m) => m.name).join(', ')}`);
    return ran.length;
  } finally {
    await runner.query(`SELECT pg_advisory_unlock(hashtext($1))`, [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await runner.release();
  }
}
