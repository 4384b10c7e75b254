#!/usr/bin/env node
// Load run: N virtual users on loopback, each looping over a weighted mix of what people do in
// Kindred (map reads, project writes, messages) for a fixed time, then it stops by itself, checks
// that nothing was lost and prints throughput, error rate and latency percentiles per action.
//
//   npm run load                                   # default profile: 50 users, 30 s
//   npm run load -- --profile ci                   # the CI profile: 24 users, 60 s (npm test runs it)
//   npm run load -- --users 100 --seconds 120 --instances 2 --database-url postgres://...
//
// Flags: --profile default|ci, --users N, --seconds S, --database-url URL (else DATABASE_URL, else a
// temporary PostgreSQL 15 + PostGIS: needs root), --instances 1|2 (two API processes share the
// database; sockets and HTTP alternate between them, fan-out through the PostgreSQL adapter),
// --group-size 5, --think-ms 200-800, --mix updateProject=60,heatmap=0 (action weights),
// --projects 2000 (demo projects seeded at start), --pool 10 (DATABASE_POOL_SIZE), --adapter none|postgres|redis (REALTIME_ADAPTER), --no-build (use the last
// `nx run api:build`), --results FILE (default tests/load/results/<profile>.md), --report-json FILE
// ({ passed, failed, checks } for tools/test-all.mjs).
//
// Each virtual user is one clinician (inserted with SQL; access token signed here with the API's
// JWT_SECRET, as tests/bench/realtime does) with one or two projects (registered through GraphQL)
// and one live socket.io connection, in a group conversation of about --group-size. GraphQL
// requests use the web app's own operations (read from dist/graphql-allowlist.json, and the API
// runs with that allow-list on, as in production).
//
// PASS needs: no HTTP 5xx or INTERNAL_SERVER_ERROR, no transport errors or timeouts, no unexpected
// refusals (a 4xx other than a rate limit means the mix no longer fits the API), every send acked,
// no lost message (every acked message reached every other member's socket within 10 s of the end),
// every acked message stored exactly once with gapless seq, no socket dropped, no API process
// exited. Refusals by design (RATE_LIMITED) are counted and printed but do not fail the run.
// Exit code 0 on PASS, 1 on FAIL, 2 on bad arguments. Children, the fresh database and the
// temporary server are removed on exit, failure and Ctrl-C.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { freePort, startTempPostgres } from '../../tools/pg-temp.mjs';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');
const { io: connectSocket } = require('socket.io-client');
const pg = require('pg');

// ---------------------------------------------------------------------------------------------
// Parameters
const PROFILES = {
  default: { users: 50, seconds: 30, think: '150-600', projects: 5000 },
  ci: { users: 24, seconds: 60, think: '250-900', projects: 2000 },
};
const args = process.argv.slice(2);
const has = (name) => args.includes(`--${name}`);
const flag = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
function usage(problem) {
  process.stderr.write(`${problem}\nUsage: npm run load -- [--profile default|ci] [--users N] [--seconds S] [--database-url URL] [--instances 1|2] [--no-build]\n`);
  process.exit(2);
}
const profileName = flag('profile', 'default');
const profile = PROFILES[profileName];
if (!profile) usage(`Unknown profile ${profileName}: ${Object.keys(PROFILES).join(' or ')}`);
const [thinkMin, thinkMax] = flag('think-ms', profile.think).split('-').map(Number);
const P = {
  users: Number(flag('users', profile.users)),
  seconds: Number(flag('seconds', profile.seconds)),
  instances: Number(flag('instances', 1)),
  groupSize: Number(flag('group-size', 5)),
  projects: Number(flag('projects', profile.projects)),
  pool: Number(flag('pool', 10)),
  thinkMin,
  thinkMax,
  adapter: flag('adapter', ''),
  databaseUrl: flag('database-url', process.env.DATABASE_URL || ''),
  build: !has('no-build'),
  results: resolve(flag('results', join(root, 'tests/load/results', `${profileName}.md`))),
  reportJson: flag('report-json', '') ? resolve(flag('report-json', '')) : '',
};
for (const k of ['users', 'seconds', 'instances', 'groupSize', 'pool']) {
  if (!Number.isInteger(P[k]) || P[k] <= 0) usage(`--${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} must be a positive whole number`);
}
if (P.users < 2) usage('--users must be at least 2 (messages need someone to receive them)');
if (P.groupSize < 2 || P.groupSize > 50) usage('--group-size must be 2 to 50');
if (P.instances > 2) usage('--instances must be 1 or 2');
if (!Number.isInteger(P.projects) || P.projects < 0 || P.projects > 100000) usage('--projects must be 0 to 100000');
if (!(thinkMin >= 0 && thinkMax >= thinkMin)) usage('--think-ms must be MIN-MAX milliseconds, e.g. 200-800');
if (P.adapter && !['none', 'postgres', 'redis'].includes(P.adapter)) usage('--adapter must be none, postgres or redis');

