#!/usr/bin/env node
// Real-time benchmark: N socket.io clients (one user and one connection each) in group
// conversations on loopback, sending `message:send` at a fixed total rate and then as fast as a
// bounded closed loop allows; reports delivery latency (median, p99, max), ack latency, messages
// and deliveries per second, beside a bare socket.io server (no auth, no storage: emit to the room,
// ack) measured in the same run with the same clients, and the ratio. Writes the markdown table to
// tests/bench/results/realtime.md.
//
//   npm run bench:realtime                                    # 1,000 clients, 100 conversations, 500 msg/s, 20 s
//   npm run bench:realtime -- --clients 100 --conversations 10 --rate 50 --seconds 5
//   npm run bench:realtime -- --database-url postgres://...  # instead of a temporary PostgreSQL
//
// Other flags: --warmup 3 (s before each measured window), --throughput-seconds 8 (closed loop,
// measured, split into --rounds 2 alternating baseline/Kindred rounds so both see the same machine
// load), --in-flight 100 (closed loop: sends in flight at once, spread over the conversations, at
// most one per sender), --pool 20 (the API's DATABASE_POOL_SIZE), --adapter none|postgres|redis
// (passed as REALTIME_ADAPTER; default: the API's own default), --only kindred|baseline (no
// results file then).
//
// Setup skips sign-up (argon2 would take minutes for 1,000 users): users, conversations and members
// are inserted with SQL and access tokens are signed here (HS256) with the JWT_SECRET the API child
// gets. The API runs as a child process (`node dist/apps/api/main.js`, built by
// `npm run bench:realtime`), the baseline as another (baseline-server.mjs); the clients run in this
// process, so every latency is read on one performance.now() clock. Children and the temporary
// database are stopped on exit, failure and Ctrl-C.
import { execFileSync, spawn } from 'node:child_process';
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { freePort, startTempPostgres } from '../../../tools/pg-temp.mjs';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../../..');
const { io: connectSocket } = require('socket.io-client');
const pg = require('pg');
const { MESSAGING_LIMITS, SOCKET_EVENTS } = require('@kindred/domain');

// ---------------------------------------------------------------------------------------------
// Parameters
const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const num = (name, fallback) => Number(flag(name, String(fallback)));
const P = {
  clients: num('clients', 1000),
  conversations: num('conversations', 100),
  rate: num('rate', 500),
  seconds: num('seconds', 20),
  warmup: num('warmup', 3),
  throughputSeconds: num('throughput-seconds', 8),
  rounds: num('rounds', 2),
  inFlight: num('in-flight', 100),
  pool: num('pool', 20),
  adapter: flag('adapter', process.env.REALTIME_ADAPTER || ''),
  only: flag('only', 'all'),
  databaseUrl: flag('database-url', process.env.DATABASE_URL || ''),
};
const members = P.clients / P.conversations;
const floodPerSecond = MESSAGING_LIMITS.floodMessages / MESSAGING_LIMITS.floodWindowSeconds;
function usage(problem) {
  process.stderr.write(`${problem}\n`);
  process.exit(2);
}
for (const k of ['clients', 'conversations', 'rate', 'seconds', 'throughputSeconds', 'rounds', 'inFlight', 'pool']) {
  if (!Number.isFinite(P[k]) || P[k] <= 0) usage(`--${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} must be a positive number`);
}
if (!Number.isFinite(P.warmup) || P.warmup < 0) usage('--warmup must be 0 or more seconds');
if (!Number.isInteger(members) || members < 2 || members > MESSAGING_LIMITS.groupMembersMax) {
  usage(`--clients must be --conversations times a group size from 2 to ${MESSAGING_LIMITS.groupMembersMax}`);
}
if (P.rate / P.clients > floodPerSecond * 0.8) {
  usage(
    `--rate ${P.rate} over ${P.clients} users is ${(P.rate / P.clients).toFixed(2)} messages/s each; the API refuses more than ` +
      `${MESSAGING_LIMITS.floodMessages} per ${MESSAGING_LIMITS.floodWindowSeconds} s per user: add clients or lower the rate`,
  );
}
if (!['all', 'kindred', 'baseline'].includes(P.only)) usage('--only must be kindred or baseline');

