import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Pre-aggregated heatmap cells, so a heatmap query costs in proportion to the cells shown rather
 * than the projects registered. For every even grid level 4..16 (Web Mercator tiles, see
 * `libs/geo/src/grid.util.ts`), `heat_cells` counts projects per cell and theme ('' = any theme),
 * and `heat_cell_facets` splits those counts by stage, owner's profession and seeking
 * collaborators for filtered views. Both have covering keys so reads are index-only. Statement-level
 * triggers with transition tables keep it current on every insert, update and delete, in bulk, so
 * every writer (the API, the seeder, psql) stays consistent. Cells use `display_location`, the point
 * already rounded to the owner's precision, never the exact point.
 */
export class HeatCells1764200000000 implements MigrationInterface {
  name = 'HeatCells1764200000000';

  async up(q: QueryRunner): Promise<void> {
    // The owner's profession is a heat filter; keep a copy on each project, in step with users.
    await q.query(`ALTER TABLE projects ADD COLUMN owner_profession text`);
    await q.query(`UPDATE projects p SET owner_profession = u.profession FROM users u WHERE u.id = p.owner_id`);
    await q.query(`ALTER TABLE projects ALTER COLUMN owner_profession SET NOT NULL`);
    await q.query(`CREATE INDEX projects_owner_profession_idx ON projects (owner_profession)`);
    await q.query(`
      CREATE FUNCTION kindred_fill_owner_profession() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        SELECT profession INTO NEW.owner_profession FROM users WHERE id = NEW.owner_id;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER projects_fill_owner_profession BEFORE INSERT OR UPDATE OF owner_id ON projects
      FOR EACH ROW EXECUTE FUNCTION kindred_fill_owner_profession()`);
    await q.query(`
      CREATE FUNCTION kindred_sync_owner_profession() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE projects SET owner_profession = NEW.profession WHERE owner_id = NEW.id;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER users_sync_owner_profession AFTER UPDATE OF profession ON users
      FOR EACH ROW WHEN (OLD.profession IS DISTINCT FROM NEW.profession) EXECUTE FUNCTION kindred_sync_owner_profession()`);

    await q.query(`
      CREATE FUNCTION kindred_cell_x(lng float8, level int) RETURNS int LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT LEAST(GREATEST(floor((lng + 180.0) / 360.0 * (2.0 ^ level))::int, 0), (2 ^ level)::int - 1)
      $$`);
    await q.query(`
      CREATE FUNCTION kindred_cell_y(lat float8, level int) RETURNS int LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT LEAST(GREATEST(floor((1.0 - ln(tan(radians(c)) + 1.0 / cos(radians(c))) / pi()) / 2.0 * (2.0 ^ level))::int, 0), (2 ^ level)::int - 1)
        FROM (SELECT LEAST(GREATEST(lat, -85.05112878), 85.05112878) AS c) clamped
      $$`);

    // Totals per cell and theme ('' = any theme): all an unfiltered or theme-only view reads.
    await q.query(`
      CREATE TABLE heat_cells (
        level smallint NOT NULL,
        theme text NOT NULL,
        cx int NOT NULL,
        cy int NOT NULL,
        n int NOT NULL,
        PRIMARY KEY (level, theme, cx, cy) INCLUDE (n)
      )`);
    // The same counts split by stage, owner's profession and seeking collaborators, for filtered views.
    await q.query(`
      CREATE TABLE heat_cell_facets (
        level smallint NOT NULL,
        theme text NOT NULL,
        cx int NOT NULL,
        cy int NOT NULL,
        stage text NOT NULL,
        profession text NOT NULL,
        seeking boolean NOT NULL,
        n int NOT NULL,
        PRIMARY KEY (level, theme, cx, cy, stage, profession, seeking) INCLUDE (n)
      )`);
    await q.query(`CREATE INDEX heat_cells_empty_idx ON heat_cells (level) WHERE n <= 0`);
    await q.query(`CREATE INDEX heat_cell_facets_empty_idx ON heat_cell_facets (level) WHERE n <= 0`);

    // The cell keys of a set of projects: Mercator fractions once per project, then one floor per
    // level (inlined rather than calling kindred_cell_x/y per row: this runs for every project written).
    const keys = (rows: string) => `
      SELECT k.level, t.theme, k.cx, k.cy, k.stage, k.profession, k.seeking
        FROM (SELECT m.themes, m.stage, m.profession, m.seeking, l.level,
                     LEAST(GREATEST(floor(m.fx * (2.0 ^ l.level))::int, 0), (2 ^ l.level)::int - 1) AS cx,
                     LEAST(GREATEST(floor(m.fy * (2.0 ^ l.level))::int, 0), (2 ^ l.level)::int - 1) AS cy
                FROM (SELECT r.themes, r.stage, r.owner_profession AS profession, r.seeking_collaborators AS seeking,
                             (ST_X(g) + 180.0) / 360.0 AS fx,
                             (1.0 - ln(tan(radians(c.lat)) + 1.0 / cos(radians(c.lat))) / pi()) / 2.0 AS fy
                        FROM ${rows} r
                        CROSS JOIN LATERAL (SELECT r.display_location::geometry AS g) pt
                        CROSS JOIN LATERAL (SELECT LEAST(GREATEST(ST_Y(pt.g), -85.05112878), 85.05112878) AS lat) c) m
                CROSS JOIN unnest(ARRAY[4, 6, 8, 10, 12, 14, 16]) AS l(level)) k
        CROSS JOIN LATERAL unnest(array_append(k.themes, '')) AS t(theme)`;
    // Adds `sign` per project to both tables, in one statement.
    const delta = (rows: string, sign: number) => `
      WITH keyed AS (${keys(rows)}),
      totals AS (
        INSERT INTO heat_cells AS h (level, theme, cx, cy, n)
        SELECT level, theme, cx, cy, ${sign} * count(*) FROM keyed GROUP BY 1, 2, 3, 4
        ON CONFLICT (level, theme, cx, cy) DO UPDATE SET n = h.n + EXCLUDED.n
        RETURNING 1)
      INSERT INTO heat_cell_facets AS h (level, theme, cx, cy, stage, profession, seeking, n)
      SELECT level, theme, cx, cy, stage, profession, seeking, ${sign} * count(*) FROM keyed GROUP BY 1, 2, 3, 4, 5, 6, 7
      ON CONFLICT (level, theme, cx, cy, stage, profession, seeking) DO UPDATE SET n = h.n + EXCLUDED.n`;
    const sweep = `DELETE FROM heat_cells WHERE n <= 0; DELETE FROM heat_cell_facets WHERE n <= 0`;

    // A one-pass rebuild from scratch, for bulk loads that switch the insert trigger off.
    await q.query(`
      CREATE FUNCTION kindred_rebuild_heat() RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        TRUNCATE heat_cells, heat_cell_facets;
        WITH keyed AS (${keys('projects')}),
        totals AS (
          INSERT INTO heat_cells (level, theme, cx, cy, n)
          SELECT level, theme, cx, cy, count(*) FROM keyed GROUP BY 1, 2, 3, 4
          RETURNING 1)
        INSERT INTO heat_cell_facets (level, theme, cx, cy, stage, profession, seeking, n)
        SELECT level, theme, cx, cy, stage, profession, seeking, count(*) FROM keyed GROUP BY 1, 2, 3, 4, 5, 6, 7;
      END $$`);

    await q.query(`
      CREATE FUNCTION kindred_heat_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${delta('new_rows', 1)};
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION kindred_heat_on_delete() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${delta('old_rows', -1)};
        ${sweep};
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION kindred_heat_on_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${delta('old_rows', -1)};
        ${delta('new_rows', 1)};
        ${sweep};
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER projects_heat_insert AFTER INSERT ON projects REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION kindred_heat_on_insert()`);
    await q.query(`CREATE TRIGGER projects_heat_delete AFTER DELETE ON projects REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION kindred_heat_on_delete()`);
    await q.query(`CREATE TRIGGER projects_heat_update AFTER UPDATE ON projects REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION kindred_heat_on_update()`);

    // Projects registered before this migration.
    await q.query(`SELECT kindred_rebuild_heat()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER projects_heat_update ON projects`);
    await q.query(`DROP TRIGGER projects_heat_delete ON projects`);
    await q.query(`DROP TRIGGER projects_heat_insert ON projects`);
    await q.query(`DROP FUNCTION kindred_heat_on_update, kindred_heat_on_delete, kindred_heat_on_insert, kindred_rebuild_heat`);
    await q.query(`DROP TABLE heat_cell_facets`);
    await q.query(`DROP TABLE heat_cells`);
    await q.query(`DROP FUNCTION kindred_cell_x, kindred_cell_y`);
    await q.query(`DROP TRIGGER users_sync_owner_profession ON users`);
    await q.query(`DROP FUNCTION kindred_sync_owner_profession`);
    await q.query(`DROP TRIGGER projects_fill_owner_profession ON projects`);
    await q.query(`DROP FUNCTION kindred_fill_owner_profession`);
    await q.query(`ALTER TABLE projects DROP COLUMN owner_profession`);
  }
}
