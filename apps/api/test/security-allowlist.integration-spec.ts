import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import * as apiClient from '@kindred/api-client';
import { ERROR_CODES } from '@kindred/domain';
import { allowlistEntries, type AllowlistEntry } from '../src/security/operation-allowlist.util';
import { operationComplexity, operationDepth } from '../src/security/query-limits.util';
import { createConfiguredTestApp } from './configured-app';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  getNullableType,
  type GraphQLInputType,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  Kind,
  type OperationDefinitionNode,
  parse,
  print,
  typeFromAST,
} from 'graphql';
import { count, post } from './http-fixtures';
import type { TestApp } from './test-app';

/**
 * GRAPHQL_ALLOWLIST: with the list `npm run graphql:allowlist` writes (built here from the same
 * documents and code), the web app's operations run, as Apollo Client sends them or by hash
 * alone, and anything else is refused before it runs.
 */

/** The allow-list `npm run graphql:allowlist` writes, from the same documents and code. */
function allowlistOf(): AllowlistEntry[] {
  return allowlistEntries(apiClient as unknown as Record<string, unknown>);
}

/** Well-typed values for an operation's variables (every `first` set to `pageSize`), for measuring it without running it. */
function sampleVariables(schema: GraphQLSchema, operation: OperationDefinitionNode, pageSize: number): Record<string, unknown> {
  const sample = (type: GraphQLInputType, name: string): unknown => {
    const t = isNonNullType(type) ? type.ofType : type;
    if (isListType(t)) return [sample(t.ofType, name)];
    if (isEnumType(t)) return t.getValues()[0]?.value;
    if (isInputObjectType(t)) {
      const fields = Object.values(t.getFields()).filter((f) => isNonNullType(f.type));
      return Object.fromEntries(fields.map((f) => [f.name, sample(f.type, f.name)]));
    }
    switch (getNullableType(t).toString()) {
      case 'Int':
        return name === 'first' ? pageSize : 1;
      case 'Float':
        return 1.5;
      case 'Boolean':
        return true;
      case 'ID':
        return '00000000-0000-4000-8000-000000000000';
      case 'DateTime':
        return new Date(0).toISOString();
      default:
        return 'x';
    }
  };
  return Object.fromEntries(
    (operation.variableDefinitions ?? []).map((v) => [v.variable.name.value, sample(typeFromAST(schema, v.type as never) as GraphQLInputType, v.variable.name.value)]),
  );
}

describe('operation allow-list (integration)', () => {
  let t: TestApp;
  let token: string;
  let userId: string;
  const entries = allowlistOf();
  const indicatorsEntry = entries.find((e) => e.name === 'Indicators')!;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kindred-allowlist-'));
    const path = join(dir, 'graphql-allowlist.json');
    writeFileSync(path, JSON.stringify({ format: 'kindred-graphql-allowlist/1', generatedAt: new Date().toISOString(), operations: entries }));
    t = await createConfiguredTestApp({ GRAPHQL_ALLOWLIST: path });
    await t.reset();
    // Through the web app's own sign-up document: the fixture's is not on the list.
    const input = { email: 'allowlisted@example.org', password: 'Tall-river-9-lantern', displayName: 'Dr Listed', profession: 'doctor' };
    const res = await post<{ signUp: { accessToken: string; account: { id: string } } }>(t, { query: print(apiClient.SIGN_UP), variables: { input } });
    token = res.body.data!.signUp.accessToken;
    userId = res.body.data!.signUp.account.id;
  });
  afterAll(async () => t?.close());

  it('runs a listed operation sent as the web app sends it (Apollo Client, __typename added)', async () => {
    const client = new ApolloClient({ link: new HttpLink({ uri: `${t.url}/graphql`, fetch }), cache: new InMemoryCache() });
    const result = await client.query({ query: apiClient.INDICATORS });
    expect(result.error).toBeUndefined();
    expect(result.data?.indicators).toEqual([]);
    const me = await client.query({ query: apiClient.ME, context: { headers: { authorization: `Bearer ${token}` } } });
    expect(me.data?.me.id).toBe(userId);
  });

  it('runs a listed operation whatever its layout', async () => {
    const squeezed = indicatorsEntry.document.replace(/\s+/g, ' ');
    const res = await post(t, { query: `# a comment\n${squeezed}` });
    expect(res.body.errors).toBeUndefined();
  });

  it('runs a listed operation sent by hash alone (persisted query)', async () => {
    const res = await post(t, { extensions: { persistedQuery: { version: 1, sha256Hash: indicatorsEntry.sha256 } } });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data).toEqual({ indicators: [] });
  });

  it('refuses anything else with OPERATION_NOT_ALLOWED, before running it', async () => {
    const other = await post(t, { query: '{ themes { id } }' });
    expect(other.status).toBe(400);
    expect(other.body.data).toBeUndefined();
    expect(other.body.errors?.[0]?.extensions?.code).toBe(ERROR_CODES.operationNotAllowed);
    const widened = await post(t, { query: indicatorsEntry.document.replace('name', 'name description') });
    expect(widened.body.errors?.[0]?.extensions?.code).toBe(ERROR_CODES.operationNotAllowed);
    const renamed = await post(t, { query: indicatorsEntry.document.replace('query Indicators', 'query Mine') });
    expect(renamed.body.errors?.[0]?.extensions?.code).toBe(ERROR_CODES.operationNotAllowed);
    const users = await count(t, 'users');
    const signUpWrite = `mutation { signUp(input: { email: "x@example.org", password: "Tall-river-9-lantern", displayName: "Dr X", profession: "doctor" }) { accessToken } }`;
    expect((await post(t, { query: signUpWrite })).body.errors?.[0]?.extensions?.code).toBe(ERROR_CODES.operationNotAllowed);
    expect(await count(t, 'users')).toBe(users);
  });

  it('lets every operation of the web app through the depth and complexity limits at the page sizes it uses', () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const measured = entries.map((entry) => {
      const document = parse(entry.document);
      const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
      // The largest pages the web app asks for: map markers 300, threads and inbox 50.
      const variables = sampleVariables(schema, operation, entry.name === 'MapProjects' ? 300 : 50);
      return { operation: entry.name, depth: operationDepth(document, operation), ...operationComplexity(schema, document, operation, variables) };
    });
    for (const m of measured) {
      expect(m).toEqual({ operation: m.operation, depth: expect.any(Number), complexity: expect.any(Number) });
      expect({ operation: m.operation, withinLimits: m.depth <= 12 && 'complexity' in m && m.complexity <= 2000 }).toEqual({
        operation: m.operation,
        withinLimits: true,
      });
    }
  });

  it('refuses an unknown hash without running anything', async () => {
    const res = await post(t, { extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } });
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });
});
