import { MigrationInterface, QueryRunner } from 'typeorm';

/** The themes' mask bits when this migration was written (apps/api/src/map/theme-mask.util.ts). */
const THEME_BITS = [
  'child-poverty', 'income-cost-of-living', 'housing', 'food-insecurity', 'fuel-poverty', 'education-early-years',
  'employment', 'social-isolation', 'racism-discrimination', 'migration-asylum', 'disability', 'language-health-literacy',
  'digital-exclusion', 'transport-access', 'environment-air-quality', 'violence-safeguarding', 'mental-health',
  'social-history-screening', 'social-prescribing', 'welfare-income-advice', 'community-health-workers',
  'health-justice-partnerships', 'advocacy-policy', 'quality-improvement', 'data-equity-dashboards', 'education-training',
  'community-partnership', 'workforce-wellbeing',
];

/** The per-theme partial GiST indexes of 1764300000000, which the old peer walks used. */
const OLD_WALK_INDEXES = THEME_BITS.map((id) => ({ id, name: `projects_point_${id.replace(/-/g, '_')}_gist` }));

/**
 * The peer finder's index: projects grouped by shown point, then by theme mask.
 *
 * Peer search used to walk each wanted theme's projects nearest-first through a partial GiST index
 * per theme. In dense places thousands of area-precision projects share one rounded point, so the
 * walks met long runs of equal distances and read hundreds of rows per theme without proving a
 * page (tests/bench/map: 50 km p95 of 30-75 ms against an aim of 10 ms).
 *
 * Now the search reads aggregates, which are few wherever projects are many:
 * - `peer_points`: one row per distinct shown point of a visible project, walked nearest-first
 *   through its GiST index, holding the point's distinct theme masks with a project count each
 *   (so a point's theme overlap with any search is known without reading its projects), their
 *   OR (a filter for the walk) and its number of projects;
 * - `projects_peer_group_idx`: a point's projects of one mask in id order (the ranking's
 *   tie-break), with the owner, so a page reads just the projects it shows.
 *
 * Statement-level triggers keep the points current: each nets its change per point and mask,
 * merges it into the points' arrays in key order (so concurrent writers lock rows in the same
 * order, as the heat-cell triggers do since 1764570000000) and deletes the points it emptied.
 * Bulk loads switch the insert trigger off and call kindred_rebuild_peer_points()
 * (map-aggregates.util).
 */
export class PeerPoints1764600000000 implements MigrationInterface {
  name = 'PeerPoints1764600000000';

