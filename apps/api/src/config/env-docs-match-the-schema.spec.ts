import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { envSchema } from './app-config';

/** Every variable the API reads is documented in both places operators look, and nothing else is. */
describe('configuration docs', () => {
  const root = join(__dirname, '..', '..', '..', '..');
  const schemaKeys = Object.keys(envSchema.shape).sort();
  const readmeKeys = [...readFileSync(join(root, 'README.md'), 'utf8').matchAll(/^\| `([A-Z][A-Z0-9_]*)` \|/gm)].map((m) => m[1]).sort();
  const exampleKeys = [...readFileSync(join(root, '.env.example'), 'utf8').matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]).sort();

  it('lists every variable in the README configuration table', () => {
    expect(readmeKeys).toEqual(schemaKeys);
  });

  it('lists every variable in .env.example', () => {
    expect(exampleKeys).toEqual(schemaKeys);
  });
});
