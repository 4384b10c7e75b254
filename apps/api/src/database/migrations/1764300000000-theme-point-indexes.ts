import { MigrationInterface, QueryRunner } from 'typeorm';
import { THEMES } from '@kindred/domain';

/**
 * One partial GiST index on the shown point per theme, so the peer finder can walk the projects of
 * one theme nearest-first without visiting any other project. A theme added to the taxonomy later
 * needs a migration adding its index (the peer finder still works without it, only slower).
 */
export class ThemePointIndexes1764300000000 implements MigrationInterface {
  name = 'ThemePointIndexes1764300000000';

  async up(q: QueryRunner): Promise<void> {
    for (const theme of THEMES) {
      await q.query(
        `CREATE INDEX "projects_point_${theme.id.replace(/-/g, '_')}_gist" ON projects USING gist (display_location) WHERE themes @> ARRAY['${theme.id}']::text[]`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const theme of THEMES) await q.query(`DROP INDEX "projects_point_${theme.id.replace(/-/g, '_')}_gist"`);
  }
}
