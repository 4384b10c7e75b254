import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The gaps view counts matching projects per area of an indicator, an area being the nearest
 * centre (within 60 km) to a project's shown point. Looking that up for every shown point on every
 * request cost 1.5 to 3 s at 1,000,000 projects. The answer for a point never changes (indicators
 * are imported, never edited), so it is kept here per indicator and point (`area_code` NULL: no
 * centre in reach), filled on demand for points not seen before, and dropped with the indicator.
 * Points are keyed as in the peer index (`kindred_point_key`, 1764600000000), whose per-point
 * counts the gaps view now sums for its common filters (none, or themes only).
 */
export class IndicatorPointAreas1764610000000 implements MigrationInterface {
  name = 'IndicatorPointAreas1764610000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE indicator_point_areas (
        indicator_id uuid NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,
        point_key bytea NOT NULL,
        area_code text,
        PRIMARY KEY (indicator_id, point_key)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE indicator_point_areas`);
  }
}
