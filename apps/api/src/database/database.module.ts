import { Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfigService } from '../config/app-config.service';
import { startEmbeddedPostgis, EmbeddedPostgis } from './embedded-postgis';
import { MIGRATIONS } from './migrations';
import { buildDataSourceOptions } from './data-source-options';

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
        const url = config.get('DATABASE_URL');
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

@Global()
@Module({
  imports: [
    DatabaseConnectionModule,
    TypeOrmModule.forRootAsync({
      inject: [DATABASE_CONNECTION],
      useFactory: (connection: DatabaseConnection) => ({
        ...buildDataSourceOptions(connection.url, connection.poolSize),
        migrations: MIGRATIONS,
        migrationsRun: true,
        autoLoadEntities: true,
      }),
    }),
  ],
  exports: [DatabaseConnectionModule],
})
export class DatabaseModule {}
