#!/usr/bin/env node
// `npm test`: every check and every test runner, then one closing line `N passed, N failed`.
// Integration and browser tests use DATABASE_URL when set (a real PostgreSQL+PostGIS server),
// else the embedded PGlite+PostGIS. Missing Chromium is installed with apt when run as root.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './pg-temp.mjs';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, '.test-results');
const CHROMIUM = '/usr/bin/chromium';
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
process.env.NX_DAEMON = 'false';
process.env.NX_NO_CLOUD = 'true';
process.env.FORCE_COLOR ??= '0';

const results = [];
let failedSteps = 0;

function say(text) {
  process.stdout.write(`\n=== ${text}\n`);
}

function run(label, cmd, args, env = {}) {
  say(label);
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(`--- ${label}: ${r.status === 0 ? 'ok' : `FAILED (exit ${r.status ?? r.signal})`} in ${seconds} s\n`);
  return r.status === 0;
}

function ensureChromium() {
  if (existsSync(CHROMIUM)) return true;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    process.stdout.write(`Chromium is missing at ${CHROMIUM}; install Debian's chromium package (apt-get install chromium) and run again.\n`);
    return false;
  }
  say('Chromium is missing: installing Debian\'s chromium with apt (running as root)');
  return (
    run('apt-get update', 'apt-get', ['update', '-qq']) &&
    run('apt-get install chromium', 'apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-liberation'], { DEBIAN_FRONTEND: 'noninteractive' })
  );
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** Installs Debian packages when run as root; otherwise says what is missing. */
function ensureApt(what, check, packages) {
  if (check()) return true;
  if (!isRoot) {
    process.stdout.write(`${what} is missing; install ${packages.join(' ')} with apt-get and run again.\n`);
    return false;
  }
  say(`${what} is missing: installing ${packages.join(' ')} with apt (running as root)`);
  return (
    run('apt-get update', 'apt-get', ['update', '-qq']) &&
    run(`apt-get install ${packages.join(' ')}`, 'apt-get', ['install', '-y', '-qq', ...packages], { DEBIAN_FRONTEND: 'noninteractive' })
  );
}

const hasRedis = () => spawnSync('redis-server', ['--version']).status === 0;
const hasPostgres = () => existsSync('/usr/lib/postgresql/15/bin/initdb');

/** Names of what failed in a jest JSON report: each failed test, or the suite when it failed to run. */
function jestFailures(j) {
  const names = [];
  for (const suite of j.testResults ?? []) {
    const file = suite.name.replace(root, '');
    const failedTests = (suite.assertionResults ?? []).filter((a) => a.status === 'failed');
    for (const a of failedTests) names.push(`${file}: ${a.fullName}`);
    if (suite.status === 'failed' && failedTests.length === 0) {
      const firstLine = (suite.message ?? '').split('\n').map((l) => l.trim()).find((l) => l && !l.startsWith('●')) ?? 'failed to run';
      names.push(`${file}: suite failed: ${firstLine.slice(0, 300)}`);
    }
  }
  return names;
}

/** Titles of the unexpected results in a Playwright JSON report, and its top-level errors. */
function playwrightFailures(j) {
  const names = [];
  const walk = (suite, path) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) if (t.status === 'unexpected') names.push(`${spec.file}: ${[...path, spec.title].join(' > ')}`);
    }
    for (const child of suite.suites ?? []) walk(child, [...path, child.title]);
  };
  for (const s of j.suites ?? []) walk(s, []);
  for (const e of j.errors ?? []) names.push(`error: ${String(e.message ?? e).split('\n')[0].slice(0, 300)}`);
  return names;
}

function jestCounts(file, label) {
  try {
    const j = JSON.parse(readFileSync(file, 'utf8'));
    const failed = j.numFailedTests + (j.numRuntimeErrorTestSuites ?? 0);
    results.push({ label, passed: j.numPassedTests, failed, skipped: j.numPendingTests + j.numTodoTests, failures: jestFailures(j) });
  } catch {
    results.push({ label, passed: 0, failed: 1, skipped: 0, note: 'no report (the runner crashed)' });
  }
}

function playwrightCounts(file, label) {
  try {
    const j = JSON.parse(readFileSync(file, 'utf8'));
    const s = j.stats;
    results.push({ label, passed: s.expected + s.flaky, failed: s.unexpected + (j.errors?.length ?? 0), skipped: s.skipped, failures: playwrightFailures(j) });
  } catch {
    results.push({ label, passed: 0, failed: 1, skipped: 0, note: 'no report (the runner crashed)' });
  }
}

const dbLabel = process.env.DATABASE_URL ? 'PostgreSQL server (DATABASE_URL)' : 'embedded PostGIS';

