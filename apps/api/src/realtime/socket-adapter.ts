import { Logger } from '@nestjs/common';
import { createAdapter as createPostgresAdapter } from '@socket.io/postgres-adapter';
import { createAdapter as createRedisStreamsAdapter } from '@socket.io/redis-streams-adapter';
import { Pool } from 'pg';
import { createClient } from 'redis';
import type { Server } from 'socket.io';
import type { AppConfigService } from '../config/app-config.service';

export type AdapterKind = 'none' | 'postgres' | 'redis';

export interface AttachedAdapter {
  kind: AdapterKind;
  /** Whether the backbone is reachable now (readiness and metrics). */
  healthy(): boolean;
  close(): Promise<void>;
}

/** Which fan-out the configuration asks for: see REALTIME_ADAPTER in the README. */
export function adapterKind(config: Pick<AppConfigService, 'get' | 'isEmbeddedDatabase'>): AdapterKind {
  const wanted = config.get('REALTIME_ADAPTER');
  if (wanted !== 'auto') return wanted;
  if (config.get('REDIS_URL')) return 'redis';
  return config.isEmbeddedDatabase ? 'none' : 'postgres';
}

/**
 * Plugs a socket.io adapter into the server so that `io.to(room).emit(...)` on one API instance
 * reaches sockets connected to every other instance:
 * - `redis`: `@socket.io/redis-streams-adapter` on REDIS_URL (one stream; survives short outages);
 * - `postgres`: `@socket.io/postgres-adapter` (LISTEN/NOTIFY on the shared database, big payloads
 *   through the `socket_io_attachments` table), with its own small pool;
 * - `none`: the in-memory default (one instance, or the embedded database, whose single
 *   connection cannot LISTEN for others).
 * Messages are stored before they are emitted, so a fan-out hiccup never loses one: clients catch
 * up with `sync`.
 */
export async function attachSocketAdapter(io: Server, config: AppConfigService, logger: Logger): Promise<AttachedAdapter> {
  const kind = adapterKind(config);
  if (kind === 'postgres') {
    const url = config.get('DATABASE_URL');
    if (!url) throw new Error('REALTIME_ADAPTER=postgres needs DATABASE_URL (the embedded database cannot LISTEN across connections)');
    let up = true;
    const pool = new Pool({ connectionString: url, max: 3 });
    pool.on('error', (err) => {
      up = false;
      logger.warn(`Fan-out database connection lost: ${err.message}`);
    });
    pool.on('connect', () => {
      up = true;
    });
    io.adapter(
      createPostgresAdapter(pool, {
        errorHandler: (err) => {
          up = false;
          logger.warn(`Fan-out (PostgreSQL) error: ${err.message}`);
        },
      }),
    );
    logger.log('Real-time fan-out: PostgreSQL LISTEN/NOTIFY');
    return { kind, healthy: () => up, close: () => pool.end() };
  }
  if (kind === 'redis') {
    const url = config.get('REDIS_URL');
    if (!url) throw new Error('REALTIME_ADAPTER=redis needs REDIS_URL');
    const client = createClient({
      url,
      socket: { reconnectStrategy: (retries: number) => Math.min(200 * 2 ** retries, 5000) },
    });
    let up = false;
    client.on('ready', () => {
      if (!up) logger.log('Fan-out Redis connected');
      up = true;
    });
    client.on('end', () => {
      up = false;
    });
    client.on('error', (err: Error) => {
      if (up) logger.warn(`Fan-out Redis unavailable (${err.message}); delivering to this instance only until it is back`);
      up = false;
    });
    await client.connect().catch((err: Error) => logger.warn(`Fan-out Redis not reachable yet: ${err.message}`));
    io.adapter(createRedisStreamsAdapter(client));
    logger.log('Real-time fan-out: Redis streams');
    return {
      kind,
      healthy: () => up,
      close: async () => {
        if (client.isOpen) await client.quit().catch(() => undefined);
      },
    };
  }
  return { kind, healthy: () => true, close: async () => undefined };
}
