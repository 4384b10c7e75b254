import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { runMigrationsLocked } from './database/run-migrations.util';

/** Just the configuration and the database. */
@Module({ imports: [AppConfigModule, DatabaseModule] })
class MigrateModule {}

/**
 * `node dist/apps/api/migrate.js`: runs pending migrations (under the same advisory lock as the
 * API's start) and exits 0, or 1 on failure. For a deployment step before new instances start
 * (the Kubernetes migration Job); instances then run with MIGRATIONS_RUN=false.
 */
async function main(): Promise<number> {
  process.env['MIGRATIONS_RUN'] = 'false';
  const app = await NestFactory.createApplicationContext(MigrateModule, { logger: ['error', 'warn', 'log'] });
  try {
    const ran = await runMigrationsLocked(app.get(DataSource), { embedded: !process.env['DATABASE_URL'] });
    process.stdout.write(ran ? `Ran ${ran} migration(s).\n` : 'The database is up to date.\n');
    return 0;
  } finally {
    await app.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`Migration failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