if (!run('Build (libs, API, web)', 'npx', ['nx', 'run-many', '-t', 'build', '--projects=api,web', '--output-style=static'])) failedSteps++;
if (!run('Lint and typecheck', 'npx', ['nx', 'run-many', '-t', 'lint', 'typecheck', '--output-style=static'])) failedSteps++;

run('Unit tests (libs, API units, web)', 'npx', ['jest', '--selectProjects', 'domain', 'geo', 'api-client', 'api', 'web', '--json', `--outputFile=${join(out, 'unit.json')}`]);
jestCounts(join(out, 'unit.json'), 'unit');

run(`API integration tests on ${dbLabel}`, 'npx', ['jest', '--selectProjects', 'api-integration', '--runInBand', '--json', `--outputFile=${join(out, 'integration.json')}`]);
jestCounts(join(out, 'integration.json'), `integration (${dbLabel})`);

/**
 * Runs `body(url)` against a PostgreSQL server: DATABASE_URL, or else a throwaway one (installed with
 * apt when missing and run as root) that is stopped and removed afterwards. False when none is possible.
 */
async function withServerDatabase(name, body) {
  let url = process.env.DATABASE_URL;
  if (!url && !ensureApt('PostgreSQL 15 + PostGIS', hasPostgres, ['postgresql-15', 'postgresql-15-postgis-3'])) return false;
  const dir = join(tmpdir(), `kindred-${name}-pg-${process.pid}`);
  let pg = null;
  if (!url) {
    const { startTempPostgres } = await import('./pg-temp.mjs');
    pg = await startTempPostgres({ dir });
    url = pg.url;
  }
  try {
    await body(url);
  } finally {
    if (pg) {
      await pg.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return true;
}

// Two API processes sharing one PostgreSQL server (and Redis): needs a real server.
{
  const label = 'multi-instance (two API processes)';
  const ran =
    ensureApt('Redis', hasRedis, ['redis-server']) &&
    (await withServerDatabase('multi', async (url) => {
      run('Multi-instance tests (two API processes, PostgreSQL and Redis fan-out)', 'npx', ['jest', '--selectProjects', 'multi-instance', '--runInBand', '--json', `--outputFile=${join(out, 'multi.json')}`], { DATABASE_URL: url });
      jestCounts(join(out, 'multi.json'), label);
    }));
  if (!ran) results.push({ label, passed: 0, failed: 1, skipped: 0, note: 'Redis or PostgreSQL unavailable' });
}

// The CI load profile (tests/load): 24 virtual users for 60 s of mixed traffic against the built API;
// each of its checks (no 5xx, no lost message, ...) counts as one test. After the other server
// stages, so it runs alone.
{
  const label = 'load (ci profile, 60 s)';
  const ran = await withServerDatabase('load', async (url) => {
    const report = join(out, 'load.json');
    run('Load run (ci profile: 24 virtual users, 60 s)', 'node', ['tests/load/run.mjs', '--profile', 'ci', '--no-build', '--results', join(out, 'load-ci.md'), '--report-json', report], { DATABASE_URL: url });
    try {
      const j = JSON.parse(readFileSync(report, 'utf8'));
      results.push({ label, passed: j.passed, failed: j.failed, skipped: 0, ...(j.failed ? { note: j.checks.filter((c) => !c.ok).map((c) => c.name).join('; ') } : {}) });
    } catch {
      results.push({ label, passed: 0, failed: 1, skipped: 0, note: 'no report (the load run crashed)' });
    }
  });
  if (!ran) results.push({ label, passed: 0, failed: 1, skipped: 0, note: 'PostgreSQL unavailable' });
}


if (ensureChromium()) {
  run(`Browser tests (Chromium) on ${dbLabel}`, 'npx', ['playwright', 'test', '-c', 'tests/e2e/playwright.config.ts'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: join(out, 'e2e.json'),
    E2E_PORT: String(process.env.E2E_PORT ?? (await freePort())),
  });
  playwrightCounts(join(out, 'e2e.json'), 'browser (e2e)');
} else {
  results.push({ label: 'browser (e2e)', passed: 0, failed: 1, skipped: 0, note: 'Chromium unavailable' });
}

const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0) + failedSteps;
writeFileSync(join(out, 'summary.json'), JSON.stringify({ passed, failed, failedSteps, results }, null, 2));
say('Summary');
for (const r of results) {
  process.stdout.write(`  ${r.label.padEnd(50)} ${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(3)} failed${r.skipped ? ` ${r.skipped} skipped` : ''}${r.note ? `  (${r.note})` : ''}\n`);
}
if (failedSteps) process.stdout.write(`  ${failedSteps} build/lint/typecheck step(s) failed (counted as failures)\n`);
const failures = results.flatMap((r) => (r.failures ?? []).map((f) => `${r.label}: ${f}`));
if (failures.length) {
  process.stdout.write('Failed:\n');
  for (const f of failures) process.stdout.write(`  - ${f}\n`);
}
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 ? 0 : 1);
