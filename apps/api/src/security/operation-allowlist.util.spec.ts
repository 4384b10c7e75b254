import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'graphql';
import { allowlistEntries, loadAllowlist, normaliseDocument, OperationAllowlist, operationHash, sha256Hex } from './operation-allowlist.util';

const WEB = parse(`
  query Project($id: ID!) { project(id: $id) { ...ProjectFields } }
  fragment ProjectFields on Project { id title owner { ...Owner } }
  fragment Owner on Clinician { id displayName }
`);

describe('operation allow-list', () => {
  it('hashes the same operation alike whatever its layout, __typename or fragment order', () => {
    const asApolloSendsIt = parse(`
      query Project($id: ID!) { project(id: $id) { ...ProjectFields __typename } }
      fragment Owner on Clinician { id displayName __typename }
      fragment ProjectFields on Project { id, title, owner { ...Owner __typename } __typename }
    `);
    expect(operationHash(asApolloSendsIt)).toBe(operationHash(WEB));
    expect(normaliseDocument(WEB)).toMatch(/^query Project\(\$id: ID!\) \{/);
  });

  it('tells apart anything that changes what is asked', () => {
    const hash = operationHash(WEB);
    expect(operationHash(parse(`query Project($id: ID!) { project(id: $id) { id } }`))).not.toBe(hash);
    expect(operationHash(parse(WEB.loc!.source.body.replace('displayName', 'displayName role')))).not.toBe(hash);
    expect(operationHash(parse(WEB.loc!.source.body.replace('query Project', 'query Other')))).not.toBe(hash);
    // An aliased __typename is a real selection, kept.
    expect(operationHash(parse(WEB.loc!.source.body.replace('id title', 'id title t: __typename')))).not.toBe(hash);
  });

  it('lists every exported document with an operation, once, and serves hash-only requests', () => {
    const fragmentOnly = parse('fragment Owner on Clinician { id }');
    const entries = allowlistEntries({ PROJECT: WEB, OWNER: fragmentOnly, AGAIN: WEB, label: 'not a document' });
    expect(entries).toEqual([{ name: 'Project', type: 'query', sha256: operationHash(WEB), document: normaliseDocument(WEB) }]);
    expect(sha256Hex(entries[0]!.document)).toBe(entries[0]!.sha256);
    const list = new OperationAllowlist(entries);
    expect(list.allows(WEB)).toBe(true);
    expect(list.allows(fragmentOnly)).toBe(false);
    expect(list.documentFor(entries[0]!.sha256)).toBe(entries[0]!.document);
    expect(list.documentFor('0'.repeat(64))).toBeUndefined();
  });
});

describe('loading GRAPHQL_ALLOWLIST', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kindred-allowlist-spec-'));
  const write = (name: string, content: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  };
  const [entry] = allowlistEntries({ PROJECT: WEB });

  it('loads a list written by the generator', () => {
    const path = write('ok.json', { format: 'kindred-graphql-allowlist/1', generatedAt: '', operations: [entry] });
    expect(loadAllowlist(path).allows(WEB)).toBe(true);
  });

  it('stops the start on a missing, foreign or tampered list, naming the variable', () => {
    expect(() => loadAllowlist(join(dir, 'missing.json'))).toThrow(/GRAPHQL_ALLOWLIST: cannot read .*missing\.json/);
    expect(() => loadAllowlist(write('foreign.json', { operations: [] }))).toThrow(/GRAPHQL_ALLOWLIST: .* is not an allow-list/);
    const tampered = { ...entry!, document: 'query Project { project(id: "1") { id } }' };
    expect(() => loadAllowlist(write('tampered.json', { format: 'kindred-graphql-allowlist/1', generatedAt: '', operations: [tampered] }))).toThrow(
      /the hash of operation Project does not match its document/,
    );
  });
});