const JWT_SECRET = 'kindred-realtime-benchmark-secret-not-for-production-0123456789';
const ACK_TIMEOUT_MS = 15_000;
const DRAIN_MS = 15_000;
const CONNECT_CONCURRENCY = 50;
const LOOP_RESOLUTION_MS = 10;
/** A fixed-rate phase stops when this many seconds' worth of sends are unanswered. */
const OVERLOAD_SECONDS = 3;
const ROUND_WARMUP_S = 1;
const tty = process.stderr.isTTY;
const log = (s) => process.stderr.write(`${s}\n`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const runTag = randomBytes(3).toString('hex');

// ---------------------------------------------------------------------------------------------
// Child processes and cleanup: children and the temporary database go on every way out.
const children = new Set();
let pgServer = null;
let usedTempPg = false;
let exiting = false;
process.once('exit', () => {
  exiting = true;
  for (const child of children) child.kill('SIGKILL');
  try {
    pgServer?.stop();
  } catch (error) {
    process.stderr.write(`Could not stop the temporary PostgreSQL: ${error.message}\n`);
  }
});
process.once('SIGINT', () => {
  log('\nInterrupted: stopping the API, the baseline server and the database...');
  process.exit(130);
});
process.once('SIGTERM', () => process.exit(143));


/** Spawns a node child; its output is shown prefixed (the first 20 lines) and its tail kept for errors. */
function startChild(label, script, env, onStdout) {
  const child = spawn(process.execPath, [script], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  child.tail = [];
  let shown = 0;
  const out = (chunk) => {
    for (const line of chunk.toString().split('\n').filter(Boolean)) {
      child.tail.push(line);
      if (child.tail.length > 40) child.tail.shift();
      if (shown < 20) log(`  [${label}] ${line}`);
      else if (shown === 20) log(`  [${label}] (more output suppressed)`);
      shown++;
    }
  };
  child.stdout.on('data', onStdout ?? out);
  child.stderr.on('data', out);
  child.once('exit', (code, signal) => {
    children.delete(child);
    child.exited = { code, signal };
    if (!exiting && !child.stopping) {
      log(`${label} exited unexpectedly (${signal ?? code}); last output:\n${child.tail.join('\n')}`);
      process.exit(1);
    }
  });
  return child;
}

async function stopChild(child) {
  if (!child || child.exited) return;
  child.stopping = true;
  const gone = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await gone;
  clearTimeout(timer);
}

function httpStatus(url) {
  return new Promise((resolve) => {
    const req = request(url, { timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.once('error', () => resolve(0));
    req.once('timeout', () => req.destroy());
    req.end();
  });
}

// ---------------------------------------------------------------------------------------------
// CPU accounting per phase: this process (the clients), the server child, the temporary PostgreSQL.
let clkTck = 100;
try {
  clkTck = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
} catch {
  /* keep 100 */
}
function procStat(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) };
  } catch {
    return null;
  }
}
/** CPU ticks of the temporary server's postmaster and its children (backends, walwriter...). */
function postgresTicks() {
  if (!pgServer) return null;
  let postmaster;
  try {
    postmaster = Number(readFileSync(`${pgServer.dir}/data/postmaster.pid`, 'utf8').split('\n')[0]);
  } catch {
    return null;
  }
  let ticks = procStat(postmaster)?.ticks ?? 0;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const s = procStat(name);
    if (s && s.ppid === postmaster) ticks += s.ticks;
  }
  return ticks;
}
/** CPU time so far in ms (null if unknown). */
function cpuSnapshot(target) {
  const own = process.cpuUsage();
  const pgTicks = target.usesPostgres ? postgresTicks() : null;
  return {
    at: performance.now(),
    bench: (own.user + own.system) / 1000,
    server: (procStat(target.pid)?.ticks ?? 0) * (1000 / clkTck),
    postgres: pgTicks === null ? null : pgTicks * (1000 / clkTck),
  };
}
/** Percent of one core between two snapshots. */
function cpuPercent(a, b) {
  const wall = b.at - a.at;
  const pct = (x, y) => (x === null || y === null ? null : (100 * (y - x)) / wall);
  return { bench: pct(a.bench, b.bench), server: pct(a.server, b.server), postgres: pct(a.postgres, b.postgres), seconds: wall / 1000 };
}

// ---------------------------------------------------------------------------------------------
// Clients and measurement
const convIds = Array.from({ length: P.conversations }, () => randomUUID());
const userIds = Array.from({ length: P.clients }, () => randomUUID());
const convOf = (user) => Math.floor(user / members);
const BODY = 'checking in about the food bank referral pathway before Thursday clinic, any news?';

/** The phase being measured; a delivery for any other (a backlog) is counted as stray. */
let cur = null;
let stray = 0;
let unexpectedDisconnects = 0;

function onDeliver(user, msg) {
  const now = performance.now();
  const phase = cur;
  const rec = phase?.records.get(msg?.clientId);
  if (!rec) {
    stray++;
    return;
  }
  if (user === rec.sender) {
    phase.ownEcho++;
    return;
  }
  rec.delivered++;
  phase.deliveryAt.push(now);
  phase.deliveryLat.push(now - rec.t);
  phase.deliverySentAt.push(rec.t);
}