const JWT_SECRET = 'kindred-load-run-secret-not-for-production-0123456789abcdef';
const HTTP_TIMEOUT_MS = 15_000;
const ACK_TIMEOUT_MS = 10_000;
/** After the run, how long every acked message may take to reach every other member. */
const DELIVERY_GRACE_MS = 10_000;
const PROGRESS_MS = 5_000;
/** The API refuses more than 20 messages per 10 s per user: stay at 18 in any 10.5 s. */
const FLOOD_CAP = 18;
const FLOOD_WINDOW_MS = 10_500;
/** Projects a virtual user registers before it only updates. */
const MAX_OWN_PROJECTS = 8;
const ACTION_WEIGHTS = {
  heatmap: 28,
  mapProjects: 12,
  mapSummary: 10,
  peers: 10,
  registerProject: 4,
  updateProject: 10,
  message: 26,
};
// --mix heatmap=0,updateProject=50: other weights for some actions (0 leaves one out).
for (const part of flag('mix', '').split(',').filter(Boolean)) {
  const [name, w] = part.split('=');
  if (!(name in ACTION_WEIGHTS) || !/^\d+$/.test(w ?? '')) usage(`--mix takes action=weight pairs; actions: ${Object.keys(ACTION_WEIGHTS).join(', ')}`);
  ACTION_WEIGHTS[name] = Number(w);
}
if (!Object.values(ACTION_WEIGHTS).some((w) => w > 0)) usage('--mix leaves no action to run');
const log = (s) => process.stderr.write(`${s}\n`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const runTag = randomBytes(3).toString('hex');

// ---------------------------------------------------------------------------------------------
// Children, database and cleanup
const children = new Set();
let tempPg = null;
let tempPgDir = null;
/** { adminUrl, name } of the fresh database made for this run. */
let freshDb = null;
let exiting = false;
const crashed = [];
let stopping = false;

function stopTempPgSync() {
  if (!tempPg) return;
  try {
    tempPg.stop();
  } catch (error) {
    log(`Could not stop the temporary PostgreSQL: ${error.message}`);
  }
  tempPg = null;
  if (tempPgDir) rmSync(tempPgDir, { recursive: true, force: true });
}

async function dropFreshDb() {
  if (!freshDb) return;
  const { adminUrl, name } = freshDb;
  freshDb = null;
  const admin = new pg.Client({ connectionString: adminUrl });
  try {
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } catch (error) {
    log(`Could not drop the load run's database ${name}: ${error.message}`);
  } finally {
    await admin.end().catch(() => {});
  }
}

async function cleanup() {
  exiting = true;
  for (const child of [...children]) await stopChild(child);
  if (tempPg) stopTempPgSync();
  else await dropFreshDb();
}

process.once('exit', () => {
  exiting = true;
  for (const child of children) child.kill('SIGKILL');
  stopTempPgSync();
});
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
]) {
  process.once(signal, () => {
    log(`\n${signal}: stopping the API and removing the load run's database...`);
    stopping = true;
    const force = setTimeout(() => process.exit(code), 20_000);
    cleanup().finally(() => {
      clearTimeout(force);
      process.exit(code);
    });
  });
}


/** Spawns a node child; its first lines are shown prefixed, its tail kept for errors. */
function startChild(label, script, env) {
  const child = spawn(process.execPath, [script], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  child.label = label;
  child.tail = [];
  child.errorLines = 0;
  let shown = 0;
  const out = (chunk) => {
    for (const line of chunk.toString().split('\n').filter(Boolean)) {
      child.tail.push(line);
      if (child.tail.length > 40) child.tail.shift();
      if (/"level":"(error|fatal)"|\bERROR\b/.test(line)) child.errorLines++;
      if (shown < 15) log(`  [${label}] ${line.length > 300 ? `${line.slice(0, 300)}...` : line}`);
      else if (shown === 15) log(`  [${label}] (more output suppressed)`);
      shown++;
    }
  };
  child.stdout.on('data', out);
  child.stderr.on('data', out);
  child.once('exit', (code, signal) => {
    children.delete(child);
    child.exited = { code, signal };
    if (!exiting && !child.stopping) {
      crashed.push(`${label} exited (${signal ?? code})`);
      log(`\n${label} exited unexpectedly (${signal ?? code}); last output:\n${child.tail.join('\n')}`);
      stopping = true;
    }
  });
  return child;
}

async function stopChild(child) {
  if (!child || child.exited) return;
  child.stopping = true;
  const gone = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await gone;
  clearTimeout(timer);
}

// ---------------------------------------------------------------------------------------------
// CPU of this process and the API processes (percent of one core)
let clkTck = 100;
try {
  clkTck = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
} catch {
  /* keep 100 */
}
function procTicks(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(f[11]) + Number(f[12]);
  } catch {
    return 0;
  }
}
function cpuSnapshot(apis) {
  const own = process.cpuUsage();
  return { at: performance.now(), runner: (own.user + own.system) / 1000, api: apis.reduce((n, a) => n + procTicks(a.child.pid) * (1000 / clkTck), 0) };
}

// ---------------------------------------------------------------------------------------------
// Measurement
function quantile(sorted, q) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}
function latencySummary(samples) {
  const s = Float64Array.from(samples).sort();
  return { n: s.length, p50: quantile(s, 0.5), p95: quantile(s, 0.95), p99: quantile(s, 0.99), max: s.length ? s[s.length - 1] : NaN };
}
const bump = (map, key, n = 1) => map.set(key, (map.get(key) ?? 0) + n);

/** One row per action: everything counted from the start of the timed run. */
const stats = new Map();
function statsOf(action) {
  let s = stats.get(action);
  if (!s) {
    s = { count: 0, ok: 0, refused: 0, failures: 0, unexpected: 0, lat: [], statusClass: new Map(), codes: new Map() };
    stats.set(action, s);
  }
  return s;
}
/** First few examples of each failure kind, to make a FAIL easy to read. */
const examples = new Map();
function example(kind, text) {
  const list = examples.get(kind) ?? [];
  if (list.length < 3) {
    list.push(text);
    examples.set(kind, list);
    log(`  ! ${kind}: ${text}`);
  }
}
/** Refusals by design: counted and printed, never a failure. */
const BY_DESIGN = new Set(['RATE_LIMITED']);

/** Files one answer: ok, refused by design, failure (5xx, internal, transport) or unexpected (other 4xx). */
function record(action, startedAt, { status, codes = [], transport = null, detail = '' }) {
  const s = statsOf(action);
  s.count++;
  s.lat.push(performance.now() - startedAt);
  const cls = transport ? 'transport' : status ? `${String(status)[0]}xx` : 'socket';
  bump(s.statusClass, cls);
  for (const c of codes) bump(s.codes, c);
  if (transport) {
    s.failures++;
    example(`${action}: transport error`, `${transport} ${detail}`);
  } else if (status >= 500 || codes.includes('INTERNAL_SERVER_ERROR')) {
    s.failures++;
    example(`${action}: server error`, `HTTP ${status} ${codes.join(',')} ${detail}`);
  } else if (status === 429 || (codes.length && codes.every((c) => BY_DESIGN.has(c)))) {
    s.refused++;
  } else if ((status && status >= 400) || codes.length) {
    s.unexpected++;
    example(`${action}: unexpected refusal`, `HTTP ${status} ${codes.join(',')} ${detail}`);
  } else {
    s.ok++;
  }
}

