import 'reflect-metadata';
import { readFile, stat } from 'node:fs/promises';
import { NestFactory } from '@nestjs/core';
import { GraphQLError } from 'graphql';
import { AppConfigService } from './config/app-config.service';
import { IMPORT_INDICATOR_USAGE, parseImportIndicatorArgs } from './indicators/import-indicator-args.util';
import { IndicatorCommandModule } from './indicators/indicator-command.module';
import { INDICATOR_LIMITS } from './indicators/indicator-limits.constant';
import { ImportProgress, IndicatorsService } from './indicators/indicators.service';

/**
 * `node dist/apps/api/import-indicator.js <file.csv> --name ... [--unit ...] [--source ...] [--lower-is-worse]`:
 * imports a need indicator, all or nothing. Exit 0 when imported, 1 when refused or failed, 2 on bad arguments.
 */
async function main(): Promise<number> {
  const parsed = parseImportIndicatorArgs(process.argv.slice(2));
  if (!parsed.ok) {
    process.stderr.write(`${parsed.error}\n\n${IMPORT_INDICATOR_USAGE}\n`);
    return 2;
  }
  if ('help' in parsed) {
    process.stdout.write(`${IMPORT_INDICATOR_USAGE}\n`);
    return 0;
  }
  const { file, meta } = parsed.args;

  let csv: string;
  try {
    // Refuse an over-size file before reading it; the parser checks again for the GraphQL path.
    const { size } = await stat(file);
    if (size > INDICATOR_LIMITS.maxCsvBytes) {
      process.stderr.write(`${file} is ${Math.ceil(size / 1024)} KB; at most ${INDICATOR_LIMITS.maxCsvBytes / 1024} KB can be imported.\n`);
      return 1;
    }
    csv = await readFile(file, 'utf8');
  } catch (error) {
    process.stderr.write(`Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }

  process.stderr.write(
    process.env['DATABASE_URL'] ? 'Opening the database...\n' : 'Starting the embedded database (about 10-20 s) and running migrations...\n',
  );
  const app = await NestFactory.createApplicationContext(IndicatorCommandModule, { logger: ['error', 'warn'], abortOnError: false });
  try {
    const config = app.get(AppConfigService);
    const where = config.isEmbeddedDatabase ? `the embedded database in ${config.get('EMBEDDED_DB_DIR')}` : 'the DATABASE_URL database';
    process.stderr.write(`Importing "${meta.name}" from ${file} into ${where}\n`);
    const result = await app.get(IndicatorsService).import(meta, csv, null, (p) => process.stderr.write(`${progressLine(p)}\n`));

    for (const s of result.skipped) process.stderr.write(`  skipped line ${s.line}: ${s.reason}\n`);
    const { indicator } = result;
    process.stdout.write(
      `Imported "${indicator.name}" (id ${indicator.id}): ${result.importedAreas} areas, ` +
        `${result.placedByName} placed by name, ${result.skipped.length} skipped; values ${indicator.minValue} to ${indicator.maxValue}` +
        `${indicator.unit ? ` ${indicator.unit}` : ''}, ${indicator.higherIsWorse ? 'higher' : 'lower'} is worse.\n`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    // A refused import: the summary, then every problem with its line.
    process.stderr.write(`\nNot imported: ${error.message}\n`);
    const problems = (error.extensions['errors'] as Array<{ message: string }> | undefined) ?? [];
    if (problems.length > 5) for (const p of problems) process.stderr.write(`  ${p.message}\n`);
    return 1;
  } finally {
    await app.close();
  }
}

function progressLine(p: ImportProgress): string {
  switch (p.step) {
    case 'parsed':
      return `Read ${p.rows} areas (${p.withCoordinates} with lat,lng)`;
    case 'placing':
      return `Placing areas: ${p.done}/${p.total}`;
    case 'writing':
      return `Writing ${p.areas} areas...`;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`\nImport failed: ${message}\n`);
    process.exit(1);
  },
);
