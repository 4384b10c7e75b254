import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Need indicators for the gaps view: `indicators` (what is measured, where it comes from, whether
 * higher is worse) and `indicator_areas` (one value per area with the area's centre, GiST-indexed
 * for the nearest-centre queries that define an area). Indicators are imported whole and never
 * edited; deleting one deletes its areas. An importer's account may go; the indicator stays.
 */
export class Indicators1764450000000 implements MigrationInterface {
  name = 'Indicators1764450000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE indicators (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        description text,
        unit text,
        source text,
        higher_is_worse boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        imported_by uuid REFERENCES users (id) ON DELETE SET NULL
      )`);
    await q.query(`CREATE UNIQUE INDEX indicators_name_key ON indicators (lower(name))`);
    await q.query(`CREATE INDEX indicators_imported_by_idx ON indicators (imported_by)`);
    await q.query(`
      CREATE TABLE indicator_areas (
        indicator_id uuid NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,
        area_code text NOT NULL,
        area_name text NOT NULL,
        value double precision NOT NULL,
        centre geography(Point, 4326) NOT NULL,
        PRIMARY KEY (indicator_id, area_code)
      )`);
    await q.query(`CREATE INDEX indicator_areas_centre_gist ON indicator_areas USING gist (centre)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE indicator_areas`);
    await q.query(`DROP TABLE indicators`);
  }
}