// ---------------------------------------------------------------------------------------------
// The web app's GraphQL operations (the allow-list written by `nx run api:build`)
const ALLOWLIST = join(root, 'dist/graphql-allowlist.json');
let DOCS = {};
function loadDocuments() {
  if (!existsSync(ALLOWLIST)) throw new Error(`${ALLOWLIST} is missing: run without --no-build (or npx nx run api:build)`);
  const list = JSON.parse(readFileSync(ALLOWLIST, 'utf8')).operations;
  DOCS = Object.fromEntries(list.map((o) => [o.name, o.document]));
  for (const name of ['Heatmap', 'MapProjects', 'MapSummary', 'Peers', 'RegisterProject', 'UpdateProject']) {
    if (!DOCS[name]) throw new Error(`The web app has no ${name} operation any more (${ALLOWLIST}): update tests/load/run.mjs`);
  }
}

async function graphql(user, action, operationName, variables, { timed = true } = {}) {
  const t = performance.now();
  try {
    const res = await fetch(`${user.api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${user.token}` },
      body: JSON.stringify({ operationName, query: DOCS[operationName], variables }),
      signal: AbortSignal.timeout(HTTP_TIMEOUT_MS),
    });
    const text = await res.text();
    let body = null;
    try {
      body = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    const codes = body ? (body.errors ?? []).map((e) => e.extensions?.code ?? 'NO_CODE') : res.status < 300 ? ['NOT_JSON'] : [];
    const detail = body?.errors?.[0]?.message ?? (body ? '' : text.slice(0, 200));
    if (timed) record(action, t, { status: res.status, codes, detail });
    else if (!res.ok || codes.length) throw new Error(`${operationName}: HTTP ${res.status} ${codes.join(',')} ${detail}`);
    return codes.length ? null : body?.data ?? null;
  } catch (error) {
    if (!timed) throw error;
    const kind = error.name === 'TimeoutError' ? `timeout after ${HTTP_TIMEOUT_MS / 1000} s` : (error.cause?.code ?? error.name);
    record(action, t, { transport: kind, detail: error.cause?.message ?? error.message });
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// What the virtual users ask for
const { THEME_IDS, STAGE_IDS, PROFESSION_IDS, LOCATION_PRECISION_IDS, MESSAGING_LIMITS, SOCKET_EVENTS } = require('@kindred/domain');
const CITIES = [
  ['London', 51.507, -0.128],
  ['Birmingham', 52.486, -1.89],
  ['Manchester', 53.48, -2.242],
  ['Leeds', 53.8, -1.549],
  ['Liverpool', 53.408, -2.991],
  ['Sheffield', 53.381, -1.47],
  ['Bristol', 51.455, -2.588],
  ['Newcastle upon Tyne', 54.978, -1.618],
  ['Nottingham', 52.954, -1.158],
  ['Leicester', 52.637, -1.135],
  ['Norwich', 52.63, 1.297],
  ['Plymouth', 50.376, -4.143],
  ['Glasgow', 55.864, -4.252],
  ['Edinburgh', 55.953, -3.188],
  ['Aberdeen', 57.149, -2.094],
  ['Inverness', 57.478, -4.224],
  ['Cardiff', 51.481, -3.179],
  ['Swansea', 51.621, -3.944],
  ['Belfast', 54.597, -5.93],
];
const rand = (a, b) => a + Math.random() * (b - a);
const pick = (list) => list[Math.floor(Math.random() * list.length)];
const pickSome = (list, min, max) => {
  const n = Math.floor(rand(min, max + 1));
  return [...list].sort(() => Math.random() - 0.5).slice(0, n);
};
const near = ([, lat, lng], km) => ({ lat: +(lat + rand(-km, km) / 111).toFixed(5), lng: +(lng + rand(-km, km) / 70).toFixed(5) });

/** A 1280 x 800 px map view at `zoom` around a point (whole UK around zoom 5). */
function viewport(zoom, centre) {
  const lngSpan = (1280 / 256) * (360 / 2 ** zoom);
  const latSpan = lngSpan * Math.cos((centre.lat * Math.PI) / 180) * (800 / 1280);
  const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));
  return {
    west: +clamp(centre.lng - lngSpan / 2, -180, 179.9).toFixed(5),
    east: +clamp(centre.lng + lngSpan / 2, -179.9, 180).toFixed(5),
    south: +clamp(centre.lat - latSpan / 2, -85, 84.9).toFixed(5),
    north: +clamp(centre.lat + latSpan / 2, -84.9, 85).toFixed(5),
  };
}
function mapFilter() {
  const r = Math.random();
  if (r < 0.6) return null;
  if (r < 0.85) return { themes: pickSome(THEME_IDS, 1, 2) };
  if (r < 0.95) return { stage: pick(STAGE_IDS) };
  return { seekingCollaborators: true };
}
function randomView(minZoom, maxZoom) {
  const zoom = Math.floor(rand(minZoom, maxZoom + 1));
  const centre = zoom <= 6 ? { lat: 54.5 + rand(-1, 1), lng: -3 + rand(-1, 1) } : near(pick(CITIES), 15);
  return { zoom, bbox: viewport(zoom, centre) };
}
const TITLES = ['Food bank referral pathway', 'Warm homes prescription', 'Baby bank at the health centre', 'Welfare advice in clinic', 'School holiday meals', 'Damp and mould housing checks', 'Fuel poverty screening'];
function projectInput() {
  const city = pick(CITIES);
  const input = {
    title: `${pick(TITLES)} (load ${runTag})`,
    summary: `A load-run project: clinicians in ${city[0]} connecting families with support they are entitled to.`,
    themes: pickSome(THEME_IDS, 1, 3),
    stage: pick(STAGE_IDS),
    locationPrecision: pick(LOCATION_PRECISION_IDS),
    seekingCollaborators: Math.random() < 0.4,
    links: [],
  };
  if (Math.random() < 0.7) input.location = near(city, 10);
  else input.placeName = city[0];
  return input;
}
function projectChanges() {
  const r = Math.random();
  if (r < 0.3) return { stage: pick(STAGE_IDS) };
  if (r < 0.5) return { seekingCollaborators: Math.random() < 0.5 };
  if (r < 0.7) return { summary: `Updated ${new Date().toISOString()}: more families reached through the clinic this month.` };
  if (r < 0.85) return { themes: pickSome(THEME_IDS, 1, 3) };
  return { location: near(pick(CITIES), 10) };
}

