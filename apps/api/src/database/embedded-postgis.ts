import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { Logger } from '@nestjs/common';

/**
 * PGlite and its PostGIS build ship as ES modules only. This file compiles to CommonJS, where
 * TypeScript would turn `import()` into `require()`; a Function-built import keeps it native.
 */
const importEsm = new Function('specifier', 'return import(specifier)') as <T>(specifier: string) => Promise<T>;

export interface EmbeddedPostgis {
  /** Connection string for the `pg` driver (loopback only). */
  readonly url: string;
  stop(): Promise<void>;
}

interface PGliteLike {
  exec(sql: string): Promise<unknown>;
  close(): Promise<void>;
}
interface SocketServerLike {
  start(): Promise<void>;
  stop(): Promise<void>;
  getServerConn(): string;
}

/**
 * Starts PGlite with PostGIS in this process and serves it on a loopback port, so TypeORM talks
 * through the `pg` driver exactly as it does to a real server. PGlite has a single backend:
 * callers must use a pool of one connection (the socket server queues every connection's queries
 * onto that backend, a transaction at a time).
 */
export async function startEmbeddedPostgis(options: { dataDir: string; port?: number; logger?: Logger }): Promise<EmbeddedPostgis> {
  const logger = options.logger ?? new Logger('EmbeddedPostgis');
  const inMemory = options.dataDir === ':memory:';
  const dataDir = inMemory ? 'memory://' : resolve(options.dataDir);
  if (!inMemory) mkdirSync(dataDir, { recursive: true });
  logger.log(`Starting embedded PostGIS (${inMemory ? 'in memory' : dataDir}); the first start compiles WebAssembly and takes about 10-20 s`);
  const started = Date.now();

  const { PGlite } = await importEsm<{ PGlite: { create(o: object): Promise<PGliteLike> } }>('@electric-sql/pglite');
  const { postgis } = await importEsm<{ postgis: unknown }>('@electric-sql/pglite-postgis');
  const { PGLiteSocketServer } = await importEsm<{
    PGLiteSocketServer: new (o: { db: PGliteLike; port: number; host: string; maxConnections: number }) => SocketServerLike;
  }>('@electric-sql/pglite-socket');

  const db = await PGlite.create({ dataDir, extensions: { postgis } });
  // One pool connection at a time uses it, but a pool that has just closed (a test app, a restart)
  // may still hold its socket for a moment: a second slot lets the next pool in at once instead of
  // being refused and retrying 3 s later. Queries from both are queued onto the one backend.
  const server = new PGLiteSocketServer({ db, port: options.port ?? 0, host: '127.0.0.1', maxConnections: 2 });
  await server.start();
  const url = `postgres://postgres:postgres@${server.getServerConn()}/postgres`;
  logger.log(`Embedded PostGIS ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  let stopped = false;
  return {
    url,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await db.close();
    },
  };
}
