import { Logger } from '@nestjs/common';
import { createAdapter as createPostgresAdapter } from '@socket.io/postgres-adapter';
import { createAdapter as createRedisStreamsAdapter } from '@socket.io/redis-streams-adapter';
import { Pool, type PoolClient } from 'pg';
import { createClient } from 'redis';
import type { Server } from 'socket.io';
import { MessageType } from 'socket.io-adapter';
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
  // A pool of one is the embedded database (or PGlite served to tests): it cannot LISTEN beside the app.
  return config.isEmbeddedDatabase || config.get('DATABASE_POOL_SIZE') < 2 ? 'none' : 'postgres';
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
interface BroadcastOptions {
  rooms: Set<string>;
  except: Set<string>;
  flags?: Record<string, unknown>;
}
interface ClusterAdapterInternals {
  broadcast(packet: unknown, opts: BroadcastOptions): unknown;
  publishAndReturnOffset(message: { type: number; data: unknown }): Promise<unknown>;
}

/**
 * The cluster adapters publish a broadcast to the backbone and only then deliver it to this
 * instance's own sockets, so every local delivery waits for a database or Redis round trip (and,
 * while the backbone is down, for ever). Here this instance's sockets get it at once and the
 * publish for the other instances follows without holding anything up; while the backbone is
 * down only the local delivery happens (the other instances' clients catch up with `sync`).
 */
export function deliverLocallyFirst(io: Server, isUp: () => boolean, logger: Logger): void {
  const adapter = io.of('/').adapter as unknown as ClusterAdapterInternals;
  const original = adapter.broadcast.bind(adapter);
  adapter.broadcast = (packet, opts) => {
    const flags = opts.flags ?? {};
    original(packet, { ...opts, flags: { ...flags, local: true } });
    if (flags['local'] || !isUp()) return;
    adapter
      .publishAndReturnOffset({
        type: MessageType.BROADCAST,
        data: { packet, opts: { rooms: [...opts.rooms], except: [...opts.except], flags } },
      })
      .catch((error: Error) => logger.warn(`Fan-out publish failed: ${error.message}`));
  };
}

export async function attachSocketAdapter(io: Server, config: AppConfigService, logger: Logger): Promise<AttachedAdapter> {
  const kind = adapterKind(config);
  if (kind === 'postgres') {
    const url = config.get('DATABASE_URL');
    if (!url) throw new Error('REALTIME_ADAPTER=postgres needs DATABASE_URL (the embedded database cannot LISTEN across connections)');
    let up = true;
    const pool = new Pool({ connectionString: url, max: 3, connectionTimeoutMillis: 5000 });
    pool.on('error', (err) => {
      up = false;
      logger.warn(`Fan-out database connection lost: ${err.message}`);
    });
    pool.on('connect', () => {
      up = true;
    });
    // The adapter keeps one client checked out for LISTEN and handles its 'end' (it reconnects),
    // but a checked-out client without an 'error' listener would crash the process when the
    // database goes away: listen on every client it takes.
    const watch = (client: PoolClient) => {
      if (client.listenerCount('error') === 0) {
        client.on('error', (err: Error) => {
          up = false;
          logger.warn(`Fan-out listener lost its database connection (${err.message}); reconnecting`);
        });
      }
      return client;
    };
    type Done = (err: Error | undefined, client?: PoolClient, release?: (e?: Error) => void) => void;
    const connect = pool.connect.bind(pool) as (done?: Done) => Promise<PoolClient> | undefined;
    (pool as unknown as { connect: (done?: Done) => Promise<PoolClient> | undefined }).connect = (done?: Done) => {
      // pool.query() uses the callback form; the adapter's listener the promise form.
      if (done) return connect((err, client, release) => done(err, client ? watch(client) : client, release));
      return connect()!.then(watch);
    };
    io.adapter(
      createPostgresAdapter(pool, {
        errorHandler: (err) => {
          up = false;
          logger.warn(`Fan-out (PostgreSQL) error: ${err.message}`);
        },
      }),
    );
    deliverLocallyFirst(io, () => true, logger);
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
    deliverLocallyFirst(io, () => client.isReady, logger);
    logger.log('Real-time fan-out: Redis streams');
    return {
      kind,
      healthy: () => client.isReady,
      close: async () => {
        if (client.isOpen) await client.quit().catch(() => undefined);
      },
    };
  }
  return { kind, healthy: () => true, close: async () => undefined };
}
