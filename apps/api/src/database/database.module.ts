import { Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { AppConfigService } from '../config/app-config.service';
import { startEmbeddedPostgis, EmbeddedPostgis } from './embedded-postgis';
import { MIGRATIONS } from './migrations';
import { buildDataSourceOptions } from './data-source-options';
import { MAP_READ_DATABASE, MapReadDatabaseShutdown, mapReadDatabaseFactory } from './map-read-database';
import { runMigrationsLocked } from './run-migrations.util';

export const DATABASE_CONNECTION = Symbol('DATABASE_CONNECTION');

export interface DatabaseConnection {
  url: string;
  poolSize: number;
  embedded: EmbeddedPostgis | null;
}

/** Stops the embedded database after TypeORM has closed its pool. */
class EmbeddedShutdown implements OnApplicationShutdown {
  constructor(@Inject(DATABASE_CONNECTION) private readonly connection: DatabaseConnection) {}
  async onApplicationShutdown(): Promise<void> {
    await this.connection.embedded?.stop();
  }
}

@Global()
@Module({
  providers: [
    {
      provide: DATABASE_CONNECTION,
      inject: [AppConfigService],
      useFactory: async (config: AppConfigService): Promise<DatabaseConnection> => {
        migrateAtStart = config.get('MIGRATIONS_RUN');
        const url = config.get('DATABASE_URL');
        // A pool of one (the embedded database, or PGlite served to tests) cannot hold the lock and
        // run the migrations at once.
        embeddedDatabase = !url || config.get('DATABASE_POOL_SIZE') < 2;
        if (url) return { url, poolSize: config.get('DATABASE_POOL_SIZE'), embedded: null };
        const embedded = await startEmbeddedPostgis({ dataDir: config.get('EMBEDDED_DB_DIR'), logger: new Logger('Database') });
        return { url: embedded.url, poolSize: 1, embedded };
      },
    },
    EmbeddedShutdown,
  ],
  exports: [DATABASE_CONNECTION],
})
class DatabaseConnectionModule {}

/**
 * Set from the configuration when the connection is made (the data source factory is not
 * injectable): whether to migrate at start (MIGRATIONS_RUN) and whether the database is embedded.
 */
let migrateAtStart = true;
let embeddedDatabase = false;

@Global()
@Module({
  imports: [
    DatabaseConnectionModule,
    TypeOrmModule.forRootAsync({
      inject: [DATABASE_CONNECTION],
      useFactory: (connection: DatabaseConnection) => ({
        ...buildDataSourceOptions(connection.url, connection.poolSize),
        migrations: MIGRATIONS,
        // Run below, under a lock, so instances starting together do not race.
        migrationsRun: false,
        autoLoadEntities: true,
      }),
      dataSourceFactory: async (options?: DataSourceOptions) => {
        const dataSource = await new DataSource(options!).initialize();
        if (migrateAtStart) await runMigrationsLocked(dataSource, { embedded: embeddedDatabase });
        return dataSource;
      },
    }),
  ],
  providers: [
    { provide: MAP_READ_DATABASE, inject: [AppConfigService, DataSource], useFactory: mapReadDatabaseFactory },
    MapReadDatabaseShutdown,
  ],
  exports: [DatabaseConnectionModule, MAP_READ_DATABASE],
})
export class DatabaseModule {}
