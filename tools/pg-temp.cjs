// Starts a throwaway PostgreSQL 15 + PostGIS server on loopback for benchmarks and load runs, as
// .ci/run does: Debian's binaries, run as the `postgres` user on a folder it owns.
'use strict';
const { execFileSync, spawnSync } = require('node:child_process');
const { chownSync, existsSync, mkdirSync } = require('node:fs');
const { createServer } = require('node:net');

const PGBIN = '/usr/lib/postgresql/15/bin';

/** A loopback port nothing is listening on (for servers started by scripts and tests). */
function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function asPostgres(cmd) {
  const r = spawnSync('su', ['postgres', '-c', cmd], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} failed:\n${r.stdout}\n${r.stderr}`);
}

/**
 * @param {{ dir: string, reuse?: boolean }} options `dir` keeps the data; with `reuse` an existing
 * cluster there is started again (so a 1M-project seed survives between benchmark runs).
 */
async function startTempPostgres({ dir, reuse = false }) {
  if (!existsSync(`${PGBIN}/initdb`)) throw new Error(`PostgreSQL 15 is not installed (${PGBIN}); apt-get install postgresql-15 postgresql-15-postgis-3, or set DATABASE_URL`);
  if (process.getuid?.() !== 0) throw new Error('Starting a temporary PostgreSQL needs root (to run it as the postgres user); or set DATABASE_URL');
  const data = `${dir}/data`;
  if (!(reuse && existsSync(`${data}/PG_VERSION`))) {
    execFileSync('rm', ['-rf', dir]);
    mkdirSync(dir, { recursive: true });
    chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString().trim()), Number(execFileSync('id', ['-g', 'postgres']).toString().trim()));
    asPostgres(`${PGBIN}/initdb -D ${data} -A trust -U postgres --no-sync >/dev/null`);
  }
  // A previous run that crashed may have left its server up: stop it before starting again.
  if (existsSync(`${data}/postmaster.pid`)) spawnSync('su', ['postgres', '-c', `${PGBIN}/pg_ctl -D ${data} -m fast stop`], { stdio: 'ignore' });
  const port = await freePort();
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c shared_buffers=1GB -c work_mem=64MB -c max_connections=200 -c jit=off`;
  const start = () => asPostgres(`${PGBIN}/pg_ctl -D ${data} -l ${dir}/server.log -w -o "${opts}" start >/dev/null`);
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    stop: () => asPostgres(`${PGBIN}/pg_ctl -D ${data} -m fast stop >/dev/null`),
    /** Starts it again on the same port and data (after stop): for fault tests. */
    restart: start,
  };
}

module.exports = { startTempPostgres, freePort };
