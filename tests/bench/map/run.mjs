#!/usr/bin/env node
// Map benchmark: heatmap and peer-search server time at up to 1,000,000 projects, each beside a
// baseline measured in the same process and run, reported as medians, p95s and ratios in a
// markdown table (printed and written to tests/bench/results/map.md).
//
//   npm run bench:map                       # 1,000,000 projects on a temporary PostgreSQL (root)
//   npm run bench:map -- --projects 100000  # smaller
//   DATABASE_URL=postgres://... npm run bench:map -- --reuse
//   npm run bench:map -- --reuse --only peers   # or --only heatmap
//
// Needs the API build (npm run bench:map builds it). Seeding uses the seed command and shows its
// progress bar; with --reuse a temporary server's data is kept in /tmp/kindred-bench-pg so the next
// run skips seeding.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { startTempPostgres } from '../../../tools/pg-temp.mjs';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const dist = join(root, 'dist/apps/api');

const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const target = Number(flag('projects', '1000000'));
const reuse = args.includes('--reuse');
const iterations = Number(flag('iterations', '40'));
const only = flag('only', 'all'); // all | heatmap | peers
if (!Number.isInteger(target) || target < 1000 || target > 1_000_000) {
  console.error('--projects must be a whole number from 1,000 to 1,000,000');
  process.exit(2);
}

const log = (s) => process.stderr.write(`${s}\n`);

let server = null;
if (!process.env.DATABASE_URL) {
  log('No DATABASE_URL: starting a temporary PostgreSQL 15 + PostGIS server...');
  server = await startTempPostgres({ dir: '/tmp/kindred-bench-pg', reuse });
  process.env.DATABASE_URL = server.url;
  const stopServer = () => server?.stop();
  process.once('exit', stopServer);
  process.once('SIGINT', () => process.exit(130));
}
process.env.SEED_DEMO = 'false';
process.env.LOG_LEVEL = 'error';
process.env.DATABASE_POOL_SIZE ??= '8';

const pg = require('pg');
const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
await client.connect();
const existing = await client
  .query(`SELECT count(*)::int AS n FROM projects`)
  .then((r) => r.rows[0].n)
  .catch(() => 0);
if (existing < target) {
  log(`Seeding ${target - existing} projects (have ${existing})...`);
  const r = spawnSync(process.execPath, [join(dist, 'seed.js'), String(target - existing), '--seed', String(1000 + existing)], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: process.env,
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
log('VACUUM ANALYZE (so heat-cell reads are index-only)...');
await client.query('VACUUM ANALYZE');
const projects = (await client.query(`SELECT count(*)::int AS n FROM projects`)).rows[0].n;
const cells = (await client.query(`SELECT count(*)::int AS n FROM heat_cells`)).rows[0].n;
await client.end();

const { NestFactory } = require('@nestjs/core');
const { AppModule } = require(join(dist, 'app.module.js'));
const { HeatmapService } = require(join(dist, 'map/heatmap.service.js'));
const { PeersService } = require(join(dist, 'map/peers.service.js'));
const { DataSource } = require('typeorm');
const geo = require(join(root, 'libs/geo/dist/index.js'));

log('Starting the app context...');
const app = await NestFactory.createApplicationContext(AppModule, { logger: ['error'] });
const heatmaps = app.get(HeatmapService);
const peers = app.get(PeersService);
const db = app.get(DataSource);

function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
  return { median: at(0.5), p95: at(0.95) };
}

async function measure(label, fn, n) {
  for (let i = 0; i < 3; i++) await fn(); // warm caches and plans
  const samples = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
    if (i % 10 === 9) process.stderr.write(`\r  ${label}: ${i + 1}/${n}   `);
  }
  process.stderr.write(`\r  ${label}: ${n}/${n} done   \n`);
  return stats(samples);
}

const VIEWS = [
  { name: 'whole UK', zoom: 5, bbox: geo.UK_BBOX },
  { name: 'North of England', zoom: 8, bbox: { west: -3.6, south: 53.0, east: -0.3, north: 55.0 } },
  { name: 'Greater Manchester', zoom: 11, bbox: { west: -2.5, south: 53.38, east: -2.0, north: 53.6 } },
  { name: 'central London', zoom: 14, bbox: { west: -0.16, south: 51.49, east: -0.08, north: 51.525 } },
];
const FILTERS = [
  { name: 'no filter', filter: null },
  { name: 'theme child poverty', filter: { themes: ['child-poverty'] } },
];

/** The plain query the issue names: scan matching projects in the bbox, snap to a grid, group. */
function baselineHeatmap(bbox, zoom, filter) {
  const level = heatmaps.levelFor(bbox, zoom);
  const cellDeg = 360 / 2 ** level;
  const params = [cellDeg, bbox.west, bbox.south, bbox.east, bbox.north];
  let where = 'display_location && ST_MakeEnvelope($2, $3, $4, $5, 4326)::geography';
  if (filter?.themes) where += ` AND themes && $${params.push(filter.themes)}::text[]`;
  return db.query(`SELECT ST_SnapToGrid(display_location::geometry, $1) AS cell, count(*) AS n FROM projects WHERE ${where} GROUP BY cell`, params);
}

