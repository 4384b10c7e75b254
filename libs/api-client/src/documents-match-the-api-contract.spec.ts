import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, Kind, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import * as client from './index';

const root = join(__dirname, '..', '..', '..');

/** The SDL excerpt in docs/api.md is the contract the web and the API agreed on. */
function contractSchema(): GraphQLSchema {
  const guide = readFileSync(join(root, 'docs', 'api.md'), 'utf8');
  const sdl = /```graphql\n([\s\S]*?)```/.exec(guide)?.[1];
  if (!sdl) throw new Error('docs/api.md has no ```graphql block');
  return buildSchema(`scalar DateTime\n${sdl}`);
}

/** Once the API writes out its schema (GRAPHQL_SCHEMA_FILE), the documents must match it too. */
function schemas(): [string, GraphQLSchema][] {
  const list: [string, GraphQLSchema][] = [['docs/api.md', contractSchema()]];
  const generated = join(root, 'libs', 'api-client', 'schema.graphql');
  if (existsSync(generated)) list.push(['schema.graphql', buildSchema(readFileSync(generated, 'utf8'))]);
  return list;
}

function isDocument(value: unknown): value is DocumentNode {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === Kind.DOCUMENT;
}

const operations = Object.entries(client).filter(
  (entry): entry is [string, DocumentNode] =>
    isDocument(entry[1]) && entry[1].definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION),
);

describe('api-client documents', () => {
  it('exports an operation for everything the web app does', () => {
    expect(operations.map(([name]) => name).sort()).toEqual(
      [
        'DELETE_ACCOUNT', 'DELETE_PROJECT', 'EXPORT_MY_DATA', 'ME', 'MY_PROJECTS', 'PLACES', 'PROJECT', 'PROJECTS',
        'REFRESH_SESSION', 'REGISTER_PROJECT', 'SIGN_IN', 'SIGN_OUT', 'SIGN_UP', 'UPDATE_PROFILE', 'UPDATE_PROJECT',
      ].sort(),
    );
  });

  it('names every operation once, so logs and mocks can tell them apart', () => {
    const names = operations.flatMap(([, doc]) =>
      doc.definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION ? [d.name?.value] : [])),
    );
    expect(names.every(Boolean)).toBe(true);
    expect(new Set(names).size).toBe(names.length);
  });

  describe.each(schemas())('against %s', (_source, schema) => {
    it.each(operations)('%s is valid', (_name, doc) => {
      expect(validate(schema, doc).map((e) => e.message)).toEqual([]);
    });
  });
});
