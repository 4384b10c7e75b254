import { MigrationInterface, QueryRunner } from 'typeorm';
import { THEMES } from '@kindred/domain';

/** Users, sessions, the theme taxonomy and projects with PostGIS points. */
export class InitialSchema1764100000000 implements MigrationInterface {
  name = 'InitialSchema1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS postgis`);
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        password_hash text NOT NULL,
        display_name text NOT NULL,
        profession text NOT NULL,
        specialty text,
        organisation text,
        bio text,
        role text NOT NULL DEFAULT 'clinician' CHECK (role IN ('clinician', 'organiser', 'admin')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX users_email_lower_key ON users (lower(email))`);
    await q.query(`CREATE INDEX users_profession_idx ON users (profession)`);

    await q.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id)`);

    await q.query(`
      CREATE TABLE themes (
        id text PRIMARY KEY,
        label text NOT NULL,
        theme_group text NOT NULL CHECK (theme_group IN ('determinant', 'approach')),
        position int NOT NULL
      )`);
    for (const [i, t] of THEMES.entries()) {
      await q.query(`INSERT INTO themes (id, label, theme_group, position) VALUES ($1, $2, $3, $4)`, [t.id, t.label, t.group, i]);
    }

    await q.query(`
      CREATE TABLE projects (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        owner_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        title text NOT NULL,
        summary text NOT NULL,
        themes text[] NOT NULL CHECK (cardinality(themes) BETWEEN 1 AND 5),
        stage text NOT NULL CHECK (stage IN ('idea', 'planning', 'running', 'evaluating', 'sustained', 'finished')),
        location geography(Point, 4326) NOT NULL,
        display_location geography(Point, 4326) NOT NULL,
        location_precision text NOT NULL CHECK (location_precision IN ('exact', 'area', 'region')),
        place_name text,
        seeking_collaborators boolean NOT NULL DEFAULT false,
        links text[] NOT NULL DEFAULT '{}',
        search tsvector GENERATED ALWAYS AS (to_tsvector('english'::regconfig, title || ' ' || summary)) STORED,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX projects_owner_idx ON projects (owner_id)`);
    await q.query(`CREATE INDEX projects_location_gist ON projects USING gist (location)`);
    await q.query(`CREATE INDEX projects_display_location_gist ON projects USING gist (display_location)`);
    await q.query(`CREATE INDEX projects_themes_gin ON projects USING gin (themes)`);
    await q.query(`CREATE INDEX projects_search_gin ON projects USING gin (search)`);
    await q.query(`CREATE INDEX projects_created_idx ON projects (created_at DESC, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE projects`);
    await q.query(`DROP TABLE themes`);
    await q.query(`DROP TABLE refresh_tokens`);
    await q.query(`DROP TABLE users`);
  }
}
