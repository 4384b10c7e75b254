import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './bootstrap';
import { AppConfigService } from './config/app-config.service';
import { DemoSeedService } from './projects/seed/demo-seed.service';
import { IndicatorsService } from './indicators/indicators.service';
import { WebinarDemoSeedService } from './webinars/webinar-demo-seed.service';

async function main(): Promise<void> {
  const app = await createApp();
  const config = app.get(AppConfigService);
  const logger = new Logger('Kindred');
  if (config.get('SEED_DEMO')) await app.get(DemoSeedService).seedIfEmpty(config.get('SEED_DEMO_COUNT'));
  if (config.get('SEED_DEMO')) await app.get(IndicatorsService).importSampleIfEmpty();
  if (config.get('SEED_DEMO')) await app.get(WebinarDemoSeedService).seedIfEmpty();
  await app.listen(config.get('PORT'), config.get('HOST'));
  logger.log(`Kindred is running at ${config.publicUrl}  (GraphQL: ${config.publicUrl}/graphql)`);
  logger.log(config.isEmbeddedDatabase ? `Database: embedded PostGIS in ${config.get('EMBEDDED_DB_DIR')}` : 'Database: DATABASE_URL');
}

main().catch((error: unknown) => {
  // A bad configuration is the usual cause: say it plainly, without a stack trace.
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`Kindred failed to start: ${message}\n`);
  process.exit(1);
});
