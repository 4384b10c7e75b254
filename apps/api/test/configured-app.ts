import type { TestApp } from './test-app';

/**
 * A test app built with extra environment variables, put back as they were straight after.
 * Configuration is read once, when the app module is first loaded (and Nest's GraphQL type
 * metadata is global to the process), so this must be the first thing in its test file to load
 * the app: one configured app per file, and no static import of test-app or src/bootstrap there.
 */
export async function createConfiguredTestApp(env: Record<string, string>): Promise<TestApp> {
  const previous = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { createTestApp } = require('./test-app') as typeof import('./test-app');
    return await createTestApp();
  } finally {
    for (const [key, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}
