import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RATE_LIMIT_RETENTION_SECONDS, RATE_LIMIT_SWEEP_INTERVAL_MS } from './rate-limit.constant';

export interface RateLimitRule {
  /** What is counted, e.g. `sign-in:ip:203.0.113.9`. */
  key: string;
  limit: number;
  windowSeconds: number;
  /** How much this request adds (several aliased fields count each). */
  cost: number;
}

export interface RateLimitRefusal {
  key: string;
  count: number;
  limit: number;
  retryAfterSeconds: number;
}

interface CounterRow {
  key: string;
  count: number;
  start: number;
  now: number;
}

/**
 * Fixed-window counters in the `rate_limits` table, so every API instance shares them. One
 * statement per request adds to all its counters atomically (INSERT … ON CONFLICT DO UPDATE …
 * RETURNING count); windows are aligned to the database clock, so instances with skewed clocks
 * still agree. Old windows are swept every 10 minutes by whichever instance gets there.
 */
@Injectable()
export class RateLimitService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(RateLimitService.name);
  private sweeper: NodeJS.Timeout | null = null;

  constructor(private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    this.sweeper = setInterval(() => void this.sweep(), RATE_LIMIT_SWEEP_INTERVAL_MS);
    this.sweeper.unref();
  }

  onModuleDestroy(): void {
    if (this.sweeper) clearInterval(this.sweeper);
  }

  /** Counts this request against every rule; the refusal with the longest wait, or null when all are within their limit. */
  async consume(rules: readonly RateLimitRule[]): Promise<RateLimitRefusal | null> {
    const merged = new Map<string, RateLimitRule>();
    for (const rule of rules) {
      if (rule.cost <= 0) continue;
      const seen = merged.get(rule.key);
      merged.set(rule.key, seen ? { ...seen, cost: seen.cost + rule.cost } : rule);
    }
    if (!merged.size) return null;
    const list = [...merged.values()];
    const rows: CounterRow[] = await this.dataSource.query(
      `INSERT INTO rate_limits AS r (key, window_start, count)
       SELECT i.key, to_timestamp(floor(extract(epoch FROM now()) / i.win) * i.win), i.cost
         FROM unnest($1::text[], $2::int[], $3::int[]) AS i(key, win, cost)
       ON CONFLICT (key, window_start) DO UPDATE SET count = r.count + EXCLUDED.count
       RETURNING r.key, r.count, extract(epoch FROM r.window_start)::float8 AS start, extract(epoch FROM now())::float8 AS now`,
      [list.map((r) => r.key), list.map((r) => r.windowSeconds), list.map((r) => r.cost)],
    );
    let refusal: RateLimitRefusal | null = null;
    for (const row of rows) {
      const rule = merged.get(row.key);
      if (!rule || row.count <= rule.limit) continue;
      const retryAfterSeconds = Math.max(1, Math.ceil(Number(row.start) + rule.windowSeconds - Number(row.now)));
      if (!refusal || retryAfterSeconds > refusal.retryAfterSeconds) {
        refusal = { key: row.key, count: row.count, limit: rule.limit, retryAfterSeconds };
      }
    }
    return refusal;
  }

  /** Deletes counters whose window ended long ago. */
  async sweep(): Promise<number> {
    try {
      const result: [unknown, number] = await this.dataSource.query(
        `DELETE FROM rate_limits WHERE window_start < now() - make_interval(secs => $1)`,
        [RATE_LIMIT_RETENTION_SECONDS],
      );
      return result[1] ?? 0;
    } catch (error) {
      this.logger.warn(`Sweeping old rate-limit windows failed: ${(error as Error).message}`);
      return 0;
    }
  }
}
