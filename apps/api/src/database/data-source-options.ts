import * as pg from 'pg';
import type { DataSourceOptions } from 'typeorm';

/** Options shared by the app and the seed command. Never `synchronize`: schema changes are migrations. */
export function buildDataSourceOptions(url: string, poolSize: number): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    // Hand TypeORM the driver: its own lazy loading fails inside Jest's module sandbox.
    driver: pg,
    synchronize: false,
    // Extensions are created by migrations (PostGIS); gen_random_uuid() is built into PostgreSQL 13+.
    installExtensions: false,
    migrationsTransactionMode: 'each',
    // One backend in embedded mode: a pool of one serialises transactions instead of interleaving them.
    extra: { max: poolSize, connectionTimeoutMillis: 30000 },
    logging: ['error', 'warn', 'migration'],
  };
}
