import type { DataSource } from 'typeorm';

/**
 * Runs a bulk load with the per-statement insert triggers of the map's aggregates switched off
 * (heat cells, and the peer finder's points and groups), then rebuilds them in one pass each: for
 * a million projects, far faster than maintaining them batch by batch. The rebuilds and the
 * triggers' return happen under one lock on `projects`, so no project written meanwhile (by the
 * API, say) is missed. A load that crashes leaves the triggers off; the next bulk load's rebuild
 * repairs it.
 */
export async function withMapAggregatesRebuiltAfter<T>(db: DataSource, work: () => Promise<T>, say: (line: string) => void = () => undefined): Promise<T> {
  await db.query(`ALTER TABLE projects DISABLE TRIGGER projects_heat_insert`);
  await db.query(`ALTER TABLE projects DISABLE TRIGGER projects_peer_insert`);
  try {
    return await work();
  } finally {
    say('Rebuilding the heatmap cells and the peer finder’s points...');
    const started = Date.now();
    await db.transaction(async (m) => {
      await m.query(`LOCK TABLE projects IN SHARE ROW EXCLUSIVE MODE`);
      await m.query(`SELECT kindred_rebuild_heat()`);
      await m.query(`SELECT kindred_rebuild_peer_points()`);
      await m.query(`ALTER TABLE projects ENABLE TRIGGER projects_heat_insert`);
      await m.query(`ALTER TABLE projects ENABLE TRIGGER projects_peer_insert`);
    });
    say(`Rebuilt in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  }
}
