import { UK_BBOX } from '@kindred/geo';
import { csvRecords, CsvSyntaxError } from './csv.util';
import { INDICATOR_LIMITS } from './indicator-limits.constant';

/** One data row of an indicator CSV. `point` is null when the file gives no lat/lng for it. */
export interface IndicatorCsvRow {
  readonly line: number;
  readonly areaCode: string;
  readonly areaName: string;
  readonly value: number;
  readonly point: { lat: number; lng: number } | null;
}

/** A problem with the file; `line` is null for the file as a whole (too big, empty). */
export interface CsvProblem {
  readonly line: number | null;
  readonly message: string;
}

export type IndicatorCsvResult = { ok: true; rows: IndicatorCsvRow[]; hasCoordinates: boolean } | { ok: false; problems: CsvProblem[] };

export const INDICATOR_CSV_HEADER = 'area_code,area_name,value';

type Column = 'area_code' | 'area_name' | 'value' | 'lat' | 'lng';
const REQUIRED: readonly Column[] = ['area_code', 'area_name', 'value'];

/** Header spellings people use, folded to our column names. */
const ALIASES: Readonly<Record<string, Column>> = {
  area_code: 'area_code',
  code: 'area_code',
  area_name: 'area_name',
  name: 'area_name',
  value: 'value',
  lat: 'lat',
  latitude: 'lat',
  lng: 'lng',
  lon: 'lng',
  long: 'lng',
  longitude: 'lng',
};

/** Plain decimal numbers only: "12", "-3.5", ".5", "1e3". No units, percent signs or thousands separators. */
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Centres must be in or near the UK: the gap layer's hexagons cover UK land only. */
const UK_MARGIN_DEGREES = 1;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * Reads an indicator CSV: a header naming `area_code`, `area_name` and `value` (any order, any
 * case; `lat` and `lng` optional; other columns ignored), then one row per area. Every problem is
 * reported with its line number (up to INDICATOR_LIMITS.maxProblems), so a file can be fixed in one
 * go; a result with problems must not be imported at all.
 */
export function parseIndicatorCsv(text: string): IndicatorCsvResult {
  const limits = INDICATOR_LIMITS;
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > limits.maxCsvBytes) {
    return fail(null, `The file is ${formatKb(bytes)}; at most ${formatKb(limits.maxCsvBytes)} can be imported.`);
  }

  const problems: CsvProblem[] = [];
  const rows: IndicatorCsvRow[] = [];
  const seen = new Map<string, number>();
  let columns: Map<Column, number> | null = null;
  let width = 0;
  let dataRows = 0;

  try {
    for (const record of csvRecords(text)) {
      if (!columns) {
        const header = readHeader(record.fields, record.line);
        if ('problem' in header) return { ok: false, problems: [header.problem] };
        columns = header.columns;
        width = record.fields.length;
        continue;
      }
      dataRows++;
      if (dataRows > limits.maxRows) {
        return fail(null, `The file has more than ${limits.maxRows.toLocaleString('en-GB')} data rows; import at most ${limits.maxRows.toLocaleString('en-GB')} areas at once.`);
      }
      const row = readRow(record.fields, record.line, columns, width, problems);
      if (!row) continue;
      const key = row.areaCode.toUpperCase();
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        problems.push({ line: row.line, message: `area code "${row.areaCode}" already appears on line ${earlier}.` });
        continue;
      }
      seen.set(key, row.line);
      rows.push(row);
      if (problems.length >= limits.maxProblems) break;
    }
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    problems.push({ line: error.line, message: error.message.replace(/^Line \d+: /, '') });
  }

  if (!columns && problems.length === 0) return fail(null, `The file is empty; it needs the header ${INDICATOR_CSV_HEADER} and one row per area.`);
  if (problems.length) return { ok: false, problems: problems.slice(0, limits.maxProblems) };
  if (dataRows < limits.minRows) {
    return fail(null, `The file has ${dataRows} data ${dataRows === 1 ? 'row' : 'rows'}; an indicator needs at least ${limits.minRows} areas to compare.`);
  }
  return { ok: true, rows, hasCoordinates: columns?.has('lat') ?? false };
}

/** "Line 4: value "abc" is not a number." — how problems read in errors and in the CLI. */
export function describeProblem(p: CsvProblem): string {
  return p.line === null ? p.message : `Line ${p.line}: ${p.message}`;
}