async function connectAll(target) {
  const sockets = new Array(P.clients);
  let connected = 0;
  let next = 0;
  const t0 = performance.now();
  let lastPrint = 0;
  await new Promise((resolve, reject) => {
    const startOne = () => {
      if (next >= P.clients) return;
      const i = next++;
      const s = connectSocket(target.url, {
        path: '/socket.io',
        transports: ['websocket'],
        auth: target.auth(i),
        reconnection: false,
        forceNew: true, // one connection per client: no multiplexing over a shared Manager
        timeout: 30_000,
      });
      s.on(SOCKET_EVENTS.messageNew, (msg) => onDeliver(i, msg));
      s.once('connect', () => {
        connected++;
        const now = performance.now();
        if (connected === P.clients || now - lastPrint > (tty ? 200 : 3000)) {
          lastPrint = now;
          const line = `  ${target.label}: connected ${connected}/${P.clients} sockets (${((now - t0) / 1000).toFixed(1)} s)`;
          process.stderr.write(tty ? `\r${line}   ` : `${line}\n`);
        }
        if (connected === P.clients) resolve();
        else startOne();
      });
      s.once('connect_error', (err) => reject(new Error(`${target.label}: socket ${i} could not connect: ${err.message} ${JSON.stringify(err.data ?? '')}`)));
      s.on('disconnect', (reason) => {
        if (!s.closing) {
          unexpectedDisconnects++;
          if (unexpectedDisconnects <= 5) log(`\n  ${target.label}: socket ${i} disconnected (${reason})`);
        }
      });
      sockets[i] = s;
    };
    for (let k = 0; k < CONNECT_CONCURRENCY; k++) startOne();
  });
  if (tty) process.stderr.write('\n');
  target.sockets = sockets;
  target.connectSeconds = (performance.now() - t0) / 1000;
}

function closeAll(target) {
  for (const s of target.sockets ?? []) {
    s.closing = true;
    s.disconnect();
  }
}

function newPhase(target, name, tag, { t0, ws, we }) {
  return {
    name,
    tag,
    target,
    t0,
    ws,
    we,
    seq: 0,
    records: new Map(),
    sent: 0,
    acksOk: 0,
    errors: new Map(),
    timeouts: 0,
    ackAt: [],
    deliveryAt: [],
    deliveryLat: [],
    deliverySentAt: [],
    ackLat: [],
    ackSentAt: [],
    ownEcho: 0,
    outstanding: 0,
    paced: 0,
  };
}

/** Against Kindred every send is remembered per user, to stay under the API's flood limit. */
const FLOOD_CAP = MESSAGING_LIMITS.floodMessages - 2;
const FLOOD_WINDOW_MS = MESSAGING_LIMITS.floodWindowSeconds * 1000 + 500;
function underFloodLimit(target, user, now) {
  if (!target.flood) return true;
  const times = target.recent[user];
  while (times.length && times[0] < now - FLOOD_WINDOW_MS) times.shift();
  return times.length < FLOOD_CAP;
}

function send(phase, user, onAcked) {
  const { target } = phase;
  const clientId = `b${runTag}-${phase.tag}-${phase.seq++}`;
  const t = performance.now();
  const rec = { t, sender: user, delivered: 0, acked: false };
  phase.records.set(clientId, rec);
  phase.sent++;
  phase.outstanding++;
  if (target.flood) target.recent[user].push(t);
  const payload = { conversationId: convIds[convOf(user)], clientId, body: `${BODY} #${phase.seq}` };
  target.sockets[user].timeout(ACK_TIMEOUT_MS).emit(SOCKET_EVENTS.send, payload, (err, ack) => {
    const now = performance.now();
    phase.outstanding--;
    if (err) phase.timeouts++;
    else if (!ack?.ok) {
      const code = ack?.error?.code ?? 'NO_ACK';
      phase.errors.set(code, (phase.errors.get(code) ?? 0) + 1);
      if ((phase.errors.get(code) ?? 0) <= 3) log(`\n  ${phase.name}: send refused: ${code} ${ack?.error?.message ?? ''}`);
    } else {
      rec.acked = true;
      phase.acksOk++;
      phase.ackAt.push(now);
      phase.ackLat.push(now - t);
      phase.ackSentAt.push(t);
    }
    onAcked?.(user);
  });
}

function quantile(sorted, q) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}
function summary(samples) {
  const s = Float64Array.from(samples).sort();
  return { n: s.length, median: quantile(s, 0.5), p99: quantile(s, 0.99), max: s.length ? s[s.length - 1] : NaN };
}

const errorCount = (phase) => phase.timeouts + [...phase.errors.values()].reduce((a, b) => a + b, 0);

function progress(phase) {
  const now = performance.now();
  if (now - (phase.lastPrint ?? 0) < (tty ? 500 : 5000)) return;
  phase.lastPrint = now;
  const lat = phase.deliveryLat;
  const recent = lat.length ? summary(lat.slice(-5000)) : null;
  const line =
    `  ${phase.name}: ${(Math.max(0, now - phase.t0) / 1000).toFixed(1)}/${((phase.we - phase.t0) / 1000).toFixed(0)} s, ` +
    `sent ${phase.sent}, acked ${phase.acksOk}, in flight ${phase.outstanding}` +
    `${recent ? `, recent delivery p99 ${ms(recent.p99)} ms` : ''}${errorCount(phase) ? `, errors ${errorCount(phase)}` : ''}`;
  process.stderr.write(tty ? `\r${line}    ` : `${line}\n`);
}

