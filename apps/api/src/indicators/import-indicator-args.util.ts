import { INDICATOR_LIMITS } from './indicator-limits.constant';
import type { IndicatorMeta } from './indicators.service';

export const IMPORT_INDICATOR_USAGE = `Usage: import-indicator <file.csv> --name <name> [--description <text>] [--unit <unit>] [--source <text>] [--lower-is-worse]

Imports a need indicator for the gaps view into the database named by DATABASE_URL, or the embedded one in
EMBEDDED_DB_DIR (stop the API first: the embedded database can only be open in one process). Migrations run first.

The CSV needs the header area_code,area_name,value (any order; optional lat,lng columns) and one row per area:
at most ${INDICATOR_LIMITS.maxRows.toLocaleString('en-GB')} rows and ${INDICATOR_LIMITS.maxCsvBytes / 1024} KB. Areas without lat,lng are placed by finding area_name in the
UK gazetteer (name a local authority after its main town); at least ${INDICATOR_LIMITS.minPlacedShare * 100}% must be placed or nothing is imported.

  --name <name>          what the indicator measures (${INDICATOR_LIMITS.name.min} to ${INDICATOR_LIMITS.name.max} characters, unique)
  --description <text>   a sentence or two shown with it
  --unit <unit>          e.g. "% of children"
  --source <text>        publisher, dataset and year (say so if the figures are illustrative)
  --lower-is-worse       a low value means more need (e.g. life expectancy); by default a high value does
  --help                 show this help

Example: npm run import:indicator -- apps/api/src/indicators/data/children-low-income-sample.csv --name "Child poverty (test)" --unit "% of children"`;

export interface ImportIndicatorArgs {
  file: string;
  meta: Required<IndicatorMeta>;
}

export type ParsedImportIndicatorArgs = { ok: true; args: ImportIndicatorArgs } | { ok: true; help: true } | { ok: false; error: string };

const TEXT_FLAGS = ['--name', '--description', '--unit', '--source'] as const;
type TextFlag = (typeof TEXT_FLAGS)[number];

/** Reads the command line described in IMPORT_INDICATOR_USAGE (also `--flag=value`); never throws. */
export function parseImportIndicatorArgs(argv: readonly string[]): ParsedImportIndicatorArgs {
  let file: string | undefined;
  const text: Partial<Record<TextFlag, string>> = {};
  let higherIsWorse = true;

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--help' || arg === '-h') return { ok: true, help: true };
    if (arg === '--lower-is-worse') {
      higherIsWorse = false;
      continue;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const flag = eq === -1 ? arg : arg.slice(0, eq);
      if (!(TEXT_FLAGS as readonly string[]).includes(flag)) return { ok: false, error: `Unknown option ${flag}.` };
      const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
      if (value === undefined) return { ok: false, error: `${flag} needs a value.` };
      if (text[flag as TextFlag] !== undefined) return { ok: false, error: `${flag} is given twice.` };
      text[flag as TextFlag] = value;
      continue;
    }
    if (file !== undefined) return { ok: false, error: `Unexpected argument "${arg}": give one CSV file.` };
    file = arg;
  }

  if (file === undefined) return { ok: false, error: 'Give the CSV file to import.' };
  const name = text['--name']?.trim() ?? '';
  if (!name) return { ok: false, error: '--name is required: say what the indicator measures.' };
  const { min, max } = INDICATOR_LIMITS.name;
  if (name.length < min || name.length > max) return { ok: false, error: `--name must be ${min} to ${max} characters (got ${name.length}).` };
  const optional = (flag: TextFlag) => text[flag]?.trim() || null;
  return {
    ok: true,
    args: { file, meta: { name, description: optional('--description'), unit: optional('--unit'), source: optional('--source'), higherIsWorse } },
  };
}