const ACTIONS = {
  heatmap: (u) => graphql(u, 'heatmap', 'Heatmap', { ...randomView(5, 14), filter: mapFilter() }),
  mapProjects: (u) => {
    const { bbox } = randomView(11, 14);
    return graphql(u, 'mapProjects', 'MapProjects', { bbox, filter: mapFilter(), first: pick([50, 100, 200]) });
  },
  mapSummary: (u) => graphql(u, 'mapSummary', 'MapSummary', { ...randomView(6, 12), filter: mapFilter() }),
  peers: (u) => {
    const r = Math.random();
    const radiusKm = pick([10, 25, 50]);
    const input =
      r < 0.4 && u.projects.length
        ? { projectId: pick(u.projects), radiusKm }
        : r < 0.7
          ? { placeName: pick(CITIES)[0], radiusKm, themes: pickSome(THEME_IDS, 1, 2) }
          : { point: near(pick(CITIES), 5), radiusKm };
    return graphql(u, 'peers', 'Peers', { input, first: 20 });
  },
  registerProject: async (u) => {
    if (u.projects.length >= MAX_OWN_PROJECTS) return ACTIONS.updateProject(u);
    const data = await graphql(u, 'registerProject', 'RegisterProject', { input: projectInput() });
    if (data?.registerProject?.id) u.projects.push(data.registerProject.id);
  },
  updateProject: (u) => {
    if (!u.projects.length) return ACTIONS.registerProject(u);
    return graphql(u, 'updateProject', 'UpdateProject', { id: pick(u.projects), input: projectChanges() });
  },
  message: (u) => {
    const now = performance.now();
    while (u.sent.length && u.sent[0] < now - FLOOD_WINDOW_MS) u.sent.shift();
    if (u.sent.length >= FLOOD_CAP) {
      paced++;
      return ACTIONS.heatmap(u);
    }
    return sendMessage(u);
  },
};
const WEIGHTED = Object.entries(ACTION_WEIGHTS).flatMap(([name, w]) => Array(w).fill(name));

// ---------------------------------------------------------------------------------------------
// Messages
/** clientId -> { t, sender, conv, expected, got: Set<user>, acked, id } */
const messages = new Map();
const deliveryLat = [];
let paced = 0;
let ownEchoes = 0;
let strayDeliveries = 0;
let duplicateDeliveries = 0;
let unexpectedDisconnects = 0;
let msgSeq = 0;
const BODIES = [
  'Has anyone got the new referral form for the food bank?',
  'Warm spaces list for the winter is updated, see the shared folder.',
  'Can we move Thursday clinic huddle to 12:30?',
  'Great turnout at the baby bank today, thank you all.',
  'Housing officer says damp reports now go through the new portal.',
];

function onDeliver(user, msg) {
  const rec = messages.get(msg?.clientId);
  if (!rec || msg.conversationId !== rec.conv) {
    strayDeliveries++;
    return;
  }
  if (user.index === rec.sender) {
    ownEchoes++;
    return;
  }
  if (rec.got.has(user.index)) {
    duplicateDeliveries++;
    return;
  }
  rec.got.add(user.index);
  deliveryLat.push(performance.now() - rec.t);
}