/** Waits for outstanding acks and the deliveries of every acked message (or DRAIN_MS). */
async function drain(phase) {
  const t0 = performance.now();
  const expected = members - 1;
  for (;;) {
    let complete = phase.outstanding === 0;
    if (complete) {
      for (const rec of phase.records.values()) {
        if (rec.acked && rec.delivered < expected) {
          complete = false;
          break;
        }
      }
    }
    if (complete || performance.now() - t0 > DRAIN_MS) break;
    await sleep(50);
  }
  let missing = 0;
  for (const rec of phase.records.values()) if (rec.acked) missing += expected - rec.delivered;
  phase.missing = missing;
  phase.unanswered = phase.outstanding;
}

async function measurePhase(phase, driver) {
  const { target } = phase;
  const loop = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
  const a = cpuSnapshot(target);
  loop.enable();
  cur = phase;
  await driver();
  loop.disable();
  const b = cpuSnapshot(target);
  if (tty) process.stderr.write('\n');
  await drain(phase);
  phase.cpu = cpuPercent(a, b);
  // The histogram records whole timer intervals: the delay is what exceeds the resolution.
  phase.loopDelayP99 = Math.max(0, loop.percentile(99) / 1e6 - LOOP_RESOLUTION_MS);
  // Counted only now: an overloaded phase moves its window. Rates count what arrived inside the
  // window; latencies are of the messages sent inside it.
  const within = (t) => t >= phase.ws && t < phase.we;
  phase.acksInWindow = phase.ackAt.filter(within).length;
  phase.deliveriesInWindow = phase.deliveryAt.filter(within).length;
  const inWindow = (lat, sentAt) => lat.filter((_, j) => within(sentAt[j]));
  phase.deliveryIn = inWindow(phase.deliveryLat, phase.deliverySentAt);
  phase.ackIn = inWindow(phase.ackLat, phase.ackSentAt);
  phase.windowSeconds = (phase.we - phase.ws) / 1000;
  phase.delivery = summary(phase.deliveryIn);
  phase.ack = summary(phase.ackIn);
  log(
    `  ${phase.name}: ${(phase.acksInWindow / phase.windowSeconds).toFixed(0)} acks/s, ` +
      `delivery median ${ms(phase.delivery.median)} ms, p99 ${ms(phase.delivery.p99)} ms, errors ${errorCount(phase) + phase.missing + phase.unanswered}` +
      ` (CPU: clients ${pct(phase.cpu.bench)}, server ${pct(phase.cpu.server)}${phase.cpu.postgres === null ? '' : `, PostgreSQL ${pct(phase.cpu.postgres)}`})`,
  );
  cur = null;
  phase.records.clear();
  await target.settle?.();
  return phase;
}

/**
 * Untimed: two messages per conversation, all conversations at once, so the server's code is warm
 * and (Kindred) its connection pool is open before the first measured phase.
 */
