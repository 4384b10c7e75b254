import { MigrationInterface, QueryRunner } from 'typeorm';
import { keys } from './1764510000000-hidden-projects';

const COUNTED = 'r.hidden_at IS NULL';
const CELL = 'level, theme, cx, cy';
const FACET = 'level, theme, cx, cy, stage, profession, seeking';

/**
 * Concurrent project writes could deadlock in the heat-cell triggers (found by tests/load): the
 * update trigger subtracted the old rows' counts and then added the new rows', and each upsert
 * and the sweep of empty cells took row locks in no fixed order, so two writers touching the same
 * cells could each wait for the other.
 *
 * Now every trigger nets its change per cell first (old rows -1, new rows +1; an edit that moves
 * nothing touches no cell at all), upserts the cells and then the facets in key order (so any two
 * writers take their locks in the same order), and deletes only the cells it just brought to zero
 * (rows it already holds), instead of sweeping the whole table for empty ones.
 */
export class HeatCellsLockOrder1764570000000 implements MigrationInterface {
  name = 'HeatCellsLockOrder1764570000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(body('kindred_heat_on_insert', [['new_rows', 1]]));
    await q.query(body('kindred_heat_on_delete', [['old_rows', -1]]));
    await q.query(body('kindred_heat_on_update', [['old_rows', -1], ['new_rows', 1]]));
  }

  async down(q: QueryRunner): Promise<void> {
    // The previous bodies (1764510000000-hidden-projects), which are correct but can deadlock.
    const delta = (rows: string, sign: number) => `
      WITH keyed AS (${keys(rows, COUNTED)}),
      totals AS (
        INSERT INTO heat_cells AS h (${CELL}, n)
        SELECT ${CELL}, ${sign} * count(*) FROM keyed GROUP BY 1, 2, 3, 4
        ON CONFLICT (${CELL}) DO UPDATE SET n = h.n + EXCLUDED.n
        RETURNING 1)
      INSERT INTO heat_cell_facets AS h (${FACET}, n)
      SELECT ${FACET}, ${sign} * count(*) FROM keyed GROUP BY 1, 2, 3, 4, 5, 6, 7
      ON CONFLICT (${FACET}) DO UPDATE SET n = h.n + EXCLUDED.n`;
    const sweep = `DELETE FROM heat_cells WHERE n <= 0; DELETE FROM heat_cell_facets WHERE n <= 0`;
    await q.query(`CREATE OR REPLACE FUNCTION kindred_heat_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN ${delta('new_rows', 1)}; RETURN NULL; END $$`);
    await q.query(`CREATE OR REPLACE FUNCTION kindred_heat_on_delete() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN ${delta('old_rows', -1)}; ${sweep}; RETURN NULL; END $$`);
    await q.query(`CREATE OR REPLACE FUNCTION kindred_heat_on_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN ${delta('old_rows', -1)}; ${delta('new_rows', 1)}; ${sweep}; RETURN NULL; END $$`);
  }
}

/** One trigger function: the net change of `parts` (transition table, sign), cells then facets, in key order. */
function body(name: string, parts: Array<[string, number]>): string {
  const signed = parts.map(([rows, sign]) => `SELECT k.*, ${sign} AS s FROM (${keys(rows, COUNTED)}) k`).join(' UNION ALL ');
  const upsert = (table: string, cols: string, arity: number) => {
    const by = Array.from({ length: arity }, (_, i) => i + 1).join(', ');
    return `
        WITH up AS (
          INSERT INTO ${table} AS h (${cols}, n)
          SELECT ${cols}, sum(s) FROM (${signed}) d GROUP BY ${by} HAVING sum(s) <> 0 ORDER BY ${by}
          ON CONFLICT (${cols}) DO UPDATE SET n = h.n + EXCLUDED.n
          RETURNING h.*)
        SELECT coalesce(array_agg(ROW(${cols})::text), '{}') INTO zero FROM up WHERE n <= 0;
        IF cardinality(zero) > 0 THEN
          DELETE FROM ${table} h WHERE h.n <= 0 AND ROW(${cols.split(', ').map((c) => `h.${c}`).join(', ')})::text = ANY (zero);
        END IF;`;
  };
  return `
    CREATE OR REPLACE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      zero text[];
    BEGIN
      ${upsert('heat_cells', CELL, 4)}
      ${upsert('heat_cell_facets', FACET, 7)}
      RETURN NULL;
    END $$`;
}