  async up(q: QueryRunner): Promise<void> {
    const literal = THEME_BITS.map((id) => `'${id}'`).join(', ');
    await q.query(`
      CREATE FUNCTION kindred_theme_mask(themes text[]) RETURNS integer
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT coalesce(bit_or(1 << (array_position(ARRAY[${literal}]::text[], t) - 1)), 0)::integer FROM unnest(themes) AS t
      $$`);
    // Exact equality of shown points (a geography's own = compares bounding boxes). PostGIS is
    // named by its schema: PostgreSQL 17 builds indexes with a search_path of pg_catalog only.
    const [{ schema }] = (await q.query(`SELECT extnamespace::regnamespace::text AS schema FROM pg_extension WHERE extname = 'postgis'`)) as Array<{
      schema: string;
    }>;
    await q.query(`
      CREATE FUNCTION kindred_point_key(point geography) RETURNS bytea
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT ${schema}.ST_AsBinary(point) $$`);

    await q.query(`
      CREATE TABLE peer_points (
        id bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        point_key bytea PRIMARY KEY,
        location geography(Point, 4326) NOT NULL,
        theme_masks integer[] NOT NULL,
        mask_projects integer[] NOT NULL,
        theme_union integer NOT NULL,
        projects integer NOT NULL
      )`);
    await q.query(`CREATE INDEX peer_points_location_gist ON peer_points USING gist (location)`);
    await q.query(`
      CREATE INDEX projects_peer_group_idx ON projects (kindred_point_key(display_location), kindred_theme_mask(themes), id)
        INCLUDE (owner_id) WHERE hidden_at IS NULL`);

    // A point's (mask, count) pairs plus a change: sorted by mask, without the masks left empty.
    await q.query(`
      CREATE FUNCTION kindred_peer_merge(masks integer[], counts integer[], change_masks integer[], change_counts integer[],
        OUT theme_masks integer[], OUT mask_projects integer[], OUT theme_union integer, OUT projects integer)
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT coalesce(array_agg(m ORDER BY m), '{}'), coalesce(array_agg(n ORDER BY m), '{}'), coalesce(bit_or(m), 0), coalesce(sum(n), 0)::integer
          FROM (SELECT m, sum(n)::integer AS n
                  FROM (SELECT * FROM unnest(masks, counts) UNION ALL SELECT * FROM unnest(change_masks, change_counts)) AS u(m, n)
                 GROUP BY m HAVING sum(n) > 0) s
      $$`);
    await q.query(`
      CREATE FUNCTION kindred_rebuild_peer_points() RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        TRUNCATE peer_points;
        INSERT INTO peer_points (point_key, location, theme_masks, mask_projects, theme_union, projects)
        SELECT point_key, ST_GeogFromWKB(point_key), array_agg(theme_mask ORDER BY theme_mask), array_agg(n ORDER BY theme_mask),
               bit_or(theme_mask), sum(n)
          FROM (SELECT kindred_point_key(display_location) AS point_key, kindred_theme_mask(themes) AS theme_mask, count(*)::integer AS n
                  FROM projects WHERE hidden_at IS NULL GROUP BY 1, 2) g
         GROUP BY point_key;
      END $$`);
    await q.query(trigger('kindred_peer_points_on_insert', ['new_rows', 1]));
    await q.query(trigger('kindred_peer_points_on_delete', ['old_rows', -1]));
    await q.query(trigger('kindred_peer_points_on_update', ['old_rows', -1], ['new_rows', 1]));
    await q.query(`SELECT kindred_rebuild_peer_points()`);
    await q.query(
      `CREATE TRIGGER projects_peer_insert AFTER INSERT ON projects REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION kindred_peer_points_on_insert()`,
    );
    await q.query(
      `CREATE TRIGGER projects_peer_delete AFTER DELETE ON projects REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION kindred_peer_points_on_delete()`,
    );
    await q.query(
      `CREATE TRIGGER projects_peer_update AFTER UPDATE ON projects REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION kindred_peer_points_on_update()`,
    );

    // The walk: the nearest points with at least `min_overlap` wanted themes among their projects'
    // (1 for the peer finder; "similar projects" walks one level of overlap at a time), each with how many of its projects
    // share exactly 1, 2, ... 5 of them (a project has at most 5 themes), those beyond the radius
    // left out (so fewer rows than the limit means the walk is complete; the radius is no index
    // condition, which would cost a second distance per point). The settings keep the planner on
    // the nearest-first index walk (its estimates favour a bitmap scan) and off JIT compilation
    // (far dearer than this walk).
    const shared = [1, 2, 3, 4, 5].map((c) => `coalesce(sum(u.n) FILTER (WHERE u.c = ${c}), 0)::integer AS shared_${c}`).join(', ');
    await q.query(`
      CREATE FUNCTION kindred_peer_walk(here geography, radius_m double precision, wanted integer, min_overlap integer, point_limit integer)
      RETURNS TABLE (point_id bigint, distance_m double precision,
                     shared_1 integer, shared_2 integer, shared_3 integer, shared_4 integer, shared_5 integer)
      LANGUAGE sql STABLE PARALLEL SAFE
      SET jit = off SET enable_bitmapscan = off SET enable_seqscan = off
      AS $$
        SELECT p.id, p.distance_m, f.*
          FROM (SELECT p.id, p.theme_masks, p.mask_projects, ST_Distance(p.location, here, false) AS distance_m
                  FROM peer_points p
                 WHERE p.theme_union & wanted <> 0
                   AND (min_overlap <= 1 OR bit_count((p.theme_union & wanted)::bit(32)) >= min_overlap)
                 ORDER BY p.location <-> here
                 LIMIT point_limit) p
         CROSS JOIN LATERAL (
           SELECT ${shared}
             FROM (SELECT bit_count((x.m & wanted)::bit(32)) AS c, x.n
                     FROM unnest(p.theme_masks, p.mask_projects) AS x(m, n) WHERE x.m & wanted <> 0) u) f
         WHERE p.distance_m <= radius_m
      $$`);

    // A page of one point's projects sharing exactly `overlap` wanted themes, in id order, after
    // `after_id`: one index range per theme mask of that overlap, merged. Never the searcher's own
    // projects, nor those of anyone who blocked the searcher or whom the searcher blocked.
    await q.query(`
      CREATE FUNCTION kindred_peer_projects(point_id bigint, wanted integer, overlap integer, after_id uuid, page integer, viewer uuid)
      RETURNS TABLE (id uuid, owner_id uuid, theme_mask integer)
      LANGUAGE sql STABLE PARALLEL SAFE SET jit = off
      AS $$
        SELECT r.id, r.owner_id, r.theme_mask
          FROM peer_points pt
          CROSS JOIN LATERAL unnest(pt.theme_masks) AS m(mask)
          CROSS JOIN LATERAL (
            SELECT p.id, p.owner_id, m.mask AS theme_mask FROM projects p
             WHERE kindred_point_key(p.display_location) = pt.point_key AND kindred_theme_mask(p.themes) = m.mask
               AND p.hidden_at IS NULL AND (after_id IS NULL OR p.id > after_id) AND p.owner_id <> viewer
               AND NOT EXISTS (SELECT 1 FROM blocks b WHERE b.blocker_id = viewer AND b.blocked_id = p.owner_id)
               AND NOT EXISTS (SELECT 1 FROM blocks b WHERE b.blocker_id = p.owner_id AND b.blocked_id = viewer)
             ORDER BY p.id LIMIT page) r
         WHERE pt.id = point_id AND bit_count((m.mask & wanted)::bit(32)) = overlap
         ORDER BY r.id
         LIMIT page
      $$`);

    for (const index of OLD_WALK_INDEXES) await q.query(`DROP INDEX IF EXISTS "${index.name}"`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const index of OLD_WALK_INDEXES) {
      await q.query(`CREATE INDEX "${index.name}" ON projects USING gist (display_location) WHERE themes @> ARRAY['${index.id}']::text[]`);
    }
    await q.query(`DROP FUNCTION kindred_peer_projects(bigint, integer, integer, uuid, integer, uuid)`);
    await q.query(`DROP FUNCTION kindred_peer_walk(geography, double precision, integer, integer, integer)`);
    await q.query(`DROP TRIGGER projects_peer_update ON projects`);
    await q.query(`DROP TRIGGER projects_peer_delete ON projects`);
    await q.query(`DROP TRIGGER projects_peer_insert ON projects`);
    await q.query(`DROP FUNCTION kindred_peer_points_on_update()`);
    await q.query(`DROP FUNCTION kindred_peer_points_on_delete()`);
    await q.query(`DROP FUNCTION kindred_peer_points_on_insert()`);
    await q.query(`DROP FUNCTION kindred_rebuild_peer_points()`);
    await q.query(`DROP FUNCTION kindred_peer_merge(integer[], integer[], integer[], integer[])`);
    await q.query(`DROP INDEX projects_peer_group_idx`);
    await q.query(`DROP TABLE peer_points`);
    await q.query(`DROP FUNCTION kindred_point_key(geography)`);
    await q.query(`DROP FUNCTION kindred_theme_mask(text[])`);
  }
}

