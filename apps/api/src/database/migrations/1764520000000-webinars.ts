import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * WHAMinars: scheduling, registration, reminders, calendar feeds and follow-up threads.
 *
 * - A webinar keeps the organiser's wall-clock start (`local_start`, no zone) and IANA `time_zone`
 *   as the truth; `starts_at`/`ends_at` (UTC) are derived from them by the API on every write, so a
 *   daylight-saving change between scheduling and the event never moves the local start.
 * - A recurring series (`webinar_series`, an RRULE) is expanded into one webinar row per
 *   occurrence; editing one occurrence sets its `detached`, and series edits skip detached ones.
 * - `sequence` is the iCalendar SEQUENCE: bumped on every change people's calendars should follow.
 * - `webinar_registrations` is one row per person and webinar; `queued_at` orders the waiting list.
 *   Registration locks the webinar row, so capacity holds under concurrent registrations.
 * - `webinar_reminders` has one row per reminder actually claimed (per start time, so a rescheduled
 *   webinar reminds again): the insert that claims it is what makes each reminder go out once,
 *   whatever the number of API instances.
 * - `webinar_calendar_feeds` keeps only a SHA-256 of each user's private feed token.
 * - Each webinar has a `kind = 'webinar'` conversation as its thread; `conversations.opens_at`
 *   (new, null for every other conversation) is when posting opens: the webinar's start. A
 *   statement trigger deletes the threads of deleted webinars (an organiser's account deletion).
 */
export class Webinars1764520000000 implements MigrationInterface {
  name = 'Webinars1764520000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE conversations ADD COLUMN opens_at timestamptz`);

    await q.query(`
      CREATE TABLE webinar_series (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organiser_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        rrule text NOT NULL CHECK (char_length(rrule) BETWEEN 1 AND 500),
        time_zone text NOT NULL,
        local_start timestamp NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE webinars (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organiser_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        series_id uuid REFERENCES webinar_series(id) ON DELETE SET NULL,
        series_position int,
        detached boolean NOT NULL DEFAULT false,
        title text NOT NULL CHECK (char_length(title) BETWEEN 3 AND 120),
        description text NOT NULL DEFAULT '' CHECK (char_length(description) <= 10000),
        time_zone text NOT NULL,
        local_start timestamp NOT NULL,
        starts_at timestamptz NOT NULL,
        duration_minutes int NOT NULL CHECK (duration_minutes BETWEEN 1 AND 480),
        ends_at timestamptz NOT NULL,
        join_url text NOT NULL CHECK (join_url LIKE 'https://%' AND char_length(join_url) <= 500),
        capacity int CHECK (capacity IS NULL OR capacity >= 1),
        themes text[] NOT NULL DEFAULT '{}' CHECK (cardinality(themes) <= 5),
        region text CHECK (region IN ('England', 'Scotland', 'Wales', 'Northern Ireland')),
        location geography(Point, 4326),
        place_name text,
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'cancelled', 'finished')),
        sequence int NOT NULL DEFAULT 0,
        cancel_reason text,
        thread_conversation_id uuid UNIQUE REFERENCES conversations(id) ON DELETE SET NULL,
        pinned_message_id uuid REFERENCES messages(id) ON DELETE SET NULL,
        published_at timestamptz,
        cancelled_at timestamptz,
        finished_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT webinars_ends_after_start CHECK (ends_at > starts_at),
        CONSTRAINT webinars_place_needs_region CHECK (region IS NOT NULL OR (location IS NULL AND place_name IS NULL))
      )`);
    await q.query(`CREATE INDEX webinars_status_start_idx ON webinars (status, starts_at, id)`);
    await q.query(`CREATE INDEX webinars_ends_idx ON webinars (ends_at) WHERE status = 'published'`);
    await q.query(`CREATE INDEX webinars_organiser_idx ON webinars (organiser_id, starts_at)`);
    await q.query(`CREATE INDEX webinars_series_idx ON webinars (series_id, starts_at) WHERE series_id IS NOT NULL`);
    await q.query(`CREATE INDEX webinars_themes_gin ON webinars USING gin (themes)`);
    await q.query(`CREATE INDEX webinars_location_gist ON webinars USING gist (location) WHERE location IS NOT NULL`);
    // A thread belongs to its webinar: when webinars go (their organiser's account is deleted), so do their threads.
    await q.query(`
      CREATE FUNCTION kindred_webinar_threads_cleanup() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM conversations WHERE id IN (SELECT thread_conversation_id FROM old_rows WHERE thread_conversation_id IS NOT NULL);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER webinars_threads_cleanup AFTER DELETE ON webinars
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION kindred_webinar_threads_cleanup()`);

    await q.query(`
      CREATE TABLE webinar_speakers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        webinar_id uuid NOT NULL REFERENCES webinars(id) ON DELETE CASCADE,
        position int NOT NULL,
        user_id uuid REFERENCES users(id) ON DELETE CASCADE,
        name text CHECK (name IS NULL OR char_length(name) BETWEEN 2 AND 80),
        affiliation text CHECK (affiliation IS NULL OR char_length(affiliation) <= 120),
        CONSTRAINT webinar_speakers_user_or_guest CHECK ((user_id IS NULL) <> (name IS NULL)),
        UNIQUE (webinar_id, user_id)
      )`);
    await q.query(`CREATE INDEX webinar_speakers_webinar_idx ON webinar_speakers (webinar_id, position)`);
    await q.query(`CREATE INDEX webinar_speakers_user_idx ON webinar_speakers (user_id) WHERE user_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE webinar_registrations (
        webinar_id uuid NOT NULL REFERENCES webinars(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        status text NOT NULL CHECK (status IN ('registered', 'waiting', 'cancelled')),
        queued_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        registered_at timestamptz,
        cancelled_at timestamptz,
        email_reminders boolean NOT NULL DEFAULT true,
        attended_at timestamptz,
        attendance_source text CHECK (attendance_source IN ('organiser', 'check-in')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (webinar_id, user_id),
        CONSTRAINT webinar_registrations_registered_has_time CHECK (status <> 'registered' OR registered_at IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX webinar_registrations_queue_idx ON webinar_registrations (webinar_id, status, queued_at, user_id)`);
    await q.query(`CREATE INDEX webinar_registrations_user_idx ON webinar_registrations (user_id, status)`);

    await q.query(`
      CREATE TABLE webinar_resources (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        webinar_id uuid NOT NULL REFERENCES webinars(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('slides', 'recording', 'document', 'link')),
        title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 120),
        url text NOT NULL CHECK (url LIKE 'https://%' AND char_length(url) <= 500),
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX webinar_resources_webinar_idx ON webinar_resources (webinar_id, created_at)`);

    await q.query(`
      CREATE TABLE webinar_reminders (
        webinar_id uuid NOT NULL REFERENCES webinars(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('24h', '1h')),
        starts_at timestamptz NOT NULL,
        sent_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (webinar_id, user_id, kind, starts_at)
      )`);

    await q.query(`
      CREATE TABLE webinar_calendar_feeds (
        user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        nonce text NOT NULL,
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE webinar_calendar_feeds`);
    await q.query(`DROP TABLE webinar_reminders`);
    await q.query(`DROP TABLE webinar_resources`);
    await q.query(`DROP TABLE webinar_registrations`);
    await q.query(`DROP TABLE webinar_speakers`);
    // Threads are conversations of kind 'webinar': they go with their webinars.
    await q.query(`DELETE FROM conversations WHERE id IN (SELECT thread_conversation_id FROM webinars WHERE thread_conversation_id IS NOT NULL)`);
    await q.query(`DROP TABLE webinars`);
    await q.query(`DROP FUNCTION kindred_webinar_threads_cleanup()`);
    await q.query(`DROP TABLE webinar_series`);
    await q.query(`ALTER TABLE conversations DROP COLUMN opens_at`);
  }
}
