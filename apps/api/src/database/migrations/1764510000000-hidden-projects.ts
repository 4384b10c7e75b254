import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Projects hidden by a moderator (`projects.hidden_at`, also set on every project of a suspended
 * owner) leave the pre-aggregated heatmap: the heat-cell trigger functions and the one-pass rebuild
 * of 1764200000000-heat-cells count only rows with `hidden_at IS NULL`. The update trigger already
 * subtracts every old row and adds every new one, so with that one predicate hiding a project
 * takes it out of its cells and unhiding puts it back, in the same statement, with no new trigger.
 *
 * The statement-level triggers themselves are unchanged (they call the functions by name). The
 * per-theme partial GiST indexes of 1764300000000 stay as they are: `hidden_at IS NULL` is an extra
 * filter on rows the walk reads anyway, and hidden projects are rare, so rebuilding those indexes
 * with the predicate would cost a long migration for nothing.
 *
 * Projects hidden before this migration ran (between 1764500000000 and now) are taken out of the
 * cells by subtracting just them, rather than by a rebuild that would read every project.
 */
export class HiddenProjects1764510000000 implements MigrationInterface {
  name = 'HiddenProjects1764510000000';

  async up(q: QueryRunner): Promise<void> {
    await this.replaceFunctions(q, 'r.hidden_at IS NULL');
    await q.query(`DO $$ BEGIN ${delta(`(SELECT * FROM projects WHERE hidden_at IS NOT NULL)`, -1, 'true')}; ${SWEEP}; END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await this.replaceFunctions(q, 'true');
    await q.query(`DO $$ BEGIN ${delta(`(SELECT * FROM projects WHERE hidden_at IS NOT NULL)`, 1, 'true')}; END $$`);
  }

  private async replaceFunctions(q: QueryRunner, counted: string): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION kindred_rebuild_heat() RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        TRUNCATE heat_cells, heat_cell_facets;
        WITH keyed AS (${keys('projects', counted)}),
        totals AS (
          INSERT INTO heat_cells (level, theme, cx, cy, n)
          SELECT level, theme, cx, cy, count(*) FROM keyed GROUP BY 1, 2, 3, 4
          RETURNING 1)
        INSERT INTO heat_cell_facets (level, theme, cx, cy, stage, profession, seeking, n)
        SELECT level, theme, cx, cy, stage, profession, seeking, count(*) FROM keyed GROUP BY 1, 2, 3, 4, 5, 6, 7;
      END $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION kindred_heat_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${delta('new_rows', 1, counted)};
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION kindred_heat_on_delete() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${delta('old_rows', -1, counted)};
        ${SWEEP};
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION kindred_heat_on_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${delta('old_rows', -1, counted)};
        ${delta('new_rows', 1, counted)};
        ${SWEEP};
        RETURN NULL;
      END $$`);
  }
}

const SWEEP = `DELETE FROM heat_cells WHERE n <= 0; DELETE FROM heat_cell_facets WHERE n <= 0`;

/**
 * The cell keys of the rows of `rows` that satisfy `counted` (on alias `r`): as in
 * 1764200000000-heat-cells, Mercator fractions once per project, then one floor per level.
 */
export function keys(rows: string, counted: string): string {
  return `
      SELECT k.level, t.theme, k.cx, k.cy, k.stage, k.profession, k.seeking
        FROM (SELECT m.themes, m.stage, m.profession, m.seeking, l.level,
                     LEAST(GREATEST(floor(m.fx * (2.0 ^ l.level))::int, 0), (2 ^ l.level)::int - 1) AS cx,
                     LEAST(GREATEST(floor(m.fy * (2.0 ^ l.level))::int, 0), (2 ^ l.level)::int - 1) AS cy
                FROM (SELECT r.themes, r.stage, r.owner_profession AS profession, r.seeking_collaborators AS seeking,
                             (ST_X(g) + 180.0) / 360.0 AS fx,
                             (1.0 - ln(tan(radians(c.lat)) + 1.0 / cos(radians(c.lat))) / pi()) / 2.0 AS fy
                        FROM ${rows} r
                        CROSS JOIN LATERAL (SELECT r.display_location::geometry AS g) pt
                        CROSS JOIN LATERAL (SELECT LEAST(GREATEST(ST_Y(pt.g), -85.05112878), 85.05112878) AS lat) c
                       WHERE ${counted}) m
                CROSS JOIN unnest(ARRAY[4, 6, 8, 10, 12, 14, 16]) AS l(level)) k
        CROSS JOIN LATERAL unnest(array_append(k.themes, '')) AS t(theme)`;
}

/** Adds `sign` per counted project of `rows` to both tables, in one statement. */
function delta(rows: string, sign: number, counted: string): string {
  return `
      WITH keyed AS (${keys(rows, counted)}),
      totals AS (
        INSERT INTO heat_cells AS h (level, theme, cx, cy, n)
        SELECT level, theme, cx, cy, ${sign} * count(*) FROM keyed GROUP BY 1, 2, 3, 4
        ON CONFLICT (level, theme, cx, cy) DO UPDATE SET n = h.n + EXCLUDED.n
        RETURNING 1)
      INSERT INTO heat_cell_facets AS h (level, theme, cx, cy, stage, profession, seeking, n)
      SELECT level, theme, cx, cy, stage, profession, seeking, ${sign} * count(*) FROM keyed GROUP BY 1, 2, 3, 4, 5, 6, 7
      ON CONFLICT (level, theme, cx, cy, stage, profession, seeking) DO UPDATE SET n = h.n + EXCLUDED.n`;
}
