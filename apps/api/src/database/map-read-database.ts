import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfigService } from '../config/app-config.service';
import { buildDataSourceOptions } from './data-source-options';

/** Inject with @Inject(MAP_READ_DATABASE): the DataSource map reads (heatmap, summary, peers) use. */
export const MAP_READ_DATABASE = Symbol('MAP_READ_DATABASE');

/**
 * With DATABASE_READ_URL set (a streaming replica), the heavy map reads go there: heatmap cells,
 * the map summary and the peer finder, which tolerate a replica's second of lag. Everything else
 * (writes, a user's own data, conversations) stays on the primary, so nobody reads their own write
 * stale. Without it, map reads use the primary like the rest.
 */
export async function mapReadDatabaseFactory(config: AppConfigService, primary: DataSource): Promise<DataSource> {
  const url = config.get('DATABASE_READ_URL');
  if (!url) return primary;
  const replica = new DataSource({ ...buildDataSourceOptions(url, config.get('DATABASE_POOL_SIZE')), entities: [], migrations: [] });
  await replica.initialize();
  new Logger('Database').log('Map reads (heatmap, summary, peers) use DATABASE_READ_URL');
  return replica;
}

/** Closes the replica's pool (never the primary's: TypeORM closes that). */
@Injectable()
export class MapReadDatabaseShutdown implements OnApplicationShutdown {
  constructor(
    @Inject(MAP_READ_DATABASE) private readonly reads: DataSource,
    private readonly primary: DataSource,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.reads !== this.primary && this.reads.isInitialized) await this.reads.destroy();
  }
}
