import { DEFAULT_DEMO_SEED } from './demo-data.util';

export const MAX_SEED_PROJECTS = 1_000_000;
export const DEFAULT_BATCH = 5000;
const MIN_BATCH = 100;
const MAX_BATCH = 50_000;
const MAX_CONCURRENCY = 32;

export const SEED_USAGE = `Usage: seed <projects> [--clinicians <count>] [--seed <number>] [--batch-size <rows>] [--concurrency <n>]

Adds <projects> generated demo projects (1 to ${MAX_SEED_PROJECTS.toLocaleString('en-GB')}) and their demo clinicians to the
database named by DATABASE_URL, or to the embedded one in EMBEDDED_DB_DIR (stop the API first: the embedded
database can only be open in one process). Migrations run first. The shared demo login is created if missing.

  --clinicians <count>  how many clinicians lead them (default: about one per two projects)
  --seed <number>       generator seed; the same seed gives the same data (default ${DEFAULT_DEMO_SEED})
  --batch-size <rows>   projects per INSERT statement, ${MIN_BATCH} to ${MAX_BATCH} (default ${DEFAULT_BATCH})
  --concurrency <n>     transactions in parallel, 1 to ${MAX_CONCURRENCY} (default: the pool size, at most the CPU count;
                        always 1 on the embedded database)
  --help                show this help

Example: npm run seed -- 100000`;

export interface SeedArgs {
  projects: number;
  clinicians?: number;
  seed: number;
  batchSize: number;
  concurrency?: number;
}

export type ParsedSeedArgs = { ok: true; args: SeedArgs } | { ok: true; help: true } | { ok: false; error: string };

/** Reads `<projects>` and the options in SEED_USAGE (also as `--flag=value`); never throws. */
export function parseSeedArgs(argv: readonly string[]): ParsedSeedArgs {
  let projects: number | undefined;
  let clinicians: number | undefined;
  let seed = DEFAULT_DEMO_SEED;
  let batchSize = DEFAULT_BATCH;
  let concurrency: number | undefined;

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--help' || arg === '-h') return { ok: true, help: true };
    if (arg.startsWith('--')) {
      const [flag, inline] = splitFlag(arg);
      if (!Object.hasOwn(FLAGS, flag)) return { ok: false, error: `Unknown option ${flag}.` };
      const value = inline ?? argv[++i];
      if (value === undefined) return { ok: false, error: `${flag} needs a value.` };
      const [min, max] = FLAGS[flag as keyof typeof FLAGS];
      const n = parseWhole(value);
      if (n === null || n < min || n > max) {
        return { ok: false, error: `${flag} must be a whole number from ${min} to ${max} (got "${value}").` };
      }
      if (flag === '--clinicians') clinicians = n;
      else if (flag === '--seed') seed = n;
      else if (flag === '--batch-size') batchSize = n;
      else concurrency = n;
      continue;
    }
    if (projects !== undefined) return { ok: false, error: `Unexpected argument "${arg}": give the number of projects once.` };
    const n = parseWhole(arg);
    if (n === null || n < 1 || n > MAX_SEED_PROJECTS) {
      return { ok: false, error: `The number of projects must be a whole number from 1 to ${MAX_SEED_PROJECTS.toLocaleString('en-GB')} (got "${arg}").` };
    }
    projects = n;
  }

  if (projects === undefined) return { ok: false, error: 'Give the number of projects to seed.' };
  if (clinicians !== undefined && clinicians > projects) {
    return { ok: false, error: `--clinicians (${clinicians}) cannot exceed the number of projects (${projects}): everyone leads at least one.` };
  }
  return { ok: true, args: { projects, clinicians, seed, batchSize, concurrency } };
}

/** Each option's allowed range. */
const FLAGS = {
  '--clinicians': [1, MAX_SEED_PROJECTS],
  '--seed': [0, 0xffffffff],
  '--batch-size': [MIN_BATCH, MAX_BATCH],
  '--concurrency': [1, MAX_CONCURRENCY],
} as const;

function splitFlag(arg: string): [string, string | undefined] {
  const eq = arg.indexOf('=');
  return eq === -1 ? [arg, undefined] : [arg.slice(0, eq), arg.slice(eq + 1)];
}

/** "100000", "100_000" and "100,000" are all fine; anything else is null. */
function parseWhole(text: string): number | null {
  if (!/^\d{1,3}(?:[_,]?\d{3})*$|^\d+$/.test(text)) return null;
  const n = Number(text.replace(/[_,]/g, ''));
  return Number.isSafeInteger(n) ? n : null;
}
