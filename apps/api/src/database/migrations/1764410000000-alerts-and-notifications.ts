import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * In-app notifications (a general inbox: alert matches now, messages and WHAMinar reminders later)
 * and saved area alerts.
 *
 * `notifications.dedupe_key` is unique per user, so a producer can say "at most once" (an alert
 * and a project) and let the insert skip repeats. `email_digest` marks a notification for the
 * daily email digest; `digested_at` records that a digest carried it (a partial index keeps the
 * due ones cheap to find).
 *
 * An alert's area is either a centre and radius or one of the four UK nations, never both. The
 * GiST index on `centre` serves matching: a new project is tested with ST_DWithin against the
 * largest radius allowed (a constant the index can use), then against each alert's own radius.
 */
export class AlertsAndNotifications1764410000000 implements MigrationInterface {
  name = 'AlertsAndNotifications1764410000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        type text NOT NULL CHECK (type ~ '^[a-z][a-z0-9-]{0,39}$'),
        message text NOT NULL,
        link text,
        payload jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(payload) = 'object'),
        dedupe_key text,
        email_digest boolean NOT NULL DEFAULT false,
        digested_at timestamptz,
        read_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX notifications_user_dedupe_key ON notifications (user_id, dedupe_key) WHERE dedupe_key IS NOT NULL`);
    await q.query(`CREATE INDEX notifications_user_created_idx ON notifications (user_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX notifications_user_unread_idx ON notifications (user_id) WHERE read_at IS NULL`);
    await q.query(`CREATE INDEX notifications_digest_due_idx ON notifications (created_at) WHERE email_digest AND digested_at IS NULL`);

    await q.query(`
      CREATE TABLE alerts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 80),
        centre geography(Point, 4326),
        radius_km int CHECK (radius_km BETWEEN 1 AND 200),
        region text CHECK (region IN ('England', 'Scotland', 'Wales', 'Northern Ireland')),
        place_name text,
        themes text[] NOT NULL DEFAULT '{}' CHECK (cardinality(themes) <= 5),
        email_digest boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT alerts_one_kind_of_area CHECK (
          (centre IS NOT NULL AND radius_km IS NOT NULL AND region IS NULL)
          OR (centre IS NULL AND radius_km IS NULL AND region IS NOT NULL)
        )
      )`);
    await q.query(`CREATE INDEX alerts_user_idx ON alerts (user_id, created_at)`);
    await q.query(`CREATE INDEX alerts_centre_gist ON alerts USING gist (centre)`);
    await q.query(`CREATE INDEX alerts_region_idx ON alerts (region) WHERE region IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE alerts`);
    await q.query(`DROP TABLE notifications`);
  }
}
