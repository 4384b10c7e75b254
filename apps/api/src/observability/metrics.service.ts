import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { RealtimeService } from '../realtime/realtime.service';

/** What `pg.Pool` exposes about itself. */
interface PoolStats {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/** At most this many operation names become label values; the rest count as "other". */
const MAX_OPERATION_NAMES = 300;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/**
 * Prometheus metrics of this instance, served at GET /metrics. One registry per app (not
 * prom-client's global one), so several apps in one process (the tests) do not collide.
 *
 * Other modules count their own events through the public metrics, e.g.
 * `this.metrics.messagesSent.inc()` once a message is stored.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();

  readonly httpRequestDuration = new Histogram({
    name: 'kindred_http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status code.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly graphqlOperations = new Counter({
    name: 'kindred_graphql_operations_total',
    help: 'GraphQL operations by operation name, type and outcome ("ok" or the first error code).',
    labelNames: ['operation', 'type', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly messagesSent = new Counter({
    name: 'kindred_messages_sent_total',
    help: 'Conversation messages stored and sent.',
    registers: [this.registry],
  });

  private readonly operationNames = new Set<string>();

  constructor(realtime: RealtimeService, dataSource: DataSource) {
    collectDefaultMetrics({ register: this.registry });
    new Gauge({
      name: 'kindred_socket_connections',
      help: 'socket.io clients connected to this instance.',
      registers: [this.registry],
      collect() {
        this.set(realtime.localConnections());
      },
    });
    const pool = (): PoolStats | null => {
      const master = (dataSource.driver as { master?: Partial<PoolStats> }).master;
      return master && typeof master.totalCount === 'number' ? (master as PoolStats) : null;
    };
    const poolGauge = (name: string, help: string, read: (stats: PoolStats) => number) =>
      new Gauge({
        name,
        help,
        registers: [this.registry],
        collect() {
          const stats = pool();
          this.set(stats ? read(stats) : 0);
        },
      });
    poolGauge('kindred_db_pool_connections', 'Database connections open in the pool (busy and idle).', (s) => s.totalCount);
    poolGauge('kindred_db_pool_idle_connections', 'Database connections open and idle in the pool.', (s) => s.idleCount);
    poolGauge('kindred_db_pool_waiting_requests', 'Queries waiting for a free database connection.', (s) => s.waitingCount);
  }

  /** Counts one GraphQL operation; client-chosen names are bounded so they cannot flood the registry. */
  countOperation(name: string | null | undefined, type: string, outcome: string): void {
    this.graphqlOperations.inc({ operation: this.operationLabel(name), type, outcome });
  }

  private operationLabel(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (!OPERATION_NAME.test(name)) return 'other';
    if (this.operationNames.has(name)) return name;
    if (this.operationNames.size >= MAX_OPERATION_NAMES) return 'other';
    this.operationNames.add(name);
    return name;
  }
}
