// Starts the built API (which serves the web build) for the browser tests, on a fresh database:
// a new database on the server named by DATABASE_URL, or an in-memory embedded PostGIS.
import { spawn } from 'node:child_process';
import pg from 'pg';

const port = process.env.E2E_PORT ?? '3210';
const env = {
  ...process.env,
  PORT: port,
  HOST: '127.0.0.1',
  EMBEDDED_DB_DIR: ':memory:',
  SEED_DEMO: 'true',
  SEED_DEMO_COUNT: '60',
  // No tile server is reachable in tests: the bundled UK outline gives the map its shape.
  TILE_URL: '',
  LOG_LEVEL: 'warn',
  // The browser tests sign up and write quickly from 127.0.0.1: far above the production limits.
  RATE_LIMIT_SIGN_IN_PER_EMAIL: '100000',
  RATE_LIMIT_SIGN_IN_PER_IP: '100000',
  RATE_LIMIT_SIGN_UP_PER_IP: '100000',
  RATE_LIMIT_MUTATIONS_PER_USER: '100000',
};

let dropDatabase = async () => {};
if (process.env.DATABASE_URL) {
  const name = `kindred_e2e_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
  dropDatabase = async () => {
    const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  };
} else {
  delete env.DATABASE_URL;
}

const child = spawn(process.execPath, ['dist/apps/api/main.js'], { env, stdio: 'inherit' });
let stopping = false;
const stop = async () => {
  stopping = true;
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  await dropDatabase().catch(() => {});
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
child.on('exit', (code) => {
  if (!stopping) process.exit(code ?? 1);
});