function sendMessage(u) {
  const clientId = `ld${runTag}-${u.index}-${msgSeq++}`;
  const t = performance.now();
  u.sent.push(t);
  const rec = { t, sender: u.index, conv: u.conversation.id, expected: u.conversation.members.length - 1, got: new Set(), acked: false, id: null };
  messages.set(clientId, rec);
  const payload = { conversationId: u.conversation.id, clientId, body: `${pick(BODIES)} #${msgSeq}` };
  return new Promise((done) => {
    u.socket.timeout(ACK_TIMEOUT_MS).emit(SOCKET_EVENTS.send, payload, (err, ack) => {
      if (err) {
        rec.timedOut = true;
        record('message:send', t, { transport: `no ack within ${ACK_TIMEOUT_MS / 1000} s`, detail: clientId });
      } else if (ack?.ok) {
        rec.acked = true;
        rec.id = ack.data?.id;
        record('message:send', t, { status: 0 });
      } else {
        rec.refused = true;
        record('message:send', t, { status: 0, codes: [ack?.error?.code ?? 'NO_ACK_ERROR_CODE'], detail: ack?.error?.message ?? '' });
      }
      done();
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Setup
function signAccessToken(userId) {
  const now = Math.floor(Date.now() / 1000);
  const enc = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const head = `${enc({ alg: 'HS256', typ: 'JWT' })}.${enc({ sub: userId, role: 'clinician', typ: 'access', iat: now, exp: now + 4 * 3600 })}`;
  return `${head}.${createHmac('sha256', JWT_SECRET).update(head).digest('base64url')}`;
}

function build() {
  log('Building the API (npx nx run api:build; --no-build skips this)...');
  const r = spawnSync('npx', ['nx', 'run', 'api:build', '--output-style=static'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
  });
  if (r.status !== 0) throw new Error(`nx run api:build failed (exit ${r.status ?? r.signal})`);
}

/** A fresh database on the given server (or on a temporary one), as the integration tests do. */
async function openDatabase() {
  let serverUrl = P.databaseUrl;
  if (!serverUrl) {
    log('No DATABASE_URL or --database-url: starting a temporary PostgreSQL 15 + PostGIS server...');
    tempPgDir = join(tmpdir(), `kindred-load-pg-${process.pid}`);
    tempPg = await startTempPostgres({ dir: tempPgDir });
    serverUrl = tempPg.url;
  }
  const name = `kindred_load_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  if (!tempPg) freshDb = { adminUrl: serverUrl, name };
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  log(`Database ${name} on ${tempPg ? 'the temporary server' : `${url.hostname}:${url.port || 5432}`}`);
  return url.toString();
}

async function startApis(databaseUrl) {
  const dist = join(root, 'dist/apps/api/main.js');
  if (!existsSync(dist)) throw new Error(`${dist} is missing: run without --no-build (or npx nx run api:build)`);
  const apis = [];
  for (let i = 0; i < P.instances; i++) {
    const port = await freePort();
    const env = {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      JWT_SECRET,
      LOG_LEVEL: 'warn',
      LOG_FORMAT: 'json',
      DATABASE_POOL_SIZE: String(P.pool),
      // The map needs something to show; only the first instance seeds (the others find data).
      SEED_DEMO: i === 0 && P.projects > 0 ? 'true' : 'false',
      SEED_DEMO_COUNT: String(P.projects),
      SMTP_URL: '',
      GRAPHQL_ALLOWLIST: ALLOWLIST,
      // Every virtual user writes from 127.0.0.1: limits on, but far above what a run does.
      RATE_LIMIT_SIGN_IN_PER_EMAIL: '1000000',
      RATE_LIMIT_SIGN_IN_PER_IP: '1000000',
      RATE_LIMIT_SIGN_UP_PER_IP: '1000000',
      RATE_LIMIT_MUTATIONS_PER_USER: '1000000',
    };
    delete env.REDIS_URL;
    if (P.adapter) env.REALTIME_ADAPTER = P.adapter;
    else if (P.instances > 1) env.REALTIME_ADAPTER = 'postgres';
    else delete env.REALTIME_ADAPTER;
    const label = P.instances > 1 ? `api ${String.fromCharCode(65 + i)}` : 'api';
    log(`Starting ${label} (node dist/apps/api/main.js, NODE_ENV=production, pool ${P.pool}) on 127.0.0.1:${port}...`);
    const child = startChild(label, dist, env);
    const t0 = performance.now();
    for (;;) {
      if (child.exited) throw new Error(`${label} exited during start`);
      const ok = await fetch(`http://127.0.0.1:${port}/health/ready`, { signal: AbortSignal.timeout(2000) })
        .then((r) => r.status === 200)
        .catch(() => false);
      if (ok) break;
      if (performance.now() - t0 > 240_000) throw new Error(`${label} was not ready after 240 s; last output:\n${child.tail.join('\n')}`);
      await sleep(300);
    }
    log(`${label} ready after ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    apis.push({ label, url: `http://127.0.0.1:${port}`, child });
  }
  return apis;
}

async function insertUsers(db) {
  const users = Array.from({ length: P.users }, (_, index) => ({ index, id: randomUUID(), projects: [], sent: [] }));
  const groups = Math.max(1, Math.floor(P.users / P.groupSize));
  const conversations = Array.from({ length: groups }, () => ({ id: randomUUID(), members: [] }));
  for (const u of users) {
    u.conversation = conversations[u.index % groups];
    u.conversation.members.push(u.index);
    u.token = signAccessToken(u.id);
  }
  if (conversations.some((c) => c.members.length > MESSAGING_LIMITS.groupMembersMax)) throw new Error('--group-size makes a group too large');
  await db.query(
    `INSERT INTO users (id, email, password_hash, display_name, profession)
     SELECT id, 'load-' || $2 || '-' || n || '@load.kindred.invalid', 'load-run-user-never-signs-in', 'Load clinician ' || n, prof
       FROM unnest($1::uuid[], $3::text[]) WITH ORDINALITY AS t(id, prof, n)`,
    [users.map((u) => u.id), runTag, users.map(() => pick(PROFESSION_IDS))],
  );
  await db.query(
    `INSERT INTO conversations (id, kind, status, title, created_by)
     SELECT id, 'group', 'open', 'Load group ' || n, creator FROM unnest($1::uuid[], $2::uuid[]) WITH ORDINALITY AS t(id, creator, n)`,
    [conversations.map((c) => c.id), conversations.map((c) => users[c.members[0]].id)],
  );
  await db.query(
    `INSERT INTO conversation_members (conversation_id, user_id, role) SELECT c, u, r FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS t(c, u, r)`,
    [users.map((u) => u.conversation.id), users.map((u) => u.id), users.map((u) => (u.conversation.members[0] === u.index ? 'owner' : 'member'))],
  );
  await db.query('ANALYZE users, conversations, conversation_members');
  return { users, conversations };
}

/**
 * One or two projects each, through the API (untimed), one at a time: setup is not the
 * measurement, so concurrent writes are left to the timed run, where their failures are counted.
 */
async function registerStartingProjects(users) {
  for (const u of users.flatMap((user) => (user.index % 2 ? [user, user] : [user]))) {
    const data = await graphql(u, 'setup', 'RegisterProject', { input: projectInput() }, { timed: false });
    u.projects.push(data.registerProject.id);
  }
}

async function connectSockets(users) {
  const queue = [...users];
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      for (let u = queue.shift(); u; u = queue.shift()) {
        await new Promise((done, fail) => {
          const s = connectSocket(u.api.url, { path: '/socket.io', transports: ['websocket'], auth: { token: u.token }, reconnection: false, forceNew: true, timeout: 20_000 });
          s.on(SOCKET_EVENTS.messageNew, (msg) => onDeliver(u, msg));
          s.once('connect', done);
          s.once('connect_error', (err) => fail(new Error(`socket of user ${u.index} could not connect: ${err.message} ${JSON.stringify(err.data ?? '')}`)));
          s.on('disconnect', (reason) => {
            if (s.closing || exiting) return;
            unexpectedDisconnects++;
            example('socket disconnected', `user ${u.index}: ${reason}`);
          });
          u.socket = s;
        });
      }
    }),
  );
}

async function fanOut(db) {
  const { rows } = await db.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN "socket.io#%'`);
  if (rows[0].n > 0) return `PostgreSQL LISTEN/NOTIFY adapter (${rows[0].n} listening)`;
  return P.adapter ? `REALTIME_ADAPTER=${P.adapter}` : 'in-process (no adapter)';
}

// ---------------------------------------------------------------------------------------------
// The run
async function runTraffic(users, apis) {
  const t0 = performance.now();
  const deadline = t0 + P.seconds * 1000;
  const cpu0 = cpuSnapshot(apis);
  let lastPrint = { at: t0, requests: 0, messages: 0 };
  const totalRequests = () => [...stats.values()].reduce((n, s) => n + s.count, 0);
  const totalFailures = () => [...stats.values()].reduce((n, s) => n + s.failures + s.unexpected, 0) + unexpectedDisconnects;
  const ticker = setInterval(() => {
    const now = performance.now();
    const requests = totalRequests();
    const sent = statsOf('message:send').count;
    const recent = [...stats.values()].flatMap((s) => s.lat.slice(-400));
    log(
      `  ${((now - t0) / 1000).toFixed(0).padStart(3)}/${P.seconds} s: ${requests} answers (${((requests - lastPrint.requests) / ((now - lastPrint.at) / 1000)).toFixed(0)}/s), ` +
        `${sent} messages acked or refused (${((sent - lastPrint.messages) / ((now - lastPrint.at) / 1000)).toFixed(1)}/s), ${deliveryLat.length} deliveries, ` +
        `recent p95 ${latencySummary(recent).p95.toFixed(0)} ms, failures ${totalFailures()}`,
    );
    lastPrint = { at: now, requests, messages: sent };
  }, PROGRESS_MS);
  const vu = async (u) => {
    await sleep(rand(0, thinkMax));
    while (!stopping && performance.now() < deadline) {
      await ACTIONS[pick(WEIGHTED)](u);
      await sleep(rand(thinkMin, thinkMax));
    }
  };
  const stopAt = setTimeout(() => (stopping = true), P.seconds * 1000);
  await Promise.all(users.map(vu));
  clearTimeout(stopAt);
  clearInterval(ticker);
  const cpu1 = cpuSnapshot(apis);
  const wall = cpu1.at - cpu0.at;
  return {
    elapsed: (performance.now() - t0) / 1000,
    cpu: { runner: (100 * (cpu1.runner - cpu0.runner)) / wall, api: (100 * (cpu1.api - cpu0.api)) / wall },
  };
}

/** Waits until every acked message reached every other member (or the grace period ends). */
async function awaitDeliveries() {
  const t0 = performance.now();
  const missing = () => {
    let n = 0;
    for (const rec of messages.values()) if (rec.acked) n += rec.expected - rec.got.size;
    return n;
  };
  while (missing() > 0 && performance.now() - t0 < DELIVERY_GRACE_MS) await sleep(100);
  for (const [clientId, rec] of messages) {
    if (rec.acked && rec.got.size < rec.expected) example('lost message', `${clientId} (id ${rec.id}) reached ${rec.got.size} of ${rec.expected} other members`);
  }
  return missing();
}

/** Every acked message stored exactly once, every conversation's seq gapless from 1. */
async function verifyStorage(db, users, conversations) {
  const acked = [...messages.values()].filter((r) => r.acked);
  const ids = acked.map((r) => r.id);
  const problems = [];
  if (ids.some((id) => !id)) problems.push(`${ids.filter((id) => !id).length} acks carried no message id`);
  const { rows: found } = await db.query(`SELECT id::text, count(*)::int AS n FROM messages WHERE id = ANY($1::uuid[]) GROUP BY id`, [ids.filter(Boolean)]);
  const storedOnce = found.filter((r) => r.n === 1).length;
  if (found.length !== new Set(ids).size) problems.push(`${new Set(ids).size - found.length} acked messages not in the database`);
  if (found.some((r) => r.n !== 1)) problems.push('a message id stored more than once');
  const { rows: dup } = await db.query(
    `SELECT count(*)::int AS n FROM (SELECT author_id, client_id FROM messages WHERE author_id = ANY($1::uuid[]) GROUP BY 1, 2 HAVING count(*) > 1) d`,
    [users.map((u) => u.id)],
  );
  if (dup[0].n) problems.push(`${dup[0].n} client ids stored more than once`);
  const { rows: seqs } = await db.query(
    `SELECT c.id::text, c.last_seq::int AS last, count(m.id)::int AS n, coalesce(min(m.seq), 0)::int AS lo, coalesce(max(m.seq), 0)::int AS hi
       FROM conversations c LEFT JOIN messages m ON m.conversation_id = c.id WHERE c.id = ANY($1::uuid[]) GROUP BY c.id`,
    [conversations.map((c) => c.id)],
  );
  const gappy = seqs.filter((r) => r.n !== r.hi || (r.n && r.lo !== 1) || r.last !== r.hi);
  if (gappy.length) problems.push(`${gappy.length} conversations with gaps or repeats in seq`);
  const storedTotal = seqs.reduce((n, r) => n + r.n, 0);
  const { rows: projects } = await db.query(`SELECT count(*)::int AS n FROM projects WHERE owner_id = ANY($1::uuid[])`, [users.map((u) => u.id)]);
  const expectedProjects = users.reduce((n, u) => n + u.projects.length, 0);
  if (projects[0].n !== expectedProjects) problems.push(`${projects[0].n} load-run projects stored, ${expectedProjects} registered`);
  return { acked: acked.length, storedOnce, storedTotal, projects: projects[0].n, expectedProjects, problems };
}

// ---------------------------------------------------------------------------------------------
// Report
const ms = (v) => (Number.isNaN(v) ? 'n/a' : v < 10 ? v.toFixed(1) : v.toFixed(0));
const pct = (n, d) => (d ? `${((100 * n) / d).toFixed(n && (100 * n) / d < 0.1 ? 2 : 1)}%` : 'n/a');
const mapText = (m) => (m.size ? [...m].map(([k, v]) => `${k} ${v}`).join(', ') : '');

function report({ run, lost, storage, fanOutText, started, load0, load1 }) {
  const actionRows = [...Object.keys(ACTION_WEIGHTS).filter((a) => a !== 'message'), 'message:send']
    .filter((a) => stats.get(a)?.count > 0)
    .map((a) => {
      const s = stats.get(a);
      const l = latencySummary(s.lat);
      const errors = s.failures + s.unexpected + s.refused;
      return (
        `| ${a} | ${s.count} | ${(s.count / P.seconds).toFixed(1)} | ${pct(errors, s.count)} | ${s.failures} | ${s.unexpected} | ${s.refused} | ` +
        `${ms(l.p50)} | ${ms(l.p95)} | ${ms(l.p99)} | ${ms(l.max)} |`
      );
    });
  const all = [...stats.values()];
  const sum = (f) => all.reduce((n, s) => n + f(s), 0);
  const allLat = latencySummary(all.flatMap((s) => s.lat));
  const totalCount = sum((s) => s.count);
  const totalErrors = sum((s) => s.failures + s.unexpected + s.refused);
  const delivery = latencySummary(deliveryLat);
  const expectedDeliveries = [...messages.values()].filter((r) => r.acked).reduce((n, r) => n + r.expected, 0);
  const statusClass = new Map();
  const codes = new Map();
  for (const s of all) {
    for (const [k, v] of s.statusClass) bump(statusClass, k, v);
    for (const [k, v] of s.codes) bump(codes, k, v);
  }
  const otherCodes = new Map([...codes].filter(([c]) => c !== 'INTERNAL_SERVER_ERROR' && !BY_DESIGN.has(c)));
  const send = stats.get('message:send') ?? { count: 0, failures: 0, refused: 0, unexpected: 0 };
  const ackTimeouts = [...messages.values()].filter((r) => r.timedOut).length;
  const serverErrors = sum((s) => (s.statusClass.get('5xx') ?? 0)) + (codes.get('INTERNAL_SERVER_ERROR') ?? 0);
  const transport = sum((s) => (s.statusClass.get('transport') ?? 0)) - ackTimeouts;
  const unexpected = sum((s) => s.unexpected);
  const everyAction = Object.keys(ACTION_WEIGHTS).filter((a) => ACTION_WEIGHTS[a] > 0).every((a) => (a === 'message' ? send.count > 0 : stats.get(a)?.count > 0));
  const checks = [
    ['no HTTP 5xx or INTERNAL_SERVER_ERROR', serverErrors === 0, `${serverErrors}`],
    ['no transport errors or HTTP timeouts', transport === 0, `${transport}`],
    ['no unexpected refusals (4xx or error codes other than RATE_LIMITED)', unexpected === 0, `${unexpected}${otherCodes.size ? ` (codes: ${mapText(otherCodes)})` : ''}`],
    ['every message send acked', ackTimeouts === 0, `${ackTimeouts} ack timeouts`],
    [
      `no lost message (every acked message on every other member's socket within ${DELIVERY_GRACE_MS / 1000} s of the end)`,
      lost === 0,
      `${lost} deliveries missing of ${expectedDeliveries}`,
    ],
    ['every acked message stored exactly once, seq gapless, every registered project stored', storage.problems.length === 0, storage.problems.join('; ') || `${storage.storedOnce}/${storage.acked} messages, ${storage.projects}/${storage.expectedProjects} projects`],
    ['no socket dropped, no API process exited', unexpectedDisconnects === 0 && crashed.length === 0, [`${unexpectedDisconnects} disconnects`, ...crashed].join('; ')],
    ['every kind of action ran', everyAction, everyAction ? 'yes' : `ran: ${[...stats.keys()].join(', ')}`],
  ];
  const passed = checks.filter((c) => c[1]).length;
  const groupCount = Math.max(1, Math.floor(P.users / P.groupSize));
  const sizes = [Math.floor(P.users / groupCount), Math.ceil(P.users / groupCount)];
  const groupSizes = sizes[0] === sizes[1] ? `${sizes[0]}` : `${sizes[0]} or ${sizes[1]}`;
  const verdict = passed === checks.length ? 'PASS' : 'FAIL';
  const lines = [
    `## Load run, profile \`${profileName}\`, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC: **${verdict}**`,
    '',
    `${P.users} virtual users for ${P.seconds} s (ran ${run.elapsed.toFixed(1)} s, in-flight actions finished after the deadline), ` +
      `think time ${thinkMin}-${thinkMax} ms between actions, against ${P.instances} API process${P.instances > 1 ? 'es' : ''} ` +
      `(NODE_ENV=production, DATABASE_POOL_SIZE=${P.pool}, allow-list on, real-time fan-out: ${fanOutText}) on ` +
      `${tempPg ? 'a temporary PostgreSQL 15 (loopback, fsync off)' : 'a fresh database on the DATABASE_URL server'} with ${P.projects} demo projects. ` +
      `Each user has one websocket and is in one of ${groupCount} group conversations of ${groupSizes}. ` +
      `Mix (weights): ${Object.entries(ACTION_WEIGHTS).map(([a, w]) => `${a} ${w}`).join(', ')}.`,
    '',
    `Machine: ${cpus().length} cores, Node ${process.version}; load average ${load0.map((l) => l.toFixed(2)).join(' / ')} at start, ` +
      `${load1.map((l) => l.toFixed(2)).join(' / ')} at end. CPU during the run (100% = one core): API ${run.cpu.api.toFixed(0)}%, ` +
      `load runner ${run.cpu.runner.toFixed(0)}%. Whole run ${((performance.now() - started) / 1000).toFixed(0)} s.`,
    '',
    '| action | answers | per s | error rate | failures (5xx, internal, transport, timeout) | unexpected (4xx) | refused by design | p50 ms | p95 ms | p99 ms | max ms |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...actionRows,
    `| **all** | ${totalCount} | ${(totalCount / P.seconds).toFixed(1)} | ${pct(totalErrors, totalCount)} | ${sum((s) => s.failures)} | ${unexpected} | ${sum((s) => s.refused)} | ` +
      `${ms(allLat.p50)} | ${ms(allLat.p95)} | ${ms(allLat.p99)} | ${ms(allLat.max)} |`,
    '',
    `Latency: send to answer (GraphQL over HTTP with keep-alive; \`message:send\`: emit to ack). Answers by class: ${mapText(statusClass)}` +
      ` (\`socket\` = acks). Error codes: ${mapText(codes) || 'none'}.`,
    '',
    `Messages: ${send.count} sends answered, ${storage.acked} acked and stored, ${send.refused} refused by design, ${ackTimeouts} ack timeouts; ` +
      `${deliveryLat.length} of ${expectedDeliveries} deliveries to other members (${(deliveryLat.length / P.seconds).toFixed(1)}/s), ` +
      `delivery latency (send to \`message:new\` on another member's socket) p50 ${ms(delivery.p50)} ms, p95 ${ms(delivery.p95)} ms, ` +
      `p99 ${ms(delivery.p99)} ms, max ${ms(delivery.max)} ms; ${lost} lost, ${duplicateDeliveries} duplicate deliveries, ${strayDeliveries} stray. ` +
      `${storage.storedTotal} messages in the load conversations. ${paced} message actions became map reads to stay under the flood limit ` +
      `(${MESSAGING_LIMITS.floodMessages} per ${MESSAGING_LIMITS.floodWindowSeconds} s per user).`,
    '',
    ...checks.map(([name, ok, detail]) => `- ${ok ? 'PASS' : '**FAIL**'}: ${name} (${detail})`),
  ];
  if (examples.size) {
    lines.push('', 'First examples of each problem:', '');
    for (const [kind, list] of examples) for (const text of list) lines.push(`- ${kind}: ${text.replace(/\|/g, '/')}`);
  }
  const apiErrors = run.apiErrorLines;
  if (apiErrors) lines.push('', `The API logged ${apiErrors} error lines during the run.`);
  lines.push('', `${verdict}: ${passed} of ${checks.length} checks passed.`);
  return { text: lines.join('\n'), verdict, checks };
}

// ---------------------------------------------------------------------------------------------
async function main() {
  const started = performance.now();
  const load0 = loadavg();
  log(
    `Load run, profile ${profileName}: ${P.users} users, ${P.seconds} s, ${P.instances} API process${P.instances > 1 ? 'es' : ''}; ` +
      `${cpus().length} cores, load average ${load0.map((l) => l.toFixed(2)).join(' ')}`,
  );
  if (P.build) build();
  loadDocuments();
  const databaseUrl = await openDatabase();
  const apis = await startApis(databaseUrl);
  const db = new pg.Client({ connectionString: databaseUrl });
  // Ctrl-C drops the database (WITH FORCE) while this client may still be open.
  db.on('error', (error) => log(`Database connection: ${error.message}`));
  await db.connect();
  try {
    const { users, conversations } = await insertUsers(db);
    users.forEach((u) => (u.api = apis[u.index % apis.length]));
    log(`Inserted ${users.length} users and ${conversations.length} group conversations; registering their first projects through the API...`);
    await registerStartingProjects(users);
    await connectSockets(users);
    const fanOutText = await fanOut(db);
    log(`${users.length} sockets connected; fan-out: ${fanOutText}`);
    log(`\nRunning mixed traffic for ${P.seconds} s (progress every ${PROGRESS_MS / 1000} s)...`);
    const errorLines0 = apis.reduce((n, a) => n + a.child.errorLines, 0);
    const run = await runTraffic(users, apis);
    run.apiErrorLines = apis.reduce((n, a) => n + a.child.errorLines, 0) - errorLines0;
    log(`Traffic stopped after ${run.elapsed.toFixed(1)} s; waiting up to ${DELIVERY_GRACE_MS / 1000} s for deliveries...`);
    const lost = await awaitDeliveries();
    const storage = await verifyStorage(db, users, conversations);
    for (const u of users) {
      if (!u.socket) continue;
      u.socket.closing = true;
      u.socket.disconnect();
    }
    const load1 = loadavg();
    const { text, verdict, checks } = report({ run, lost, storage, fanOutText, started, load0, load1 });
    process.stdout.write(`\n${text}\n`);
    mkdirSync(dirname(P.results), { recursive: true });
    writeFileSync(P.results, `${text}\n`);
    log(`\nWritten to ${P.results.startsWith(`${process.cwd()}/`) ? relative(process.cwd(), P.results) : P.results}`);
    if (P.reportJson) {
      const passed = checks.filter((c) => c[1]).length;
      writeFileSync(P.reportJson, JSON.stringify({ passed, failed: checks.length - passed, verdict, checks: checks.map(([name, ok, detail]) => ({ name, ok, detail })) }, null, 2));
    }
    return verdict === 'PASS' ? 0 : 1;
  } finally {
    await db.end().catch(() => {});
  }
}

main()
  .catch((error) => {
    log(`\nLoad run failed: ${error?.stack ?? error}`);
    if (P.reportJson) {
      const detail = String(error?.message ?? error).slice(0, 500);
      writeFileSync(P.reportJson, JSON.stringify({ passed: 0, failed: 1, verdict: 'FAIL', checks: [{ name: 'the load run completed', ok: false, detail }] }, null, 2));
    }
    return 1;
  })
  .then(async (code) => {
    await cleanup();
    process.exit(code);
  });
