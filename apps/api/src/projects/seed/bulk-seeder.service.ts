import { randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { hashPassword } from '../../auth/password-hashing.util';
import { DEMO_EMAIL_DOMAIN, DemoClinician, DemoClinicianWithProjects, defaultClinicianCount, generateDemoData } from './demo-data.util';
import { DEMO_LOGIN } from './demo-login.constant';

export interface BulkSeedOptions {
  projects: number;
  /** Defaults to about one per two projects (the demo login counts as one). */
  clinicians?: number;
  seed?: number;
  /** Create the shared demo login if it is missing, and give it the first clinician's projects. */
  demoLogin?: boolean;
  /** Projects per INSERT statement. */
  batchSize?: number;
  /** Batches in flight at once, each in its own transaction and connection (keep <= pool size). */
  concurrency?: number;
  onProgress?: (done: number, total: number) => void;
  /** Stops after the batches already sent; what was written stays. */
  signal?: AbortSignal;
  now?: Date;
}

export interface BulkSeedResult {
  projects: number;
  clinicians: number;
  demoLoginCreated: boolean;
  aborted: boolean;
  elapsedMs: number;
}

/** Column arrays for one batch: each statement binds a handful of arrays, not one parameter per value. */
interface Batch {
  users: {
    id: string[];
    email: string[];
    displayName: string[];
    profession: string[];
    specialty: (string | null)[];
    organisation: (string | null)[];
    bio: string[];
    createdMs: number[];
  };
  projects: {
    ownerId: string[];
    title: string[];
    summary: string[];
    themes: string[];
    stage: string[];
    lng: number[];
    lat: number[];
    displayLng: number[];
    displayLat: number[];
    precision: string[];
    placeName: string[];
    seeking: boolean[];
    links: string[];
    createdMs: number[];
    updatedMs: number[];
  };
}

type Executor = (run: (manager: EntityManager) => Promise<void>) => Promise<void>;

const INSERT_USERS = `
  INSERT INTO users (id, email, password_hash, display_name, profession, specialty, organisation, bio, created_at, updated_at)
  SELECT u.id, u.email, $1, u.display_name, u.profession, u.specialty, u.organisation, u.bio,
         to_timestamp(u.created_ms / 1000.0), to_timestamp(u.created_ms / 1000.0)
  FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::float8[])
       AS u(id, email, display_name, profession, specialty, organisation, bio, created_ms)`;

// Themes travel comma-joined and links space-joined: unnest cannot take ragged arrays of arrays.
const INSERT_PROJECTS = `
  INSERT INTO projects (owner_id, title, summary, themes, stage, location, display_location, location_precision,
                        place_name, seeking_collaborators, links, created_at, updated_at)
  SELECT p.owner_id, p.title, p.summary, string_to_array(p.themes, ','), p.stage,
         ST_SetSRID(ST_MakePoint(p.lng, p.lat), 4326)::geography,
         ST_SetSRID(ST_MakePoint(p.display_lng, p.display_lat), 4326)::geography,
         p.location_precision, p.place_name, p.seeking,
         CASE WHEN p.links = '' THEN '{}'::text[] ELSE string_to_array(p.links, ' ') END,
         to_timestamp(p.created_ms / 1000.0), to_timestamp(p.updated_ms / 1000.0)
  FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::float8[], $7::float8[], $8::float8[],
              $9::float8[], $10::text[], $11::text[], $12::bool[], $13::text[], $14::float8[], $15::float8[])
       AS p(owner_id, title, summary, themes, stage, lng, lat, display_lng, display_lat, location_precision,
            place_name, seeking, links, created_ms, updated_ms)`;

/**
 * Writes generated demo clinicians and projects fast: a few thousand rows per statement through
 * `INSERT … SELECT FROM unnest(arrays)`, several transactions in parallel on a server database.
 * Used by the start-up demo seed and by the `seed` command (up to a million projects).
 */
@Injectable()
export class BulkSeeder {
  constructor(private readonly db: DataSource) {}

  /** One transaction per batch, `concurrency` at a time. */
  seed(options: BulkSeedOptions): Promise<BulkSeedResult> {
    return this.run(this.db.manager, options, (run) => this.db.transaction(run), Math.max(1, options.concurrency ?? 1));
  }

  /** Everything inside the caller's transaction, one batch after another. */
  seedWithin(manager: EntityManager, options: BulkSeedOptions): Promise<BulkSeedResult> {
    return this.run(manager, options, (run) => run(manager), 1);
  }

  private async run(manager: EntityManager, options: BulkSeedOptions, execute: Executor, concurrency: number): Promise<BulkSeedResult> {
    const started = Date.now();
    const total = options.projects;
    const clinicians = options.clinicians ?? defaultClinicianCount(total);
    const batchSize = Math.max(1, options.batchSize ?? 5000);

    // Every bulk account shares the hash of a random password nobody knows: they cannot sign in,
    // and hashing once keeps a million-row seed fast.
    const lockedHash = await hashPassword(randomBytes(32).toString('base64url'));
    const firstNumber = (await this.lastDemoNumber(manager)) + 1;
    const generator = generateDemoData({ projects: total, clinicians, seed: options.seed, firstNumber, now: options.now });
    const head = generator.next();
    // The demo login takes the first clinician's place, profile and projects when created here.
    const demoLoginId = options.demoLogin && !head.done ? await this.createDemoLogin(manager, head.value.clinician) : null;
    let done = 0;
    let written = 0;
    let failure: unknown = null;
    const inFlight = new Set<Promise<void>>();
    let batch = emptyBatch();

    // Parallel batches can deadlock on shared rows that triggers maintain (heatmap cells): each
    // batch is its own transaction, so it is safe to run again. Not so inside a caller's transaction.
    const retryable = concurrency > 1 ? 4 : 0;
    const flush = (b: Batch): void => {
      const size = b.projects.ownerId.length;
      const users = b.users.id.length;
      const task: Promise<void> = retryOnConflict(() => execute((m) => this.insertBatch(m, lockedHash, b)), retryable)
        .then(
          () => {
            done += size;
            written += users;
            options.onProgress?.(done, total);
          },
          (error: unknown) => {
            failure ??= error;
          },
        )
        .finally(() => inFlight.delete(task));
      inFlight.add(task);
    };

    for (let next = head; !next.done; next = generator.next()) {
      if (failure || options.signal?.aborted) break;
      addToBatch(batch, next.value, next === head ? demoLoginId : null);
      if (batch.projects.ownerId.length >= batchSize) {
        flush(batch);
        batch = emptyBatch();
        while (inFlight.size >= concurrency) await Promise.race(inFlight);
      }
    }
    if (!failure && !options.signal?.aborted && batch.projects.ownerId.length > 0) flush(batch);
    await Promise.all(inFlight);
    if (failure) throw failure;

    return {
      projects: done,
      clinicians: written + (demoLoginId ? 1 : 0),
      demoLoginCreated: demoLoginId !== null,
      aborted: done < total,
      elapsedMs: Date.now() - started,
    };
  }

  private async insertBatch(manager: EntityManager, passwordHash: string, b: Batch): Promise<void> {
    const u = b.users;
    if (u.id.length > 0) {
      await manager.query(INSERT_USERS, [passwordHash, u.id, u.email, u.displayName, u.profession, u.specialty, u.organisation, u.bio, u.createdMs]);
    }
    const p = b.projects;
    await manager.query(INSERT_PROJECTS, [
      p.ownerId,
      p.title,
      p.summary,
      p.themes,
      p.stage,
      p.lng,
      p.lat,
      p.displayLng,
      p.displayLat,
      p.precision,
      p.placeName,
      p.seeking,
      p.links,
      p.createdMs,
      p.updatedMs,
    ]);
  }

  /** Creates the shared demo login unless it exists; returns its id only when created here. */
  private async createDemoLogin(manager: EntityManager, profile: DemoClinician): Promise<string | null> {
    const existing: unknown[] = await manager.query(`SELECT 1 FROM users WHERE lower(email) = lower($1)`, [DEMO_LOGIN.email]);
    if (existing.length > 0) return null;
    const title = profile.displayName.startsWith('Dr ') ? 'Dr ' : '';
    const rows: Array<{ id: string }> = await manager.query(
      `INSERT INTO users (email, password_hash, display_name, profession, specialty, organisation, bio, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)
       ON CONFLICT ((lower(email))) DO NOTHING
       RETURNING id`,
      [
        DEMO_LOGIN.email,
        await hashPassword(DEMO_LOGIN.password),
        `${title}${DEMO_LOGIN.displayName}`,
        profile.profession,
        profile.specialty,
        profile.organisation,
        `${DEMO_LOGIN.bio} ${profile.bio}`,
        profile.createdAt,
      ],
    );
    return rows[0]?.id ?? null;
  }

  /** Highest number used in a generated demo email, so another run continues after it. */
  private async lastDemoNumber(manager: EntityManager): Promise<number> {
    const [row]: Array<{ n: string | number }> = await manager.query(
      `SELECT coalesce(max(substring(email from '\\.([0-9]{1,9})@')::bigint), 0) AS n FROM users WHERE email LIKE $1`,
      [`demo.%@${DEMO_EMAIL_DOMAIN}`],
    );
    return Number(row?.n ?? 0);
  }
}

/** SQLSTATEs after which a whole transaction may simply be run again. */
const RETRYABLE_CODES = new Set(['40P01', '40001']);

async function retryOnConflict(run: () => Promise<void>, retries: number): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await run();
      return;
    } catch (error) {
      if (attempt >= retries || !RETRYABLE_CODES.has(sqlState(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
    }
  }
}

function sqlState(error: unknown): string {
  if (typeof error !== 'object' || error === null) return '';
  const own = (error as { code?: unknown }).code;
  const driver = (error as { driverError?: { code?: unknown } }).driverError?.code;
  return String(own ?? driver ?? '');
}

function emptyBatch(): Batch {
  return {
    users: { id: [], email: [], displayName: [], profession: [], specialty: [], organisation: [], bio: [], createdMs: [] },
    projects: {
      ownerId: [],
      title: [],
      summary: [],
      themes: [],
      stage: [],
      lng: [],
      lat: [],
      displayLng: [],
      displayLat: [],
      precision: [],
      placeName: [],
      seeking: [],
      links: [],
      createdMs: [],
      updatedMs: [],
    },
  };
}

function addToBatch(b: Batch, item: DemoClinicianWithProjects, existingOwnerId: string | null): void {
  let ownerId = existingOwnerId;
  if (!ownerId) {
    const c = item.clinician;
    ownerId = randomUUID();
    b.users.id.push(ownerId);
    b.users.email.push(c.email);
    b.users.displayName.push(c.displayName);
    b.users.profession.push(c.profession);
    b.users.specialty.push(c.specialty);
    b.users.organisation.push(c.organisation);
    b.users.bio.push(c.bio);
    b.users.createdMs.push(c.createdAt.getTime());
  }
  const p = b.projects;
  for (const project of item.projects) {
    p.ownerId.push(ownerId);
    p.title.push(project.title);
    p.summary.push(project.summary);
    p.themes.push(project.themes.join(','));
    p.stage.push(project.stage);
    p.lng.push(project.location.lng);
    p.lat.push(project.location.lat);
    p.displayLng.push(project.displayLocation.lng);
    p.displayLat.push(project.displayLocation.lat);
    p.precision.push(project.locationPrecision);
    p.placeName.push(project.placeName);
    p.seeking.push(project.seekingCollaborators);
    p.links.push(project.links.join(' '));
    p.createdMs.push(project.createdAt.getTime());
    p.updatedMs.push(project.updatedAt.getTime());
  }
}
