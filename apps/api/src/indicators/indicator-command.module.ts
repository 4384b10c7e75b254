import { Module } from '@nestjs/common';
import { AppConfigModule } from '../config/config.module';
import { DatabaseModule } from '../database/database.module';
import { PlacesModule } from '../places/places.module';
import { IndicatorsService } from './indicators.service';

/**
 * Just enough of the app for the `import-indicator` command: validated configuration, the database
 * (embedded or DATABASE_URL, migrations run) and the gazetteer, without GraphQL or HTTP.
 */
@Module({ imports: [AppConfigModule, DatabaseModule, PlacesModule], providers: [IndicatorsService] })
export class IndicatorCommandModule {}