const rows = [];
log(`Heatmap: ${iterations} runs per scenario`);
for (const v of only === 'peers' ? [] : VIEWS) {
  for (const f of FILTERS) {
    const label = `heatmap z${v.zoom} ${v.name}, ${f.name}`;
    const ours = await measure(label, () => heatmaps.heatmap(v.bbox, v.zoom, f.filter), iterations);
    const base = await measure(`${label} (baseline)`, () => baselineHeatmap(v.bbox, v.zoom, f.filter), Math.max(5, Math.round(iterations / 4)));
    const result = await heatmaps.heatmap(v.bbox, v.zoom, f.filter);
    rows.push({ kind: 'heatmap', label: `z${v.zoom} ${v.name}, ${f.name} (${result.cells.length} cells)`, ours, base });
  }
}

const ORIGINS = [
  { name: 'Leeds', lat: 53.8008, lng: -1.5491 },
  { name: 'central London', lat: 51.5074, lng: -0.1278 },
  { name: 'Inverness', lat: 57.4778, lng: -4.2247 },
];
const THEMES = ['child-poverty', 'housing', 'food-insecurity'];
const NOBODY = '00000000-0000-4000-8000-000000000000';

/** Baseline: score every project in the circle in SQL, best per person, top 21. */
function baselinePeers(origin, radiusKm) {
  return db.query(
    `WITH origin AS (SELECT ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography AS g),
          scored AS (
            SELECT p.owner_id, p.id,
                   (0.5 + 0.5 * cardinality(ARRAY(SELECT unnest(p.themes) INTERSECT SELECT unnest($4::text[])))::float / cardinality($4::text[]))
                 * exp(-ST_Distance(p.display_location, origin.g, false) / 1000 / least(greatest($3 / 10.0, 2), 20)) AS score
              FROM projects p, origin
             WHERE ST_DWithin(p.display_location, origin.g, $3 * 1000, false) AND p.themes && $4::text[] AND p.owner_id <> $5)
     SELECT * FROM (SELECT DISTINCT ON (owner_id) owner_id, id, score FROM scored ORDER BY owner_id, score DESC) best
      ORDER BY score DESC LIMIT 21`,
    [origin.lng, origin.lat, radiusKm, THEMES, NOBODY],
  );
}

log(`Peer search: ${iterations} runs per scenario`);
const agreement = [];
for (const radiusKm of only === 'heatmap' ? [] : [10, 50, 200]) {
  for (const origin of ORIGINS) {
    const label = `peers ${radiusKm} km from ${origin.name}`;
    const ours = await measure(label, () => peers.rank(NOBODY, origin, radiusKm, THEMES, 21), iterations);
    const { exact, ranked } = await peers.rank(NOBODY, origin, radiusKm, THEMES, 21);
    const base = await measure(`${label} (baseline)`, () => baselinePeers(origin, radiusKm), Math.max(5, Math.round(iterations / 4)));
    // The page must be the baseline's: the same scores in the same order (people with equal
    // scores may differ, as the baseline breaks no ties).
    const expected = (await baselinePeers(origin, radiusKm)).map((r) => Number(r.score).toFixed(9));
    const same = JSON.stringify(ranked.slice(0, 21).map((r) => r.score.toFixed(9))) === JSON.stringify(expected);
    if (!same) agreement.push(`${radiusKm} km from ${origin.name}`);
    rows.push({ kind: 'peers', label: `${radiusKm} km from ${origin.name}${exact ? '' : ' (best of nearest, not proven exact)'}${same ? '' : ' (**differs from baseline**)'}`, ours, base });
  }
}

await app.close();

const ms = (v) => (v < 10 ? v.toFixed(2) : v.toFixed(1));
const ratio = (a, b) => `${(b / a).toFixed(1)}x`;
const table = (kind, title) => [
  `### ${title}`,
  '',
  '| scenario | Kindred median ms | Kindred p95 ms | baseline median ms | baseline p95 ms | speed-up (median) | speed-up (p95) |',
  '|---|---:|---:|---:|---:|---:|---:|',
  ...rows
    .filter((r) => r.kind === kind)
    .map((r) => `| ${r.label} | ${ms(r.ours.median)} | ${ms(r.ours.p95)} | ${ms(r.base.median)} | ${ms(r.base.p95)} | ${ratio(r.ours.median, r.base.median)} | ${ratio(r.ours.p95, r.base.p95)} |`),
  '',
];
const report = [
  `## Map benchmark, ${new Date().toISOString().slice(0, 10)}`,
  '',
  `${projects.toLocaleString('en-GB')} projects, ${cells.toLocaleString('en-GB')} heat-cell rows; PostgreSQL ${server ? '15 (temporary, loopback)' : 'at DATABASE_URL'}; ` +
    `${iterations} timed runs per Kindred scenario after 3 warm-ups, ${Math.max(5, Math.round(iterations / 4))} per baseline; server time measured in-process (service call, no HTTP).`,
  '',
  ...table('heatmap', 'Heatmap (baseline: ST_SnapToGrid + GROUP BY over matching projects in the bbox)'),
  ...table('peers', 'Peer search, 3 themes, top 21 people (baseline: score every project in the circle, best per person)'),
  ...(only === 'heatmap'
    ? []
    : [
        agreement.length
          ? `Peer pages that differ from the baseline's scores: ${agreement.join(', ')}.`
          : 'Every peer page has the same 21 scores, in the same order, as the baseline computes.',
        '',
      ]),
].join('\n');
mkdirSync(join(root, 'tests/bench/results'), { recursive: true });
writeFileSync(join(root, 'tests/bench/results/map.md'), `${report}\n`);
process.stdout.write(`\n${report}\n`);
process.exit(agreement.length ? 1 : 0);
