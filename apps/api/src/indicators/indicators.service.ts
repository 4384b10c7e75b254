import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { GraphQLError } from 'graphql';
import { DataSource, EntityManager } from 'typeorm';
import { ERROR_CODES } from '@kindred/domain';
import { apiError, badInput, notFound } from '../common/graphql-errors.util';
import { PlacesService } from '../places/places.service';
import { SAMPLE_INDICATOR, SAMPLE_INDICATOR_CSV } from './data/children-low-income-sample.constant';
import { CsvProblem, describeProblem, IndicatorCsvRow, parseIndicatorCsv } from './indicator-csv.util';
import { INDICATOR_LIMITS } from './indicator-limits.constant';
import type { Indicator } from './models/indicator.model';
import type { IndicatorImport, SkippedIndicatorRow } from './models/indicator-import.model';

/** What an indicator is, as given to an import (the CSV aside). */
export interface IndicatorMeta {
  name: string;
  description?: string | null;
  unit?: string | null;
  source?: string | null;
  /** Default true. */
  higherIsWorse?: boolean;
}

/** Import progress, for the CLI's output. */
export type ImportProgress =
  | { step: 'parsed'; rows: number; withCoordinates: number }
  | { step: 'placing'; done: number; total: number }
  | { step: 'writing'; areas: number };

interface IndicatorRow {
  id: string;
  name: string;
  description: string | null;
  unit: string | null;
  source: string | null;
  higher_is_worse: boolean;
  created_at: Date;
  area_count: number;
  min_value: number | null;
  max_value: number | null;
}

interface PlacedRow {
  row: IndicatorCsvRow;
  lat: number;
  lng: number;
}

/** Any fixed number: serialises the sample import when several instances start on one empty database. */
const SAMPLE_IMPORT_LOCK = 720_260_202;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const SELECT_INDICATORS = `
  SELECT i.id, i.name, i.description, i.unit, i.source, i.higher_is_worse, i.created_at,
         count(a.area_code)::int AS area_count, min(a.value) AS min_value, max(a.value) AS max_value
    FROM indicators i LEFT JOIN indicator_areas a ON a.indicator_id = i.id`;

/**
 * Owns `indicators` and `indicator_areas`: need indicators imported from CSV (one value per area,
 * each area a centre point), listed publicly and managed by admins. An import is all or nothing.
 */
