import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hardening (issue 6):
 * - `rate_limits`: fixed-window counters shared by every API instance (security/rate-limit.service.ts).
 *   Rows are transient: windows older than two hours are swept.
 * - `audit_log`: what admins did, append-only. `actor_id` has no foreign key on purpose: the
 *   record of who did something outlives their account.
 */
export class Hardening1764540000000 implements MigrationInterface {
  name = 'Hardening1764540000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rate_limits (
        key text NOT NULL,
        window_start timestamptz NOT NULL,
        count int NOT NULL,
        PRIMARY KEY (key, window_start)
      )`);
    await q.query(`CREATE INDEX rate_limits_window_start_idx ON rate_limits (window_start)`);
    await q.query(`
      CREATE TABLE audit_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        actor_id uuid,
        action text NOT NULL CHECK (action ~ '^[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+$'),
        target_type text NOT NULL,
        target_id text,
        details jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(details) = 'object'),
        request_id text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, id DESC)`);
    await q.query(`CREATE INDEX audit_log_target_idx ON audit_log (target_type, target_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS audit_log`);
    await q.query(`DROP TABLE IF EXISTS rate_limits`);
  }
}
