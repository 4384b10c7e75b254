import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
/** Shared by every instance, as in production: a token from one is valid on the others. */
export const JWT_SECRET = 'multi-instance-test-secret-0123456789-abcdefghij';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function waitFor(check: () => Promise<boolean>, what: string, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

export interface ApiInstance {
  name: string;
  url: string;
  port: number;
  process: ChildProcess;
  /** Everything the instance printed (for failure messages). */
  output(): string;
  /** SIGKILL: a crash, no graceful shutdown. */
  kill(): Promise<void>;
  /** SIGTERM and wait for the exit (graceful shutdown). */
  stop(): Promise<void>;
}

/** Starts `node dist/apps/api/main.js` as its own process and waits until it answers /health/live. */
export async function startApi(name: string, env: Record<string, string>): Promise<ApiInstance> {
  const port = await freePort();
  let out = '';
  const child = spawn(process.execPath, [join(root, 'dist', 'apps', 'api', 'main.js')], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      PORT: String(port),
      HOST: '127.0.0.1',
      SEED_DEMO: 'false',
      JWT_SECRET,
      LOG_LEVEL: 'warn',
      DATABASE_POOL_SIZE: '5',
      // The tests sign up and write from 127.0.0.1 in quick succession: far above the production limits.
      RATE_LIMIT_SIGN_IN_PER_EMAIL: '100000',
      RATE_LIMIT_SIGN_IN_PER_IP: '100000',
      RATE_LIMIT_SIGN_UP_PER_IP: '100000',
      RATE_LIMIT_MUTATIONS_PER_USER: '100000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  await waitFor(async () => {
    if (child.exitCode !== null) throw new Error(`${name} exited: ${out}`);
    const res = await fetch(`${url}/health/live`);
    return res.ok;
  }, `${name} to start`).catch((error: Error) => {
    child.kill('SIGKILL');
    throw new Error(`${error.message}\n${out}`);
  });
  return {
    name,
    url,
    port,
    process: child,
    output: () => out,
    async kill() {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

export interface RedisServer {
  url: string;
  port: number;
  stop(): Promise<void>;
  /** Starts it again on the same port (after stop). */
  restart(): Promise<void>;
}

export function redisAvailable(): boolean {
  return spawnSync('redis-server', ['--version']).status === 0;
}

/** A throwaway Redis (Debian's redis-server) on a free loopback port, no persistence. */
export async function startRedis(): Promise<RedisServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'kindred-redis-'));
  let child: ChildProcess | null = null;
  const launch = async () => {
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], {
      stdio: 'ignore',
    });
    await waitFor(async () => spawnSync('redis-cli', ['-p', String(port), 'ping'], { encoding: 'utf8' }).stdout.trim() === 'PONG', 'redis');
  };
  await launch();
  const stop = async () => {
    const c = child as ChildProcess | null;
    if (!c || c.exitCode !== null) return;
    const exited = new Promise((r) => c.once('exit', r));
    c.kill('SIGKILL');
    await exited;
  };
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop: async () => {
      await stop();
    },
    restart: launch,
  };
}
