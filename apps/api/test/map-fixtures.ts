import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { LocationPrecision, ProfessionId, StageId, ThemeId } from '@kindred/domain';
import { roundToPrecision } from '@kindred/geo';

export interface FixtureProject {
  lat: number;
  lng: number;
  themes: ThemeId[];
  stage?: StageId;
  precision?: LocationPrecision;
  seeking?: boolean;
  ownerId?: string;
  title?: string;
}

/** Inserts a clinician straight into the database (map tests need many, fast). */
export async function insertClinician(db: DataSource, profession: ProfessionId = 'doctor', name = 'Test Clinician'): Promise<string> {
  const id = randomUUID();
  await db.query(
    `INSERT INTO users (id, email, password_hash, display_name, profession) VALUES ($1, $2, 'x', $3, $4)`,
    [id, `${id}@example.invalid`, name, profession],
  );
  return id;
}

/** Inserts projects with SQL, rounding display points exactly as the API does. Returns their ids. */
export async function insertProjects(db: DataSource, ownerId: string, projects: FixtureProject[]): Promise<string[]> {
  const ids: string[] = [];
  for (const p of projects) {
    const precision = p.precision ?? 'area';
    const shown = roundToPrecision({ lat: p.lat, lng: p.lng }, precision);
    const [row] = await db.query(
      `INSERT INTO projects (owner_id, title, summary, themes, stage, location, display_location, location_precision, seeking_collaborators)
       VALUES ($1, $2, 'A fixture project for map tests.', $3, $4,
               ST_SetSRID(ST_MakePoint($5, $6), 4326)::geography, ST_SetSRID(ST_MakePoint($7, $8), 4326)::geography, $9, $10)
       RETURNING id`,
      [p.ownerId ?? ownerId, p.title ?? 'Fixture project', p.themes, p.stage ?? 'running', p.lng, p.lat, shown.lng, shown.lat, precision, p.seeking ?? false],
    );
    ids.push(row.id as string);
  }
  return ids;
}

/** A point scattered deterministically around a centre (a few km). */
export function around(centre: { lat: number; lng: number }, i: number, km = 3): { lat: number; lng: number } {
  const angle = (i * 137.508 * Math.PI) / 180;
  const r = (km * ((i % 7) + 1)) / 7;
  return { lat: centre.lat + (r / 111.32) * Math.sin(angle), lng: centre.lng + (r / (111.32 * Math.cos((centre.lat * Math.PI) / 180))) * Math.cos(angle) };
}

/** A repeatable stream of numbers in [0, 1) (Park-Miller), so crowded fixtures are the same every run. */
export function seededRandom(seed: number): () => number {
  let state = seed;
  return () => ((state = (state * 16807) % 2147483647) - 1) / 2147483646;
}
