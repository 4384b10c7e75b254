import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../src/bootstrap';

export interface GqlResult<T = Record<string, unknown>> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string; field?: string; [key: string]: unknown } }>;
}

export interface TestApp {
  app: NestExpressApplication;
  /** Base URL of the listening app (for sockets and raw HTTP). */
  url: string;
  db: DataSource;
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResult<T>>;
  /** Empties every table the app owns (taxonomy excepted), so each file starts from a clean database. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

/** The whole Nest app on real PostGIS (see global-setup.ts), listening on a free loopback port. */
export async function createTestApp(): Promise<TestApp> {
  const app = await createApp({ logger: ['error', 'warn'] });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  const db = app.get(DataSource);
  return {
    app,
    url,
    db,
    async gql<T>(query: string, variables?: Record<string, unknown>, token?: string) {
      const req = request(app.getHttpServer()).post('/graphql').set('content-type', 'application/json');
      if (token) req.set('authorization', `Bearer ${token}`);
      const res = await req.send({ query, variables });
      return res.body as GqlResult<T>;
    },
    async reset() {
      const tables: Array<{ tablename: string }> = await db.query(
        `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('themes', 'migrations', 'spatial_ref_sys')`,
      );
      if (tables.length) await db.query(`TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(', ')} CASCADE`);
    },
    async close() {
      await app.close();
    },
  };
}

/** Counts rows, for asserting that a refused request wrote nothing. */
export async function countRows(db: DataSource, table: string): Promise<number> {
  const [row] = await db.query(`SELECT count(*)::int AS n FROM "${table}"`);
  return row.n as number;
}
