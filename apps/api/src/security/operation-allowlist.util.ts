import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type DefinitionNode, type DocumentNode, Kind, parse, print, visit } from 'graphql';

/**
 * The allow-list of GraphQL operations (GRAPHQL_ALLOWLIST): the operations of the web app's
 * documents in `libs/api-client`, written by `npm run graphql:allowlist` (tools/graphql-allowlist.mjs,
 * which uses these same functions, so the server and the list agree on every byte).
 *
 * A document is compared in a normal form, so that what Apollo Client sends matches what the
 * library holds: `__typename` selections (added by Apollo's cache) are dropped, operations come
 * before fragments and each group is sorted by name, and the result is printed by graphql-js
 * (which fixes whitespace, commas and argument layout). The hash is the SHA-256 of that text.
 */
export function normaliseDocument(document: DocumentNode): string {
  const withoutTypename = visit(document, {
    Field(node) {
      return node.name.value === '__typename' && !node.alias ? null : undefined;
    },
  });
  const rank = (d: DefinitionNode) => (d.kind === Kind.OPERATION_DEFINITION ? 0 : 1);
  const name = (d: DefinitionNode) => ('name' in d && d.name ? d.name.value : '');
  const definitions = [...withoutTypename.definitions].sort((a, b) => rank(a) - rank(b) || name(a).localeCompare(name(b)));
  return print({ ...withoutTypename, definitions });
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The allow-list hash of a document. */
export function operationHash(document: DocumentNode): string {
  return sha256Hex(normaliseDocument(document));
}

export interface AllowlistEntry {
  /** Operation name, e.g. "SignIn". */
  name: string;
  type: 'query' | 'mutation' | 'subscription';
  /** SHA-256 of `document`. */
  sha256: string;
  /** The normalised document (operation and its fragments), as sent for a hash-only request. */
  document: string;
}

export interface AllowlistFile {
  format: 'kindred-graphql-allowlist/1';
  generatedAt: string;
  operations: AllowlistEntry[];
}

/** Operations allowed in production, by hash. */
export class OperationAllowlist {
  private readonly byHash: Map<string, AllowlistEntry>;

  constructor(entries: readonly AllowlistEntry[]) {
    this.byHash = new Map(entries.map((e) => [e.sha256, e]));
  }

  get size(): number {
    return this.byHash.size;
  }

  /** The document listed under this hash (for `extensions.persistedQuery` requests without a query). */
  documentFor(hash: string): string | undefined {
    return this.byHash.get(hash)?.document;
  }

  allows(document: DocumentNode): boolean {
    return this.byHash.has(operationHash(document));
  }
}

/**
 * Reads and checks an allow-list file; any problem stops the start with the path and the reason,
 * since running "allow-listed" with a broken list would refuse everything (or nothing).
 */
export function loadAllowlist(path: string): OperationAllowlist {
  const fullPath = resolve(path);
  let file: AllowlistFile;
  try {
    file = JSON.parse(readFileSync(fullPath, 'utf8')) as AllowlistFile;
  } catch (error) {
    throw new Error(`Invalid configuration:\n  GRAPHQL_ALLOWLIST: cannot read ${fullPath} (${(error as Error).message}); run npm run graphql:allowlist`);
  }
  if (file?.format !== 'kindred-graphql-allowlist/1' || !Array.isArray(file.operations) || !file.operations.length) {
    throw new Error(`Invalid configuration:\n  GRAPHQL_ALLOWLIST: ${fullPath} is not an allow-list written by npm run graphql:allowlist`);
  }
  for (const entry of file.operations) {
    // Re-derive each hash, so a hand-edited list cannot smuggle in a document under another hash.
    if (typeof entry.document !== 'string' || operationHash(parse(entry.document)) !== entry.sha256) {
      throw new Error(`Invalid configuration:\n  GRAPHQL_ALLOWLIST: ${fullPath}: the hash of operation ${entry.name} does not match its document`);
    }
  }
  return new OperationAllowlist(file.operations);
}

/** Every operation in these exports (DocumentNodes of the web app's document library), for the generator. */
export function allowlistEntries(exports: Record<string, unknown>): AllowlistEntry[] {
  const entries = new Map<string, AllowlistEntry>();
  for (const value of Object.values(exports)) {
    if (!isDocumentNode(value)) continue;
    const operation = value.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
    if (!operation || operation.kind !== Kind.OPERATION_DEFINITION) continue;
    const document = normaliseDocument(value);
    const sha256 = sha256Hex(document);
    entries.set(sha256, { name: operation.name?.value ?? '(anonymous)', type: operation.operation, sha256, document });
  }
  return [...entries.values()].sort((a, b) => a.name.localeCompare(b.name) || a.sha256.localeCompare(b.sha256));
}

function isDocumentNode(value: unknown): value is DocumentNode {
  return typeof value === 'object' && value !== null && (value as DocumentNode).kind === Kind.DOCUMENT && Array.isArray((value as DocumentNode).definitions);
}