@Injectable()
export class IndicatorsService {
  private readonly logger = new Logger('Indicators');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly places: PlacesService,
  ) {}

  async list(): Promise<Indicator[]> {
    const rows: IndicatorRow[] = await this.db.query(`${SELECT_INDICATORS} GROUP BY i.id ORDER BY lower(i.name), i.id`);
    return rows.map(toIndicator);
  }

  /** The indicator, or NOT_FOUND naming `field`. */
  async get(id: string, field = 'id'): Promise<Indicator> {
    const rows: IndicatorRow[] = UUID.test(id) ? await this.db.query(`${SELECT_INDICATORS} WHERE i.id = $1 GROUP BY i.id`, [id]) : [];
    if (!rows[0]) throw notFound('Indicator', field);
    return toIndicator(rows[0]);
  }

  async delete(id: string): Promise<void> {
    // Through a CTE: TypeORM answers a bare DELETE with [rows, count] rather than the rows.
    const [row]: Array<{ n: number }> = UUID.test(id)
      ? await this.db.query(`WITH gone AS (DELETE FROM indicators WHERE id = $1 RETURNING 1) SELECT count(*)::int AS n FROM gone`, [id])
      : [{ n: 0 }];
    if (!row?.n) throw notFound('Indicator', 'id');
  }

  /**
   * Imports an indicator from CSV text. Refuses (BAD_USER_INPUT on `input.csv`, every problem
   * listed with its line in `extensions.errors`) a malformed file, and a file where fewer than 80%
   * of areas can be placed; then nothing is written. Rows that cannot be placed in an accepted
   * file are skipped and reported.
   */
  async import(meta: IndicatorMeta, csv: string, importedBy: string | null, onProgress?: (p: ImportProgress) => void): Promise<IndicatorImport> {
    const clean = checkMeta(meta);
    const parsed = parseIndicatorCsv(csv);
    if (!parsed.ok) throw csvRefused('The CSV was not imported.', parsed.problems);
    const withCoordinates = parsed.rows.filter((r) => r.point).length;
    onProgress?.({ step: 'parsed', rows: parsed.rows.length, withCoordinates });

    const { placed, skipped } = this.place(parsed.rows, onProgress);
    const share = placed.length / parsed.rows.length;
    if (share < INDICATOR_LIMITS.minPlacedShare) {
      const percent = Math.floor(share * 100);
      throw csvRefused(
        `Only ${placed.length} of ${parsed.rows.length} areas (${percent}%) could be placed on the map; at least ${INDICATOR_LIMITS.minPlacedShare * 100}% must be, so nothing was imported. Add lat,lng columns for the others or name them after their main town.`,
        skipped.map((s) => ({ line: s.line, message: s.reason })),
      );
    }

    onProgress?.({ step: 'writing', areas: placed.length });
    const id = await this.db.transaction((manager) => this.write(manager, clean, placed, importedBy));
    return { indicator: await this.get(id), importedAreas: placed.length, placedByName: placed.length - withCoordinates, skipped };
  }

  /**
   * On an empty database (no indicators at all), imports the bundled illustrative sample so the
   * gaps view has something to show. Several instances starting together import it once.
   */
  async importSampleIfEmpty(): Promise<boolean> {
    const parsed = parseIndicatorCsv(SAMPLE_INDICATOR_CSV);
    if (!parsed.ok) throw new Error(`The bundled sample indicator is invalid: ${parsed.problems.map(describeProblem).join(' ')}`);
    const { placed, skipped } = this.place(parsed.rows);
    const imported = await this.db.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock($1)`, [SAMPLE_IMPORT_LOCK]);
      const [row]: Array<{ found: boolean }> = await manager.query(`SELECT EXISTS (SELECT 1 FROM indicators) AS found`);
      if (row?.found) return false;
      await this.write(manager, checkMeta(SAMPLE_INDICATOR), placed, null);
      return true;
    });
    if (imported) {
      this.logger.log(`No indicators yet: imported the illustrative sample "${SAMPLE_INDICATOR.name}" (${placed.length} areas).`);
      for (const s of skipped) this.logger.warn(`  sample line ${s.line}: ${s.reason}`);
    }
    return imported;
  }

  /** Gives each row a centre: its own lat,lng, else its name found in the gazetteer. */
  private place(rows: readonly IndicatorCsvRow[], onProgress?: (p: ImportProgress) => void): { placed: PlacedRow[]; skipped: SkippedIndicatorRow[] } {
    const placed: PlacedRow[] = [];
    const skipped: SkippedIndicatorRow[] = [];
    const step = Math.max(1, Math.ceil(rows.length / 10));
    for (const [i, row] of rows.entries()) {
      if (row.point) {
        placed.push({ row, ...row.point });
      } else {
        const place = this.places.resolve(row.areaName);
        if (place) placed.push({ row, lat: place.lat, lng: place.lng });
        else {
          skipped.push({
            line: row.line,
            areaCode: row.areaCode,
            areaName: row.areaName,
            reason: `no UK town or city called "${row.areaName}" (${row.areaCode}); give its lat,lng or its main town's name.`,
          });
        }
      }
      if ((i + 1) % step === 0 || i + 1 === rows.length) onProgress?.({ step: 'placing', done: i + 1, total: rows.length });
    }
    return { placed, skipped };
  }

  private async write(manager: EntityManager, meta: Required<IndicatorMeta>, placed: readonly PlacedRow[], importedBy: string | null): Promise<string> {
    const [taken]: Array<{ name: string }> = await manager.query(`SELECT name FROM indicators WHERE lower(name) = lower($1)`, [meta.name]);
    if (taken) throw nameTaken(taken.name);
    let id: string;
    try {
      const [row]: Array<{ id: string }> = await manager.query(
        `INSERT INTO indicators (name, description, unit, source, higher_is_worse, imported_by)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [meta.name, meta.description, meta.unit, meta.source, meta.higherIsWorse, importedBy],
      );
      id = row!.id;
    } catch (error) {
      // Two imports with one name at once: the unique index decides.
      if ((error as { code?: string }).code === '23505') throw nameTaken(meta.name);
      throw error;
    }
    await manager.query(
      `INSERT INTO indicator_areas (indicator_id, area_code, area_name, value, centre)
       SELECT $1, r.code, r.name, r.value, ST_SetSRID(ST_MakePoint(r.lng, r.lat), 4326)::geography
         FROM unnest($2::text[], $3::text[], $4::float8[], $5::float8[], $6::float8[]) AS r(code, name, value, lat, lng)`,
      [
        id,
        placed.map((p) => p.row.areaCode),
        placed.map((p) => p.row.areaName),
        placed.map((p) => p.row.value),
        placed.map((p) => p.lat),
        placed.map((p) => p.lng),
      ],
    );
    // Fresh statistics, so the nearest-centre lookups use the spatial index from the first request.
    await manager.query(`ANALYZE indicator_areas`);
    return id;
  }
}

/** Trims and checks what describes an indicator (the GraphQL input is validated too; the CLI only here). */
function checkMeta(meta: IndicatorMeta): Required<IndicatorMeta> {
  const L = INDICATOR_LIMITS;
  const name = meta.name.trim();
  if (name.length < L.name.min || name.length > L.name.max) {
    throw badInput('input.name', `name must be ${L.name.min} to ${L.name.max} characters.`);
  }
  const optional = (field: 'description' | 'unit' | 'source', max: number): string | null => {
    const value = meta[field]?.trim() || null;
    if (value && value.length > max) throw badInput(`input.${field}`, `${field} must be at most ${max} characters.`);
    return value;
  };
  return {
    name,
    description: optional('description', L.description.max),
    unit: optional('unit', L.unit.max),
    source: optional('source', L.source.max),
    higherIsWorse: meta.higherIsWorse ?? true,
  };
}

function nameTaken(name: string): GraphQLError {
  return badInput('input.name', `An indicator called "${name}" already exists; delete it first or choose another name.`);
}

/** One BAD_USER_INPUT on `input.csv`: a summary plus the first problems; all of them in `errors`, with lines. */
function csvRefused(summary: string, problems: readonly CsvProblem[]): GraphQLError {
  const shown = 5;
  const listed = problems.slice(0, shown).map(describeProblem).join(' ');
  const more = problems.length > shown ? ` …and ${problems.length - shown} more.` : '';
  return apiError(ERROR_CODES.badUserInput, `${summary} ${listed}${more}`.trim(), 'input.csv', {
    errors: problems.map((p) => ({ field: 'input.csv', line: p.line, message: describeProblem(p) })),
  });
}

function toIndicator(row: IndicatorRow): Indicator {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    unit: row.unit,
    source: row.source,
    higherIsWorse: row.higher_is_worse,
    createdAt: row.created_at,
    areaCount: row.area_count,
    minValue: row.min_value ?? 0,
    maxValue: row.max_value ?? 0,
  };
}
