#!/usr/bin/env node
// Writes the GraphQL operation allow-list (GRAPHQL_ALLOWLIST) from the web app's documents:
// every exported DocumentNode with an operation in libs/api-client, hashed the way the API
// compares them (apps/api/src/security/operation-allowlist.util.ts, used here as it is).
//
//   npm run graphql:allowlist [-- --out dist/graphql-allowlist.json]
//
// The TypeScript sources are transpiled (no type check) into node_modules/.cache, then required.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outArg = process.argv.indexOf('--out');
const out = resolve(root, outArg > 0 ? process.argv[outArg + 1] : 'dist/graphql-allowlist.json');
const cache = join(root, 'node_modules', '.cache', 'kindred-graphql-allowlist');

function transpileTree(fromDir, toDir, include) {
  mkdirSync(toDir, { recursive: true });
  for (const name of readdirSync(fromDir)) {
    if (!include(name)) continue;
    const source = readFileSync(join(fromDir, name), 'utf8');
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
      fileName: name,
    });
    writeFileSync(join(toDir, name.replace(/\.ts$/, '.js')), outputText);
  }
}

rmSync(cache, { recursive: true, force: true });
const clientSrc = join(root, 'libs', 'api-client', 'src');
transpileTree(clientSrc, join(cache, 'api-client'), (n) => n.endsWith('.ts') && !n.endsWith('.spec.ts') && !n.endsWith('.d.ts'));
const utilSrc = join(root, 'apps', 'api', 'src', 'security');
transpileTree(utilSrc, join(cache, 'security'), (n) => n === 'operation-allowlist.util.ts');

const require = createRequire(join(cache, 'index.js'));
const { allowlistEntries } = require('./security/operation-allowlist.util.js');
const documents = require('./api-client/index.js');
const operations = allowlistEntries(documents);
if (!operations.length) {
  process.stderr.write('graphql:allowlist: no operations found in libs/api-client\n');
  process.exit(1);
}
mkdirSync(dirname(out), { recursive: true });
const file = { format: 'kindred-graphql-allowlist/1', generatedAt: new Date().toISOString(), operations };
writeFileSync(out, `${JSON.stringify(file, null, 2)}\n`);
process.stdout.write(`GraphQL allow-list: ${operations.length} operations written to ${relative(root, out)}\n`);