function fail(line: number | null, message: string): IndicatorCsvResult {
  return { ok: false, problems: [{ line, message }] };
}

function readHeader(fields: string[], line: number): { columns: Map<Column, number> } | { problem: CsvProblem } {
  const columns = new Map<Column, number>();
  for (const [index, raw] of fields.entries()) {
    const name = raw.trim().toLowerCase().replace(/[\s-]+/g, '_');
    const column = ALIASES[name];
    if (!column) continue;
    if (columns.has(column)) return { problem: { line, message: `the header names the ${column} column twice.` } };
    columns.set(column, index);
  }
  const missing = REQUIRED.filter((c) => !columns.has(c));
  if (missing.length === REQUIRED.length) {
    const found = fields.join(',').slice(0, 80);
    return { problem: { line, message: `the first line must be the header ${INDICATOR_CSV_HEADER} (optionally ,lat,lng), but it is "${found}".` } };
  }
  if (missing.length) {
    return { problem: { line, message: `the header has no ${missing.join(', ')} column; it must name ${INDICATOR_CSV_HEADER} (optionally lat,lng).` } };
  }
  if (columns.has('lat') !== columns.has('lng')) {
    return { problem: { line, message: `the header has ${columns.has('lat') ? 'lat but no lng' : 'lng but no lat'}; give both or neither.` } };
  }
  return { columns };
}

function readRow(fields: string[], line: number, columns: Map<Column, number>, width: number, problems: CsvProblem[]): IndicatorCsvRow | null {
  if (fields.length !== width) {
    const hint = fields.length > width ? ' (put a name that contains a comma in double quotes)' : '';
    problems.push({ line, message: `expected ${width} fields like the header, found ${fields.length}${hint}.` });
    return null;
  }
  const get = (c: Column) => {
    const index = columns.get(c);
    return index === undefined ? '' : (fields[index] ?? '').trim();
  };
  const before = problems.length;
  const problem = (message: string) => problems.push({ line, message });

  const areaCode = get('area_code');
  if (!areaCode) problem('area_code is empty.');
  else if (areaCode.length > INDICATOR_LIMITS.areaCode.max) problem(`area_code is longer than ${INDICATOR_LIMITS.areaCode.max} characters.`);
  else if (CONTROL.test(areaCode)) problem('area_code contains a line break or control character.');

  const areaName = get('area_name');
  if (!areaName) problem('area_name is empty.');
  else if (areaName.length > INDICATOR_LIMITS.areaName.max) problem(`area_name is longer than ${INDICATOR_LIMITS.areaName.max} characters.`);
  else if (CONTROL.test(areaName)) problem('area_name contains a line break or control character.');

  const rawValue = get('value');
  const value = readNumber(rawValue);
  if (rawValue === '') problem('value is empty.');
  else if (value === null) problem(`value "${clip(rawValue)}" is not a number (write e.g. 12.5, without units, % or thousands separators).`);

  let point: IndicatorCsvRow['point'] = null;
  if (columns.has('lat')) {
    const rawLat = get('lat');
    const rawLng = get('lng');
    if (rawLat !== '' || rawLng !== '') {
      const lat = readNumber(rawLat);
      const lng = readNumber(rawLng);
      if (lat === null || lng === null) {
        problem(`lat,lng "${clip(rawLat)}","${clip(rawLng)}" must both be decimal degrees (or both empty to find the place by name).`);
      } else if (
        lat < UK_BBOX.south - UK_MARGIN_DEGREES ||
        lat > UK_BBOX.north + UK_MARGIN_DEGREES ||
        lng < UK_BBOX.west - UK_MARGIN_DEGREES ||
        lng > UK_BBOX.east + UK_MARGIN_DEGREES
      ) {
        problem(`lat,lng ${lat},${lng} is outside the UK (is it lng,lat the wrong way round?).`);
      } else {
        point = { lat, lng };
      }
    }
  }

  if (problems.length > before || value === null) return null;
  return { line, areaCode, areaName, value, point };
}

function readNumber(raw: string): number | null {
  if (!NUMBER.test(raw)) return null;
  const n = Number(raw);
  return Number.isFinite(n) ? n : null;
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function formatKb(bytes: number): string {
  return `${Math.ceil(bytes / 1024).toLocaleString('en-GB')} KB`;
}