/**
 * A trigger function applying the net change of `parts` (transition table, sign) per point and
 * mask, merged into the points in key order; points left with no project are deleted.
 */
function trigger(name: string, ...parts: Array<[string, number]>): string {
  const signed = parts
    .map(
      ([rows, sign]) =>
        `SELECT kindred_point_key(r.display_location) AS point_key, kindred_theme_mask(r.themes) AS theme_mask, ${sign} AS s
           FROM ${rows} r WHERE r.hidden_at IS NULL`,
    )
    .join(' UNION ALL ');
  return `
    CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      emptied bytea[];
    BEGIN
      WITH change AS (
        SELECT point_key, array_agg(theme_mask ORDER BY theme_mask) AS masks, array_agg(n ORDER BY theme_mask) AS counts
          FROM (SELECT point_key, theme_mask, sum(s)::integer AS n FROM (${signed}) d GROUP BY 1, 2 HAVING sum(s) <> 0) c
         GROUP BY point_key),
      up AS (
        INSERT INTO peer_points AS p (point_key, location, theme_masks, mask_projects, theme_union, projects)
        SELECT c.point_key, ST_GeogFromWKB(c.point_key), m.theme_masks, m.mask_projects, m.theme_union, m.projects
          FROM change c CROSS JOIN LATERAL kindred_peer_merge('{}', '{}', c.masks, c.counts) m
         ORDER BY c.point_key
        ON CONFLICT (point_key) DO UPDATE SET (theme_masks, mask_projects, theme_union, projects) =
          (SELECT * FROM kindred_peer_merge(p.theme_masks, p.mask_projects,
             (SELECT c.masks FROM change c WHERE c.point_key = EXCLUDED.point_key),
             (SELECT c.counts FROM change c WHERE c.point_key = EXCLUDED.point_key)))
        RETURNING p.point_key, p.projects)
      SELECT array_agg(up.point_key) INTO emptied FROM up WHERE up.projects <= 0;
      IF emptied IS NOT NULL THEN
        DELETE FROM peer_points p WHERE p.point_key = ANY (emptied) AND p.projects <= 0;
      END IF;
      RETURN NULL;
    END $$`;
}