async function prime(target) {
  const t0 = performance.now();
  const phase = newPhase(target, `${target.label}, priming`, `${target.key}p`, { t0, ws: Infinity, we: Infinity });
  cur = phase;
  for (let member = 0; member < 2; member++) {
    await Promise.all(convIds.map((_, c) => new Promise((resolve) => send(phase, c * members + member, resolve))));
  }
  await drain(phase);
  cur = null;
  phase.records.clear();
  log(`${target.label}: primed with ${phase.sent} untimed messages in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  await target.settle?.();
}

/** Open loop: message i goes at t0 + i / rate, whatever the answers, from a rotating sender. */
function fixedRate(target) {
  const t0 = performance.now() + 50;
  const ws = t0 + P.warmup * 1000;
  const we = ws + P.seconds * 1000;
  const phase = newPhase(target, `${target.label}, ${P.rate} msg/s`, `${target.key}r`, { t0, ws, we });
  phase.offered = P.rate;
  const total = Math.round(((we - t0) / 1000) * P.rate);
  const overloadAt = Math.max(200, P.rate * OVERLOAD_SECONDS);
  log(`${target.label}: ${P.rate} msg/s, ${P.warmup} s warm-up + ${P.seconds} s measured`);
  return measurePhase(phase, () => {
    let i = 0;
    return new Promise((resolve) => {
      const timer = setInterval(() => {
        const now = performance.now();
        const due = Math.min(total, Math.floor(((now - t0) * P.rate) / 1000));
        for (; i < due; i++) {
          const conv = i % P.conversations;
          const member = Math.floor(i / P.conversations) % members;
          send(phase, conv * members + member);
        }
        progress(phase);
        if (phase.outstanding > overloadAt && now < phase.we) {
          // Far behind: stop offering, or the backlog would last minutes and spill into the next phase.
          phase.overloaded = { after: (now - t0) / 1000, inFlight: phase.outstanding };
          if (now < phase.ws) phase.ws = t0;
          phase.we = now;
          log(`\n  ${phase.name}: overloaded: ${phase.outstanding} sends unanswered after ${phase.overloaded.after.toFixed(1)} s; stopping this phase`);
        }
        if (now >= phase.we) {
          clearInterval(timer);
          resolve();
        }
      }, 1);
    });
  });
}

/**
 * Closed loop: `--in-flight` lanes spread over the conversations, each sending its next message as
 * soon as the previous one is acked, from the next member of its conversation who has nothing in
 * flight (and, against Kindred, is under the API's flood limit: 18 in any 10.5 s; `paced` counts
 * the waits for that, which would mean the limit, not the server, bounds the result).
 */
function closedLoopRound(target, round, seconds) {
  const t0 = performance.now() + 50;
  const ws = t0 + ROUND_WARMUP_S * 1000;
  const we = ws + seconds * 1000;
  const phase = newPhase(target, `${target.label}, closed loop round ${round}`, `${target.key}t${round}`, { t0, ws, we });
  const busy = new Uint8Array(P.clients);
  const cursor = new Uint32Array(P.conversations);
  return measurePhase(phase, () => {
    return new Promise((resolve) => {
      let lanes = P.inFlight;
      const next = (conv) => {
        const now = performance.now();
        if (now >= we) {
          if (--lanes === 0) resolve();
          return;
        }
        for (let k = 0; k < members; k++) {
          const user = conv * members + (cursor[conv]++ % members);
          if (busy[user] || !underFloodLimit(target, user, now)) continue;
          busy[user] = 1;
          send(phase, user, (u) => {
            busy[u] = 0;
            next(conv);
          });
          return;
        }
        phase.paced++;
        setTimeout(() => next(conv), 20);
      };
      for (let lane = 0; lane < P.inFlight; lane++) setTimeout(() => next(lane % P.conversations), 0);
      const ticker = setInterval(() => {
        progress(phase);
        if (performance.now() >= we) clearInterval(ticker);
      }, 250);
    });
  });
}

/** The closed-loop rounds of one target as one result. */
function mergeRounds(target, rounds) {
  const sum = (f) => rounds.reduce((a, r) => a + f(r), 0);
  const windowSeconds = sum((r) => r.windowSeconds);
  const errors = new Map();
  for (const r of rounds) for (const [code, n] of r.errors) errors.set(code, (errors.get(code) ?? 0) + n);
  const avgCpu = (k) => (rounds.some((r) => r.cpu[k] === null) ? null : sum((r) => r.cpu[k] * r.cpu.seconds) / sum((r) => r.cpu.seconds));
  return {
    name: `${target.label}, closed loop (${P.inFlight} in flight)`,
    offered: null,
    windowSeconds,
    acksInWindow: sum((r) => r.acksInWindow),
    deliveriesInWindow: sum((r) => r.deliveriesInWindow),
    delivery: summary(rounds.flatMap((r) => r.deliveryIn)),
    ack: summary(rounds.flatMap((r) => r.ackIn)),
    errors,
    timeouts: sum((r) => r.timeouts),
    missing: sum((r) => r.missing),
    unanswered: sum((r) => r.unanswered),
    paced: sum((r) => r.paced),
    cpu: { bench: avgCpu('bench'), server: avgCpu('server'), postgres: avgCpu('postgres') },
    loopDelayP99: Math.max(...rounds.map((r) => r.loopDelayP99)),
    perRound: rounds.map((r) => r.acksInWindow / r.windowSeconds),
  };
}

// ---------------------------------------------------------------------------------------------
// Setup
function signAccessToken(userId) {
  const now = Math.floor(Date.now() / 1000);
  const enc = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const head = `${enc({ alg: 'HS256', typ: 'JWT' })}.${enc({ sub: userId, role: 'clinician', typ: 'access', iat: now, exp: now + 7200 })}`;
  return `${head}.${createHmac('sha256', JWT_SECRET).update(head).digest('base64url')}`;
}

async function insertFixtures(db) {
  await db.query(
    `INSERT INTO users (id, email, password_hash, display_name, profession)
     SELECT id, 'bench-rt-' || $2 || '-' || n || '@bench.kindred.invalid', 'benchmark-user-never-signs-in',
            'Bench clinician ' || n, 'doctor'
       FROM unnest($1::uuid[]) WITH ORDINALITY AS t(id, n)`,
    [userIds, runTag],
  );
  await db.query(
    `INSERT INTO conversations (id, kind, status, title, created_by)
     SELECT id, 'group', 'open', 'Bench group ' || n, creator
       FROM unnest($1::uuid[], $2::uuid[]) WITH ORDINALITY AS t(id, creator, n)`,
    [convIds, convIds.map((_, c) => userIds[c * members])],
  );
  await db.query(
    `INSERT INTO conversation_members (conversation_id, user_id, role)
     SELECT c, u, r FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS t(c, u, r)`,
    [userIds.map((_, u) => convIds[convOf(u)]), userIds, userIds.map((_, u) => (u % members === 0 ? 'owner' : 'member'))],
  );
  await db.query('ANALYZE users, conversations, conversation_members');
}

async function removeFixtures(db) {
  await db.query(`DELETE FROM conversations WHERE id = ANY($1::uuid[])`, [convIds]);
  await db.query(`DELETE FROM users WHERE id = ANY($1::uuid[])`, [userIds]);
}

async function startBaseline() {
  let child;
  const port = await new Promise((resolve, reject) => {
    child = startChild('baseline', join(here, 'baseline-server.mjs'), { ...process.env }, (chunk) => {
      try {
        resolve(JSON.parse(chunk.toString().split('\n')[0]).port);
      } catch (error) {
        reject(error);
      }
    });
  });
  log(`Baseline (bare socket.io) listening on 127.0.0.1:${port}`);
  return {
    key: 'b',
    label: 'bare socket.io',
    child,
    pid: child.pid,
    flood: false,
    usesPostgres: false,
    url: `http://127.0.0.1:${port}`,
    auth: (i) => ({ room: convIds[convOf(i)], userId: userIds[i] }),
  };
}

