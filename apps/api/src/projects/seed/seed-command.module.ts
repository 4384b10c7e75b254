import { Module } from '@nestjs/common';
import { AppConfigModule } from '../../config/config.module';
import { DatabaseModule } from '../../database/database.module';
import { BulkSeeder } from './bulk-seeder.service';

/**
 * Just enough of the app for the `seed` command: validated configuration and the database
 * (embedded or DATABASE_URL, migrations run), without GraphQL, HTTP or background jobs.
 */
@Module({ imports: [AppConfigModule, DatabaseModule], providers: [BulkSeeder] })
export class SeedCommandModule {}
