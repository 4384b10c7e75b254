import 'reflect-metadata';
import { availableParallelism } from 'node:os';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppConfigService } from './config/app-config.service';
import { withMapAggregatesRebuiltAfter } from './map/map-aggregates.util';
import { BulkSeeder } from './projects/seed/bulk-seeder.service';
import { DEMO_LOGIN } from './projects/seed/demo-login.constant';
import { SEED_USAGE, parseSeedArgs } from './projects/seed/seed-args.util';
import { SeedCommandModule } from './projects/seed/seed-command.module';
import { createProgressWriter, formatCount, formatDuration } from './projects/seed/seed-progress.util';

/** From this many projects, rebuilding the heatmap cells once beats keeping them current per batch. */
const BULK_REBUILD_FROM = 20_000;

/** `node dist/apps/api/seed.js <projects> [--clinicians M] [--seed S]`: bulk demo data. Exit 2 on bad arguments. */
async function main(): Promise<number> {
  const parsed = parseSeedArgs(process.argv.slice(2));
  if (!parsed.ok) {
    process.stderr.write(`${parsed.error}\n\n${SEED_USAGE}\n`);
    return 2;
  }
  if ('help' in parsed) {
    process.stdout.write(`${SEED_USAGE}\n`);
    return 0;
  }
  const { projects, clinicians, seed, batchSize } = parsed.args;

  process.stderr.write(
    process.env['DATABASE_URL'] ? 'Opening the database...\n' : 'Starting the embedded database (about 10-20 s) and running migrations...\n',
  );
  // abortOnError: false lets a bad configuration reach the plain message below instead of aborting.
  const app = await NestFactory.createApplicationContext(SeedCommandModule, { logger: ['error', 'warn'], abortOnError: false });
  const controller = new AbortController();
  const stop = () => {
    process.stderr.write('\nStopping after the batches in flight...\n');
    controller.abort();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    const config = app.get(AppConfigService);
    const embedded = config.isEmbeddedDatabase;
    // Parallel transactions pay off on a server; the embedded database has one connection.
    const pool = embedded ? 1 : config.get('DATABASE_POOL_SIZE');
    const concurrency = Math.min(pool, parsed.args.concurrency ?? availableParallelism());
    const where = embedded ? `the embedded database in ${config.get('EMBEDDED_DB_DIR')}` : 'the DATABASE_URL database';
    process.stderr.write(`Seeding ${formatCount(projects)} demo projects into ${where} (seed ${seed}, ${concurrency} at a time)\n`);

    const progress = createProgressWriter(process.stderr);
    progress.update(0, projects);
    // Large loads skip per-batch heatmap upkeep and rebuild the cells once at the end.
    const load = () =>
      app.get(BulkSeeder).seed({
        projects,
        clinicians,
        seed,
        demoLogin: true,
        batchSize,
        concurrency,
        signal: controller.signal,
        onProgress: (done, total) => progress.update(done, total),
      });
    const say = (line: string) => process.stderr.write(`\n${line}`);
    const result = projects >= BULK_REBUILD_FROM ? await withMapAggregatesRebuiltAfter(app.get(DataSource), load, say) : await load();
    progress.finish();

    const seconds = result.elapsedMs / 1000;
    const rate = seconds > 0 ? Math.round(result.projects / seconds) : result.projects;
    process.stdout.write(
      `${result.aborted ? 'Stopped early: seeded' : 'Seeded'} ${formatCount(result.projects)} projects and ` +
        `${formatCount(result.clinicians)} clinicians in ${formatDuration(result.elapsedMs)} (${formatCount(rate)} projects/s).\n`,
    );
    if (result.demoLoginCreated) process.stdout.write(`Demo login: ${DEMO_LOGIN.email}  password: ${DEMO_LOGIN.password}\n`);
    return result.aborted ? 130 : 0;
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await app.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`\nSeeding failed: ${message}\n`);
    process.exit(1);
  },
);