async function startKindred() {
  const dist = join(root, 'dist/apps/api/main.js');
  if (!existsSync(dist)) throw new Error('No API build: run `npm run bench:realtime` (it builds first) or `npx nx run api:build`');
  let databaseUrl = P.databaseUrl;
  if (!databaseUrl) {
    log('No --database-url: starting a temporary PostgreSQL 15 + PostGIS server...');
    const dir = '/tmp/kindred-bench-realtime-pg';
    pgServer = await startTempPostgres({ dir });
    pgServer.dir = dir;
    usedTempPg = true;
    databaseUrl = pgServer.url;
  }
  const port = await freePort();
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    SEED_DEMO: 'false',
    JWT_SECRET,
    LOG_LEVEL: 'warn',
    DATABASE_POOL_SIZE: String(P.pool),
    SMTP_URL: '',
  };
  if (P.adapter) env.REALTIME_ADAPTER = P.adapter;
  else delete env.REALTIME_ADAPTER;
  log(`Starting the API (node dist/apps/api/main.js, pool ${P.pool}) on 127.0.0.1:${port}; migrations run at start...`);
  const child = startChild('api', dist, env);
  const t0 = performance.now();
  while ((await httpStatus(`http://127.0.0.1:${port}/health/ready`)) !== 200) {
    if (performance.now() - t0 > 180_000) throw new Error(`The API was not ready after 180 s; last output:\n${child.tail.join('\n')}`);
    await sleep(250);
  }
  log(`API ready after ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  log(`Inserting ${P.clients} users, ${P.conversations} group conversations and their members with SQL...`);
  await insertFixtures(db);
  const tokens = userIds.map(signAccessToken);
  const storedCount = async () =>
    (await db.query(`SELECT count(*)::int AS n FROM messages WHERE conversation_id = ANY($1::uuid[])`, [convIds])).rows[0].n;
  return {
    key: 'k',
    label: 'Kindred',
    child,
    pid: child.pid,
    flood: true,
    usesPostgres: usedTempPg,
    recent: Array.from({ length: P.clients }, () => []),
    url: `http://127.0.0.1:${port}`,
    auth: (i) => ({ token: tokens[i] }),
    db,
    storedCount,
    /** Which fan-out the API uses: the PostgreSQL adapter shows as a backend that LISTENs. */
    async fanOut() {
      const { rows } = await db.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE query LIKE 'LISTEN "socket.io#%'`);
      if (rows[0].n > 0) return `PostgreSQL LISTEN/NOTIFY adapter${P.adapter ? ` (REALTIME_ADAPTER=${P.adapter})` : ' (the API default with DATABASE_URL)'}`;
      return P.adapter ? `REALTIME_ADAPTER=${P.adapter}` : 'in-memory (no adapter)';
    },
    /**
     * Sends whose ack timed out may still be queued in the API: wait until the stored count stops
     * growing, so one phase's backlog never runs into the next.
     */
    async settle() {
      const t1 = performance.now();
      let last = await storedCount();
      for (;;) {
        await sleep(700);
        const n = await storedCount();
        if (n === last) break;
        log(`  Kindred: still storing a backlog (${n.toLocaleString('en-GB')} messages stored)...`);
        if (performance.now() - t1 > 120_000) throw new Error('The API was still working through its backlog after 120 s');
        last = n;
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Report
const ms = (v) => (Number.isNaN(v) ? 'n/a' : v < 10 ? v.toFixed(2) : v.toFixed(1));
const pct = (v) => (v === null || v === undefined ? 'n/a' : `${v.toFixed(0)}%`);
const perSecond = (n, s) => (s > 0 ? (n / s).toFixed(0) : 'n/a');
const int = (n) => Math.round(n).toLocaleString('en-GB');

function errorText(phase) {
  const parts = [];
  for (const [code, n] of phase.errors) parts.push(`${n} ${code}`);
  if (phase.timeouts) parts.push(`${phase.timeouts} ack timeouts`);
  if (phase.unanswered) parts.push(`${phase.unanswered} unanswered`);
  if (phase.missing) parts.push(`${phase.missing} deliveries missing`);
  if (phase.overloaded) parts.push(`**overloaded: stopped after ${phase.overloaded.after.toFixed(1)} s with ${phase.overloaded.inFlight} unanswered**`);
  return parts.length ? parts.join(', ') : '0';
}
function row(phase) {
  return (
    `| ${phase.name} | ${phase.offered === null ? 'max' : int(phase.offered)} | ${perSecond(phase.acksInWindow, phase.windowSeconds)} | ` +
    `${perSecond(phase.deliveriesInWindow, phase.windowSeconds)} | ${ms(phase.delivery.median)} | ${ms(phase.delivery.p99)} | ${ms(phase.delivery.max)} | ` +
    `${ms(phase.ack.median)} | ${ms(phase.ack.p99)} | ${errorText(phase)} |`
  );
}
function cpuRow(phase) {
  return `| ${phase.name} | ${pct(phase.cpu.bench)} | ${pct(phase.cpu.server)} | ${pct(phase.cpu.postgres)} | ${ms(phase.loopDelayP99)} |`;
}

async function main() {
  const load0 = loadavg();
  const started = performance.now();
  log(
    `Real-time benchmark: ${P.clients} clients in ${P.conversations} conversations of ${members}, ${P.rate} msg/s; ` +
      `${cpus().length} cores, load average ${load0.map((l) => l.toFixed(2)).join(' ')}`,
  );

  const targets = [];
  if (P.only !== 'kindred') targets.push(await startBaseline());
  if (P.only !== 'baseline') targets.push(await startKindred());
  for (const target of targets) {
    log(`\n${target.label}: connecting ${P.clients} clients...`);
    await connectAll(target);
  }
  const kindred = targets.find((t) => t.key === 'k');
  const fanOut = kindred ? await kindred.fanOut() : null;
  if (fanOut) log(`Kindred real-time fan-out: ${fanOut}`);
  await sleep(500);

  // Fixed rate, one target after the other.
  for (const target of targets) {
    log('');
    await prime(target);
    target.fixed = await fixedRate(target);
    await sleep(500);
  }
  // Closed loop in alternating rounds, so both targets see the same (shared, changing) machine load.
  const roundSeconds = P.throughputSeconds / P.rounds;
  const rounds = new Map(targets.map((t) => [t, []]));
  for (let r = 1; r <= P.rounds; r++) {
    for (const target of targets) {
      log(`\n${target.label}: closed loop round ${r}/${P.rounds}, ${P.inFlight} in flight, ${ROUND_WARMUP_S} s warm-up + ${roundSeconds} s measured`);
      rounds.get(target).push(await closedLoopRound(target, r, roundSeconds));
      await sleep(300);
    }
  }
  for (const target of targets) target.loop = mergeRounds(target, rounds.get(target));

  const load1 = loadavg();
  for (const target of targets) closeAll(target);
  if (kindred) {
    log(`Messages stored by the API: ${int(await kindred.storedCount())}`);
    if (!usedTempPg) await removeFixtures(kindred.db);
    await kindred.db.end();
  }
  for (const target of targets) await stopChild(target.child);
  if (pgServer) {
    pgServer.stop();
    pgServer = null;
  }

  const k = kindred;
  const b = targets.find((t) => t.key === 'b');
  const tput = (t) => t.loop.acksInWindow / t.loop.windowSeconds;
  const verdicts = [];
  if (k && b) {
    const ratio = tput(k) / tput(b);
    const p99 = k.fixed.delivery.p99;
    const kept =
      k.fixed.acksInWindow / k.fixed.windowSeconds >= 0.98 * P.rate && !errorCount(k.fixed) && !k.fixed.missing && !k.fixed.unanswered && !k.fixed.overloaded;
    const atAimRate = P.rate === 500;
    verdicts.push(
      `- Throughput (closed loop, acked messages/s over ${P.rounds} alternating rounds): Kindred ${tput(k).toFixed(0)} ` +
        `(rounds: ${k.loop.perRound.map((x) => x.toFixed(0)).join(', ')}) vs bare socket.io ${tput(b).toFixed(0)} ` +
        `(rounds: ${b.loop.perRound.map((x) => x.toFixed(0)).join(', ')}): **${ratio.toFixed(2)}x** of the baseline; ` +
        `aim at least 0.33x: **${ratio >= 1 / 3 ? 'met' : 'not met'}**` +
        (k.loop.paced ? ` (Kindred lanes waited ${k.loop.paced} times for the per-user flood limit: the limit, not the server, bounded it)` : ''),
      `- Delivery latency at ${P.rate} msg/s: Kindred p99 ${ms(p99)} ms, median ${ms(k.fixed.delivery.median)} ms; bare socket.io p99 ` +
        `${ms(b.fixed.delivery.p99)} ms, median ${ms(b.fixed.delivery.median)} ms (Kindred/baseline p99: ${(p99 / b.fixed.delivery.p99).toFixed(1)}x). ` +
        `Aim: p99 under 25 ms at 500 msg/s${atAimRate ? '' : ` (this run offered ${P.rate} msg/s, so it is not assessed)`}: ` +
        `**${atAimRate ? (p99 < 25 && kept ? 'met' : 'not met') : 'n/a'}**` +
        (kept ? '' : ' (Kindred did not keep up with the offered rate without errors)'),
    );
  }

  const report = [
    `## Real-time benchmark, ${new Date().toISOString().slice(0, 10)}`,
    '',
    `${int(P.clients)} clients (one user and one socket.io connection each, websocket transport, all in the benchmark process) in ` +
      `${int(P.conversations)} group conversations of ${members}, on loopback. Fixed rate: ${int(P.rate)} messages/s spread round-robin over the ` +
      `conversations and their members (${(P.rate / P.clients).toFixed(2)} messages/s per user), ${P.warmup} s warm-up then ${P.seconds} s measured, ` +
      `one target after the other. Closed loop: ${P.inFlight} sends in flight (at most one per sender), ${P.rounds} rounds per target alternating ` +
      `baseline/Kindred, each ${ROUND_WARMUP_S} s warm-up then ${roundSeconds} s measured.`,
    '',
    `Kindred: the built API as a child process (NODE_ENV=production, DATABASE_POOL_SIZE=${P.pool}, real-time fan-out: ${fanOut ?? 'n/a'}) on ` +
      `${usedTempPg ? 'a temporary PostgreSQL 15 (loopback, fsync off, synchronous_commit off)' : 'the PostgreSQL at --database-url'}. ` +
      `Baseline: a bare socket.io 4.8 server as a child process (no auth, no storage: on \`message:send\` it emits a message of the same shape ` +
      `to the room, then acks).`,
    '',
    `Machine: ${cpus().length} cores (${cpus()[0]?.model?.trim() ?? 'unknown'}), Node ${process.version}; load average (1/5/15 min) ` +
      `${load0.map((l) => l.toFixed(2)).join(' / ')} at start, ${load1.map((l) => l.toFixed(2)).join(' / ')} at end` +
      `${load0[0] > cpus().length / 2 || load1[0] > cpus().length / 2 ? ': the machine was shared with other work, so absolute numbers are pessimistic' : ''}. ` +
      `Run time ${((performance.now() - started) / 1000).toFixed(0)} s.`,
    '',
    `Latency = receive time − send time on one clock (clients and senders share this process). A delivery is a \`message:new\` on the ` +
      `socket of one of the ${members - 1} other members; the sender's own socket receives it too (the room includes it) but that echo ` +
      `is not counted. msgs/s and deliveries/s count acks and deliveries received inside the measured window; latencies are of messages ` +
      `sent inside it. Errors: refused sends (by code), ack timeouts (${ACK_TIMEOUT_MS / 1000} s), deliveries missing ${DRAIN_MS / 1000} s after ` +
      `the last send; a fixed-rate phase stops early (overloaded) when ${OVERLOAD_SECONDS} s worth of sends are unanswered.`,
    '',
    '| scenario | msgs/s offered | msgs/s delivered (acks/s) | deliveries/s | latency median ms | p99 ms | max ms | ack median ms | ack p99 ms | errors |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    ...targets.flatMap((t) => [row(t.fixed), row(t.loop)]),
    '',
    ...verdicts,
    '',
    "CPU during each measured phase (100% = one core) and the clients' event-loop delay; when the clients' process nears 100%, the clients, " +
      'not the server, bound the numbers:',
    '',
    '| scenario | clients (benchmark process) | server process | PostgreSQL | clients event-loop delay p99 ms |',
    '|---|---:|---:|---:|---:|',
    ...targets.flatMap((t) => [cpuRow(t.fixed), cpuRow(t.loop)]),
    '',
    `Connecting ${int(P.clients)} sockets took ${targets.map((t) => `${t.connectSeconds.toFixed(1)} s (${t.label})`).join(', ')}.` +
      (stray ? ` ${int(stray)} late deliveries (after their phase) were ignored.` : '') +
      (unexpectedDisconnects ? ` ${unexpectedDisconnects} sockets disconnected unexpectedly.` : ''),
  ].join('\n');

  process.stdout.write(`\n${report}\n`);
  if (P.only === 'all') {
    mkdirSync(join(root, 'tests/bench/results'), { recursive: true });
    writeFileSync(join(root, 'tests/bench/results/realtime.md'), `${report}\n`);
    log('\nWritten to tests/bench/results/realtime.md');
  } else {
    log(`\n--only ${P.only}: results not written`);
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    log(`\nReal-time benchmark failed: ${error?.stack ?? error}`);
    process.exit(1);
  },
);
